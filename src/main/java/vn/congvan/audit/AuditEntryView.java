package vn.congvan.audit;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * An audit entry as the log page shows it: the time on the portal's clocks ({@code congvan.time-zone}) and the
 * subject by its name where the entry has one ("Công văn 66-CV/BTGQU"; entries written before issue 12 have only
 * the type and id).
 */
public record AuditEntryView(
        Long id,
        Instant occurredAt,
        LocalDateTime localTime,
        AuditAction action,
        String actorUsername,
        Long actorUnitId,
        String clientAddress,
        String subjectType,
        Long subjectId,
        String subjectLabel,
        String details) {}
