package vn.congvan.extraction;

import java.time.Duration;
import vn.congvan.extraction.ExtractionLimitException.Reason;

/** The time left to read one file's text, checked by the readers as they go (ADR 0058). */
final class Budget {

    private static final Budget UNLIMITED = new Budget(0, "", true, Long.MAX_VALUE);

    private final long deadline;

    private final String filename;

    private final boolean unlimited;

    /** How many more checks pass whatever the clock says; only a test's budget counts them down. */
    private long checksLeft;

    private Budget(long deadline, String filename, boolean unlimited, long checksLeft) {
        this.deadline = deadline;
        this.filename = filename;
        this.unlimited = unlimited;
        this.checksLeft = checksLeft;
    }

    static Budget of(Duration duration, String filename) {
        return new Budget(System.nanoTime() + duration.toNanos(), filename, false, Long.MAX_VALUE);
    }

    /**
     * For tests: a budget without a clock that is spent at its {@code checks + 1}-th check, so that a test shows by
     * count, not by time, that a reading checks its budget as it goes. Used by one reading (one thread) only.
     */
    static Budget ofChecks(long checks, String filename) {
        return new Budget(0, filename, true, checks);
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
        if (checksLeft != Long.MAX_VALUE && checksLeft-- <= 0 || !unlimited && deadline - System.nanoTime() <= 0) {
            throw new ExtractionLimitException(Reason.TIMEOUT, filename, "Reading " + filename + " overran its budget");
        }
    }
}
