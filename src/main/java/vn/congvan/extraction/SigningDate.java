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
 * the line's year is the signing year and the date so made falls within the month before the signing (the signing's day
 * only in the signing's month). The earliest stamp is taken, a copy being certified after the original is signed (a
 * letter attached with an earlier stamp of its own may mislead it: the lower confidence asks the clerk to check). A
 * date line that was read whole is never changed.
 */
final class SigningDate {

    /** How sure a date made with a signing time is: less than a date read from its line (0.97). */
    static final double CONFIDENCE = 0.6;

    /**
     * A stamp's key and its signing time, day first or year first ("20.10.2025 10:10:09", "2025-10-20T10:10:09"), the
     * time on the key's line or the next; every run of spaces tried once (a long run cannot cost a search from each of
     * its spaces).
     */
    private static final Pattern SIGNED =
            Pattern.compile("(?iu)(?:" + PageFurniture.TIME_KEYS + ")[ \\t]*+:?[ \\t]*+\\n?[ \\t]*+"
                    + "(?:(\\d{4})[./-](\\d{1,2})[./-](\\d{1,2})|(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}))(?!\\d)");

    /** What stands for a day or a month: a dotted line of any length ("........", "…", "___") or a few signs. */
    private static final String BLANK = "[.…_]++|[^ ]{0,4}?";

    /**
     * The header's date line after its place, with what stands for its day and month, read or not ("Nghệ An, ngày a0
     * tháng A0 năm 2025", "ngày ........ tháng 10"), the year ending its line or cell; looked for above the header's end
     * only: a date the text cites ("Căn cứ Luật … ngày 16 tháng 6 năm 2025 của …") stands below it and goes on.
     */
    private static final Pattern DATE_LINE = Pattern.compile("(?iu)(?:^|[,\\p{L}][ ]*+)ng[àa]y[ ]*+(" + BLANK
            + ")[ ]*+th[áa]ng[ ]*+(" + BLANK + ")[ ]*+n[ăa]m[ ]*+(\\d{4})[ .]*+$");

    /**
     * Where the header is over: the addressees or the body's first words. The kind's heading and "V/v" are no end: a
     * text layer reads the header's left column (number, "V/v") before its right one (the date line).
     */
    private static final Pattern HEADER_END = Pattern.compile("(?iu)^[ ]*+(?:Kính gửi|Căn cứ|Thực hiện)(?![\\p{L}])");

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
            if (HEADER_END.matcher(lines[i]).find()) {
                return null; // a date further down is one the text cites
            }
            Matcher m = DATE_LINE.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            if (parse(m.group(3)) != signed.getYear()) {
                return null;
            }
            Integer day = NUMBER.matcher(m.group(1)).matches() ? parse(m.group(1)) : null;
            Integer month = NUMBER.matcher(m.group(2)).matches() ? parse(m.group(2)) : null;
            if (day == null && month != null && month != signed.getMonthValue()) {
                return null; // the signing's day is a day of the signing's month only
            }
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
