package vn.congvan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Viewers;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * Publishing to a group of 3,000 units (made in one statement here): the request's statements do not grow with the
 * units, every unit gets its line, notices and the index follow the commit and cannot undo it, and the ledger of
 * 3,000 lines is paged, filtered and exported whole.
 */
@CongvanIntegrationTest
class FanOutIntegrationTests {

    static final int UNITS = 3_000;

    @Autowired
    DispatchManagement management;

    @Autowired
    Viewers viewers;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    AccountManagement accounts;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    CurrentUser clerk;

    UnitSummary board;

    Long groupId;

    Long firstUnitId;

    String prefix;

    @Autowired
    DeliveryLedger ledger;

    @BeforeEach
    void makeAGroupOfThreeThousandUnits() {
        board = Issuers.partyBoard(administration, management, "phát hành diện rộng")
                .board();
        clerk = new TestUsers(organization).clerk(board.code());
        UnitSummary root = Units.root(administration, "Khối thử phát hành diện rộng");
        prefix = Units.uniqueCode("F");
        jdbc.update("""
                insert into unit (parent_id, kind, code, name, short_name, symbol_code, place_name)
                select ?, 'GRASSROOTS_PARTY_COMMITTEE', ? || '-' || lpad(n::text, 4, '0'),
                    'Chi bộ khu phố Tân Định ' || lpad(n::text, 4, '0'), 'Chi bộ ' || n, 'CB', 'Quận 1'
                from generate_series(1, ?) as n
                """, root.id(), prefix, UNITS);
        groupId = jdbc.queryForObject(
                "insert into unit_group (code, name) values (?, ?) returning id",
                Long.class,
                prefix,
                "Các chi bộ thử " + prefix);
        jdbc.update(
                "insert into unit_group_member (group_id, unit_id) select ?, id from unit where parent_id = ?",
                groupId,
                root.id());
        firstUnitId = jdbc.queryForObject("select min(id) from unit where parent_id = ?", Long.class, root.id());
        accounts.openUnlessExists(new NewAccount(
                "fanout-" + prefix.toLowerCase(),
                "Bí thư chi bộ",
                prefix.toLowerCase() + "@khupho.test",
                firstUnitId,
                Set.of(Role.MEMBER),
                "Demo@2023"));
    }

    @Test
    void publishingToThreeThousandUnitsTakesAFewStatementsAndGivesEveryExistingUnitItsLine() {
        // One unit of the group ceased to exist before the day of issue, one begins after it: neither receives it.
        jdbc.update("update unit set valid_from = '2025-01-01', valid_to = '2025-08-01' where id = ?", firstUnitId + 1);
        jdbc.update("update unit set valid_from = '2025-09-02' where id = ?", firstUnitId + 2);
        Long id = draft("Về việc phát hành đến ba nghìn chi bộ");
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        DispatchReference sent;
        try {
            sent = management.publish(id, null, LocalDate.of(2025, 9, 1), clerk);
            // One statement per unit (an entity saved per delivery, a row per element of the recipient collection)
            // would be thousands; what is left is reading the draft, numbering it and writing it.
            assertThat(statistics.getPrepareStatementCount()).isLessThan(40);
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }

        assertThat(jdbc.queryForObject("select count(*) from delivery where dispatch_id = ?", Integer.class, sent.id()))
                .isEqualTo(UNITS - 2);
        assertThat(jdbc.queryForList(
                        "select unit_id from delivery where dispatch_id = ? and unit_id in (?, ?, ?)",
                        Long.class,
                        sent.id(),
                        firstUnitId,
                        firstUnitId + 1,
                        firstUnitId + 2))
                .containsExactly(firstUnitId);
        assertThat(jdbc.queryForList(
                        "select unnest(unit_ids) from dispatch_recipient_units where dispatch_id = ?",
                        Long.class,
                        sent.id()))
                .hasSize(UNITS - 2)
                .doesNotContain(firstUnitId + 1, firstUnitId + 2)
                .isSorted();
        assertThat(jdbc.queryForObject(
                        "select cardinality(recipient_unit_ids) from search_document" + " where dispatch_id = ?",
                        Integer.class,
                        sent.id()))
                .isEqualTo(UNITS - 2);
        assertThat(jdbc.queryForList(
                        "select recipient from mail_outbox where dispatch_id = ?", String.class, sent.id()))
                .hasSize(1);
        assertThat(outstanding(sent.id())).isZero();
    }

    @Test
    void aNoticeThatCannotBeWrittenNeitherUndoesThePublicationNorIsForgotten() {
        Long id = draft("Về việc thông báo bị từ chối");
        jdbc.execute("""
                create or replace function fanout_test_refuse_notice() returns trigger language plpgsql as $$
                begin raise exception 'the outbox refuses this notice (test)'; end $$
                """);
        jdbc.execute("""
                create trigger fanout_test_refuse_notice before insert on mail_outbox for each row
                when (new.subject like '%thông báo bị từ chối%') execute function fanout_test_refuse_notice()
                """);
        DispatchReference sent;
        try {
            sent = management.publish(id, null, LocalDate.of(2025, 9, 2), clerk);

            assertThat(jdbc.queryForObject("select status from dispatch where id = ?", String.class, sent.id()))
                    .isEqualTo("PUBLISHED");
            assertThat(jdbc.queryForObject(
                            "select count(*) from delivery where dispatch_id = ?", Integer.class, sent.id()))
                    .isEqualTo(UNITS);
            assertThat(jdbc.queryForObject(
                            "select count(*) from search_document where dispatch_id = ?", Integer.class, sent.id()))
                    .isOne();
            assertThat(jdbc.queryForObject(
                            "select count(*) from mail_outbox where dispatch_id = ?", Integer.class, sent.id()))
                    .isZero();
            assertThat(outstanding(sent.id())).isOne();
        } finally {
            jdbc.execute("drop trigger fanout_test_refuse_notice on mail_outbox");
            jdbc.execute("drop function fanout_test_refuse_notice()");
        }

        incomplete.resubmitIncompletePublications(
                publication -> publication.getEvent().toString().contains("dispatchId=" + sent.id() + ","));

        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_outbox where dispatch_id = ?", Integer.class, sent.id()))
                .isOne();
        assertThat(outstanding(sent.id())).isZero();
    }

    @Test
    void aMemberWhoComesBeforeTheLedgerLinesGetsTheLineAndTheViewIsRecorded() throws Exception {
        DispatchReference sent =
                management.publish(draft("Về việc xem trước khi sổ được ghi"), null, LocalDate.of(2025, 9, 4), clerk);
        // The moment after the commit, before the after-commit listener wrote the line of this unit.
        jdbc.update("delete from delivery where dispatch_id = ? and unit_id = ?", sent.id(), firstUnitId);
        CurrentUser member = new TestUsers(organization).member(prefix + "-0001");

        mvc.perform(get("/hop-thu/" + sent.id()).with(user(member))).andExpect(status().isOk());

        assertThat(jdbc.queryForObject("""
                select first_viewed_at is not null from delivery where dispatch_id = ? and unit_id = ?
                """, Boolean.class, sent.id(), firstUnitId))
                .isTrue();
        // A member of the issuing board: not one of the group's units, so no line and no access.
        CurrentUser stranger = new TestUsers(organization).member(board.code());
        assertThat(ledger.statusFor(sent.id(), viewers.of(stranger))).isEmpty();
        mvc.perform(get("/hop-thu/" + sent.id()).with(user(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void ledgerLinesWrittenAfterAWithdrawalAreWithdrawnAndAFailedListenerIsRetried() {
        Long id = draft("Về việc sổ ghi sau khi thu hồi");
        jdbc.execute("""
                create or replace function fanout_test_refuse_line() returns trigger language plpgsql as $$
                begin raise exception 'the ledger refuses this line (test)'; end $$
                """);
        jdbc.execute("create trigger fanout_test_refuse_line before insert on delivery for each row"
                + " when (new.dispatch_id = " + id + ") execute function fanout_test_refuse_line()");
        try {
            management.publish(id, null, LocalDate.of(2025, 9, 5), clerk);

            // The publication stands without its lines; the recipients it froze are kept with it.
            assertThat(jdbc.queryForObject("select status from dispatch where id = ?", String.class, id))
                    .isEqualTo("PUBLISHED");
            assertThat(jdbc.queryForObject(
                            "select cardinality(unit_ids) from dispatch_recipient_units" + " where dispatch_id = ?",
                            Integer.class,
                            id))
                    .isEqualTo(UNITS);
            assertThat(jdbc.queryForObject("select count(*) from delivery where dispatch_id = ?", Integer.class, id))
                    .isZero();
            assertThat(outstanding(id)).isOne();
            management.withdraw(id, "Ban hành nhầm đối tượng", clerk);
        } finally {
            jdbc.execute("drop trigger fanout_test_refuse_line on delivery");
            jdbc.execute("drop function fanout_test_refuse_line()");
        }

        incomplete.resubmitIncompletePublications(
                publication -> publication.getEvent().toString().contains("dispatchId=" + id + ","));

        assertThat(jdbc.queryForObject("select count(*) from delivery where dispatch_id = ?", Integer.class, id))
                .isEqualTo(UNITS);
        assertThat(jdbc.queryForObject(
                        "select count(*) from delivery where dispatch_id = ? and withdrawn_at is null",
                        Integer.class,
                        id))
                .isZero();
        assertThat(outstanding(id)).isZero();
    }

    @Test
    void theLedgerOfThreeThousandUnitsIsPagedFilteredSearchedAndExportedWhole() throws Exception {
        DispatchReference sent =
                management.publish(draft("Về việc sổ theo dõi ba nghìn dòng"), null, LocalDate.of(2025, 9, 3), clerk);
        jdbc.update("""
                update delivery set first_viewed_at = now(), acknowledged_at = now(), acknowledged_by = 'thu'
                where dispatch_id = ? and unit_id < ?
                """, sent.id(), firstUnitId + 7);
        String ledger = "/quan-ly/cong-van/" + sent.id() + "/so-theo-doi";

        String first = mvc.perform(get(ledger).with(user(clerk)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("7/3.000 đơn vị đã xác nhận")))
                .andExpect(content().string(containsString("Chi bộ khu phố Tân Định 0100")))
                .andExpect(content().string(not(containsString("Chi bộ khu phố Tân Định 0101"))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(first.getBytes(StandardCharsets.UTF_8).length).isLessThan(200_000);
        mvc.perform(get(ledger).param("trang", "30").with(user(clerk)))
                .andExpect(content().string(containsString("Chi bộ khu phố Tân Định 3000")))
                .andExpect(content().string(not(containsString("Chi bộ khu phố Tân Định 2900<"))));
        mvc.perform(get(ledger).param("loc", "ACKNOWLEDGED").with(user(clerk)))
                .andExpect(content().string(containsString("7 đơn vị phù hợp")))
                .andExpect(content().string(containsString("Chi bộ khu phố Tân Định 0007")))
                .andExpect(content().string(not(containsString("Chi bộ khu phố Tân Định 0008"))));
        mvc.perform(get(ledger)
                        .param("loc", "NOT_VIEWED")
                        .param("don-vi", "tan dinh 0042")
                        .with(user(clerk)))
                .andExpect(content().string(containsString("1 đơn vị phù hợp")))
                .andExpect(content().string(containsString("Chi bộ khu phố Tân Định 0042")));

        String csv = mvc.perform(get(ledger + ".csv").with(user(clerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(UNITS + 1);
        assertThat(lines.get(1)).startsWith("\"Chi bộ khu phố Tân Định 0001\"");
        assertThat(lines.get(UNITS)).startsWith("\"Chi bộ khu phố Tân Định 3000\"");
        String acknowledged = mvc.perform(
                        get(ledger + ".csv").param("loc", "ACKNOWLEDGED").with(user(clerk)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(acknowledged.lines()).hasSize(8);
    }

    private Long draft(String subject) {
        return management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .type("TB")
                        .subject(subject)
                        .addressees(Recipient.group("Các chi bộ khu phố", groupId))
                        .build(),
                clerk);
    }

    /** After-commit work of this dispatch's publication that has not completed (the registry deletes what has). */
    private int outstanding(Long dispatchId) {
        return jdbc.queryForObject("""
                select count(*) from event_publication
                where completion_date is null and serialized_event like ?
                """, Integer.class, "%\"dispatchId\":" + dispatchId + ",%");
    }
}
