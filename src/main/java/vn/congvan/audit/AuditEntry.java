package vn.congvan.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.hibernate.annotations.Immutable;

/** One line of the audit log. Written once, never changed: the table refuses UPDATE and DELETE. */
@Entity
@Immutable
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    private AuditAction action;

    private String actorUsername;

    private Long actorUnitId;

    private String clientAddress;

    private String subjectType;

    private Long subjectId;

    private String subjectLabel;

    @Column(columnDefinition = "text")
    private String details;

    protected AuditEntry() {}

    AuditEntry(
            Instant occurredAt,
            AuditAction action,
            String actorUsername,
            Long actorUnitId,
            String clientAddress,
            String subjectType,
            Long subjectId,
            String subjectLabel,
            String details) {
        this.occurredAt = occurredAt;
        this.action = action;
        this.actorUsername = clip(actorUsername, 100);
        this.actorUnitId = actorUnitId;
        this.clientAddress = clip(clientAddress, 64);
        this.subjectType = clip(subjectType, 40);
        this.subjectId = subjectId;
        this.subjectLabel = clip(subjectLabel, 300);
        this.details = details;
    }

    private static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    AuditEntryView toView(ZoneId zone) {
        return new AuditEntryView(
                id,
                occurredAt,
                LocalDateTime.ofInstant(occurredAt, zone),
                action,
                actorUsername,
                actorUnitId,
                clientAddress,
                subjectType,
                subjectId,
                subjectLabel,
                details);
    }
}
