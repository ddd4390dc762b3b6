package vn.congvan.account;

import java.time.Instant;

/** An account was created or changed by an administrator; {@code change} says what, in English. */
public record AccountChanged(Long accountId, String username, String change, Instant at) {
}
