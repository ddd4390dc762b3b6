package vn.congvan.delivery;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * Something a recipient unit did with a dispatch sent to it: the first time it is recorded in the ledger, every
 * time it is reported as an event (for the audit log).
 *
 * @param copyId the id of the stamped copy a download issued (ADR 0043); null for anything else
 */
@NamedInterface("events")
public record DeliveryEvent(Kind kind, Long dispatchId, Long unitId, Long attachmentId, Instant at, String copyId) {

    public DeliveryEvent(Kind kind, Long dispatchId, Long unitId, Long attachmentId, Instant at) {
        this(kind, dispatchId, unitId, attachmentId, at, null);
    }

    public enum Kind {
        VIEWED,
        DOWNLOADED,
        ACKNOWLEDGED,
        /** The unit sent (or revised) its report (báo cáo). */
        REPORTED
    }
}
