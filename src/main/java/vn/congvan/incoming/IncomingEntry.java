package vn.congvan.incoming;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a unit's incoming register: the số đến of the year, when it came, from whom, and what it is.
 *
 * @param dispatchId the dispatch when it came through the portal; null for a document registered by hand
 * @param registeredBy who registered it by hand; null when the portal registered it
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
        String registeredBy) {

    public boolean cameThroughPortal() {
        return dispatchId != null;
    }
}
