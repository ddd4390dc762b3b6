package vn.congvan.search.web;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.congvan.dispatch.PublicCatalogVersion;
import vn.congvan.dispatch.Viewer;
import vn.congvan.search.DispatchSearch;

/**
 * The issuer filter of the search page as everyone who sees only public dispatches gets it: the same list for all of
 * them, read once per public catalog stamp instead of once per page (ADR 0039). The search index is filled after the
 * publication's commit (ADR 0024), so a list read between the two would miss a new issuer until the stamp moves
 * again; {@link #MAX_AGE} bounds that. A signed-in viewer who may see restricted dispatches gets their own list.
 */
@Component
class PublicIssuers {

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final DispatchSearch search;

    private final PublicCatalogVersion version;

    private volatile Known known;

    PublicIssuers(DispatchSearch search, PublicCatalogVersion version) {
        this.search = search;
        this.version = version;
    }

    Map<Long, String> of(Viewer viewer) {
        if (viewer.administrator() || viewer.clerkUnitId() != null || viewer.isRecipient()) {
            return search.issuers(viewer);
        }
        long stamp = version.current();
        long now = System.nanoTime();
        Known list = known;
        if (list != null && list.stamp() == stamp && now - list.readAt() < MAX_AGE.toNanos()) {
            return list.issuers();
        }
        Map<Long, String> issuers = Collections.unmodifiableMap(new LinkedHashMap<>(search.issuers(viewer)));
        known = new Known(stamp, now, issuers);
        return issuers;
    }

    private record Known(long stamp, long readAt, Map<Long, String> issuers) {}
}
