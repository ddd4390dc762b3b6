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
        String typeTitle,
        Integer draftYear,
        LocalDate reportDueOn) {

    /** "31/8/2023": the deadline for reports as the document page and the inbox print it; null without one. */
    public String reportDueLabel() {
        return VietnameseDates.shortForm(reportDueOn);
    }

    /** Whether recipient units are asked to report back. */
    public boolean asksForReport() {
        return reportDueOn != null;
    }

    /**
     * "Quận 1, ngày 12 tháng 7 năm 2023", with the leading zeros official practice gives days and months; a draft
     * leaves the day and the month blank, as on paper: "Quận 1, ngày     tháng     năm 2025".
     */
    public String placeAndDate() {
        if (issuedOn != null) {
            return place + ", " + VietnameseDates.longForm(issuedOn);
        }
        String blank = DispatchFamily.BLANK;
        return place + ", ngày" + blank + "tháng" + blank + "năm" + (draftYear == null ? blank : " " + draftYear);
    }

    /** Whether the type's name is printed as a title in the middle, with the subject under it (all but công văn). */
    public boolean hasTitle() {
        return typeTitle != null;
    }

    /**
     * The subject as a công văn prints it under its number: a state one begins "V/v" (NĐ 30/2020, Phụ lục I); a Party
     * one as its drafter wrote it ("Về việc ...", as 65-CV/BTGQU).
     */
    public String subjectUnderNumber() {
        if (isParty() || subject.startsWith("V/v") || subject.startsWith("Về việc")) {
            return subject;
        }
        return "V/v " + subject;
    }

    /**
     * What ends each addressee line but the last (which ends with a full stop): a comma in the Party's documents, as
     * 65-CV/BTGQU; a semicolon in the state's (NĐ 30/2020, as 73/UBND-TH of Hậu Giang).
     */
    public String addresseeSeparator() {
        return isParty() ? "," : ";";
    }

    /** One addressee is printed on the "Kính gửi" line itself, without a dash; several as a list under it. */
    public boolean hasSingleAddressee() {
        return addressees.size() == 1;
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
