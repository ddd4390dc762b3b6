package vn.congvan.dispatch;

import java.time.Instant;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * A dispatch was numbered and sent. {@code recipientUnitIds} are the units its addressees and distribution
 * resolved to at that moment (groups expanded); later changes to groups or the tree do not change them.
 */
@NamedInterface("events")
public record DispatchPublished(
        Long dispatchId, Long issuerUnitId, String notation, Set<Long> recipientUnitIds, Instant at) {}
