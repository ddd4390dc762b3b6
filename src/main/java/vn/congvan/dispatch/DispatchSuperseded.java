package vn.congvan.dispatch;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** Đính chính or thay thế: {@code newDispatchId} corrects or replaces {@code dispatchId}. */
@NamedInterface("events")
public record DispatchSuperseded(Long dispatchId, Long newDispatchId, DispatchRelation relation, Instant at) {}
