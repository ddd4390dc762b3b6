package vn.congvan.account;

import java.util.Set;

/**
 * The editable parts of an account. {@code version} is the version the administrator saw, so that two people
 * editing the same account do not overwrite each other silently.
 */
public record AccountUpdate(
        long version, String displayName, String email, Long unitId, Set<Role> roles, boolean enabled) {}
