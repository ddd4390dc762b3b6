package vn.congvan.extraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import vn.congvan.attachment.UploadChecks;

/**
 * Checks a file by the upload rules, reads its text (by OCR for a scan or an image, ADR 0046) and the fields of the
 * document in it (ADR 0044).
 */
@Service
public class Extractor {

    /**
     * What a confidence is multiplied by when the text came from OCR: a rule right on 97 % of typed texts reads a
     * misrecognised letter as faithfully as a right one, so the clerk is asked to look at more fields of a scan.
     */
    static final double OCR_CONFIDENCE = 0.85;

    private final UploadChecks checks;

    private final TesseractOcr ocr;

    private final OcrProperties properties;

    Extractor(UploadChecks checks, TesseractOcr ocr, OcrProperties properties) {
        this.checks = checks;
        this.ocr = ocr;
        this.properties = properties;
    }

    /**
     * @throws vn.congvan.attachment.AttachmentRejectedException when the upload rules refuse the file
     * @throws UnreadableFileException when the file is accepted as an attachment but its text cannot be read here
     * @throws OcrException when the file is a scan or an image and its text could not be recognised
     */
    public Extraction extract(Path file, String filename) throws IOException {
        String type = checks.check(file, filename);
        if (TesseractOcr.IMAGES.contains(type)) {
            return fromScan(ocr.readImage(file, filename), filename);
        }
        if (!DocumentText.readable(type)) {
            throw new UnreadableFileException(filename, type);
        }
        if (DocumentText.PDF.equals(type)) {
            DocumentText.PdfText pdf = damagedIfUnreadable(() -> DocumentText.pdf(file), filename, type);
            if (pdf.scanned(properties.minLettersPerPage())) {
                // A page whose drawing breaks PDFBox or exceeds its budget is a damaged file too, not a server error.
                return fromScan(damagedIfUnreadable(() -> ocr.readPdf(file, filename), filename, type), filename);
            }
            return FieldReader.read(DocumentText.capped(pdf.text()));
        }
        return FieldReader.read(damagedIfUnreadable(() -> DocumentText.of(file, type), filename, type));
    }

    /**
     * The upload checks accepted the file's type, so a reader failing inside it means a damaged file (XML cut off, a
     * broken package): the clerk is told so, not given a server error.
     */
    private static <T> T damagedIfUnreadable(Reading<T> reading, String filename, String type) {
        try {
            return reading.read();
        } catch (IOException damaged) {
            throw new UnreadableFileException(filename, type, damaged);
        }
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read() throws IOException;
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

    private static Extraction fromScan(String text, String filename) {
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new OcrException(OcrException.Reason.NO_TEXT, filename, "No text recognised in " + filename);
        }
        return FieldReader.read(FieldReader.withoutOcrSpecks(DocumentText.capped(text)))
                .withConfidenceScaled(OCR_CONFIDENCE);
    }
}
