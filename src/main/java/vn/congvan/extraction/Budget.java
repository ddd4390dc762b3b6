package vn.congvan.extraction;

import java.time.Duration;
import vn.congvan.extraction.ExtractionLimitException.Reason;

/** The time left to read one file's text, checked by the readers as they go (ADR 0058). */
final class Budget {

    private static final Budget UNLIMITED = new Budget(0, "", true);

    private final long deadline;

    private final String filename;

    private final boolean unlimited;

    private Budget(long deadline, String filename, boolean unlimited) {
        this.deadline = deadline;
        this.filename = filename;
        this.unlimited = unlimited;
    }

    static Budget of(Duration duration, String filename) {
        return new Budget(System.nanoTime() + duration.toNanos(), filename, false);
    }

    /** For tests and tools that read a file they made themselves. */
    static Budget unlimited() {
        return UNLIMITED;
    }

    String filename() {
        return filename;
    }

    /** @throws ExtractionLimitException when the budget is spent */
    void check() {
        if (!unlimited && deadline - System.nanoTime() <= 0) {
            throw new ExtractionLimitException(Reason.TIMEOUT, filename, "Reading " + filename + " overran its budget");
        }
    }
}
