package vn.congvan.dispatch;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Read models of the dispatch module for tests of the modules that consume them, with the dispatch module stubbed. */
public final class DispatchViews {

    private DispatchViews() {}

    /** A published state dispatch ("công văn") numbered {@code notation}, as {@code DispatchCatalog} would give it. */
    public static DispatchView published(
            long id, long issuerUnitId, String notation, String subject, Visibility visibility, LocalDate issuedOn) {
        return published(id, issuerUnitId, notation, subject, visibility, issuedOn, Urgency.NORMAL);
    }

    /** The same, of the given urgency. */
    public static DispatchView published(
            long id,
            long issuerUnitId,
            String notation,
            String subject,
            Visibility visibility,
            LocalDate issuedOn,
            Urgency urgency) {
        return new DispatchView(
                id,
                1,
                issuerUnitId,
                DispatchFamily.STATE,
                "CV",
                "Công văn",
                notation,
                null,
                "Ủy ban nhân dân phường thử nghiệm",
                null,
                "ỦY BAN NHÂN DÂN",
                issuedOn,
                "Thành phố Hồ Chí Minh",
                subject,
                List.of("Nội dung thử nghiệm."),
                List.of(),
                List.of(),
                null,
                urgency,
                visibility,
                DispatchStatus.PUBLISHED,
                null,
                null,
                List.of(),
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null);
    }

    public static IndexableDispatch indexable(DispatchView dispatch, Set<Long> recipientUnitIds) {
        return new IndexableDispatch(dispatch, recipientUnitIds);
    }
}
