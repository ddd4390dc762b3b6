package vn.congvan.attachment;

/**
 * A file was refused. {@link #reason()} names a message ("attachment.rejected.&lt;reason&gt;") that the page shows
 * with {@link #arguments()} (the file's name, then any detail such as the malware's name), so the person knows
 * which file and why.
 */
public class AttachmentRejectedException extends RuntimeException {

    public enum Reason {
        EMPTY,
        TOO_LARGE,
        TOTAL_TOO_LARGE,
        TYPE_NOT_ALLOWED,
        MISLABELLED,
        CORRUPT,
        ENCRYPTED,
        UNPACKS_TOO_LARGE,
        INFECTED,
        /** Scanning is required and the scanner cannot take the file now (a report's file is not kept waiting). */
        SCAN_UNAVAILABLE,
        /** An OLE2 file (Word 97-2003 and its kin) that is not a Word document: an old Excel file named .doc. */
        NOT_A_WORD_DOCUMENT,
        /** A Word 97-2003 document that carries macros (ADR 0037). */
        DOC_MACROS,
        /** A PDF cut short: no cross-reference where its end says there is one. */
        PDF_TRUNCATED,
        // Active content in a PDF (ADR 0016); when a file has several, the first of these is named.
        PDF_JAVASCRIPT,
        PDF_LAUNCH,
        PDF_EMBEDDED_FILE,
        PDF_FORM_SUBMISSION
    }

    private final String filename;

    private final Reason reason;

    private final String detail;

    public AttachmentRejectedException(String filename, Reason reason) {
        this(filename, reason, null);
    }

    public AttachmentRejectedException(String filename, Reason reason, String detail) {
        super("Refused " + filename + ": " + reason + (detail != null ? " (" + detail + ")" : ""));
        this.filename = filename;
        this.reason = reason;
        this.detail = detail;
    }

    public String filename() {
        return filename;
    }

    public Reason reason() {
        return reason;
    }

    /** What else the message names, such as the signature clamd found; null for most reasons. */
    public String detail() {
        return detail;
    }

    public String messageKey() {
        return "attachment.rejected." + reason.name();
    }

    public Object[] arguments() {
        return new Object[] {filename, detail};
    }
}
