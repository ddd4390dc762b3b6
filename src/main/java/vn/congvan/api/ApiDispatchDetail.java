package vn.congvan.api;

import java.time.LocalDate;
import java.util.List;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.dispatch.DispatchFamily;
import vn.congvan.dispatch.DispatchStatus;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Urgency;

/** A dispatch with its formal parts and its files ({@code files[].href} downloads one through the API). */
record ApiDispatchDetail(
        Long id,
        DispatchFamily family,
        String typeCode,
        String typeName,
        String notation,
        String numberLine,
        LocalDate issuedOn,
        String place,
        String issuer,
        String issuerParent,
        String subject,
        List<String> bodyParagraphs,
        List<String> addressees,
        List<String> distribution,
        ApiSigner signer,
        Urgency urgency,
        DispatchStatus status,
        LocalDate reportDueOn,
        List<ApiFile> files) {

    ApiDispatchDetail {
        bodyParagraphs = List.copyOf(bodyParagraphs);
        addressees = List.copyOf(addressees);
        distribution = List.copyOf(distribution);
        files = List.copyOf(files);
    }

    /**
     * @param personalCopies whether each PDF is served to this caller as a copy of its own (a member's file of a
     *     restricted dispatch is stamped with the unit, the account and the time, ADR 0043): no digest can be promised
     */
    static ApiDispatchDetail of(
            DispatchView view, List<AttachmentView> attachments, String filesBase, boolean personalCopies) {
        return new ApiDispatchDetail(
                view.id(),
                view.family(),
                view.typeCode(),
                view.typeName(),
                view.notation(),
                view.numberLine(),
                view.issuedOn(),
                view.place(),
                view.issuerName(),
                view.superiorHeader(),
                view.subject(),
                view.bodyParagraphs() == null ? List.of() : view.bodyParagraphs(),
                lines(view.addressees()),
                lines(view.distribution()),
                view.signer() == null
                        ? null
                        : new ApiSigner(
                                view.signer().competenceLine(),
                                view.signer().position(),
                                view.signer().fullName()),
                view.urgency(),
                view.status(),
                view.reportDueOn(),
                attachments.stream()
                        .filter(AttachmentView::servable)
                        .map(file -> {
                            boolean stamped = personalCopies && file.isPdf();
                            return new ApiFile(
                                    file.id(),
                                    file.title(),
                                    file.originalFilename(),
                                    file.contentType(),
                                    file.size(),
                                    stamped ? null : file.sha256(),
                                    stamped,
                                    filesBase + "/" + file.id());
                        })
                        .toList());
    }

    private static List<String> lines(List<Recipient> recipients) {
        return recipients == null
                ? List.of()
                : recipients.stream().map(Recipient::printedText).toList();
    }

    /** Who signed: "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", the name. */
    record ApiSigner(String competence, String position, String fullName) {}

    /**
     * A file of the dispatch; {@code href} is its download address in the API. {@code stamped}: the caller gets a copy
     * stamped for them, whose bytes differ from any other copy, so {@code sha256} is null and {@code size} is that of
     * the file before stamping.
     */
    record ApiFile(
            Long id,
            String title,
            String filename,
            String contentType,
            long size,
            String sha256,
            boolean stamped,
            String href) {}
}
