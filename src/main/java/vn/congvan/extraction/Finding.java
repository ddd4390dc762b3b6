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
        MISSING_SIGNER,
        /** The PDF's text layer was garbled (ADR 0058) and the fields were read from its pages by OCR. */
        TEXT_LAYER_REREAD,
        /** The PDF's text layer was garbled and its pages could not be read by OCR: the fields are the layer's. */
        TEXT_LAYER_GARBLED
    }

    public String messageKey() {
        return "extraction.finding." + code.name();
    }
}
