package vn.congvan.dispatch;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Độ khẩn, stored as the edXML Priority code. */
public enum Urgency {
    NORMAL(0, null),
    URGENT(1, "KHẨN"),
    VERY_URGENT(2, "THƯỢNG KHẨN"),
    FLASH(3, "HỎA TỐC"),
    FLASH_TIMED(4, "HỎA TỐC HẸN GIỜ");

    private final int code;

    private final String mark;

    Urgency(int code, String mark) {
        this.code = code;
        this.mark = mark;
    }

    /**
     * The mark printed on the document under its number (HD 36-HD/VPTW, NĐ 30/2020) and put before a mail's subject:
     * "HỎA TỐC". It is the document's own text, so it does not change with the reader's language; null when normal.
     */
    public String mark() {
        return mark;
    }

    public boolean isMarked() {
        return mark != null;
    }

    public int code() {
        return code;
    }

    static Urgency ofCode(int code) {
        for (Urgency urgency : values()) {
            if (urgency.code == code) {
                return urgency;
            }
        }
        throw new IllegalArgumentException("Unknown priority code " + code);
    }

    @Converter(autoApply = true)
    static class UrgencyConverter implements AttributeConverter<Urgency, Integer> {

        @Override
        public Integer convertToDatabaseColumn(Urgency urgency) {
            return urgency == null ? null : urgency.code;
        }

        @Override
        public Urgency convertToEntityAttribute(Integer code) {
            return code == null ? null : ofCode(code);
        }
    }
}
