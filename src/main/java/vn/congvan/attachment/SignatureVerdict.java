package vn.congvan.attachment;

/** What a PDF signature proves, worst first where a file carries several (ADR 0040). */
public enum SignatureVerdict {
    /** The signed bytes no longer match the signature, or the signature itself does not verify. */
    TAMPERED,
    /** Intact, but the signing certificate was not valid at the time of signing. */
    EXPIRED,
    /** Intact and in date, but its certificate does not chain to a configured trust anchor. */
    UNTRUSTED,
    /** Intact, in date at signing, and chained to a trust anchor. */
    VALID
}
