package vn.congvan.account;

import java.time.Instant;
import java.util.Set;

/** An account as pages and other modules see it: everything but the password hash. */
public record AccountSummary(
        Long id,
        long version,
        String username,
        String displayName,
        String email,
        Long unitId,
        Set<Role> roles,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
