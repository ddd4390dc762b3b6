package vn.congvan.dispatch;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** Thu hồi: a published dispatch was recalled; it leaves inboxes and the public section. */
@NamedInterface("events")
public record DispatchWithdrawn(Long dispatchId, String notation, String reason, Instant at) {}
