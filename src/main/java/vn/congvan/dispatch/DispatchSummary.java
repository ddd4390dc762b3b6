package vn.congvan.dispatch;

import java.time.Instant;
import java.time.LocalDate;

/** A dispatch in a list. */
public record DispatchSummary(
        Long id,
        DispatchFamily family,
        String typeCode,
        String typeName,
        String notation,
        LocalDate issuedOn,
        String issuerName,
        String subject,
        Visibility visibility,
        DispatchStatus status,
        Instant updatedAt,
        Urgency urgency) {}
