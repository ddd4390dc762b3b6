package vn.congvan.dispatch;

import java.time.Instant;

/**
 * A dispatch that was sent (published, perhaps withdrawn since): when it was sent and, if it was, when it was
 * withdrawn. What the delivery ledger needs to write a unit's line after the publication committed (ADR 0026).
 */
public record SentDispatch(Long dispatchId, Instant sentAt, Instant withdrawnAt) {}
