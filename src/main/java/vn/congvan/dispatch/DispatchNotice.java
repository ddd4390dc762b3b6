package vn.congvan.dispatch;

import java.time.Instant;

/**
 * What the readers of a dispatch are told after it was sent: that it was withdrawn (when, why), and the newest
 * published dispatch that corrects or replaces it, if any ({@code successor}, with how it stands to this one). The
 * caller shows the successor only where its reader may open it.
 */
public record DispatchNotice(
        Long dispatchId,
        String typeName,
        String notation,
        String subject,
        Visibility visibility,
        Instant withdrawnAt,
        String withdrawalReason,
        DispatchReference successor,
        DispatchRelation relation,
        Instant successorPublishedAt) {

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    public boolean hasSuccessor() {
        return successor != null;
    }

    public boolean isCorrected() {
        return successor != null && relation == DispatchRelation.CORRECTS;
    }

    public boolean isReplaced() {
        return successor != null && relation == DispatchRelation.REPLACES;
    }

    /** The notice without its successor, for a reader who may not open it. */
    public DispatchNotice withoutSuccessor() {
        return new DispatchNotice(
                dispatchId, typeName, notation, subject, visibility, withdrawnAt, withdrawalReason, null, null, null);
    }

    /** Whether there is anything to tell: a withdrawal or a published successor. */
    public boolean isNews() {
        return isWithdrawn() || hasSuccessor();
    }

    /** The moment of the latest news, for feeds. */
    public Instant noticedAt() {
        if (withdrawnAt != null && successorPublishedAt != null) {
            return withdrawnAt.isAfter(successorPublishedAt) ? withdrawnAt : successorPublishedAt;
        }
        return withdrawnAt != null ? withdrawnAt : successorPublishedAt;
    }
}
