package vn.congvan.api;

import java.time.Instant;
import java.time.LocalDate;
import vn.congvan.delivery.DeliveryStatus;
import vn.congvan.delivery.InboxItem;

/** A dispatch in the unit's inbox and where the unit stands with it. */
record ApiInboxItem(
        ApiDispatch dispatch,
        Instant deliveredAt,
        Instant viewedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant withdrawnAt,
        LocalDate reportDueOn,
        Instant reportedAt) {

    static ApiInboxItem of(InboxItem item) {
        DeliveryStatus status = item.status();
        return new ApiInboxItem(
                ApiDispatch.of(item.dispatch()),
                status.deliveredAt(),
                status.firstViewedAt(),
                status.acknowledgedAt(),
                status.acknowledgedBy(),
                status.withdrawnAt(),
                item.reportDueOn(),
                item.reportedAt());
    }
}
