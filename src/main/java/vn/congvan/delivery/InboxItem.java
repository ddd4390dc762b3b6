package vn.congvan.delivery;

import java.time.Instant;
import java.time.LocalDate;
import vn.congvan.dispatch.DispatchNotice;
import vn.congvan.dispatch.DispatchSummary;

/**
 * A dispatch in a unit's inbox, with where the unit stands with it: its deadline for a report if it asks for one
 * ({@code reportDueOn}), when the unit last sent its report ({@code reportedAt}) and, if there is news of it, the
 * notice: withdrawn (the item stays, as a notice, without its files) or corrected or replaced by a published dispatch.
 */
public record InboxItem(
        DispatchSummary dispatch,
        DeliveryStatus status,
        LocalDate reportDueOn,
        Instant reportedAt,
        DispatchNotice notice) {

    public boolean isUnread() {
        return !status.isViewed() && !status.isWithdrawn();
    }

    public boolean hasNotice() {
        return notice != null;
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
