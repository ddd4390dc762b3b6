package vn.congvan.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** A personal access token (mã truy cập cá nhân) of an account, by the SHA-256 of its secret. */
@Entity
@Table(name = "personal_access_token")
class PersonalAccessToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private Long accountId;

    @Column(updatable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private TokenScope scope;

    @Column(updatable = false)
    private byte[] tokenHash;

    @Column(updatable = false)
    private Instant createdAt;

    @Column(updatable = false)
    private Instant expiresAt;

    /** The form that made it (ADR 0065), so that the same form posted twice makes one token; null without one. */
    @Column(updatable = false)
    private UUID formRequest;

    private Instant lastUsedAt;

    private Instant revokedAt;

    protected PersonalAccessToken() {}

    PersonalAccessToken(
            Long accountId,
            String name,
            TokenScope scope,
            byte[] tokenHash,
            Instant createdAt,
            Instant expiresAt,
            UUID formRequest) {
        this.accountId = accountId;
        this.formRequest = formRequest;
        this.name = name;
        this.scope = scope;
        this.tokenHash = Arrays.copyOf(tokenHash, tokenHash.length);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Whether the token opens the API at that moment (the account is checked separately). */
    boolean isValidAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    Long getId() {
        return id;
    }

    Long getAccountId() {
        return accountId;
    }

    TokenScope getScope() {
        return scope;
    }

    TokenSummary toSummary() {
        return new TokenSummary(id, name, scope, createdAt, expiresAt, lastUsedAt, revokedAt);
    }
}
