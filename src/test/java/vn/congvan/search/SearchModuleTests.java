package vn.congvan.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.congvan.ModuleTestSupport;
import vn.congvan.attachment.Attachments;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchPublished;
import vn.congvan.dispatch.DispatchViews;
import vn.congvan.dispatch.DispatchWithdrawn;
import vn.congvan.dispatch.PublicCatalogVersion;
import vn.congvan.dispatch.Viewer;
import vn.congvan.dispatch.Visibility;
import vn.congvan.system.Rows;

/**
 * The search module alone: the dispatch module is a stub that answers what a publication looks like, the index is
 * real PostgreSQL full-text search.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import(ModuleTestSupport.class)
class SearchModuleTests {

    static final LocalDate ISSUED_ON = LocalDate.of(2025, 9, 3);

    @MockitoBean
    DispatchCatalog catalog;

    @MockitoBean
    Attachments attachments;

    @MockitoBean
    PublicCatalogVersion catalogVersion;

    @Autowired
    DispatchSearch search;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPublicationIsFoundWithoutDiacriticsAfterItCommittedAndAWithdrawalRemovesIt(Scenario scenario) {
        long issuer = Rows.unit(jdbc, "Ủy ban nhân dân phường thử nghiệm");
        long recipient = Rows.unit(jdbc, "Đảng ủy phường thử nghiệm");
        String subject = "Về việc phòng chống sạt lở bờ sông Sài Gòn";
        long dispatch = Rows.publishedDispatch(jdbc, issuer, 17, subject, "PUBLIC", ISSUED_ON);
        given(catalog.publishedForIndexing(dispatch))
                .willReturn(Optional.of(DispatchViews.indexable(
                        DispatchViews.published(dispatch, issuer, "17/CV-UBND", subject, Visibility.PUBLIC, ISSUED_ON),
                        Set.of(recipient))));
        Viewer anyone = Viewer.anonymous();
        SearchQuery query = new SearchQuery("sat lo bo song", null, null, null, null, null);

        scenario.publish(new DispatchPublished(dispatch, issuer, "17/CV-UBND", Set.of(recipient), Instant.now()))
                .andWaitForStateChange(() ->
                        search.search(query, anyone, PageRequest.of(0, 10)).getContent())
                .andVerify(hits ->
                        assertThat(hits).extracting(SearchHit::dispatchId).containsExactly(dispatch));

        scenario.publish(new DispatchWithdrawn(dispatch, "17/CV-UBND", "Ban hành nhầm", Instant.now()))
                .andWaitForStateChange(
                        () -> jdbc.queryForObject(
                                "select count(*) from search_document where dispatch_id = ?", Integer.class, dispatch),
                        count -> count == 0)
                .andVerify(count -> assertThat(search.search(query, anyone, PageRequest.of(0, 10)))
                        .isEmpty());
    }
}
