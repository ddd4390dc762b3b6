package vn.congvan.delivery;

import vn.congvan.dispatch.DispatchSummary;

/** A dispatch in a unit's inbox, with where the unit stands with it. */
public record InboxItem(DispatchSummary dispatch, DeliveryStatus status) {

    public boolean isUnread() {
        return !status.isViewed();
    }
}
