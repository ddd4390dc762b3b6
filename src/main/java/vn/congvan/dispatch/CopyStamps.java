package vn.congvan.dispatch;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.congvan.account.CurrentUser;
import vn.congvan.attachment.CopyStamp;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;

/**
 * Who a stamped copy names (ADR 0043): the signed-in member's own unit and account, at this moment in the portal's
 * zone. It names, it decides no access: that stays {@link DispatchAccess}'s. The inbox pages and the API's inbox
 * files both take their stamps here, so neither hands a member an unstamped original.
 */
@Component
public class CopyStamps {

    private final OrganizationDirectory organization;

    private final Clock clock;

    private final ZoneId zone;

    CopyStamps(OrganizationDirectory organization, Clock clock, ZoneId zone) {
        this.organization = organization;
        this.clock = clock;
        this.zone = zone;
    }

    /** The stamp for the signed-in account (pages or API); refuses without one. */
    public CopyStamp forCurrentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            // The inbox is for signed-in members only; a copy without a name would defeat its purpose.
            throw new IllegalStateException("A stamped copy is issued to a signed-in account only");
        }
        String unitName = user.unitId() == null
                ? null
                : organization.unit(user.unitId()).map(UnitSummary::name).orElse(null);
        return CopyStamp.issue(
                user.unitId(),
                unitName,
                user.accountId(),
                user.getUsername(),
                ZonedDateTime.ofInstant(clock.instant(), zone));
    }
}
