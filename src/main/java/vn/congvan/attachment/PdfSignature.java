package vn.congvan.attachment;

import java.time.Instant;

/**
 * One signature of a stored PDF as the pages show it (ADR 0040).
 *
 * @param signerName the common name (CN) of the signing certificate's subject
 * @param signerOrganization its organisation (O), null if it names none
 * @param signedAt the signing time of the CMS signed attributes, else the signature dictionary's /M; null if neither
 * @param timestampedAt the time of a signature timestamp token, null without one
 * @param coversWholeFile false when bytes were added to the file after this signature (an incremental update)
 */
public record PdfSignature(
        SignatureVerdict verdict,
        String signerName,
        String signerOrganization,
        Instant signedAt,
        Instant timestampedAt,
        String subject,
        String issuer,
        String serialNumber,
        String fingerprint,
        Instant notBefore,
        Instant notAfter,
        boolean coversWholeFile) {

    /** The time the signature is known to have existed: the timestamp's when present, as it is the stronger proof. */
    public Instant provenAt() {
        return timestampedAt != null ? timestampedAt : signedAt;
    }
}
