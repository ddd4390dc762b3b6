package vn.congvan.extraction;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.stereotype.Service;
import vn.congvan.attachment.UploadChecks;

/** Checks a file by the upload rules, reads its text and the fields of the document in it (ADR 0044). */
@Service
public class Extractor {

    private final UploadChecks checks;

    Extractor(UploadChecks checks) {
        this.checks = checks;
    }

    /**
     * @throws vn.congvan.attachment.AttachmentRejectedException when the upload rules refuse the file
     * @throws UnreadableFileException when the file is accepted as an attachment but its text cannot be read here
     */
    public Extraction extract(Path file, String filename) throws IOException {
        String type = checks.check(file, filename);
        if (!DocumentText.readable(type)) {
            throw new UnreadableFileException(filename, type);
        }
        return FieldReader.read(DocumentText.of(file, type));
    }
}
