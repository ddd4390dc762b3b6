package vn.congvan.dispatch;

import java.util.List;

/** Test data: drafts that differ from a plausible Party công văn only where a test says so. */
public final class DispatchDrafts {

    private DispatchDrafts() {}

    /**
     * A restricted Party công văn of the issuer, signed, with a body and the usual "Nơi nhận", addressed to nobody
     * yet: a test names the recipients and changes what it is about.
     */
    public static DispatchDraft.Builder party(Long issuerUnitId) {
        return DispatchDraft.builder()
                .family(DispatchFamily.PARTY)
                .type("CV")
                .issuer(issuerUnitId)
                .subject("Về việc kiểm thử")
                .body("Đề nghị các đơn vị triển khai.\n\nTrân trọng.")
                .signer(new Signer("K/T", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Thử"))
                .visibility(Visibility.RESTRICTED)
                .distribution(Recipient.text("Như trên"), Recipient.text("Lưu Ban Tuyên giáo Quận ủy"));
    }

    /** A Party công văn of the issuer addressed to one unit. */
    public static DispatchDraft partyDispatch(
            Long issuerUnitId, Visibility visibility, String subject, Long addresseeUnitId) {
        return party(issuerUnitId)
                .visibility(visibility)
                .subject(subject)
                .addressees(List.of(Recipient.unit("Đơn vị nhận", addresseeUnitId)))
                .build();
    }
}
