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

    /** Serves the thumbnail, or answers false if the attachment has none (it is not a PDF). */
    public boolean serve(AttachmentView attachment, CachePolicy cachePolicy, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Optional<Path> thumbnail = thumbnail(attachment);
        if (thumbnail.isEmpty()) {
            return false;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, cachePolicy == CachePolicy.PUBLIC
                ? "public, max-age=" + properties.publicMaxAge() : "private, no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (new ServletWebRequest(request, response).checkNotModified("\"" + attachment.sha256() + "-p1\"",
                attachment.createdAt().toEpochMilli())) {
            return true;
        }
        response.setContentType("image/png");
        response.setContentLengthLong(Files.size(thumbnail.get()));
        Files.copy(thumbnail.get(), response.getOutputStream());
        return true;
    }

    Optional<Path> thumbnail(AttachmentView attachment) throws IOException {
        if (!attachment.isPdf()) {
            return Optional.empty();
        }
        String key = attachments.storageKey(attachment.id());
        Path target = storage.derivedFile(key, VARIANT);
        if (Files.isRegularFile(target)) {
            return Optional.of(target);
        }
        Path source = storage.localFile(key).orElseThrow(() -> new IOException("Stored file is missing"));
        Path temporary = Files.createTempFile(target.getParent(), "thumb-", ".part");
        try (PDDocument document = Loader.loadPDF(source.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
            ImageIO.write(image, "png", temporary.toFile());
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException | RuntimeException ex) {
            // A page PDFBox cannot draw leaves the file without a picture; the file itself is still served.
            log.warn("Could not render the first page of attachment {}", attachment.id(), ex);
            return Optional.empty();
        }
        finally {
            Files.deleteIfExists(temporary);
        }
        return Optional.of(target);
    }
}
