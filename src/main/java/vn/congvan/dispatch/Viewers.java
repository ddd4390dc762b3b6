package vn.congvan.dispatch;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.Role;
import vn.congvan.organization.OrganizationDirectory;

/**
 * The one place where the signed-in account becomes a {@link Viewer}: a member receives for their unit and for every
 * unit whose work it took over (successions, looked up once per request); a clerk acts for their unit; an
 * administrator is one. Controllers receive the viewer as a handler argument ({@code Viewer viewer}); nothing else
 * turns a security principal into access rights.
 */
@Component
public class Viewers {

    private static final String CURRENT = Viewers.class.getName() + ".current";

    private final OrganizationDirectory organization;

    Viewers(OrganizationDirectory organization) {
        this.organization = organization;
    }

    /** The viewer of this request (anonymous without a signed-in account), made once per request. */
    public Viewer current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser user = authentication != null && authentication.getPrincipal() instanceof CurrentUser signedIn
                ? signedIn
                : null;
        if (request == null) {
            return of(user);
        }
        // Kept with the principal it was made for: a test or a filter may change the principal within a request.
        if (request.getAttribute(CURRENT, RequestAttributes.SCOPE_REQUEST) instanceof Made made
                && made.user() == user) {
            return made.viewer();
        }
        Viewer viewer = of(user);
        request.setAttribute(CURRENT, new Made(user, viewer), RequestAttributes.SCOPE_REQUEST);
        return viewer;
    }

    /** The viewer a signed-in account is (null is an anonymous visitor). */
    public Viewer of(CurrentUser user) {
        if (user == null) {
            return Viewer.anonymous();
        }
        Set<Long> receives = new LinkedHashSet<>();
        if (user.unitId() != null && user.roles().contains(Role.MEMBER)) {
            receives.add(user.unitId());
            receives.addAll(organization.predecessorsOf(user.unitId()));
        }
        return new Viewer(
                user.getUsername(), receives, user.roles().contains(Role.CLERK) ? user.unitId() : null, user.isAdmin());
    }

    /** The account as the clerk of its unit only, which needs no lookup (the staff pages' actions). */
    public static Viewer issuingClerk(CurrentUser user) {
        return new Viewer(
                user.getUsername(), Set.of(), user.roles().contains(Role.CLERK) ? user.unitId() : null, false);
    }

    private record Made(CurrentUser user, Viewer viewer) {}
}
