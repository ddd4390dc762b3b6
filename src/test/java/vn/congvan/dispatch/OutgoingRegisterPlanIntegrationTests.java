package vn.congvan.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.organization.OrganizationAdministration;

/**
 * The register at a hundred thousand dispatches of one issuer (ten years of ten thousand): PostgreSQL reads the
 * year it is asked for from the register's index, not the whole table. The rows are written and the plans read in
 * one transaction that is rolled back, so no other test sees them. Plans, not times, are asserted; the times are
 * printed for the record (the machine is shared).
 */
@CongvanIntegrationTest
class OutgoingRegisterPlanIntegrationTests {

    private static final int DISPATCHES = 20_000;

    @Autowired
    OutgoingRegister register;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    DispatchManagement management;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aYearOfOneIssuerIsReadFromTheRegistersIndex() {
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử sổ 20.000 văn bản");
        Viewer clerk = new Viewer("van-thu", Set.of(), issuer.board().id(), false);
        transactions.executeWithoutResult(status -> {
            long started = System.nanoTime();
            jdbc.update("""
                    insert into dispatch (family, type_code, number, symbol, numbering_series, issuer_unit_id,
                        issuer_name, issuer_header, issued_on, place, subject, body, priority, visibility, status,
                        created_at, updated_at, published_at)
                    select 'PARTY', case when g % 5 = 0 then 'KH' else 'CV' end, g,
                        case when g % 5 = 0 then 'KH/BTGQU' else 'CV/BTGQU' end, 'NK 2020-2025', ?, 'Ban Tuyên giáo',
                        'BAN TUYÊN GIÁO', date '2015-01-01' + (g % 3650), 'Quận 1', 'Về việc thứ ' || g, 'Nội dung.',
                        0, 'RESTRICTED', 'PUBLISHED', now(), now(), now()
                    from generate_series(1, ?) g
                    """, issuer.board().id(), DISPATCHES);
            long inserted = System.nanoTime();
            jdbc.execute("analyze dispatch");
            // One plan whatever the machine: no parallel workers splitting the index scan.
            jdbc.execute("set local max_parallel_workers_per_gather = 0");
            System.out.printf(
                    "Inserted %d dispatches in %d ms, analysed in %d ms%n",
                    DISPATCHES, (inserted - started) / 1_000_000, (System.nanoTime() - inserted) / 1_000_000);
            OutgoingRegister.Query year = OutgoingRegister.Query.year(2024);

            List<String> page = explain(register.pageStatement(clerk, year, PageRequest.of(3, 50)));
            List<String> count = explain(register.countStatement(clerk, year));
            List<String> filtered = explain(register.pageStatement(
                    clerk, new OutgoingRegister.Query(2024, "KH", null, null, "thu 12"), PageRequest.of(0, 50)));

            // Which of the issuer's indexes the planner takes depends on what else the shared test database holds
            // (the register's own index, or the number index that also leads with the issuer); what must never
            // happen is reading every dispatch of every issuer (ADR 0037).
            for (List<String> plan : List.of(page, count, filtered)) {
                assertThat(String.join("\n", plan))
                        .containsPattern("Index (Only )?Scan (using|on) dispatch_(outgoing_register_idx|number_unique)")
                        .doesNotContain("Seq Scan on dispatch d");
            }
            System.out.println("Register plan at " + DISPATCHES + " dispatches of one issuer, page 4 of 2024:\n"
                    + String.join("\n", page) + "\ncount:\n" + String.join("\n", count));
            Long inYear = jdbc.queryForObject(
                    "select count(*) from dispatch where issuer_unit_id = ? and extract(year from issued_on) = 2024",
                    Long.class,
                    issuer.board().id());
            assertThat(inYear).isGreaterThan(1_800L);
            assertThat(register.page(clerk, year, 0, 50).getTotalElements()).isEqualTo(inYear);
            status.setRollbackOnly();
        });
    }

    private List<String> explain(OutgoingRegister.Statement statement) {
        return new NamedParameterJdbcTemplate(jdbc)
                .queryForList("explain (analyze, costs off) " + statement.sql(), statement.parameters(), String.class);
    }
}
