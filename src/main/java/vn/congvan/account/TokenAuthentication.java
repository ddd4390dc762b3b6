package vn.congvan.account;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a personal access token: the principal is the account's {@link CurrentUser} (so every
 * access rule reads it as for a page), plus the token's scope as an authority ({@code SCOPE_READ} or
 * {@code SCOPE_CLERK}).
 */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;

    private final Long tokenId;

    private final TokenScope scope;

    TokenAuthentication(CurrentUser user, Long tokenId, TokenScope scope) {
        super(authorities(user, scope));
        this.user = user;
        this.tokenId = tokenId;
        this.scope = scope;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(CurrentUser user, TokenScope scope) {
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope.name()));
        return authorities;
    }

    public Long tokenId() {
        return tokenId;
    }

    public TokenScope scope() {
        return scope;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenAuthentication token && tokenId.equals(token.tokenId) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return tokenId.hashCode();
    }
}
