package vn.congvan.dispatch;

import java.time.Instant;

/** Thu hồi: a published dispatch was recalled; it leaves inboxes and the public section. */
public record DispatchWithdrawn(Long dispatchId, String notation, String reason, Instant at) {
}
