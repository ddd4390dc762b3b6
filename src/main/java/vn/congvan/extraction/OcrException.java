package vn.congvan.extraction;

/** A scan or an image whose text could not be recognised, and why; the API answers each reason with its own status. */
public class OcrException extends RuntimeException {

    public enum Reason {
        /** Tesseract or its Vietnamese data is not installed (or OCR is turned off). */
        UNAVAILABLE,
        /** Every run was taken for longer than the file's budget. */
        BUSY,
        /** A page or the whole file took longer than its budget. */
        TIMEOUT,
        /** Tesseract failed, or the picture could not be decoded. */
        FAILED,
        /** Tesseract ran and found no text. */
        NO_TEXT,
        /** The picture declares more pixels than any scan has: decoding it would take minutes of a core. */
        TOO_LARGE
    }

    private final Reason reason;

    private final String filename;

    OcrException(Reason reason, String filename, String message) {
        super(message);
        this.reason = reason;
        this.filename = filename;
    }

    public Reason reason() {
        return reason;
    }

    public String filename() {
        return filename;
    }

    public String messageKey() {
        return "extraction.problem.ocr." + reason.name();
    }
}
