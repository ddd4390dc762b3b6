package vn.congvan.dispatch;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * The correction (đính chính) or replacement (thay thế) of {@code dispatchId} was published as
 * {@code newDispatchId}: the units that received the earlier one are told, with a link to the new one. Published in
 * the transaction that publishes the new one ({@link DispatchSuperseded} is the start of its draft).
 */
@NamedInterface("events")
public record DispatchSuccessorPublished(
        Long dispatchId,
        String notation,
        Long newDispatchId,
        String newNotation,
        DispatchRelation relation,
        Instant at) {}
