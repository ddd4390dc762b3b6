package vn.congvan.dispatch.web;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.congvan.attachment.AttachmentDownloads;
import vn.congvan.attachment.AttachmentDownloads.ServableFile;
import vn.congvan.dispatch.Audience;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchNotice;
import vn.congvan.dispatch.PublicCatalogVersion;
import vn.congvan.dispatch.Viewer;

/**
 * Which public files may be served, and how, remembered per stamp of the public catalog (ADR 0022): a download or a
 * 304 of a file that was served before asks the database nothing while the stamp stands, and a withdrawal (which
 * bumps the stamp) is seen within {@link PublicCatalogVersion}'s bound. Answers that a file is not there are kept
 * too, so that probing ids costs no more than reading. Bounded: the map is emptied when it grows past its limit.
 */
@Component
class PublicFiles {

    static final int LIMIT = 10_000;

    private final DispatchCatalog catalog;

    private final AttachmentDownloads downloads;

    private final PublicCatalogVersion version;

    private final ConcurrentHashMap<Key, Known> known = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<Long, Visible> visible = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<Long, Gone> gone = new ConcurrentHashMap<>();

    PublicFiles(DispatchCatalog catalog, AttachmentDownloads downloads, PublicCatalogVersion version) {
        this.catalog = catalog;
        this.downloads = downloads;
        this.version = version;
    }

    /** The file if its dispatch is published and public and it is servable; empty otherwise. */
    Optional<ServableFile> find(Long dispatchId, Long attachmentId) {
        long current = version.current();
        Key key = new Key(dispatchId, attachmentId);
        Known entry = known.get(key);
        if (entry != null && entry.version() == current) {
            return entry.file();
        }
        Optional<ServableFile> file =
                publicFiles(dispatchId) ? downloads.servableFile(dispatchId, attachmentId) : Optional.empty();
        if (known.size() >= LIMIT) {
            known.clear();
        }
        known.put(key, new Known(current, file));
        return file;
    }

    /** Whether the dispatch is published and public (for its thumbnails), remembered the same way. */
    boolean dispatchIsPublic(Long dispatchId) {
        long current = version.current();
        Visible entry = visible.get(dispatchId);
        if (entry != null && entry.version() == current) {
            return entry.visible();
        }
        boolean answer = publicFiles(dispatchId);
        if (visible.size() >= LIMIT) {
            visible.clear();
        }
        visible.put(dispatchId, new Visible(current, answer));
        return answer;
    }

    /**
     * The withdrawal notice of a public dispatch withdrawn since (its files answer 410), remembered the same way, so
     * that asking for a withdrawn dispatch's files again costs no query while the stamp stands.
     */
    Optional<DispatchNotice> withdrawal(Long dispatchId) {
        long current = version.current();
        Gone entry = gone.get(dispatchId);
        if (entry != null && entry.version() == current) {
            return entry.notice();
        }
        Optional<DispatchNotice> notice = catalog.withdrawal(dispatchId, Viewer.anonymous(), Audience.PUBLIC);
        if (gone.size() >= LIMIT) {
            gone.clear();
        }
        gone.put(dispatchId, new Gone(current, notice));
        return notice;
    }

    private boolean publicFiles(Long dispatchId) {
        return catalog.filesAreFor(dispatchId, Viewer.anonymous(), Audience.PUBLIC);
    }

    private record Key(Long dispatchId, Long attachmentId) {}

    private record Visible(long version, boolean visible) {}

    private record Gone(long version, Optional<DispatchNotice> notice) {}

    private record Known(long version, Optional<ServableFile> file) {}
}
