package vn.congvan.delivery;

import vn.congvan.dispatch.DispatchNotice;
import vn.congvan.dispatch.DispatchSummary;

/**
 * A dispatch in a unit's inbox, with where the unit stands with it and, if there is news of it, the notice: withdrawn
 * (the item stays, as a notice, without its files) or corrected or replaced by a published dispatch.
 */
public record InboxItem(DispatchSummary dispatch, DeliveryStatus status, DispatchNotice notice) {

    public boolean isUnread() {
        return !status.isViewed() && !status.isWithdrawn();
    }

    public boolean hasNotice() {
        return notice != null;
    }
}
