package vn.congvan.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A person who signs in (tài khoản): one unit, one or more roles, a password hash never shown to anyone. */
@Entity
@Table(name = "account")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(updatable = false)
    private String username;

    private String passwordHash;

    private String displayName;

    private String email;

    private Long unitId;

    private boolean enabled;

    @ElementCollection
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    protected Account() {}

    private Account(String username, String passwordHash, Instant now) {
        this.username = normalise(username);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new, enabled account; the password arrives already hashed. */
    static Account open(
            String username,
            String passwordHash,
            String displayName,
            String email,
            Long unitId,
            Set<Role> roles,
            Instant now) {
        Account account = new Account(username, passwordHash, now);
        account.describe(displayName, email);
        account.assign(unitId, roles);
        return account;
    }

    /** Usernames are compared and stored in lower case. */
    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    void describe(String displayName, String email) {
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("An account needs a display name");
        }
        this.displayName = displayName.strip();
        this.email = email == null || email.isBlank() ? null : email.strip();
    }

    /** Only an administrator may stand outside every unit. */
    void assign(Long unitId, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("An account needs at least one role");
        }
        if (unitId == null && !roles.contains(Role.ADMIN)) {
            throw new IllegalArgumentException("Only an administrator may have no unit");
        }
        this.unitId = unitId;
        this.roles.clear();
        this.roles.addAll(roles);
    }

    void changePassword(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash);
    }

    void enable() {
        this.enabled = true;
    }

    void disable() {
        this.enabled = false;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(id, username, passwordHash, displayName, unitId, roles, enabled);
    }

    AccountSummary toSummary() {
        return new AccountSummary(
                id, version, username, displayName, email, unitId, Set.copyOf(roles), enabled, createdAt, updatedAt);
    }

    Long getId() {
        return id;
    }

    long getVersion() {
        return version;
    }

    String getUsername() {
        return username;
    }

    boolean isAdministrator() {
        return enabled && roles.contains(Role.ADMIN);
    }

    boolean isEnabled() {
        return enabled;
    }
}
