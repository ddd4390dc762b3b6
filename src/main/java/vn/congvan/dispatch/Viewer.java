package vn.congvan.dispatch;

import java.util.Set;

/**
 * Who is looking at dispatches, as far as {@link DispatchAccess} needs to know: the units whose mail the person reads
 * as a member (their own and the units it took over through successions), the unit they act for as a clerk, and
 * whether they administer the portal. Built from the signed-in account by one adapter in the web layer, so that the
 * dispatch module never reads the security principal. {@code username} names who to record in a delivery ledger.
 *
 * @param username who is looking; null for an anonymous visitor
 * @param recipientUnitIds the units whose dispatches the person receives; empty unless a member of a unit
 * @param clerkUnitId the unit the person drafts and publishes for; null unless a clerk
 * @param administrator whether the person administers the portal
 */
public record Viewer(String username, Set<Long> recipientUnitIds, Long clerkUnitId, boolean administrator) {

    private static final Viewer ANONYMOUS = new Viewer(null, Set.of(), null, false);

    public Viewer {
        recipientUnitIds = Set.copyOf(recipientUnitIds);
    }

    /** A visitor who is not signed in: sees what is published and public, nothing else. */
    public static Viewer anonymous() {
        return ANONYMOUS;
    }

    public boolean isAnonymous() {
        return username == null && recipientUnitIds.isEmpty() && clerkUnitId == null && !administrator;
    }

    public boolean isClerkOf(Long issuerUnitId) {
        return clerkUnitId != null && clerkUnitId.equals(issuerUnitId);
    }

    public boolean receivesFor(Long unitId) {
        return unitId != null && recipientUnitIds.contains(unitId);
    }

    /** Whether the person reads an inbox at all. */
    public boolean isRecipient() {
        return !recipientUnitIds.isEmpty();
    }
}
