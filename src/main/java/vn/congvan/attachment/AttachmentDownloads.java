package vn.congvan.attachment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Serves a stored file over HTTP: validators (ETag from the SHA-256, Last-Modified), conditional requests, single
 * byte ranges, and caching headers. Where Tomcat offers sendfile the transfer is handed to it, so that the request
 * thread is free as soon as the headers are decided and the kernel copies the bytes; elsewhere the file is streamed.
 */
@Component
public class AttachmentDownloads {

    // Tomcat's request attributes for zero-copy transfers (org.apache.coyote.Constants, Globals).
    static final String SENDFILE_SUPPORTED = "org.apache.tomcat.sendfile.support";

    static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";

    static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";

    static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    private static final int BUFFER_SIZE = 64 * 1024;

    /**
     * The policy of every file response (ADR 0016): the file, whatever it holds, runs in a sandbox with an opaque
     * origin and may load nothing, so that nothing shown inline can script the portal's pages or read its cookies.
     * Chromium's PDF viewer still shows a PDF under it (checked with Chromium 156), and browsers show images under it
     * (raw.githubusercontent.com serves the same policy); inline styles are allowed for the browser's own image page.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    /** The only types a browser is asked to show rather than save: it renders them itself and runs nothing. */
    static final Set<String> SHOWN_INLINE = Set.of(ContentInspector.PDF, ContentInspector.PNG, ContentInspector.JPEG);

    private final Attachments attachments;

    private final AttachmentStorage storage;

    private final AttachmentProperties properties;

    private final SignedCopies signed;

    AttachmentDownloads(
            Attachments attachments, AttachmentStorage storage, AttachmentProperties properties, SignedCopies signed) {
        this.attachments = attachments;
        this.storage = storage;
        this.properties = properties;
        this.signed = signed;
    }

    /**
     * Serves the attachment of that dispatch, or throws {@link AttachmentNotFoundException} if the dispatch has no
     * such attachment. The caller has already decided that the person may see the dispatch.
     */
    public void serve(
            Long dispatchId,
            Long attachmentId,
            Disposition disposition,
            CachePolicy cachePolicy,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Attachment attachment = attachments
                .find(dispatchId, attachmentId)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
        serve(attachment.toView(), attachment.getStorageKey(), disposition, cachePolicy, request, response);
    }

    /**
     * Serves the attachment of that published dispatch as it was published: the copy signed by its issuing body where
     * there is one (ADR 0047), else the stored file. For the public section and the recipients; the issuer's clerks
     * get the original through {@link #serve(Long, Long, Disposition, CachePolicy, HttpServletRequest,
     * HttpServletResponse)}.
     */
    public void servePublished(
            Long dispatchId,
            Long attachmentId,
            Disposition disposition,
            CachePolicy cachePolicy,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Attachment attachment = attachments
                .find(dispatchId, attachmentId)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
        AttachmentView view = attachment.toView();
        Optional<SignedCopies.ServedCopy> copy = view.isPdf() ? signed.copyOf(view) : Optional.empty();
        if (copy.isPresent()) {
            serve(copy.get().view(), copy.get().key(), disposition, cachePolicy, request, response);
        } else {
            serve(view, attachment.getStorageKey(), disposition, cachePolicy, request, response);
        }
    }

    /**
     * The files as {@link #servePublished} serves them: the signed copy's size and digest where there is one, so that
     * a client listing the files (the API) can check what it downloads; one query for the whole list.
     */
    public List<AttachmentView> published(List<AttachmentView> files) {
        Map<Long, SignedCopies.ServedCopy> copies = signed.copiesOf(files);
        return files.stream()
                .map(file ->
                        copies.containsKey(file.id()) ? copies.get(file.id()).view() : file)
                .toList();
    }

    /**
     * Serves a file of an incoming entry registered by hand (ADR 0033), or throws {@link AttachmentNotFoundException}
     * if the entry has no such servable file. The caller has already decided that the person may see the entry.
     */
    public void serveOfIncomingEntry(
            Long entryId,
            Long attachmentId,
            Disposition disposition,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Attachment attachment = attachments
                .findOfIncomingEntry(entryId, attachmentId)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
        serve(attachment.toView(), attachment.getStorageKey(), disposition, CachePolicy.PRIVATE, request, response);
    }

    /**
     * What serving the attachment of that dispatch needs, looked up once, so that a caller may keep it for a while
     * (the public file cache, ADR 0022); empty if the dispatch has no such servable attachment.
     */
    @Transactional(readOnly = true)
    public Optional<ServableFile> servableFile(Long dispatchId, Long attachmentId) {
        return attachments.find(dispatchId, attachmentId).map(attachment -> {
            AttachmentView view = attachment.toView();
            Optional<SignedCopies.ServedCopy> copy = view.isPdf() ? signed.copyOf(view) : Optional.empty();
            return new ServableFile(
                    view,
                    attachment.getStorageKey(),
                    copy.map(SignedCopies.ServedCopy::view).orElse(view),
                    copy.map(SignedCopies.ServedCopy::key).orElse(attachment.getStorageKey()));
        });
    }

    /**
     * Serves a file found by {@link #servableFile}, without another lookup: as published, the signed copy where there
     * is one.
     */
    public void serve(
            ServableFile file,
            Disposition disposition,
            CachePolicy cachePolicy,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        serve(file.publishedView, file.publishedKey, disposition, cachePolicy, request, response);
    }

    /**
     * An attachment ready to be served; its storage keys stay inside the module. {@link #view()} is the stored
     * original (its thumbnail, its page count); what is downloaded is the published copy, signed where it was.
     */
    public static final class ServableFile {

        private final AttachmentView view;

        private final String key;

        private final AttachmentView publishedView;

        private final String publishedKey;

        ServableFile(AttachmentView view, String key, AttachmentView publishedView, String publishedKey) {
            this.view = view;
            this.key = key;
            this.publishedView = publishedView;
            this.publishedKey = publishedKey;
        }

        public AttachmentView view() {
            return view;
        }

        String key() {
            return key;
        }
    }

    void serve(
            AttachmentView attachment,
            String key,
            Disposition disposition,
            CachePolicy cachePolicy,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        String etag = "\"" + attachment.sha256() + "\"";
        long lastModified = attachment.createdAt().toEpochMilli();
        long length = attachment.size();

        if (answeredNotModified(request, response, cacheControl(cachePolicy, properties), etag, lastModified)) {
            return;
        }
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");

        long start = 0;
        long end = length - 1;
        if (rangeApplies(request, etag, lastModified)) {
            Optional<List<HttpRange>> ranges = parse(request.getHeader(HttpHeaders.RANGE));
            if (ranges.isEmpty()) {
                rangeNotSatisfiable(response, length);
                return;
            }
            // Several ranges are answered with the whole file, as RFC 9110 allows.
            if (ranges.get().size() == 1) {
                HttpRange range = ranges.get().get(0);
                start = range.getRangeStart(length);
                end = Math.min(range.getRangeEnd(length), length - 1);
                if (start >= length || start > end) {
                    rangeNotSatisfiable(response, length);
                    return;
                }
                response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + length);
            }
        }
        long count = end - start + 1;
        response.setContentType(attachment.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDispositions.of(shownAs(disposition, attachment.contentType()), attachment.originalFilename()));
        response.setContentLengthLong(count);
        if (HttpMethod.HEAD.matches(request.getMethod())) {
            return;
        }

        Optional<Path> file = storage.localFile(key);
        if (file.isPresent()
                && properties.sendfile()
                && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORTED))) {
            request.setAttribute(SENDFILE_FILENAME, file.get().toAbsolutePath().toString());
            request.setAttribute(SENDFILE_START, start);
            request.setAttribute(SENDFILE_END, end + 1);
            return;
        }
        try (InputStream in = storage.open(key, start)) {
            copy(in, response.getOutputStream(), count);
        }
    }

    /** A file of any other type is always saved, even where "Xem" asked to show it. */
    static Disposition shownAs(Disposition asked, String contentType) {
        return SHOWN_INLINE.contains(contentType) ? asked : Disposition.ATTACHMENT;
    }

    static String cacheControl(CachePolicy policy, AttachmentProperties properties) {
        if (policy != CachePolicy.PUBLIC) {
            return "private, no-cache";
        }
        return properties.publicMaxAge() > 0 ? "public, max-age=" + properties.publicMaxAge() : "public, no-cache";
    }

    /**
     * Sets the caching headers and answers 304 when the client's copy is current. The headers are set before the
     * check so that a 304 carries them too and Spring Security's no-store stays off. The file's own
     * Content-Security-Policy is set here too, so that Spring Security's policy for pages is not written over it.
     */
    static boolean answeredNotModified(
            HttpServletRequest request,
            HttpServletResponse response,
            String cacheControl,
            String etag,
            long lastModified) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        return new ServletWebRequest(request, response).checkNotModified(etag, lastModified);
    }

    /**
     * A Range header in bytes counts unless an If-Range names another version of the file; a range in a unit we do
     * not know is ignored (RFC 9110, 14.2).
     */
    private static boolean rangeApplies(HttpServletRequest request, String etag, long lastModified) {
        String range = request.getHeader(HttpHeaders.RANGE);
        if (range == null || !range.stripLeading().regionMatches(true, 0, "bytes=", 0, 6)) {
            return false;
        }
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        if (ifRange == null) {
            return true;
        }
        if (ifRange.startsWith("\"") || ifRange.startsWith("W/")) {
            return ifRange.equals(etag);
        }
        try {
            return request.getDateHeader(HttpHeaders.IF_RANGE) / 1000 == lastModified / 1000;
        } catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /** The ranges asked for; empty where the header cannot be understood. */
    private static Optional<List<HttpRange>> parse(String header) {
        try {
            return Optional.of(HttpRange.parseRanges(header));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private static void rangeNotSatisfiable(HttpServletResponse response, long length) {
        response.setStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value());
        response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
        response.setContentLength(0);
    }

    static void copy(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long remaining = count;
        while (remaining > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read == -1) {
                throw new IOException("Stored file ended " + remaining + " bytes early");
            }
            out.write(buffer, 0, read);
            remaining -= read;
        }
    }
}
