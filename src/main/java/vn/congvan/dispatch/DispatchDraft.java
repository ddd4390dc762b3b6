package vn.congvan.dispatch;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a drafter decides about a dispatch before it is numbered. Made with {@link #builder()}, so that a new
 * field changes this record, its builder and the places that really decide it, not every caller.
 */
public record DispatchDraft(
        DispatchFamily family,
        String typeCode,
        Long issuerUnitId,
        String place,
        String subject,
        String body,
        Signer signer,
        Urgency urgency,
        Visibility visibility,
        Long forwardsId,
        String forwardsReference,
        List<Recipient> addressees,
        List<Recipient> distribution,
        LocalDate reportDueOn) {

    public DispatchDraft {
        addressees = List.copyOf(addressees);
        distribution = List.copyOf(distribution);
    }

    /** A draft that asks for no report (no hạn báo cáo). */
    public DispatchDraft(
            DispatchFamily family,
            String typeCode,
            Long issuerUnitId,
            String place,
            String subject,
            String body,
            Signer signer,
            Urgency urgency,
            Visibility visibility,
            Long forwardsId,
            String forwardsReference,
            List<Recipient> addressees,
            List<Recipient> distribution) {
        this(
                family,
                typeCode,
                issuerUnitId,
                place,
                subject,
                body,
                signer,
                urgency,
                visibility,
                forwardsId,
                forwardsReference,
                addressees,
                distribution,
                null);
    }

    /** An empty draft: normal urgency, no recipients; the aggregate refuses it until the required parts are set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this draft, to change a part of it. */
    public Builder toBuilder() {
        return new Builder()
                .family(family)
                .type(typeCode)
                .issuer(issuerUnitId)
                .place(place)
                .subject(subject)
                .body(body)
                .signer(signer)
                .urgency(urgency)
                .visibility(visibility)
                .forwards(forwardsId)
                .forwardsReference(forwardsReference)
                .addressees(addressees)
                .distribution(distribution)
                .reportDueOn(reportDueOn);
    }

    public static final class Builder {

        private DispatchFamily family;

        private String typeCode;

        private Long issuerUnitId;

        private String place;

        private String subject;

        private String body;

        private Signer signer;

        private Urgency urgency = Urgency.NORMAL;

        private Visibility visibility;

        private Long forwardsId;

        private String forwardsReference;

        private List<Recipient> addressees = List.of();

        private List<Recipient> distribution = List.of();

        private LocalDate reportDueOn;

        private Builder() {}

        public Builder family(DispatchFamily family) {
            this.family = family;
            return this;
        }

        /** The document type's code ("CV", "TB", "QĐ"). */
        public Builder type(String typeCode) {
            this.typeCode = typeCode;
            return this;
        }

        public Builder issuer(Long issuerUnitId) {
            this.issuerUnitId = issuerUnitId;
            return this;
        }

        /** The place printed before the date; without one the issuer's own place is printed. */
        public Builder place(String place) {
            this.place = place;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public Builder signer(Signer signer) {
            this.signer = signer;
            return this;
        }

        public Builder urgency(Urgency urgency) {
            this.urgency = urgency;
            return this;
        }

        public Builder visibility(Visibility visibility) {
            this.visibility = visibility;
            return this;
        }

        /** The dispatch this one forwards, when it is in the portal. */
        public Builder forwards(Long forwardsId) {
            this.forwardsId = forwardsId;
            return this;
        }

        /** How the forwarded dispatch is cited in the text ("Công văn số 3080-CV/BTGTU ngày ..."). */
        public Builder forwardsReference(String forwardsReference) {
            this.forwardsReference = forwardsReference;
            return this;
        }

        /** The "Kính gửi" lines, in order. */
        public Builder addressees(List<Recipient> addressees) {
            this.addressees = addressees;
            return this;
        }

        public Builder addressees(Recipient... addressees) {
            return addressees(List.of(addressees));
        }

        /** The "Nơi nhận" lines, in order. */
        public Builder distribution(List<Recipient> distribution) {
            this.distribution = distribution;
            return this;
        }

        public Builder distribution(Recipient... distribution) {
            return distribution(List.of(distribution));
        }

        /** The day by which recipient units are asked to report (hạn báo cáo); null when no report is asked for. */
        public Builder reportDueOn(LocalDate reportDueOn) {
            this.reportDueOn = reportDueOn;
            return this;
        }

        public DispatchDraft build() {
            return new DispatchDraft(
                    family,
                    typeCode,
                    issuerUnitId,
                    place,
                    subject,
                    body,
                    signer,
                    urgency,
                    visibility,
                    forwardsId,
                    forwardsReference,
                    addressees,
                    distribution,
                    reportDueOn);
        }
    }
}
