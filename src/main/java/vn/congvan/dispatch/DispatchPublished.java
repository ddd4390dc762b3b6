package vn.congvan.dispatch;

import java.time.Instant;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * A dispatch was numbered and sent. {@code recipientUnitIds} are the units its addressees and distribution
 * resolved to at that moment (groups expanded); later changes to groups or the tree do not change them.
 * {@code at} is when the portal did it; {@code sentAt} is when the document reached its recipients, the same moment
 * except for a document registered as issued on paper earlier, which was sent on its day of issue.
 */
@NamedInterface("events")
public record DispatchPublished(
        Long dispatchId, Long issuerUnitId, String notation, Set<Long> recipientUnitIds, Instant at, Instant sentAt) {

    /** Published now: sent at the moment it was published. */
    public DispatchPublished(
            Long dispatchId, Long issuerUnitId, String notation, Set<Long> recipientUnitIds, Instant at) {
        this(dispatchId, issuerUnitId, notation, recipientUnitIds, at, at);
    }
}
