package vn.congvan.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Party dispatch read from the plain text extracted from its PDF (such as the sample 65-CV/BTGQU): the formal
 * parts are found by their printed markers, and lines broken by the PDF are joined back into paragraphs.
 */
record DispatchText(
        String superiorHeader,
        String issuerHeader,
        int number,
        String symbol,
        String subject,
        String place,
        LocalDate issuedOn,
        List<String> addressees,
        String body,
        List<String> distribution,
        String signerName) {

    // "Số 65-CV/BTGQU" (Party) or "Số: 05/QĐ-UBND" (state): the colon is optional when reading.
    private static final Pattern NUMBER = Pattern.compile("^Số:?\\s*(\\d+)[-/](\\S+)$");

    private static final Pattern PLACE_AND_DATE =
            Pattern.compile("^(.+), ngày (\\d{1,2}) tháng (\\d{1,2}) năm (\\d{4})$");

    static DispatchText parse(String text) {
        List<String> lines = text.lines().map(String::strip).toList();
        int star = indexOf(lines, 0, line -> line.equals("*"));
        List<String> header =
                lines.subList(0, star).stream().filter(line -> !line.isEmpty()).toList();
        if (header.size() != 2) {
            throw new IllegalArgumentException("Expected the superior body and the issuer above the '*'");
        }
        int numberLine = indexOf(lines, star, line -> NUMBER.matcher(line).matches());
        Matcher number = NUMBER.matcher(lines.get(numberLine));
        number.matches();

        int subjectStart = indexOf(lines, numberLine + 1, line -> line.startsWith("Về việc") || line.startsWith("V/v"));
        int subjectEnd = indexOf(lines, subjectStart, String::isEmpty);
        String subject = String.join(" ", lines.subList(subjectStart, subjectEnd));

        int dateLine =
                indexOf(lines, subjectEnd, line -> PLACE_AND_DATE.matcher(line).matches());
        Matcher date = PLACE_AND_DATE.matcher(lines.get(dateLine));
        date.matches();

        int addresseesStart = indexOf(lines, dateLine, line -> line.equals("Kính gửi:")) + 1;
        List<String> addressees = new ArrayList<>();
        int cursor = addresseesStart;
        while (cursor < lines.size()
                && (lines.get(cursor).isEmpty() || lines.get(cursor).startsWith("-"))) {
            if (!lines.get(cursor).isEmpty()) {
                addressees.add(listItem(lines.get(cursor)));
            }
            cursor++;
        }
        int distributionStart = indexOf(lines, cursor, line -> line.equals("Nơi nhận:"));
        String body = paragraphs(lines.subList(cursor, distributionStart));

        List<String> distribution = new ArrayList<>();
        cursor = distributionStart + 1;
        while (cursor < lines.size()
                && (lines.get(cursor).isEmpty() || lines.get(cursor).startsWith("-"))) {
            if (!lines.get(cursor).isEmpty()) {
                distribution.add(listItem(lines.get(cursor)));
            }
            cursor++;
        }
        String signer = lines.subList(cursor, lines.size()).stream()
                .filter(line -> !line.isEmpty())
                .reduce((first, second) -> second)
                .orElse(null);

        return new DispatchText(
                header.get(0),
                header.get(1),
                Integer.parseInt(number.group(1)),
                number.group(2),
                subject,
                date.group(1),
                LocalDate.of(
                        Integer.parseInt(date.group(4)),
                        Integer.parseInt(date.group(3)),
                        Integer.parseInt(date.group(2))),
                List.copyOf(addressees),
                body,
                List.copyOf(distribution),
                signer);
    }

    /** "- Cấp ủy cơ sở đảng," becomes "Cấp ủy cơ sở đảng": the punctuation is the layout's to add. */
    private static String listItem(String line) {
        return line.substring(1).strip().replaceAll("[,;.]$", "").strip();
    }

    /** Joins the lines of each paragraph; paragraphs are separated by a blank line. */
    private static String paragraphs(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.isEmpty()) {
                if (current.length() > 0) {
                    paragraphs.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(current.length() > 0 ? " " : "").append(line);
            }
        }
        if (current.length() > 0) {
            paragraphs.add(current.toString());
        }
        return String.join("\n\n", paragraphs);
    }

    private static int indexOf(List<String> lines, int from, Predicate<String> test) {
        for (int i = from; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException("Dispatch text lacks an expected part after line " + from);
    }
}
