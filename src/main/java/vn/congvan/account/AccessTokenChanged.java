package vn.congvan.account;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * A person made or revoked one of their personal access tokens (ADR 0042), for the audit log. Not an
 * {@link AccountChanged}: that one ends the account's sessions, and making a token must not sign its owner out.
 */
@NamedInterface("events")
public record AccessTokenChanged(Long accountId, String username, String change, Instant at) {}
