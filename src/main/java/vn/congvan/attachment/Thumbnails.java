package vn.congvan.attachment;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import javax.imageio.ImageIO;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The first page of a PDF attachment as a small PNG, rendered with PDFBox the first time it is asked for and kept
 * in the storage beside the file; served with the file's validators and caching headers.
 */
@Component
public class Thumbnails {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Thumbnails.class);

    static final String VARIANT = "page1.png";

    /** An empty file beside the stored one: its first page could not be drawn. */
    static final String FAILED_VARIANT = "page1.failed";

    /** About 150 px wide for an A4 page: enough to recognise a document in a list. */
    private static final float DPI = 18f;

    private final Attachments attachments;

    private final AttachmentStorage storage;

    private final AttachmentProperties properties;

    Thumbnails(Attachments attachments, AttachmentStorage storage, AttachmentProperties properties) {
        this.attachments = attachments;
        this.storage = storage;
        this.properties = properties;
    }

    /**
     * Serves the thumbnail of that dispatch's attachment, or answers false if it has none (it is not a PDF, or its
     * first page cannot be drawn). Throws {@link AttachmentNotFoundException} if the dispatch has no such
     * attachment; the caller has already decided that the person may see the dispatch.
     */
    public boolean serve(Long dispatchId, Long attachmentId, CachePolicy cachePolicy, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Attachment stored = attachments.find(dispatchId, attachmentId)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
        AttachmentView attachment = stored.toView();
        Optional<Path> thumbnail = thumbnail(attachment, stored.getStorageKey());
        if (thumbnail.isEmpty()) {
            return false;
        }
        if (AttachmentDownloads.answeredNotModified(request, response,
                AttachmentDownloads.cacheControl(cachePolicy, properties), "\"" + attachment.sha256() + "-p1\"",
                attachment.createdAt().toEpochMilli())) {
            return true;
        }
        response.setContentType("image/png");
        response.setContentLengthLong(Files.size(thumbnail.get()));
        Files.copy(thumbnail.get(), response.getOutputStream());
        return true;
    }

    Optional<Path> thumbnail(AttachmentView attachment, String key) throws IOException {
        if (!attachment.isPdf()) {
            return Optional.empty();
        }
        Path target = storage.derivedFile(key, VARIANT);
        if (Files.isRegularFile(target)) {
            return Optional.of(target);
        }
        // A first page that could not be drawn once is not tried again at every view of a list.
        Path failed = storage.derivedFile(key, FAILED_VARIANT);
        if (Files.exists(failed)) {
            return Optional.empty();
        }
        Path temporary = Files.createTempFile(target.getParent(), "thumb-", ".part");
        // A stored file that cannot be read (or fetched) now is an error of the request, not a bad first page.
        try (LocalCopy source = storage.copyToLocal(key)) {
            try (PDDocument document = Loader.loadPDF(source.path().toFile(),
                    IOUtils.createTempFileOnlyStreamCache())) {
                PDFRenderer renderer = new PDFRenderer(document);
                // A scanned page's image is decoded at the thumbnail's size, not at full resolution.
                renderer.setSubsamplingAllowed(true);
                BufferedImage image = renderer.renderImageWithDPI(0, DPI, ImageType.RGB);
                ImageIO.write(image, "png", temporary.toFile());
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (IOException | RuntimeException ex) {
                // A page PDFBox cannot draw leaves the file without a picture; the file itself is still served.
                log.warn("Could not render the first page of attachment {}", attachment.id(), ex);
                Files.write(failed, new byte[0]);
                return Optional.empty();
            }
        }
        finally {
            Files.deleteIfExists(temporary);
        }
        return Optional.of(target);
    }
}
