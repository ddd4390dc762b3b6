package vn.congvan.dispatch;

import java.time.Instant;

/** Đính chính or thay thế: {@code newDispatchId} corrects or replaces {@code dispatchId}. */
public record DispatchSuperseded(Long dispatchId, Long newDispatchId, DispatchRelation relation, Instant at) {
}
