package vn.congvan.delivery;

import java.time.Instant;

/** Where one dispatch stands with one recipient unit. */
public record DeliveryStatus(
        Long dispatchId,
        Long unitId,
        Instant deliveredAt,
        Instant firstViewedAt,
        String firstViewedBy,
        Instant firstDownloadedAt,
        String firstDownloadedBy,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant withdrawnAt,
        Instant remindedAt) {

    public boolean isViewed() {
        return firstViewedAt != null;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    /** The issuer reminded the unit (nhắc) at least once. */
    public boolean isReminded() {
        return remindedAt != null;
    }

    /** The dispatch was withdrawn: the unit may read why, its files are no longer handed out. */
    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }
}
