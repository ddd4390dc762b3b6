package vn.congvan.search;

import java.time.LocalDate;

/**
 * What is searched for and how it is narrowed. {@code text} is what the person typed, with or without diacritics;
 * the other fields are optional filters.
 */
public record SearchQuery(String text, Long issuerUnitId, String typeCode, Integer year, LocalDate from, LocalDate to) {

    public boolean isBlank() {
        return text == null || text.isBlank();
    }

    /** Whether any filter narrows the search (the page then shows the filters open). */
    public boolean isFiltered() {
        return issuerUnitId != null
                || (typeCode != null && !typeCode.isBlank())
                || year != null
                || from != null
                || to != null;
    }
}
