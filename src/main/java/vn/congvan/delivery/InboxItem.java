package vn.congvan.delivery;

import java.time.Instant;
import java.time.LocalDate;
import vn.congvan.dispatch.DispatchSummary;

/**
 * A dispatch in a unit's inbox, with where the unit stands with it: its deadline for a report if it asks for one
 * ({@code reportDueOn}) and when the unit last sent its report ({@code reportedAt}).
 */
public record InboxItem(DispatchSummary dispatch, DeliveryStatus status, LocalDate reportDueOn, Instant reportedAt) {

    public boolean isUnread() {
        return !status.isViewed();
    }

    /** "31/8/2023"; null without a deadline. */
    public String reportDueLabel() {
        return reportDueOn == null
                ? null
                : reportDueOn.getDayOfMonth() + "/" + reportDueOn.getMonthValue() + "/" + reportDueOn.getYear();
    }

    public boolean isReported() {
        return reportedAt != null;
    }

    /** The issuer reminded the unit and the unit still owes what it was reminded of: a report, or its receipt. */
    public boolean isRemindedAndOwing() {
        return status.isReminded() && (reportDueOn != null ? !isReported() : !status.isAcknowledged());
    }
}
