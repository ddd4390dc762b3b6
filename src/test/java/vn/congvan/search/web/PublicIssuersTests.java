package vn.congvan.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.congvan.dispatch.PublicCatalogVersion;
import vn.congvan.dispatch.Viewer;
import vn.congvan.search.DispatchSearch;

/** The issuer filter is read once per catalog stamp for those who see public dispatches only, never shared beyond. */
class PublicIssuersTests {

    private final DispatchSearch search = mock(DispatchSearch.class);

    private final PublicCatalogVersion version = mock(PublicCatalogVersion.class);

    private final PublicIssuers issuers = new PublicIssuers(search, version);

    private static final Viewer SIGNED_IN_WITHOUT_UNIT = new Viewer("reader", Set.of(), null, false);

    @Test
    void everyoneWhoSeesOnlyPublicDispatchesSharesOneReadPerStamp() {
        when(version.current()).thenReturn(7L);
        when(search.issuers(Viewer.anonymous())).thenReturn(Map.of(1L, "Ban Tuyên giáo"));
        when(search.issuers(SIGNED_IN_WITHOUT_UNIT)).thenReturn(Map.of(1L, "Ban Tuyên giáo"));

        assertThat(issuers.of(Viewer.anonymous())).containsExactly(Map.entry(1L, "Ban Tuyên giáo"));
        assertThat(issuers.of(SIGNED_IN_WITHOUT_UNIT)).containsExactly(Map.entry(1L, "Ban Tuyên giáo"));
        assertThat(issuers.of(Viewer.anonymous())).containsExactly(Map.entry(1L, "Ban Tuyên giáo"));

        verify(search, times(1)).issuers(Viewer.anonymous());
        verify(search, times(0)).issuers(SIGNED_IN_WITHOUT_UNIT);
    }

    @Test
    void aNewStampReadsTheListAgain() {
        when(version.current()).thenReturn(7L, 8L);
        when(search.issuers(Viewer.anonymous()))
                .thenReturn(Map.of(1L, "Ban Tuyên giáo"), Map.of(1L, "Ban Tuyên giáo", 2L, "Quận ủy Quận 3"));

        issuers.of(Viewer.anonymous());

        assertThat(issuers.of(Viewer.anonymous())).containsKeys(1L, 2L);
        verify(search, times(2)).issuers(Viewer.anonymous());
    }

    @Test
    void whoMaySeeRestrictedDispatchesGetsTheirOwnListEveryTime() {
        when(version.current()).thenReturn(7L);
        Viewer member = new Viewer("bennghe", Set.of(12L), null, false);
        Viewer clerk = new Viewer("vanthu", Set.of(), 3L, false);
        Viewer admin = new Viewer("admin", Set.of(), null, true);
        when(search.issuers(member)).thenReturn(Map.of(5L, "Đảng ủy phường Bến Nghé"));

        assertThat(issuers.of(member)).containsOnlyKeys(5L);
        issuers.of(member);
        issuers.of(clerk);
        issuers.of(admin);

        verify(search, times(2)).issuers(member);
        verify(search, times(1)).issuers(clerk);
        verify(search, times(1)).issuers(admin);
    }
}
