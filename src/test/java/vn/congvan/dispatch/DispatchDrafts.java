package vn.congvan.dispatch;

import java.util.List;

/** Test data: drafts that differ from a plausible Party công văn only where a test says so. */
public final class DispatchDrafts {

    private DispatchDrafts() {
    }

    /** A Party công văn of the issuer addressed to one unit. */
    public static DispatchDraft partyDispatch(Long issuerUnitId, Visibility visibility, String subject,
            Long addresseeUnitId) {
        return new DispatchDraft(DispatchFamily.PARTY, "CV", issuerUnitId, null, subject,
                "Đề nghị các đơn vị triển khai.\n\nTrân trọng.", new Signer("K/T", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN",
                        "Nguyễn Văn Thử"),
                Urgency.NORMAL, visibility, null, null, List.of(Recipient.unit("Đơn vị nhận", addresseeUnitId)),
                List.of(Recipient.text("Như trên"), Recipient.text("Lưu Ban Tuyên giáo Quận ủy")));
    }
}
