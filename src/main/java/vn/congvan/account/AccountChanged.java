package vn.congvan.account;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** An account was created or changed by an administrator; {@code change} says what, in Vietnamese, as the audit log shows it. */
@NamedInterface("events")
public record AccountChanged(Long accountId, String username, String change, Instant at) {}
