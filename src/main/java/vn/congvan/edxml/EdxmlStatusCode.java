package vn.congvan.edxml;

import java.util.Optional;

/**
 * The StatusCode values of an edXML status message (QCVN 102:2016, as the national exchange and the provincial
 * e-office systems use them, ADR 0041). The descriptions are the standard's wording, written into the message.
 */
public enum EdxmlStatusCode {
    ARRIVED("01", "Đã đến"),
    REFUSED("02", "Từ chối tiếp nhận"),
    ACCEPTED("03", "Đã tiếp nhận"),
    ASSIGNED("04", "Phân công"),
    PROCESSING("05", "Đang xử lý"),
    DONE("06", "Hoàn thành"),
    TAKE_BACK_REQUESTED("13", "Yêu cầu lấy lại"),
    TAKE_BACK_AGREED("15", "Đồng ý lấy lại"),
    TAKE_BACK_REFUSED("16", "Từ chối lấy lại");

    private final String code;

    private final String description;

    EdxmlStatusCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The status of a two-digit code ("1" is read as "01"); empty for a code the standard does not define. */
    public static Optional<EdxmlStatusCode> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalised = code.strip().length() == 1 ? "0" + code.strip() : code.strip();
        for (EdxmlStatusCode status : values()) {
            if (status.code.equals(normalised)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
