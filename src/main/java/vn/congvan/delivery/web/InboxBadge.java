package vn.congvan.delivery.web;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.congvan.delivery.DeliveryLedger;
import vn.congvan.dispatch.Viewer;
import vn.congvan.dispatch.Viewers;

/**
 * How many dispatches of the signed-in member's units are still unread: the badge beside "Hộp văn bản đến" in the
 * menu and the inbox's heading ({@code ${@inboxBadge.unread()}}). Pages ask for it while they render, after the
 * request's own work (opening a dispatch records the view first), so it agrees with the page; downloads, redirects
 * and requests of anyone who is not a member never count. Counted once per request.
 */
@Component("inboxBadge")
public class InboxBadge {

    private static final String COUNTED = InboxBadge.class.getName() + ".unread";

    private final DeliveryLedger ledger;

    private final Viewers viewers;

    InboxBadge(DeliveryLedger ledger, Viewers viewers) {
        this.ledger = ledger;
        this.viewers = viewers;
    }

    /** The number of unread dispatches, or null when nobody or no member of a unit is signed in. */
    public Long unread() {
        Viewer user = viewers.current();
        if (!user.isRecipient()) {
            return null;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return ledger.unreadCount(user);
        }
        Long counted = (Long) request.getAttribute(COUNTED, RequestAttributes.SCOPE_REQUEST);
        if (counted == null) {
            counted = ledger.unreadCount(user);
            request.setAttribute(COUNTED, counted, RequestAttributes.SCOPE_REQUEST);
        }
        return counted;
    }
}
