package vn.congvan.search;

import java.time.LocalDate;

/**
 * What is searched for and how it is narrowed. {@code text} is what the person typed, with or without diacritics;
 * the other fields are optional filters.
 */
public record SearchQuery(String text, Long issuerUnitId, String typeCode, Integer year, LocalDate from, LocalDate to) {

    /** What anyone types is bounded: a search box is not a place for a whole document. */
    public static final int MAX_TEXT = 200;

    /**
     * Bounded and cleaned wherever the query comes from (the page, the API): control characters, NUL above all,
     * which PostgreSQL refuses in text, are nothing anyone searches for.
     */
    public SearchQuery {
        text = clean(text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT));
        typeCode = typeCode == null || clean(typeCode).isBlank()
                ? null
                : clean(typeCode).strip();
    }

    private static String clean(String value) {
        return value == null ? null : value.replaceAll("\\p{Cntrl}", " ");
    }

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
