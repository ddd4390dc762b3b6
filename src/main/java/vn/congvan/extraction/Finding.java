package vn.congvan.extraction;

/** Where a document departs from HD 36 / NĐ 30; {@code detail} is the text at fault, or null. */
public record Finding(Code code, String detail) {

    public enum Code {
        MISSING_NUMBER,
        NUMBER_FORM,
        NOTATION_ISSUER_MISMATCH,
        MISSING_DATE,
        DATE_FORM,
        MISSING_HEADER,
        MISSING_ISSUER,
        MISSING_ADDRESSEES,
        MISSING_DISTRIBUTION,
        MISSING_SIGNER
    }

    public String messageKey() {
        return "extraction.finding." + code.name();
    }
}
