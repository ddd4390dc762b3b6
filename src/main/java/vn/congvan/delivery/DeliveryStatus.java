package vn.congvan.delivery;

import java.time.Instant;

/** Where one dispatch stands with one recipient unit. */
public record DeliveryStatus(Long dispatchId, Long unitId, Instant deliveredAt, Instant firstViewedAt,
        String firstViewedBy, Instant firstDownloadedAt, String firstDownloadedBy, Instant acknowledgedAt,
        String acknowledgedBy) {

    public boolean isViewed() {
        return firstViewedAt != null;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }
}
