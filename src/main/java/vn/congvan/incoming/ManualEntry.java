package vn.congvan.incoming;

import java.time.LocalDate;

/**
 * A document from a sender outside the portal, as the clerk reads it from the paper.
 *
 * @param signerCompetence the signer's competence as printed ("K/T TRƯỞNG BAN"); null when not known, as the
 *     position and the name
 */
public record ManualEntry(
        LocalDate receivedOn,
        String senderName,
        String notation,
        LocalDate issuedOn,
        String typeCode,
        String subject,
        LocalDate dueOn,
        String note,
        String signerCompetence,
        String signerPosition,
        String signerName) {}
