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
        Instant withdrawnAt) {

    public boolean isViewed() {
        return firstViewedAt != null;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    /** The dispatch was withdrawn: the unit may read why, its files are no longer handed out. */
    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }
}
