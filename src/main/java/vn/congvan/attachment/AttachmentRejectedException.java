package vn.congvan.attachment;

/**
 * A file was refused. {@link #reason()} names a message ("attachment.rejected.&lt;reason&gt;") that the page shows
 * with the file's name, so the person knows which file and why.
 */
public class AttachmentRejectedException extends RuntimeException {

    public enum Reason {
        EMPTY, TOO_LARGE, TOTAL_TOO_LARGE, TYPE_NOT_ALLOWED, MISLABELLED, CORRUPT, ENCRYPTED, UNPACKS_TOO_LARGE,
        /** A PDF cut short: no cross-reference where its end says there is one. */
        PDF_TRUNCATED,
        // Active content in a PDF (ADR 0016); when a file has several, the first of these is named.
        PDF_JAVASCRIPT, PDF_LAUNCH, PDF_EMBEDDED_FILE, PDF_FORM_SUBMISSION
    }

    private final String filename;

    private final Reason reason;

    public AttachmentRejectedException(String filename, Reason reason) {
        super("Refused " + filename + ": " + reason);
        this.filename = filename;
        this.reason = reason;
    }

    public String filename() {
        return filename;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return "attachment.rejected." + reason.name();
    }
}
