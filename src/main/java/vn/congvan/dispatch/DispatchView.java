package vn.congvan.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A dispatch with every formal part (thành phần thể thức) needed to lay it out as on paper, and its links. */
public record DispatchView(
        Long id,
        long version,
        Long issuerUnitId,
        DispatchFamily family,
        String typeCode,
        String typeName,
        String notation,
        String numberLine,
        String issuerName,
        String superiorHeader,
        String issuerHeader,
        LocalDate issuedOn,
        String place,
        String subject,
        List<String> bodyParagraphs,
        List<Recipient> addressees,
        List<Recipient> distribution,
        Signer signer,
        Urgency urgency,
        Visibility visibility,
        DispatchStatus status,
        DispatchReference forwards,
        String forwardsReference,
        List<DispatchReference> forwardedBy,
        DispatchRelation relation,
        DispatchReference related,
        List<DispatchReference> supersededBy,
        Instant withdrawnAt,
        String withdrawalReason,
        LocalDate reportDueOn) {

    /** "31/8/2023": the deadline for reports as the document page and the inbox print it; null without one. */
    public String reportDueLabel() {
        return VietnameseDates.shortForm(reportDueOn);
    }

    /** Whether recipient units are asked to report back. */
    public boolean asksForReport() {
        return reportDueOn != null;
    }

    /** "Quận 1, ngày 12 tháng 7 năm 2023", with the leading zeros official practice gives days and months. */
    public String placeAndDate() {
        return issuedOn == null ? place : place + ", " + VietnameseDates.longForm(issuedOn);
    }

    public boolean isParty() {
        return family == DispatchFamily.PARTY;
    }

    public boolean isDraft() {
        return status == DispatchStatus.DRAFT;
    }

    public boolean isPublished() {
        return status == DispatchStatus.PUBLISHED;
    }

    public boolean isWithdrawn() {
        return status == DispatchStatus.WITHDRAWN;
    }
}
