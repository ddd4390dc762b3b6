package vn.congvan.incoming;

import java.time.LocalDate;

/** A document from a sender outside the portal, as the clerk reads it from the paper. */
public record ManualEntry(
        LocalDate receivedOn,
        String senderName,
        String notation,
        LocalDate issuedOn,
        String typeCode,
        String subject,
        LocalDate dueOn,
        String note) {}
