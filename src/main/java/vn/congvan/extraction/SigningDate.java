package vn.congvan.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date of issue where the date line cannot tell it but a digital-signature stamp can (ADR 0080). A day or a month
 * written by hand or stamped into the date line comes back from OCR as letters ("ngày a0 tháng A0 năm 2025", "tháng}"),
 * or is left blank on the page; the e-office stamp printed on the same page says when the document was signed ("Thời
 * gian ký: 2025-10-20T10:10:09+07:00"), and a document is dated the day it is signed (NĐ 30, Điều 8). The parts of the
 * date line that were read stand; only the parts that were not are taken from the earliest signing time, and only when
 * the line's year is the signing year and the date so made falls within the month before the signing. A date line that
 * was read whole is never changed.
 */
final class SigningDate {

    /** How sure a date made with a signing time is: less than a date read from its line (0.97). */
    static final double CONFIDENCE = 0.6;

    /** A stamp's key and its signing time, day first or year first ("20.10.2025 10:10:09", "2025-10-20T10:10:09"). */
    private static final Pattern SIGNED =
            Pattern.compile("(?iu)(?:Thời gian ký|Ngày ký|Ngày giờ ký|Thời điểm ký)[ ]*:?[ ]*"
                    + "(?:(\\d{4})[./-](\\d{1,2})[./-](\\d{1,2})|(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}))[ T]");

    /**
     * The header's date line after its place and comma, with what stands for its day and month, read or not ("Nghệ An,
     * ngày a0 tháng A0 năm 2025"); a date cited in the text ("Căn cứ Luật … ngày 16 tháng 6 năm 2025") has no comma.
     */
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?iu),[ ]*+ng[àa]y[ ]*+([^ ]{0,4}?)[ ]*+th[áa]ng[ ]*+([^ ]{0,4}?)[ ]*+n[ăa]m[ ]*+(\\d{4})");

    private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");

    /** The date line stands in the header: within the text's first lines. */
    private static final int HEADER_LINES = 15;

    private SigningDate() {}

    /** The fields with the date of issue made from the signing time where the date line could not be read. */
    static Extraction filled(Extraction fields, String text) {
        if (fields.issuedOn() != null) {
            return fields;
        }
        LocalDate signed = earliestSigning(text);
        if (signed == null) {
            return fields;
        }
        LocalDate made = fromDateLine(text, signed);
        return made == null ? fields : fields.withStamped(null, made, CONFIDENCE);
    }

    private static LocalDate earliestSigning(String text) {
        LocalDate earliest = null;
        Matcher m = SIGNED.matcher(text);
        while (m.find()) {
            try {
                LocalDate date = m.group(1) != null
                        ? LocalDate.of(parse(m.group(1)), parse(m.group(2)), parse(m.group(3)))
                        : LocalDate.of(parse(m.group(6)), parse(m.group(5)), parse(m.group(4)));
                if (earliest == null || date.isBefore(earliest)) {
                    earliest = date;
                }
            } catch (DateTimeException e) {
                // a misread time is no witness
            }
        }
        return earliest;
    }

    private static LocalDate fromDateLine(String text, LocalDate signed) {
        String[] lines = text.split("\n", HEADER_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, HEADER_LINES); i++) {
            Matcher m = DATE_LINE.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            if (parse(m.group(3)) != signed.getYear()) {
                return null;
            }
            Integer day = NUMBER.matcher(m.group(1)).matches() ? parse(m.group(1)) : null;
            Integer month = NUMBER.matcher(m.group(2)).matches() ? parse(m.group(2)) : null;
            try {
                LocalDate made = LocalDate.of(
                        signed.getYear(),
                        month != null ? month : signed.getMonthValue(),
                        day != null ? day : signed.getDayOfMonth());
                return !made.isAfter(signed) && !made.isBefore(signed.minusMonths(1)) ? made : null;
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    private static int parse(String digits) {
        return Integer.parseInt(digits);
    }
}
