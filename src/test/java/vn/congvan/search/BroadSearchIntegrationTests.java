package vn.congvan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.demo.DemoData;
import vn.congvan.dispatch.Viewer;

/**
 * The path taken by queries that match more dispatches than the count limit (common words over a large archive),
 * reached here with a limit of 1 so that the demo's dispatches are "many".
 */
@CongvanIntegrationTest
class BroadSearchIntegrationTests {

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DemoData demo;

    @Test
    void aBroadQueryRanksItsNewestMatchesAndStillFindsThem() throws IOException {
        DemoData.Samples samples = demo.load();
        DispatchSearch broad = new DispatchSearch(jdbc, 1, 1);
        DispatchSearch exact = new DispatchSearch(jdbc);
        SearchQuery query = new SearchQuery("thong bao nhanh", null, null, null, null, null);

        Page<SearchHit> first =
                transaction.execute(status -> broad.search(query, Viewer.anonymous(), PageRequest.of(0, 1)));
        Page<SearchHit> second =
                transaction.execute(status -> broad.search(query, Viewer.anonymous(), PageRequest.of(1, 1)));
        List<Long> all = transaction
                .execute(status -> exact.search(query, Viewer.anonymous(), PageRequest.of(0, 50)))
                .map(SearchHit::dispatchId)
                .getContent();

        assertThat(first.getTotalElements()).isEqualTo(2);
        assertThat(first.getContent())
                .singleElement()
                .extracting(SearchHit::dispatchId)
                .isIn(all);
        assertThat(second.getContent())
                .singleElement()
                .extracting(SearchHit::dispatchId)
                .isIn(all)
                .isNotEqualTo(first.getContent().get(0).dispatchId());
        assertThat(all).contains(samples.district().id(), samples.city().id());
    }
}
