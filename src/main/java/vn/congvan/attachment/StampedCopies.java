package vn.congvan.attachment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Personal copies of the PDFs of restricted dispatches (ADR 0043): each download is a new copy stamped for the
 * person, made in a temporary file, served whole and deleted. The stored file is only read; its bytes and SHA-256
 * never change. Files of other types are not copied: the caller serves them through {@link AttachmentDownloads}.
 */
@Component
public class StampedCopies {

    /** Every copy is another copy, and only this person's: no cache may keep it, not even the browser's. */
    static final String CACHE_CONTROL = "private, no-store";

    private final Attachments attachments;

    private final PdfWatermark watermark;

    private final SignedCopies signed;

    StampedCopies(Attachments attachments, PdfWatermark watermark, SignedCopies signed) {
        this.attachments = attachments;
        this.watermark = watermark;
        this.signed = signed;
    }

    /**
     * The stamped copy of that file of the dispatch, to be served with {@link #serve} and closed; empty when the file
     * is not a PDF. Throws {@link AttachmentNotFoundException} if the dispatch has no such file and
     * {@link CopyNotStampedException} if the PDF cannot be stamped: then nothing of it may be served.
     */
    public Optional<StampedCopy> make(Long dispatchId, Long attachmentId, CopyStamp stamp) throws IOException {
        Attachment attachment = attachments
                .find(dispatchId, attachmentId)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
        AttachmentView view = attachment.toView();
        if (!ContentInspector.PDF.equals(view.contentType())) {
            return Optional.empty();
        }
        // The copy signed at publication is stamped where there is one (ADR 0047): the stamp is an update after the
        // signed revision, so the signature still shows who issued the document.
        String key = signed.copyOf(view).map(SignedCopies.ServedCopy::key).orElse(attachment.getStorageKey());
        return Optional.of(new StampedCopy(view, stamp.copyId(), watermark.stamp(key, stamp)));
    }

    /**
     * The one way a member's file of a restricted dispatch goes out (the inbox pages and the API alike): a PDF is
     * stamped, {@code issued} is told the copy's id before any byte is written (the download is recorded only for a
     * copy that exists), and the copy is served and deleted. Answers false, having written nothing, for a file that
     * is not a PDF: the caller serves it as it is.
     */
    public boolean serveStamped(
            Long dispatchId,
            Long attachmentId,
            CopyStamp stamp,
            Disposition disposition,
            Consumer<String> issued,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Optional<StampedCopy> made = make(dispatchId, attachmentId, stamp);
        if (made.isEmpty()) {
            return false;
        }
        try (StampedCopy copy = made.get()) {
            issued.accept(copy.copyId());
            serve(copy, disposition, request, response);
        }
        return true;
    }

    /**
     * Serves the copy whole: no validators and no ranges ({@code Accept-Ranges: none}), since a range of one copy
     * must not be joined to a range of another with another id and time (ADR 0043).
     */
    public void serve(
            StampedCopy copy, Disposition disposition, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", AttachmentDownloads.CONTENT_SECURITY_POLICY);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "none");
        long length = Files.size(copy.file);
        response.setContentType(copy.view.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDispositions.of(
                        AttachmentDownloads.shownAs(disposition, copy.view.contentType()),
                        copy.view.originalFilename()));
        response.setContentLengthLong(length);
        if (HttpMethod.HEAD.matches(request.getMethod())) {
            return;
        }
        try (InputStream in = Files.newInputStream(copy.file)) {
            AttachmentDownloads.copy(in, response.getOutputStream(), length);
        }
    }

    /** A stamped copy in a temporary file; closing it deletes the file. */
    public static final class StampedCopy implements AutoCloseable {

        private final AttachmentView view;

        private final String copyId;

        private final Path file;

        StampedCopy(AttachmentView view, String copyId, Path file) {
            this.view = view;
            this.copyId = copyId;
            this.file = file;
        }

        /** The id printed on the copy, for the ledger and the audit log. */
        public String copyId() {
            return copyId;
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }
}
