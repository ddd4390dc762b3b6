package vn.congvan.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses, before a byte of its body is read, a request that would be refused anyway: one that declares a body larger
 * than the container accepts (413), and an upload (multipart, or a body larger than a form's) that the authorization
 * rules will not let in (the log-in page for a visitor, 403 for a signed-in user). It sits before the CSRF check,
 * which reads the request's parameters and so would read and spool a whole multipart body first. The rules are the
 * security chain's own ({@link #useRules}), asked with the security context as loaded from the session.
 */
class UnreadBodyRefusal extends OncePerRequestFilter {

    /** Larger than any form of the portal but an upload; such a body is only read for someone let in. */
    static final long FORM_SIZE = 64 * 1024;

    private final long maxRequestSize;

    private final AuthenticationEntryPoint logIn;

    private final AccessDeniedHandler denied;

    private final MessageSource messages;

    private final LocaleResolver locales;

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    private AuthorizationManager<HttpServletRequest> rules;

    UnreadBodyRefusal(
            long maxRequestSize,
            AuthenticationEntryPoint logIn,
            AccessDeniedHandler denied,
            MessageSource messages,
            LocaleResolver locales) {
        this.maxRequestSize = maxRequestSize;
        this.logIn = logIn;
        this.denied = denied;
        this.messages = messages;
        this.locales = locales;
    }

    /** The authorization rules of the chain this filter is part of, known only once the chain is built. */
    void useRules(AuthorizationManager<HttpServletRequest> rules) {
        this.rules = rules;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (maxRequestSize >= 0 && declared > maxRequestSize) {
            tooLarge(request, response);
            return;
        }
        boolean chunked = declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if ((multipart(request) || chunked || declared > FORM_SIZE) && rules != null) {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            Authentication asked = user != null
                    ? user
                    : new AnonymousAuthenticationToken(
                            "unread-body", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
            AuthorizationResult result = rules.authorize(() -> asked, request);
            if (result != null && !result.isGranted()) {
                if (user == null || trust.isAnonymous(user) || !user.isAuthenticated()) {
                    logIn.commence(request, response, new InsufficientAuthenticationException("Not signed in"));
                } else {
                    denied.handle(request, response, new AccessDeniedException("Not allowed"));
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The body stays unread; with a small server.tomcat.max-swallow-size the connection is closed after this.
        if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            Locale locale = locales.resolveLocale(request);
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(messages.getMessage("error.413.text", null, locale));
            return;
        }
        response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
    }

    private static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }
}
