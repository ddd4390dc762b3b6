package vn.congvan.attachment;

/**
 * Where an attachment stands with the malware scanner (ADR 0015). Only {@link #CLEAN} files may be published while
 * scanning is required; {@link #PENDING} and {@link #INFECTED} files are never served.
 */
public enum ScanState {

    /** Chưa quét: scanning is required but clamd could not scan it yet; the retry job keeps trying. */
    PENDING,

    /** Đã quét – an toàn. */
    CLEAN,

    /** Found infected after it was stored (by the retry job); its bytes are deleted, the row stays to say why. */
    INFECTED,

    /** Stored while scanning was off (or before it existed); scanned by the retry job once scanning is required. */
    NOT_SCANNED;

    /** Whether the file may be shown or downloaded. */
    public boolean servable() {
        return this == CLEAN || this == NOT_SCANNED;
    }
}
