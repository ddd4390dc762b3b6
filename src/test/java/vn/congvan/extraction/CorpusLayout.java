package vn.congvan.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A corpus document cut into the blocks of the NĐ 30 / HD 36 template a clerk fills in Word: what precedes the header
 * (a web page's navigation, kept as plain paragraphs), the header table's two rows and two columns (left: the body
 * above, the issuer, "Số", "V/v"; right: the motto and the place-and-date line), the body, and the foot table (left:
 * "Nơi nhận"; right: the signer's block). The corpus holds texts, not drawings, so this is how the test puts the
 * drawing back: the lines of each block are the text's own lines, in the text's order. {@code headerLines} and
 * {@code footLines} are the header band and the foot as the text has them, so that a test can lay out one band anew and
 * keep the other as published: before, header lines, body and foot lines give the text back.
 */
record CorpusLayout(
        List<String> before,
        List<String> topLeft,
        List<String> topRight,
        List<String> numberLeft,
        List<String> dateRight,
        List<String> body,
        List<String> footLeft,
        List<String> footRight,
        List<String> headerLines,
        List<String> footLines) {

    /** "Số: 15/2011/TT-BTTTT", not a web page's "Số hiệu: ..." above the document. */
    private static final Pattern NUMBER = Pattern.compile("^\\s*(Số|SỐ|So)\\b(?!\\s*hiệu).*\\d.*");

    private static final Pattern DATE = Pattern.compile(
            ".*\\S.*,?\\s*ngày\\s*\\d{1,2}\\s*tháng\\s*\\d{1,2}\\s*năm\\s*\\d{4}.*", Pattern.UNICODE_CASE);

    private static final Pattern MOTTO =
            Pattern.compile(".*(CỘNG HÒA|CỘNG HOÀ|CHỦ NGHĨA VIỆT NAM|Độc lập|ĐỘC LẬP|ĐẢNG CỘNG SẢN VIỆT NAM).*");

    private static final Pattern PLACE_COMMA = Pattern.compile("^\\s*\\p{Lu}[\\p{L} .-]*,\\s*$");

    private static final Pattern DAY_FIRST =
            Pattern.compile("^\\s*ngày\\s*\\d{1,2}\\s*tháng\\s*\\d{1,2}\\s*năm\\s*\\d{4}.*", Pattern.UNICODE_CASE);

    private static final Pattern DATE_START =
            Pattern.compile("^\\s*\\p{Lu}[\\p{L} .-]*,\\s*ngày\\s*\\d{1,2}\\s*$", Pattern.UNICODE_CASE);

    private static final Pattern DATE_END = Pattern.compile("^\\s*tháng\\s*\\d{1,2}\\s*năm\\s*\\d{4}.*");

    private static final Pattern PLACE_HEAD = Pattern.compile("^\\s*\\p{Lu}\\p{Ll}+\\s*$");

    /** A line of the motto's words only, a piece of it. */
    private static final Pattern MOTTO_WORDS =
            Pattern.compile("^\\s*(?:(?:CỘNG|HÒA|HOÀ|XÃ|HỘI|CHỦ|NGHĨA|VIỆT|NAM|DÂN|ĐẢNG|SẢN)\\s*)+$");

    /** Where the motto starts after the issuer on the same line. */
    private static final Pattern MOTTO_IN_LINE = Pattern.compile(
            "^(.*?\\p{L}.*?)\\s+((?:CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Độc [Ll]ập|ĐỘC LẬP|VIỆT NAM DÂN CHỦ)\\b.*)$");

    /** The place and date after the number on the same line. */
    private static final Pattern DATE_IN_LINE =
            Pattern.compile("^(\\s*S[ốô].*?\\S)\\s+(\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){0,3},\\s*ngày.*)$");

    private static final Pattern SUBJECT_LINE = Pattern.compile("^\\s*(V/v|V/V|Về việc|Về:|Vv:).*");

    private static final Pattern RULE = Pattern.compile("^[\\s\\-–_*=|.]*$");

    private static final Pattern ITEM = Pattern.compile("^\\s*[-–+•].*");

    CorpusLayout {
        before = List.copyOf(before);
        topLeft = List.copyOf(topLeft);
        topRight = List.copyOf(topRight);
        numberLeft = List.copyOf(numberLeft);
        dateRight = List.copyOf(dateRight);
        body = List.copyOf(body);
        footLeft = List.copyOf(footLeft);
        footRight = List.copyOf(footRight);
        headerLines = List.copyOf(headerLines);
        footLines = List.copyOf(footLines);
    }

    static CorpusLayout of(CorpusDocument document) {
        List<String> lines = List.of(document.text().replace("\r", "").split("\n", -1));
        int limit = Math.min(lines.size(), 80);
        int number = find(lines, NUMBER, 0, limit);
        for (int i = 0; i + 1 < limit; i++) {
            // "Số:" alone, its number on the next line, as some web copies break it.
            if (lines.get(i).strip().matches("Số\\s*:?")
                    && lines.get(i + 1).matches(".*\\d.*")
                    && (number < 0 || i < number)) {
                number = i;
                break;
            }
        }
        int date = -1;
        // The last line of the date: "Hà Nội, ngày 28" and "tháng 6 năm 2011" are one date the web copy broke.
        int dateEnd = -1;
        for (int i = 0; i < limit; i++) {
            if (lines.get(i).strip().length() < 90 && DATE.matcher(lines.get(i)).matches()) {
                date = i;
                dateEnd = i;
                break;
            }
            if (i + 1 < lines.size()
                    && DATE_START.matcher(lines.get(i)).matches()
                    && DATE_END.matcher(lines.get(i + 1)).matches()) {
                date = i;
                dateEnd = i + 1;
                break;
            }
            // "Hà Nội," and "ngày 12 tháng 6 năm 2025": the cell broken after the place's comma.
            if (i + 1 < lines.size()
                    && PLACE_COMMA.matcher(lines.get(i)).matches()
                    && DAY_FIRST.matcher(lines.get(i + 1)).matches()) {
                date = i;
                dateEnd = i + 1;
                break;
            }
        }
        // "Tam" and "Kỳ, ngày 19 ...": a place the web copy broke goes with its date in the right cell.
        if (date > 0
                && date - 1 > number
                && PLACE_HEAD.matcher(lines.get(date - 1)).matches()
                && lines.get(date).matches("^\\s*\\p{Lu}\\p{Ll}*,\\s*ngày.*")) {
            date--;
        }
        if (number < 0 && date < 0) {
            return new CorpusLayout(
                    List.of(), List.of(), List.of(), List.of(), List.of(), lines, List.of(), List.of(), List.of(),
                    List.of());
        }
        int first = number < 0 ? date : date < 0 ? number : Math.min(number, date);
        int start = first;
        for (int i = 0; i < first; i++) {
            if (headerLike(lines.get(i))) {
                start = i;
                break;
            }
        }
        int end = Math.max(number, dateEnd);
        // "V/v" lines under the number that the web copy put after the date.
        int next = end + 1;
        while (next < lines.size() && next <= end + 4 && lines.get(next).isBlank()) {
            next++;
        }
        if (next < lines.size() && SUBJECT_LINE.matcher(lines.get(next)).matches()) {
            end = next;
            while (end + 1 < lines.size() && !lines.get(end + 1).isBlank() && end < next + 3) {
                end++;
            }
        }
        List<String> topLeft = new ArrayList<>();
        List<String> topRight = new ArrayList<>();
        List<String> numberLeft = new ArrayList<>();
        List<String> dateRight = new ArrayList<>();
        boolean right = false;
        for (int i = start; i <= end; i++) {
            String line = lines.get(i);
            String[] columns = columns(line);
            if (columns.length == 2) {
                // A web copy that kept both columns on one line, padded with spaces, between a table's bars or
                // run together: in the Word template they are two cells.
                boolean second = number >= 0 && i >= number;
                (second ? numberLeft : topLeft).add(columns[0]);
                (second || i == date || DATE.matcher(columns[1]).matches() ? dateRight : topRight).add(columns[1]);
                right = true;
                continue;
            }
            if (i >= date && i <= dateEnd) {
                dateRight.add(line);
                right = true;
                continue;
            }
            if (number >= 0 && i >= number) {
                if (!line.isBlank() && !RULE.matcher(line).matches()) {
                    numberLeft.add(line);
                }
                continue;
            }
            String following = i + 1 < lines.size() ? lines.get(i + 1) : "";
            if (MOTTO.matcher(line).matches()
                    // "CỘNG" then "HÒA XÃ HỘI ...", or "CỘNG HÒA XÃ HỘI CHỦ" then "NGHĨA VIỆT NAM": the motto the web
                    // copy broke stays in its cell.
                    || (MOTTO_WORDS.matcher(line).matches()
                            && (right
                                    || MOTTO.matcher(line.strip() + " " + following.strip())
                                            .matches()))) {
                right = true;
            } else if (!RULE.matcher(line).matches()) {
                right = false;
            }
            (right ? topRight : topLeft).add(line);
        }
        List<String> rest = lines.subList(end + 1, lines.size());
        int[] foot = foot(rest, document.expected());
        List<String> footLeft = new ArrayList<>();
        List<String> footRight = new ArrayList<>();
        List<String> body = new ArrayList<>(rest.subList(0, foot[0]));
        if (foot[0] < rest.size()) {
            int i = foot[0];
            if (foot[1] >= 0) {
                // The signer's block may stand above "Nơi nhận" in the web copy.
                for (; i < foot[1]; i++) {
                    footRight.add(rest.get(i));
                }
                footLeft.add(rest.get(i++));
                while (i < rest.size()
                        && (rest.get(i).isBlank() || ITEM.matcher(rest.get(i)).matches())) {
                    footLeft.add(rest.get(i++));
                }
            }
            for (; i < rest.size(); i++) {
                footRight.add(rest.get(i));
            }
            for (int j = 0; j < footLeft.size(); j++) {
                String[] columns = footLeft.get(j).strip().split("\\s{6,}", 2);
                if (columns.length == 2) {
                    footLeft.set(j, columns[0]);
                    footRight.add(columns[1]);
                }
            }
        }
        return new CorpusLayout(
                lines.subList(0, start),
                trim(topLeft),
                trim(topRight),
                numberLeft,
                dateRight,
                body,
                trim(footLeft),
                trim(footRight),
                lines.subList(start, end + 1),
                rest.subList(foot[0], rest.size()));
    }

    /** A header line cut into its two cells, or the line alone when it holds one. */
    private static String[] columns(String line) {
        String stripped = line.strip().replaceAll("\\s*\\|$", "");
        String[] columns = stripped.split("\\s{6,}|\\s*\\|\\s*", 2);
        if (columns.length == 2 && !columns[0].isBlank() && !columns[1].isBlank()) {
            return columns;
        }
        for (Pattern split : List.of(MOTTO_IN_LINE, DATE_IN_LINE)) {
            java.util.regex.Matcher m = split.matcher(stripped);
            if (m.matches()
                    && !MOTTO.matcher(m.group(1)).matches()
                    && !MOTTO_WORDS.matcher(m.group(1)).matches()) {
                return new String[] {m.group(1).strip(), m.group(2).strip()};
            }
        }
        return new String[] {line};
    }

    /** Where the foot starts in {@code rest} and where its "Nơi nhận" line is (-1 without one). */
    private static int[] foot(List<String> rest, JsonNode expected) {
        int recipients = -1;
        for (int i = rest.size() - 1; i >= rest.size() * 2 / 5 && i >= 0; i--) {
            if (rest.get(i).strip().startsWith("Nơi nhận")) {
                recipients = i;
                break;
            }
        }
        List<String> signer = new ArrayList<>();
        JsonNode node = expected.get("signer");
        if (node != null && !node.isNull()) {
            for (String part : List.of("competence", "position", "fullName")) {
                if (node.hasNonNull(part)) {
                    signer.add(CorpusDocument.normalise(node.get(part).asString()));
                }
            }
        }
        int from = recipients >= 0 ? Math.max(0, recipients - 10) : Math.max(0, rest.size() - 15);
        int to = recipients >= 0 ? recipients : rest.size();
        for (int i = from; i < to; i++) {
            String line =
                    CorpusDocument.normalise(rest.get(i)).replace("tm.", "t/m").replace("kt.", "k/t");
            String plain = CorpusDocument.normalise(rest.get(i));
            if (!plain.isEmpty() && signer.stream().anyMatch(part -> part.equals(plain) || part.equals(line))) {
                return new int[] {i, recipients};
            }
        }
        return new int[] {recipients >= 0 ? recipients : rest.size(), recipients};
    }

    private static int find(List<String> lines, Pattern pattern, int from, int to) {
        for (int i = from; i < to; i++) {
            if (pattern.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** An upper-case line (the body above, the issuer) or the motto: where the header band starts. */
    private static boolean headerLike(String line) {
        String letters = line.replaceAll("[^\\p{L}]", "");
        return (letters.length() >= 2 && letters.equals(letters.toUpperCase(Locale.ROOT)))
                || MOTTO.matcher(line).matches();
    }

    private static List<String> trim(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        return lines.subList(from, to);
    }

    boolean hasHeader() {
        return !(topLeft.isEmpty() && topRight.isEmpty() && numberLeft.isEmpty() && dateRight.isEmpty());
    }

    boolean hasFoot() {
        return !(footLeft.isEmpty() && footRight.isEmpty());
    }
}
