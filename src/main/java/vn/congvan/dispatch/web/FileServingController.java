package vn.congvan.dispatch.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.congvan.attachment.AttachmentDownloads;
import vn.congvan.attachment.AttachmentNotFoundException;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.CachePolicy;
import vn.congvan.attachment.Disposition;
import vn.congvan.attachment.StampedCopies;
import vn.congvan.attachment.Thumbnail;
import vn.congvan.attachment.Thumbnails;
import vn.congvan.dispatch.Audience;
import vn.congvan.dispatch.CopyStamps;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchFileDownloaded;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchWithdrawnException;
import vn.congvan.dispatch.Viewer;

/**
 * Every file of every dispatch, for every audience, through one decision: the public section's (anyone, files of
 * published public dispatches, cached publicly and remembered per catalogue stamp), the inbox's (the members of the
 * units a dispatch was sent to; the download goes into the delivery ledger) and the staff pages' (the issuing unit's
 * clerks, drafts included). A member's PDF of a restricted dispatch is a copy stamped for them (ADR 0043); the
 * public and the members get the copy signed by the issuing body at publication where there is one (ADR 0047); the
 * issuer's clerks get the stored file. The section is the first part of the path, and the section's audience is what
 * {@link vn.congvan.dispatch.DispatchAccess} is asked about; a file that is not the viewer's is a 404 in each.
 */
@Controller
class FileServingController {

    static final String PUBLIC = "/tai-lieu-tuyen-truyen";

    static final String INBOX = "/hop-thu";

    static final String STAFF = "/quan-ly/cong-van";

    private static final String FILE = "/{id}/tep/{attachmentId}";

    private final DispatchCatalog catalog;

    private final Attachments attachments;

    private final AttachmentDownloads downloads;

    private final Thumbnails thumbnails;

    private final PublicFiles publicFiles;

    private final ApplicationEventPublisher events;

    private final StampedCopies copies;

    private final CopyStamps stamps;

    FileServingController(
            DispatchCatalog catalog,
            Attachments attachments,
            AttachmentDownloads downloads,
            Thumbnails thumbnails,
            PublicFiles publicFiles,
            ApplicationEventPublisher events,
            StampedCopies copies,
            CopyStamps stamps) {
        this.catalog = catalog;
        this.attachments = attachments;
        this.downloads = downloads;
        this.thumbnails = thumbnails;
        this.publicFiles = publicFiles;
        this.events = events;
        this.copies = copies;
        this.stamps = stamps;
    }

    @GetMapping({PUBLIC + FILE, INBOX + FILE, STAFF + FILE})
    void view(
            @PathVariable Long id,
            @PathVariable Long attachmentId,
            Viewer viewer,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        serve(id, attachmentId, Disposition.INLINE, viewer, request, response);
    }

    @GetMapping({PUBLIC + FILE + "/tai-ve", INBOX + FILE + "/tai-ve", STAFF + FILE + "/tai-ve"})
    void download(
            @PathVariable Long id,
            @PathVariable Long attachmentId,
            Viewer viewer,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        serve(id, attachmentId, Disposition.ATTACHMENT, viewer, request, response);
    }

    @GetMapping({PUBLIC + FILE + "/trang-dau.png", INBOX + FILE + "/trang-dau.png", STAFF + FILE + "/trang-dau.png"})
    Thumbnail thumbnail(
            @PathVariable Long id, @PathVariable Long attachmentId, Viewer viewer, HttpServletRequest request) {
        Audience audience = audience(request);
        if (audience == Audience.PUBLIC) {
            if (!publicFiles.dispatchIsPublic(id)) {
                throw publicFiles
                        .withdrawal(id)
                        .<RuntimeException>map(DispatchWithdrawnException::new)
                        .orElseGet(() -> new DispatchNotFoundException(id));
            }
            // The file as remembered per catalogue stamp (PublicFiles): a stampede on a new thumbnail queries nothing.
            return thumbnails
                    .of(
                            publicFiles
                                    .find(id, attachmentId)
                                    .orElseThrow(() -> new AttachmentNotFoundException(attachmentId)),
                            CachePolicy.PUBLIC,
                            request)
                    .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
        }
        if (!catalog.filesAreFor(id, viewer, audience)) {
            throw withdrawnOr(id, viewer, audience, new DispatchNotFoundException(id));
        }
        // Answered by ThumbnailAnswers: at once when known, asynchronously while it is being drawn (ADR 0027).
        return thumbnails
                .of(id, attachmentId, cachePolicy(audience), request)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
    }

    private void serve(
            Long id,
            Long attachmentId,
            Disposition disposition,
            Viewer viewer,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Audience audience = audience(request);
        if (audience == Audience.PUBLIC) {
            // Public files are remembered per catalogue stamp (ADR 0022): a repeated request asks the database nothing.
            downloads.serve(
                    publicFiles
                            .find(id, attachmentId)
                            .orElseThrow(() -> publicFiles
                                    .withdrawal(id)
                                    .<RuntimeException>map(DispatchWithdrawnException::new)
                                    .orElseGet(() -> new AttachmentNotFoundException(attachmentId))),
                    disposition,
                    CachePolicy.PUBLIC,
                    request,
                    response);
            return;
        }
        if (!catalog.filesAreFor(id, viewer, audience)) {
            throw withdrawnOr(id, viewer, audience, new AttachmentNotFoundException(attachmentId));
        }
        if (audience == Audience.RECIPIENT) {
            // Only a file that is there counts as downloaded.
            if (attachments.ofDispatch(id, attachmentId).isEmpty()) {
                throw new AttachmentNotFoundException(attachmentId);
            }
            // A restricted PDF goes out as the member's own stamped copy, made before the download is recorded: a
            // copy that cannot be made is refused (CopyNotStampedAdvice), never replaced by the original.
            if (catalog.isRestricted(id)
                    && copies.serveStamped(
                            id,
                            attachmentId,
                            stamps.forCurrentUser(),
                            disposition,
                            copyId -> events.publishEvent(new DispatchFileDownloaded(id, attachmentId, viewer, copyId)),
                            request,
                            response)) {
                return;
            }
            events.publishEvent(new DispatchFileDownloaded(id, attachmentId, viewer));
            // As published: the copy signed by the issuing body where there is one (ADR 0047).
            downloads.servePublished(id, attachmentId, disposition, cachePolicy(audience), request, response);
            return;
        }
        downloads.serve(id, attachmentId, disposition, cachePolicy(audience), request, response);
    }

    /**
     * A recipient's file of a dispatch withdrawn since is gone (410, with the notice, no bytes); the issuer's clerks
     * still fetch them, and anyone else is answered {@code notFound}.
     */
    private RuntimeException withdrawnOr(Long id, Viewer viewer, Audience audience, RuntimeException notFound) {
        if (audience != Audience.RECIPIENT) {
            return notFound;
        }
        return catalog.withdrawal(id, viewer, audience)
                .<RuntimeException>map(DispatchWithdrawnException::new)
                .orElse(notFound);
    }

    /** The section asked, from the path: each answers for its own audience only. */
    private static Audience audience(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(PUBLIC + "/")) {
            return Audience.PUBLIC;
        }
        if (path.startsWith(INBOX + "/")) {
            return Audience.RECIPIENT;
        }
        if (path.startsWith(STAFF + "/")) {
            return Audience.ISSUER;
        }
        throw new IllegalStateException("No audience serves " + path);
    }

    /** Public files may be kept by shared caches (and revalidated); every other file by the browser alone. */
    private static CachePolicy cachePolicy(Audience audience) {
        return audience == Audience.PUBLIC ? CachePolicy.PUBLIC : CachePolicy.PRIVATE;
    }
}
