package vn.congvan.extraction;

/** A file that was not read because a bound of ADR 0058 was reached; the API answers each reason with its status. */
public class ExtractionLimitException extends RuntimeException {

    public enum Reason {
        /** Every reading was taken for longer than a file may wait its turn: 503, try again later. */
        BUSY,
        /** Reading the file's text took longer than its budget: 503. */
        TIMEOUT,
        /** The file unpacks to more, or nests deeper, than any document does (a zip bomb): 422. */
        OVERSIZED
    }

    private final Reason reason;

    private final String filename;

    ExtractionLimitException(Reason reason, String filename, String message) {
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
        return "extraction.problem.limit." + reason.name();
    }
}
