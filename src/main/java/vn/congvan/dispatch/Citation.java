package vn.congvan.dispatch;

import java.time.LocalDate;
import java.util.Locale;

/**
 * How a document cites the one it implements or forwards (triển khai, chuyển tiếp): "Công văn số 3080-CV/BTGTU ngày 10
 * tháng 7 năm 2023 của Ban Tuyên giáo Thành ủy", and the body's opening "Thực hiện … về việc …, ". The incoming
 * register writes them for a draft started from an entry, the drafting form for a file dropped on it (ADR 0065).
 */
public final class Citation {

    private Citation() {}

    /** The document cited: its type, "số" and số, ký hiệu, its date in long form and "của" its sender. */
    public static String reference(String typeName, String notation, LocalDate issuedOn, String sender) {
        StringBuilder text = new StringBuilder(typeName == null || typeName.isBlank() ? "Văn bản" : typeName.strip());
        if (notation != null && !notation.isBlank()) {
            text.append(" số ").append(notation.strip());
        }
        if (issuedOn != null) {
            text.append(' ').append(VietnameseDates.longForm(issuedOn));
        }
        if (sender != null && !sender.isBlank()) {
            text.append(" của ").append(sender.strip());
        }
        return text.toString();
    }

    /**
     * "Thực hiện {reference} về việc {about}, ", or without "về việc" when the subject is not known (none, or "V/v"
     * alone, as a heading cut off leaves it).
     */
    public static String opening(String reference, String subject) {
        String about = subject == null ? "" : aboutClause(subject);
        if (about.isBlank()) {
            return "Thực hiện " + reference + ", ";
        }
        return "Thực hiện " + reference + " về việc " + about + ", ";
    }

    /** The subject as it follows "về việc": without its own "Về việc" or "V/v", its first word in lower case. */
    public static String aboutClause(String subject) {
        String about = subject.strip().replaceFirst("(?iu)^(về việc|v/v)[:\\s]*", "");
        if (about.length() > 1 && Character.isUpperCase(about.charAt(0)) && !Character.isUpperCase(about.charAt(1))) {
            about = about.substring(0, 1).toLowerCase(Locale.forLanguageTag("vi")) + about.substring(1);
        }
        return about;
    }
}
