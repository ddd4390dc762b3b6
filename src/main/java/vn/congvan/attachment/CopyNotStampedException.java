package vn.congvan.attachment;

/**
 * A restricted PDF could not be issued as a stamped copy (encrypted, unreadable, over its budget, or too many copies
 * being made at once): nothing is served, neither the copy nor the original (ADR 0043).
 */
public class CopyNotStampedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean busy;

    CopyNotStampedException(String message, boolean busy, Throwable cause) {
        super(message, cause);
        this.busy = busy;
    }

    /** Whether asking again later may succeed: the portal was busy making other copies. */
    public boolean busy() {
        return busy;
    }
}
