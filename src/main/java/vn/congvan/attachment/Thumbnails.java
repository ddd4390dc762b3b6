package vn.congvan.attachment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import vn.congvan.attachment.AttachmentDownloads.ServableFile;
import vn.congvan.attachment.ThumbnailRenderer.Outcome;

/**
 * The first page of a PDF attachment as a small PNG, drawn the first time it is asked for (once, however many ask at
 * the same moment: {@link ThumbnailRenderer}) and kept in the storage beside the file; served with the file's
 * validators and caching headers. While it is being drawn, or if it cannot be drawn, a plain placeholder is served.
 */
@Component
public class Thumbnails {

    static final String VARIANT = "page1.png";

    /** An empty file beside the stored one: its first page could not be drawn. */
    static final String FAILED_VARIANT = "page1.failed";

    private final Attachments attachments;

    private final AttachmentProperties properties;

    private final ThumbnailRenderer renderer;

    private final ThumbnailProperties thumbnailProperties;

    private final byte[] placeholder = placeholder();

    Thumbnails(
            Attachments attachments,
            AttachmentProperties properties,
            ThumbnailRenderer renderer,
            ThumbnailProperties thumbnailProperties) {
        this.attachments = attachments;
        this.properties = properties;
        this.renderer = renderer;
        this.thumbnailProperties = thumbnailProperties;
    }

    /**
     * The thumbnail of that dispatch's attachment (or the placeholder while it is drawn or if it cannot be), empty if
     * it has none because it is not a PDF; a controller returns it and {@link ThumbnailAnswers} writes it. Throws
     * {@link AttachmentNotFoundException} if the dispatch has no such attachment; the caller has already decided that
     * the person may see the dispatch.
     */
    public Optional<Thumbnail> of(
            Long dispatchId, Long attachmentId, CachePolicy cachePolicy, HttpServletRequest request) {
        Attachment stored = attachments
                .find(dispatchId, attachmentId)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
        return of(stored.toView(), stored.getStorageKey(), cachePolicy, request);
    }

    /**
     * The same for a file already found ({@link AttachmentDownloads#servableFile}; the public section remembers
     * those per catalogue stamp, so its thumbnails ask the database nothing).
     */
    public Optional<Thumbnail> of(ServableFile file, CachePolicy cachePolicy, HttpServletRequest request) {
        return of(file.view(), file.key(), cachePolicy, request);
    }

    private Optional<Thumbnail> of(
            AttachmentView attachment, String key, CachePolicy cachePolicy, HttpServletRequest request) {
        if (!attachment.isPdf()) {
            return Optional.empty();
        }
        String cacheControl = AttachmentDownloads.cacheControl(cachePolicy, properties);
        String etag = "\"" + attachment.sha256() + "-p1\"";
        long lastModified = attachment.createdAt().toEpochMilli();
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        // Only the drawn picture carries the validator, so a client that sends it has the picture: no drawing needed.
        CompletableFuture<Outcome> outcome = ifNoneMatch != null && ifNoneMatch.contains(etag)
                ? CompletableFuture.completedFuture(Outcome.DRAWN)
                : renderer.firstPageLater(attachment.id(), key);
        return Optional.of(new Thumbnail(this, key, cacheControl, etag, lastModified, outcome));
    }

    /** Writes the answer once the state of the first page is known, now or on an asynchronous dispatch. */
    void write(Thumbnail thumbnail, Outcome outcome, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        switch (outcome) {
            case DRAWN -> {
                if (AttachmentDownloads.answeredNotModified(
                        request, response, thumbnail.cacheControl(), thumbnail.etag(), thumbnail.lastModified())) {
                    return;
                }
                Path picture = renderer.drawnFile(thumbnail.key());
                response.setContentType("image/png");
                response.setContentLengthLong(Files.size(picture));
                Files.copy(picture, response.getOutputStream());
            }
            // Remembered: the placeholder is this file's picture for as long as the file's own caching allows.
            case FAILED -> servePlaceholder(response, thumbnail.cacheControl());
            case PENDING -> {
                // Not a failure: the viewer gets the placeholder now and the picture when it asks again.
                response.setHeader(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(
                                Math.max(1, thumbnailProperties.retryAfter().toSeconds())));
                servePlaceholder(response, "no-store");
            }
        }
    }

    private void servePlaceholder(HttpServletResponse response, String cacheControl) throws IOException {
        placeholderHeaders(response, cacheControl);
        response.setContentType("image/png");
        response.setContentLength(placeholder.length);
        response.getOutputStream().write(placeholder);
    }

    static void placeholderHeaders(HttpServletResponse response, String cacheControl) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", AttachmentDownloads.CONTENT_SECURITY_POLICY);
    }

    /** A blank A4-shaped sheet with a few grey lines, the size of a drawn first page. */
    private static byte[] placeholder() {
        BufferedImage image = new BufferedImage(149, 210, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.setColor(new Color(0xD0D4DA));
            graphics.setStroke(new BasicStroke(2));
            graphics.drawRect(1, 1, image.getWidth() - 3, image.getHeight() - 3);
            for (int y = 40; y < 180; y += 14) {
                graphics.drawLine(20, y, y % 3 == 0 ? 100 : 128, y);
            }
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return png.toByteArray();
    }
}
