package vn.congvan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchViews;
import vn.congvan.dispatch.DispatchWithdrawn;
import vn.congvan.dispatch.Viewer;
import vn.congvan.dispatch.Visibility;

/**
 * The recent search documents (V52, ADR 0057) are always the newest ones in the order broad queries read (issued_on
 * desc, dispatch_id desc), whatever is written: a newer dispatch, a backdated one, a re-indexed one, a withdrawal.
 * The set has 3 documents here, and the documents are dated in 2090 so that they are the newest of the shared test
 * database; each test runs in a transaction that is rolled back, with the foreign keys of the read model unchecked
 * (its rows stand alone, without dispatches).
 */
@CongvanIntegrationTest
class RecentDocumentsIntegrationTests {

    private static final int SIZE = 3;

    private static final long FIRST = 2_000_000;

    private static final LocalDate DAY = LocalDate.of(2090, 1, 1);

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DispatchCatalog catalog;

    @Autowired
    Clock clock;

    @Test
    void aNewerDispatchJoinsTheRecentSetAndPushesTheOldestOut() {
        List<Long> recent = rolledBack(index -> {
            for (int i = 0; i < 4; i++) {
                index.index(document(FIRST + i, DAY.plusDays(i)));
            }
            assertThat(recent()).containsExactly(FIRST + 3, FIRST + 2, FIRST + 1);
            index.index(document(FIRST + 4, DAY.plusDays(4)));
            return recent();
        });

        assertThat(recent).containsExactly(FIRST + 4, FIRST + 3, FIRST + 2);
    }

    @Test
    void anOlderDispatchIndexedLaterStaysOutAndOneOfTheSameDayIsOrderedById() {
        List<Long> recent = rolledBack(index -> {
            for (int i = 0; i < 3; i++) {
                index.index(document(FIRST + 10 + i, DAY.plusDays(10 + i)));
            }
            // Issued long ago, indexed now: not among the newest.
            index.index(document(FIRST + 20, DAY.minusYears(80)));
            // The same day as the oldest recent one, a higher id: it comes before it in the order.
            index.index(document(FIRST + 21, DAY.plusDays(10)));
            return recent();
        });

        assertThat(recent).containsExactly(FIRST + 12, FIRST + 11, FIRST + 21);
    }

    @Test
    void aRecentDispatchBackdatedOnReindexingLeavesTheSetAndTheNextNewestJoins() {
        List<Long> recent = rolledBack(index -> {
            for (int i = 0; i < 4; i++) {
                index.index(document(FIRST + 30 + i, DAY.plusDays(30 + i)));
            }
            index.index(document(FIRST + 33, DAY.minusYears(80)));
            return recent();
        });

        assertThat(recent).containsExactly(FIRST + 32, FIRST + 31, FIRST + 30);
    }

    @Test
    void aWithdrawnRecentDispatchIsReplacedByTheNextNewest() {
        List<Long> recent = rolledBack(index -> {
            for (int i = 0; i < 4; i++) {
                index.index(document(FIRST + 40 + i, DAY.plusDays(40 + i)));
            }
            index.on(new DispatchWithdrawn(FIRST + 42, "42-CV/UBND", "Nhầm", Instant.now(clock)));
            return recent();
        });

        assertThat(recent).containsExactly(FIRST + 43, FIRST + 41, FIRST + 40);
    }

    @Test
    void aSetWiderThanItsSizeIsTrimmedAndAHoleIsFilled() {
        List<Long> recent = rolledBack(index -> {
            for (int i = 0; i < 5; i++) {
                index.index(document(FIRST + 50 + i, DAY.plusDays(50 + i)));
            }
            // As if written by hand: one too many, and a hole in the middle.
            jdbc.getJdbcTemplate()
                    .update(
                            "update search_document set recent = (dispatch_id in (?, ?, ?, ?)) where recent"
                                    + " or dispatch_id between ? and ?",
                            FIRST + 54,
                            FIRST + 52,
                            FIRST + 51,
                            FIRST + 50,
                            FIRST + 50,
                            FIRST + 54);
            SearchIndex.lockRecent(jdbc.getJdbcTemplate());
            SearchIndex.keepRecent(jdbc.getJdbcTemplate(), SIZE);
            return recent();
        });

        assertThat(recent).containsExactly(FIRST + 54, FIRST + 53, FIRST + 52);
    }

    @Test
    void aBroadQueryGivesTheSamePagesFromTheRecentSetFromWindowsAndFromTheWholeIndex() {
        // 60 documents, two a day, one in two mentioning the words, half of those restricted: 15 public matches.
        // The broad path (a count limit of 5) ranks the newest 6 matches; pages of 4 reach past them. The newest 40
        // documents hold 10 public matches: the first two pages are answered from them, the others from windows.
        DispatchSearch search = new DispatchSearch(jdbc, 5, 6, 40);
        List<List<Long>> fromRecent = inRolledBackDocuments(60, () -> {
            SearchIndex.keepRecent(jdbc.getJdbcTemplate(), 40);
            return pages(search);
        });
        List<List<Long>> fromEverything = inRolledBackDocuments(60, () -> {
            SearchIndex.keepRecent(jdbc.getJdbcTemplate(), 1_000_000);
            return pages(search);
        });
        List<List<Long>> fromWindows = inRolledBackDocuments(60, () -> {
            jdbc.getJdbcTemplate().update("update search_document set recent = false where recent");
            return pages(search);
        });

        assertThat(fromRecent.stream().map(List::size)).containsExactly(4, 4, 4, 3);
        assertThat(fromRecent).isEqualTo(fromEverything).isEqualTo(fromWindows);
        assertThat(fromRecent.stream().flatMap(List::stream).distinct()).hasSize(15);
    }

    @Test
    void aBroadQueryTakesItsNewestMatchesFromTheRecentSet() {
        // Marking old documents recent breaks the prefix on purpose: the page then comes from them, which shows that
        // the recent set is what a broad query reads first.
        DispatchSearch search = new DispatchSearch(jdbc, 5, 6, 40);
        List<Long> right = inRolledBackDocuments(60, () -> {
            SearchIndex.keepRecent(jdbc.getJdbcTemplate(), 40);
            return pages(search).get(0);
        });
        List<Long> wrong = inRolledBackDocuments(60, () -> {
            jdbc.getJdbcTemplate()
                    .update(
                            "update search_document set recent = (dispatch_id < ?) where recent or dispatch_id < ?",
                            FIRST + 40,
                            FIRST + 40);
            return pages(search).get(0);
        });

        assertThat(right).hasSize(4).allMatch(id -> id >= FIRST + 40);
        assertThat(wrong).hasSize(4).allMatch(id -> id < FIRST + 40);
    }

    private List<List<Long>> pages(DispatchSearch search) {
        SearchQuery query = new SearchQuery("tê giác", null, null, null, null, null);
        return List.of(0, 1, 2, 3).stream()
                .map(page -> search.search(query, Viewer.anonymous(), PageRequest.of(page, 4))
                        .map(SearchHit::dispatchId)
                        .getContent())
                .toList();
    }

    private List<Long> recent() {
        return jdbc.getJdbcTemplate()
                .queryForList(
                        "select dispatch_id from search_document where recent order by issued_on desc, dispatch_id desc",
                        Long.class);
    }

    private static vn.congvan.dispatch.IndexableDispatch document(long id, LocalDate issuedOn) {
        return DispatchViews.indexable(
                DispatchViews.published(id, 1, (id % 1000) + "-CV/UBND", "Văn bản " + id, Visibility.PUBLIC, issuedOn),
                Set.of());
    }

    private <T> T rolledBack(Function<SearchIndex, T> work) {
        SearchIndex index = new SearchIndex(jdbc.getJdbcTemplate(), catalog, clock, SIZE);
        return transaction.execute(status -> {
            status.setRollbackOnly();
            jdbc.getJdbcTemplate().execute("set local session_replication_role = replica");
            return work.apply(index);
        });
    }

    /** {@code count} documents a day apart from 2090, every other one about rhinoceroses, half of those restricted. */
    private <T> T inRolledBackDocuments(int count, Supplier<T> work) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            jdbc.getJdbcTemplate().execute("set local session_replication_role = replica");
            jdbc.getJdbcTemplate().update("""
                    insert into search_document (dispatch_id, visibility, issuer_unit_id, issuer_name, type_code,
                        issued_on, number, number_key, notation, subject, body, recipient_unit_ids)
                    select id, case when id % 4 = 1 then 'RESTRICTED' else 'PUBLIC' end, 1, 'Ban Tuyên giáo', 'TB',
                        date '2090-01-01' + (id - ?)::integer / 2, 900, '900 tb btg', '900-TB/BTG',
                        'Thông báo số ' || id,
                        case when id % 2 = 1 then 'Bảo tồn tê giác ở thảo cầm viên, lần ' || id
                             else 'Chăm sóc cây xanh' end, '{}'
                    from generate_series(?::bigint, ?::bigint) id
                    """, FIRST, FIRST, FIRST + count - 1);
            return work.get();
        });
    }
}
