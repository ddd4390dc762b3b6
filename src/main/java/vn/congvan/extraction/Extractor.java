package vn.congvan.extraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
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

    /**
     * The same for an uploaded file (the API, the forms that fill themselves from a file): staged in a temporary file
     * that is deleted once read, so that the file is never kept.
     */
    public Extraction extract(MultipartFile file) throws IOException {
        String original = file.getOriginalFilename();
        // The client's name for the file, without any folder it names: only its ending is checked.
        String filename = original == null || original.isBlank() ? "tep" : original.replaceAll(".*[/\\\\]", "");
        Path staged = Files.createTempFile("trich-xuat-", ".upload");
        try {
            file.transferTo(staged);
            return extract(staged, filename);
        } finally {
            Files.deleteIfExists(staged);
        }
    }
}
