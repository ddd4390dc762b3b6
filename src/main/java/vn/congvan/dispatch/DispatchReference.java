package vn.congvan.dispatch;

import java.time.LocalDate;

/** A short mention of another dispatch: the one forwarded, or one that forwards this one. */
public record DispatchReference(
        Long id,
        String notation,
        LocalDate issuedOn,
        String issuerName,
        String subject,
        DispatchStatus status,
        Visibility visibility) {

    public boolean isPubliclyVisible() {
        return status == DispatchStatus.PUBLISHED && visibility == Visibility.PUBLIC;
    }
}
