package vn.congvan.dispatch;

import java.util.List;

/** Everything a drafter decides about a dispatch before it is numbered. */
public record DispatchDraft(DispatchFamily family, String typeCode, Long issuerUnitId, String place, String subject,
        String body, Signer signer, Urgency urgency, Visibility visibility, Long forwardsId, String forwardsReference,
        List<Recipient> addressees, List<Recipient> distribution) {

    public DispatchDraft {
        addressees = List.copyOf(addressees);
        distribution = List.copyOf(distribution);
    }
}
