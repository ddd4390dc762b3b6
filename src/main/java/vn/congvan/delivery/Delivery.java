package vn.congvan.delivery;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of a dispatch's delivery ledger: one recipient unit, when it was delivered, first viewed, first
 * downloaded and acknowledged, and by whom. The first time of each is kept; the ledger is written by
 * {@link DeliveryLedger} with single conditional updates, so two members of a unit acting at once keep the first.
 */
@Entity
@Table(name = "delivery")
class Delivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long dispatchId;

    private Long unitId;

    private Instant deliveredAt;

    private Instant firstViewedAt;

    private String firstViewedBy;

    private Instant firstDownloadedAt;

    private String firstDownloadedBy;

    private Instant acknowledgedAt;

    private String acknowledgedBy;

    private Instant withdrawnAt;

    private Instant remindedAt;

    /** The moment of the last notice (withdrawal, correction, replacement): the line rises to the top of the inbox. */
    private Instant noticedAt;

    protected Delivery() {}

    Delivery(Long dispatchId, Long unitId, Instant deliveredAt) {
        this.dispatchId = dispatchId;
        this.unitId = unitId;
        this.deliveredAt = deliveredAt;
    }

    Long getUnitId() {
        return unitId;
    }

    Long getDispatchId() {
        return dispatchId;
    }

    DeliveryStatus toStatus() {
        return new DeliveryStatus(
                dispatchId,
                unitId,
                deliveredAt,
                firstViewedAt,
                firstViewedBy,
                firstDownloadedAt,
                firstDownloadedBy,
                acknowledgedAt,
                acknowledgedBy,
                withdrawnAt,
                remindedAt);
    }
}
