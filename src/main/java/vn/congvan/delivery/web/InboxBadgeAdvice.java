package vn.congvan.delivery.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.congvan.account.CurrentUser;
import vn.congvan.delivery.DeliveryLedger;

/**
 * How many dispatches of the member's unit are still unread ({@code inboxUnread}), for the badge beside "Hộp văn bản
 * đến" in the menu; absent for anyone who is not a member of a unit. One indexed count per request of a member.
 */
@ControllerAdvice
class InboxBadgeAdvice {

    private final DeliveryLedger ledger;

    InboxBadgeAdvice(DeliveryLedger ledger) {
        this.ledger = ledger;
    }

    @ModelAttribute("inboxUnread")
    Long inboxUnread(@AuthenticationPrincipal CurrentUser user) {
        if (user == null || user.unitId() == null || !user.isMemberOf(user.unitId())) {
            return null;
        }
        return ledger.unreadCount(user);
    }
}
