package vn.congvan.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Where a login lands when no page asked for it: each person on the page of their daily work. The page that sent
 * them to the login (remembered by the request cache) still wins. An account with several roles lands on the first
 * of administration, clerk's work and inbox: the rarer, more deliberate role is the one that signed in.
 */
final class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String ADMIN = "/quan-tri";

    static final String CLERK = "/quan-ly/cong-van";

    static final String MEMBER = "/hop-thu";

    LandingPage(RequestCache requestCache) {
        setRequestCache(requestCache);
        setDefaultTargetUrl("/");
    }

    @Override
    protected String determineTargetUrl(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        return authentication == null ? getDefaultTargetUrl() : landing(authentication.getAuthorities());
    }

    static String landing(Collection<? extends GrantedAuthority> authorities) {
        Set<String> roles =
                authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (roles.contains("ROLE_" + Role.ADMIN.name())) {
            return ADMIN;
        }
        if (roles.contains("ROLE_" + Role.CLERK.name())) {
            return CLERK;
        }
        if (roles.contains("ROLE_" + Role.MEMBER.name())) {
            return MEMBER;
        }
        return "/";
    }
}
