package vn.congvan.api;

import java.time.Instant;
import java.time.LocalDate;
import vn.congvan.dispatch.DispatchFamily;
import vn.congvan.dispatch.DispatchSummary;
import vn.congvan.dispatch.Urgency;

/** A dispatch in a list of the API. */
record ApiDispatch(
        Long id,
        DispatchFamily family,
        String typeCode,
        String typeName,
        String notation,
        LocalDate issuedOn,
        String issuer,
        String subject,
        Urgency urgency,
        Instant updatedAt) {

    static ApiDispatch of(DispatchSummary summary) {
        return new ApiDispatch(
                summary.id(),
                summary.family(),
                summary.typeCode(),
                summary.typeName(),
                summary.notation(),
                summary.issuedOn(),
                summary.issuerName(),
                summary.subject(),
                summary.urgency(),
                summary.updatedAt());
    }
}
