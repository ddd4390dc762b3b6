package vn.congvan.search;

import java.time.LocalDate;

/**
 * One found dispatch. {@code snippetHtml} is the matching passage, already HTML-escaped with the matched words in
 * {@code <mark>}: the only markup it can contain.
 */
public record SearchHit(
        Long dispatchId,
        String notation,
        String typeCode,
        String issuerName,
        LocalDate issuedOn,
        String subject,
        String snippetHtml,
        boolean publiclyVisible) {}
