package vn.congvan.account;

import java.time.Instant;

/** A personal access token as its owner's page lists it: never the token itself, which nobody can see again. */
public record TokenSummary(
        Long id,
        String name,
        TokenScope scope,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
