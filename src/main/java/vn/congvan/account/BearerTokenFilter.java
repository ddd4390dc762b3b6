package vn.congvan.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer cvn_…} on an API request: a valid token puts its account in the security context of
 * this request only (nothing is saved, no session is made); any other bearer value is a 401 at once, whatever the
 * path, so that a caller with a dead token is not silently served as anonymous. A read-only token is refused (403)
 * any request that may change something.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final PersonalAccessTokens tokens;

    BearerTokenFilter(PersonalAccessTokens tokens) {
        this.tokens = tokens;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader(HttpHeaders.AUTHORIZATION)
                .substring(BEARER.length())
                .strip();
        Optional<PersonalAccessTokens.TokenHolder> holder = tokens.authenticate(secret);
        if (holder.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            ApiProblems.write(request, response, HttpStatus.UNAUTHORIZED, ApiProblems.UNAUTHORIZED);
            return;
        }
        PersonalAccessTokens.TokenHolder found = holder.get();
        if (found.scope() == TokenScope.READ && !SAFE_METHODS.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
            ApiProblems.write(request, response, HttpStatus.FORBIDDEN, ApiProblems.READ_ONLY);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(found.user(), found.tokenId(), found.scope()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
