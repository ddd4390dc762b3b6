package vn.congvan.account;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, as the security context holds them and as other modules receive them
 * ({@code @AuthenticationPrincipal CurrentUser user}). Access rules are asked of this object, never of URL patterns
 * alone.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    private final Long accountId;

    private final String username;

    private String passwordHash;

    private final String displayName;

    private final Long unitId;

    private final Set<Role> roles;

    private final boolean enabled;

    public CurrentUser(
            Long accountId,
            String username,
            String passwordHash,
            String displayName,
            Long unitId,
            Set<Role> roles,
            boolean enabled) {
        this.accountId = accountId;
        this.username = Objects.requireNonNull(username);
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.unitId = unitId;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.enabled = enabled;
    }

    public Long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    /** The one unit the person belongs to. */
    public Long unitId() {
        return unitId;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** A clerk acts for their own unit only. */
    public boolean isClerkOf(Long issuerUnitId) {
        return roles.contains(Role.CLERK) && Objects.equals(unitId, issuerUnitId);
    }

    public boolean isMemberOf(Long recipientUnitId) {
        return roles.contains(Role.MEMBER) && Objects.equals(unitId, recipientUnitId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentUser user && username.equals(user.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "CurrentUser[" + username + ", unit " + unitId + ", " + List.copyOf(roles) + "]";
    }
}
