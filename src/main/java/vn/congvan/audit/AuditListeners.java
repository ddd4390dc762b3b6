package vn.congvan.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.congvan.account.AccountChanged;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.AccountSummary;
import vn.congvan.account.CurrentUser;
import vn.congvan.delivery.DeliveryEvent;
import vn.congvan.delivery.ReminderSent;
import vn.congvan.dispatch.DispatchPublished;
import vn.congvan.dispatch.DispatchRelation;
import vn.congvan.dispatch.DispatchSuperseded;
import vn.congvan.dispatch.DispatchWithdrawn;
import vn.congvan.organization.OrganizationChanged;

/**
 * Turns what happens elsewhere into audit entries. The listeners are synchronous on purpose: they run on the
 * request's thread, where the security context says who acted and the request says from which address (behind the
 * production proxy, {@code server.forward-headers-strategy} makes that the client's address, not the proxy's).
 */
@Component
class AuditListeners {

    /** What a failed login with a name that is no account records instead of the name (as the log's readers read it). */
    static final String UNKNOWN_NAME = "tên đăng nhập không tồn tại";

    private final AuditLog log;

    private final AccountManagement accounts;

    AuditListeners(AuditLog log, AccountManagement accounts) {
        this.log = log;
        this.accounts = accounts;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        Long unitId = authentication.getPrincipal() instanceof CurrentUser user ? user.unitId() : null;
        Long accountId = authentication.getPrincipal() instanceof CurrentUser user ? user.accountId() : null;
        log.record(
                AuditAction.LOGIN_SUCCESS,
                null,
                new AuditLog.Actor(authentication.getName(), unitId, clientAddress(authentication)),
                "ACCOUNT",
                accountId,
                null);
    }

    /**
     * A failed login names the account when the name is one; otherwise what was typed is not kept at all (it may be
     * a password typed into the wrong field), only that no such account exists and the address.
     */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        Authentication authentication = event.getAuthentication();
        AuditAction action = event instanceof AuthenticationFailureLockedEvent
                ? AuditAction.LOGIN_LOCKED
                : AuditAction.LOGIN_FAILURE;
        String reason = event.getException().getClass().getSimpleName();
        Optional<AccountSummary> account =
                authentication.getName() == null ? Optional.empty() : accounts.findByUsername(authentication.getName());
        String address = clientAddress(authentication);
        if (account.isPresent()) {
            log.record(
                    action,
                    null,
                    new AuditLog.Actor(account.get().username(), account.get().unitId(), address),
                    "ACCOUNT",
                    account.get().id(),
                    reason);
        } else {
            log.record(
                    action,
                    null,
                    new AuditLog.Actor(null, null, address),
                    "ACCOUNT",
                    null,
                    reason + "; " + UNKNOWN_NAME);
        }
    }

    @EventListener
    void on(DispatchPublished event) {
        log.record(
                AuditAction.PUBLISH,
                event.at(),
                actor(),
                "DISPATCH",
                event.dispatchId(),
                event.notation() + "; "
                        + (event.recipientUnitIds() == null
                                ? 0
                                : event.recipientUnitIds().size()) + " recipient units");
    }

    @EventListener
    void on(DispatchWithdrawn event) {
        log.record(
                AuditAction.WITHDRAW,
                event.at(),
                actor(),
                "DISPATCH",
                event.dispatchId(),
                event.notation() + (event.reason() == null ? "" : "; " + event.reason()));
    }

    @EventListener
    void on(DispatchSuperseded event) {
        AuditAction action = event.relation() == DispatchRelation.CORRECTS ? AuditAction.CORRECT : AuditAction.REPLACE;
        log.record(action, event.at(), actor(), "DISPATCH", event.dispatchId(), "by dispatch " + event.newDispatchId());
    }

    @EventListener
    void on(DeliveryEvent event) {
        AuditAction action = switch (event.kind()) {
            case VIEWED -> AuditAction.VIEW;
            case DOWNLOADED -> AuditAction.DOWNLOAD;
            case ACKNOWLEDGED -> AuditAction.ACKNOWLEDGE;
            case REPORTED -> AuditAction.REPORT;
        };
        log.record(
                action,
                event.at(),
                actor(),
                "DISPATCH",
                event.dispatchId(),
                "unit " + event.unitId()
                        + (event.attachmentId() == null ? "" : "; attachment " + event.attachmentId()));
    }

    /** A clerk's reminder is the clerk's; the scheduled job's has no actor and says it was automatic. */
    @EventListener
    void on(ReminderSent event) {
        log.record(
                AuditAction.REMIND,
                event.at(),
                event.automatic() ? new AuditLog.Actor(null, null, null) : actor(),
                "DISPATCH",
                event.dispatchId(),
                "unit " + event.unitId() + (event.automatic() ? "; tự động trước hạn báo cáo" : ""));
    }

    @EventListener
    void on(AccountChanged event) {
        log.record(
                AuditAction.ACCOUNT_CHANGE,
                event.at(),
                actor(),
                "ACCOUNT",
                event.accountId(),
                event.username() + ": " + event.change());
    }

    @EventListener
    void on(OrganizationChanged event) {
        String subject = event.subject() == null ? null : event.subject().toUpperCase(Locale.ROOT);
        log.record(AuditAction.ORGANIZATION_CHANGE, event.at(), actor(), subject, event.subjectId(), event.change());
    }

    private static AuditLog.Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String address = requestAddress();
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return new AuditLog.Actor(null, null, address);
        }
        Long unitId = authentication.getPrincipal() instanceof CurrentUser user ? user.unitId() : null;
        return new AuditLog.Actor(authentication.getName(), unitId, address);
    }

    private static String clientAddress(Authentication authentication) {
        String address = requestAddress();
        if (address == null && authentication.getDetails() instanceof WebAuthenticationDetails details) {
            address = details.getRemoteAddress();
        }
        return address;
    }

    private static String requestAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
