package vn.congvan.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
import vn.congvan.account.AccessTokenChanged;
import vn.congvan.account.AccountChanged;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.AccountSummary;
import vn.congvan.account.CurrentUser;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.delivery.DeliveryEvent;
import vn.congvan.delivery.ReminderSent;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchPublished;
import vn.congvan.dispatch.DispatchRelation;
import vn.congvan.dispatch.DispatchSummary;
import vn.congvan.dispatch.DispatchSuperseded;
import vn.congvan.dispatch.DispatchWithdrawn;
import vn.congvan.organization.OrganizationChanged;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;

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

    private final DispatchCatalog dispatches;

    private final OrganizationDirectory organization;

    private final Attachments attachments;

    AuditListeners(
            AuditLog log,
            AccountManagement accounts,
            DispatchCatalog dispatches,
            OrganizationDirectory organization,
            Attachments attachments) {
        this.log = log;
        this.accounts = accounts;
        this.dispatches = dispatches;
        this.organization = organization;
        this.attachments = attachments;
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
                account(accountId, authentication.getName()),
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
        String reason = refusal(event.getException());
        Optional<AccountSummary> account =
                authentication.getName() == null ? Optional.empty() : accounts.findByUsername(authentication.getName());
        String address = clientAddress(authentication);
        if (account.isPresent()) {
            log.record(
                    action,
                    null,
                    new AuditLog.Actor(account.get().username(), account.get().unitId(), address),
                    account(account.get().id(), account.get().username()),
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
        int units =
                event.recipientUnitIds() == null ? 0 : event.recipientUnitIds().size();
        log.record(
                AuditAction.PUBLISH,
                event.at(),
                actor(),
                dispatch(event.dispatchId()),
                "Phát hành số " + event.notation() + ", gửi đến " + units + " đơn vị");
    }

    @EventListener
    void on(DispatchWithdrawn event) {
        log.record(
                AuditAction.WITHDRAW,
                event.at(),
                actor(),
                dispatch(event.dispatchId()),
                event.reason() == null ? null : "Lý do: " + event.reason());
    }

    @EventListener
    void on(DispatchSuperseded event) {
        boolean correction = event.relation() == DispatchRelation.CORRECTS;
        log.record(
                correction ? AuditAction.CORRECT : AuditAction.REPLACE,
                event.at(),
                actor(),
                dispatch(event.dispatchId()),
                (correction ? "Bắt đầu soạn văn bản đính chính" : "Bắt đầu soạn văn bản thay thế") + " (dự thảo mã "
                        + event.newDispatchId() + ")");
    }

    @EventListener
    void on(DeliveryEvent event) {
        AuditAction action = switch (event.kind()) {
            case VIEWED -> AuditAction.VIEW;
            case DOWNLOADED -> AuditAction.DOWNLOAD;
            case ACKNOWLEDGED -> AuditAction.ACKNOWLEDGE;
            case REPORTED -> AuditAction.REPORT;
        };
        String unit = organization.unit(event.unitId()).map(UnitSummary::name).orElse("mã " + event.unitId());
        String file = event.attachmentId() == null
                ? ""
                : "; tệp: "
                        + attachments
                                .ofDispatch(event.dispatchId(), event.attachmentId())
                                .map(AuditListeners::fileName)
                                .orElse("mã " + event.attachmentId());
        // The id printed on a stamped copy (ADR 0043): what ties a leaked copy to this download.
        if (event.copyId() != null) {
            file += "; bản có dấu mã " + event.copyId();
        }
        log.record(action, event.at(), actor(), dispatch(event.dispatchId()), "Đơn vị: " + unit + file);
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
                account(event.accountId(), event.username()),
                event.change());
    }

    @EventListener
    void on(AccessTokenChanged event) {
        log.record(
                AuditAction.ACCOUNT_CHANGE,
                event.at(),
                actor(),
                account(event.accountId(), event.username()),
                event.change());
    }

    @EventListener
    void on(OrganizationChanged event) {
        String subject = event.subject() == null ? null : event.subject().toUpperCase(Locale.ROOT);
        String label = "UNIT".equals(subject) && event.subjectId() != null
                ? organization.unit(event.subjectId()).map(UnitSummary::name).orElse(null)
                : null;
        log.record(
                AuditAction.ORGANIZATION_CHANGE,
                event.at(),
                actor(),
                new AuditLog.Subject(subject, event.subjectId(), label),
                event.change());
    }

    /**
     * The dispatch as its readers name it, "Công văn 66-CV/BTGQU" (a draft by its type alone): one lookup, on the
     * acting request's thread, of a dispatch that exists in this transaction.
     */
    private AuditLog.Subject dispatch(Long id) {
        DispatchSummary summary = dispatches.summaries(List.of(id)).get(id);
        String label = summary == null
                ? null
                : summary.notation() == null
                        ? summary.typeName() + " (dự thảo)"
                        : summary.typeName() + " " + summary.notation();
        return new AuditLog.Subject("DISPATCH", id, label);
    }

    private static AuditLog.Subject account(Long id, String username) {
        return new AuditLog.Subject("ACCOUNT", id, username == null ? null : "Tài khoản " + username);
    }

    private static String fileName(AttachmentView file) {
        return file.title() != null && !file.title().isBlank() ? file.title() : file.originalFilename();
    }

    /** Why a login was refused, in the log's words; an exception the portal does not name keeps its class name. */
    static String refusal(Exception exception) {
        String name = exception.getClass().getSimpleName();
        return switch (name) {
            case "BadCredentialsException" -> "Sai tên đăng nhập hoặc mật khẩu";
            case "LockedException" -> "Tài khoản đang bị khóa";
            case "DisabledException" -> "Tài khoản đã bị vô hiệu hóa";
            case "LoginRefusedException" -> "Tạm chặn vì đăng nhập sai nhiều lần";
            case "AccountExpiredException", "CredentialsExpiredException" -> "Tài khoản hoặc mật khẩu đã hết hạn";
            default -> name;
        };
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
