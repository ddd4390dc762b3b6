package vn.congvan.incoming;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One line of a unit's incoming register: the số đến of the year, when it came, from whom, and what it is.
 *
 * @param dispatchId the dispatch when it came through the portal; null for a document registered by hand
 * @param registeredBy who registered it by hand; null when the portal registered it
 * @param signerCompetence the signer's competence as printed ("K/T TRƯỞNG BAN"); null when not known, as the position
 *     and the name
 */
public record IncomingEntry(
        Long id,
        Long unitId,
        int year,
        int number,
        LocalDate receivedOn,
        Instant receivedAt,
        String senderName,
        Long senderUnitId,
        String notation,
        LocalDate issuedOn,
        String typeCode,
        String typeName,
        String subject,
        LocalDate dueOn,
        Long dispatchId,
        String note,
        String registeredBy,
        String signerCompetence,
        String signerPosition,
        String signerName) {

    public boolean cameThroughPortal() {
        return dispatchId != null;
    }

    /** "K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN / Nguyễn Văn A", the parts known in the order the foot prints them; or null. */
    public String signerLine() {
        String line = Stream.of(signerCompetence, signerPosition, signerName)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" / "));
        return line.isEmpty() ? null : line;
    }
}
