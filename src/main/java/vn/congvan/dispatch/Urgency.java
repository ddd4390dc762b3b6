package vn.congvan.dispatch;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Độ khẩn, stored as the edXML Priority code. */
public enum Urgency {
    NORMAL(0),
    URGENT(1),
    VERY_URGENT(2),
    FLASH(3),
    FLASH_TIMED(4);

    private final int code;

    Urgency(int code) {
        this.code = code;
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
