package vn.congvan.attachment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;
import vn.congvan.attachment.AttachmentRejectedException.Reason;

/**
 * The upload rules for a file that another module reads without storing it (the extraction of fields, ADR 0044): the
 * same size limit and the same check of what the bytes really are as for an attachment, plus plain text and TIFF,
 * which are not attachment types but can be read.
 */
@Component
public class UploadChecks {

    public static final String PLAIN_TEXT = "text/plain";

    /** Scanners save TIFF; not an attachment type, but its text can be recognised (ADR 0046). */
    public static final String TIFF = "image/tiff";

    private final ContentInspector inspector;

    private final AttachmentProperties properties;

    UploadChecks(ContentInspector inspector, AttachmentProperties properties) {
        this.inspector = inspector;
        this.properties = properties;
    }

    /**
     * The content type of a staged file, learnt from its bytes.
     *
     * @throws AttachmentRejectedException when it is larger than an attachment may be, empty, of another type,
     *     mislabelled, corrupt or encrypted
     */
    public String check(Path file, String filename) throws IOException {
        long limit = properties.maxFileSize().toBytes();
        if (Files.size(file) > limit) {
            throw new AttachmentRejectedException(filename, Reason.TOO_LARGE);
        }
        if (Files.size(file) == 0) {
            throw new AttachmentRejectedException(filename, Reason.EMPTY);
        }
        String detected = inspector.detectType(file);
        if (detected.startsWith(PLAIN_TEXT)) {
            if (!"txt".equals(ContentInspector.extension(filename))) {
                throw new AttachmentRejectedException(filename, Reason.MISLABELLED);
            }
            return PLAIN_TEXT;
        }
        if (TIFF.equals(detected)) {
            String extension = ContentInspector.extension(filename);
            if (!"tif".equals(extension) && !"tiff".equals(extension)) {
                throw new AttachmentRejectedException(filename, Reason.MISLABELLED);
            }
            // Before OCR's image reader reads its directories (ADR 0067).
            TiffDirectories.requireBounded(file, filename);
            return TIFF;
        }
        return inspector.inspect(file, filename).contentType();
    }
}
