package vn.congvan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.dispatch.Viewer;

/**
 * The count reads the indexed stripe of documents first and the rest after it (V42, ADR 0039): the two parts add up
 * to the same count as before, capped the same way. The documents are written straight into the read model, with ids
 * chosen to fill all four stripes, in a transaction that is rolled back.
 */
@CongvanIntegrationTest
class StripedCountIntegrationTests {

    /** 256 consecutive ids from here: 64 in each stripe (1,000,000 / 64 = 15,625, so the first 64 are stripe 1). */
    private static final long FIRST = 1_000_000;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theStripesAddUpToTheWholeCount() {
        long total = inRolledBackDocuments(
                () -> search(new DispatchSearch(jdbc), "ngựa vằn").getTotalElements());

        // Every fourth document is restricted: an anonymous visitor counts the other 192, from all four stripes.
        assertThat(total).isEqualTo(192);
    }

    @Test
    void aStripeWithMoreMatchesThanTheLimitSaysMoreThanTheLimit() {
        Page<SearchHit> capped = inRolledBackDocuments(() -> search(new DispatchSearch(jdbc, 40, 20), "ngua van"));

        assertThat(capped.getTotalElements()).isEqualTo(41);
        assertThat(capped.getContent()).hasSize(20);
    }

    @Test
    void aLimitAboveTheStripeCountsIntoTheRest() {
        long total = inRolledBackDocuments(
                () -> search(new DispatchSearch(jdbc, 100, 20), "ngựa vằn").getTotalElements());

        assertThat(total).isEqualTo(101);
    }

    private static Page<SearchHit> search(DispatchSearch search, String text) {
        return search.search(
                new SearchQuery(text, null, null, null, null, null), Viewer.anonymous(), PageRequest.of(0, 20));
    }

    private <T> T inRolledBackDocuments(Supplier<T> work) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            // The read model's rows normally belong to dispatches; here they stand alone, so the foreign keys are
            // not checked for this transaction.
            jdbc.getJdbcTemplate().execute("set local session_replication_role = replica");
            jdbc.getJdbcTemplate().update("""
                    insert into search_document (dispatch_id, visibility, issuer_unit_id, issuer_name, type_code,
                        issued_on, number, number_key, notation, subject, body, recipient_unit_ids)
                    select id, case when id % 4 = 0 then 'RESTRICTED' else 'PUBLIC' end, 1, 'Ban Tuyên giáo', 'TB',
                        date '2024-01-01' + (id - ?)::integer, 900, '900 tb btg', '900-TB/BTG',
                        'Thông báo số ' || id, 'Bảo tồn ngựa vằn ở thảo cầm viên', '{}'
                    from generate_series(?::bigint, ?::bigint) id
                    """, FIRST, FIRST, FIRST + 255);
            return work.get();
        });
    }
}
