package vn.congvan.audit;

import java.time.Instant;
import java.time.LocalDateTime;

/** An audit entry as the log page shows it. */
public record AuditEntryView(
        Long id,
        Instant occurredAt,
        AuditAction action,
        String actorUsername,
        Long actorUnitId,
        String clientAddress,
        String subjectType,
        Long subjectId,
        String details) {

    /** The time on Vietnamese clocks. */
    public LocalDateTime localTime() {
        return LocalDateTime.ofInstant(occurredAt, AuditLog.ZONE);
    }
}
