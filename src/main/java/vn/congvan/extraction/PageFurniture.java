package vn.congvan.extraction;

import static vn.congvan.extraction.Patterns.pattern;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a real file prints around and inside a document that is none of its fields, taken out before {@link FieldReader}
 * reads it (ADR 0073): the text of digital-signature stamps (VGCA "Ký bởi / Email / Cơ quan / Thời gian ký", Adobe
 * "Digitally signed by / Date / Reason / Location", "Signature Not Verified"), urgency, secrecy and draft marks
 * ("HỎA TỐC", "MẬT", "DỰ THẢO"), the block of a copy ("SAO Y", "SAO LỤC", "TRÍCH SAO") under the original, and page
 * furniture (page numbers, the official gazette's running header). Text is taken out where it stands, a line at a time
 * or a column's part of a line ("Số: 123/UBND-KT      Ký bởi: Sở Tư pháp"), so the lines around it keep their order
 * and columns; nothing of the document's own wording is named.
 */
final class PageFurniture {

    /** Two columns drawn side by side: the gap {@link FieldReader#lines} also cuts at. */
    private static final Pattern GAP = Pattern.compile("[ \\t\\u00A0]{4,}");

    /** The keys a signature stamp prints its signing time after ({@link SigningDate} reads the time). */
    static final String TIME_KEYS = "Thời gian ký|Ngày ký|Ngày giờ ký|Thời điểm ký";

    /**
     * A key that only a signature stamp prints: VGCA's and the provincial platforms' "Ký bởi", "Người ký:", "Thời
     * gian ký:", "Ngày ký:", Adobe's and Foxit's "Digitally signed by", "Signed by:", and a viewer's verdict printed
     * into the page.
     */
    private static final Pattern STRONG_KEY = Pattern.compile("(?:(?<![\\p{L}])(?:Ký bởi|KÝ BỞI|Ky boi)\\s*:?"
            + "|(?<![\\p{L}])(?:Người ký|NGƯỜI KÝ|THỜI GIAN KÝ|NGÀY KÝ|" + TIME_KEYS + ")"
            + "\\s*:"
            + "|(?i:Digitally signed by|Signed by\\s*:|Signature (?:Not Verified|Valid|Invalid|verified)|Ký số bởi\\s*:?)"
            + "|(?<![\\p{L}])(?:Chữ ký số|CHỮ KÝ SỐ)\\s*:)");

    /**
     * Whether a line may hold a {@link #STRONG_KEY}: each of its keys has "ý" or "Ý" ("Ký", "KÝ", "ký"), "Ky boi", or
     * "sign" in any case of ASCII letters ("Digitally signed by", "Signature Not Verified"). Most lines have none, and
     * the key's alternatives and look-behinds cost a try at every character.
     */
    private static boolean mayHoldStrongKey(String line) {
        if (line.indexOf('ý') >= 0 || line.indexOf('Ý') >= 0 || line.contains("Ky boi")) {
            return true;
        }
        for (int i = 0; i + 4 <= line.length(); i++) {
            if (line.regionMatches(true, i, "sign", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /** A key a stamp prints under its strong key, also written in a document: taken out only beside one. */
    private static final Pattern WEAK_KEY = Pattern.compile(
            "^(?:E-?mail|EMAIL|Cơ quan|CƠ QUAN|Tổ chức|Chức vụ|CHỨC VỤ|Đơn vị|Date|Ngày|Reason|Lý do|Location|Vị trí"
                    + "|Địa điểm|DN|Serial|Số hiệu chứng thư|Nhà cung cấp|Issuer|Contact)\\s*:.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * The signing time a stamp prints, with its zone: "15.03.2023 16:20:51 +07:00", "2023.03.15 16:20:51 +07'00'", ISO
     * 8601's "2023-03-15T16:20:51+07:00" (NĐ 30 Phụ lục I). A time of a document's own text ("14 giờ 00", "lúc 14:00")
     * has no zone.
     */
    private static final Pattern SIGNING_TIME =
            Pattern.compile("\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}[ T]*\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?[ ]*"
                    + "(?:[+-][ ]?\\d{2}'?:?\\d{2}'?|Z" + Words.BOUNDARY
                    + "|(?:GMT|UTC)(?:[+-]\\d{1,2}(?::?\\d{2})?)?)");

    /**
     * A certificate's distinguished name as a stamp prints it ("CN=Sở Tư pháp, O=UBND tỉnh Quảng Nam, L=Tam Kỳ, C=VN"):
     * two of its attributes, the first's value bounded.
     */
    private static final Pattern DISTINGUISHED_NAME = Pattern.compile(
            "(?<![\\p{L}\\d])(?:CN|OU|O|L|ST|S|C|E|T)[ ]?=[^=\\n]{1,120}?[,;/+][ ]?(?:CN|OU|O|L|ST|S|C|E|T)[ ]?=");

    /** An address, its parts bounded (RFC 5321) so that a long run of letters is not searched again at each one. */
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,6}");

    /** The end of a stamp run into a line of the document: its signing time or its e-mail address. */
    private static final Pattern STAMP_END = Pattern.compile(SIGNING_TIME.pattern() + "|" + EMAIL.pattern());

    /**
     * Urgency (NĐ 30 Điều 15, HD 36), secrecy and draft marks, and a copy's mark at the top of its page, as a line or a
     * column's part of a line of their own, boxed or not.
     */
    private static final Pattern MARK = Pattern.compile(
            "^(?:KHẨN|THƯỢNG KHẨN|HỎA TỐC|HOẢ TỐC|HỎA TỐC HẸN GIỜ|HOẢ TỐC HẸN GIỜ|MẬT|TỐI MẬT|TUYỆT MẬT|ĐỘ MẬT"
                    + "|DỰ THẢO|Dự thảo|BẢN SAO|BẢN CHÍNH)(?:[ ]*(?:\\d{1,2}|lần[ ]*\\d{1,2}|LẦN[ ]*\\d{1,2}))?[ ]*!?$");

    /** What draws a mark's box in a text layer or a web copy. */
    private static final String BOX_CHARS = "[](){}│┃|║┌┐└┘╔╗╚╝─━═\"“”'*";

    private static final String BOX = "[" + BOX_CHARS.replace("[", "\\[").replace("]", "\\]") + "]";

    private static final Pattern BOX_ONLY = Pattern.compile("^[\\s\\[\\](){}│┃|║┌┐└┘╔╗╚╝├┤┬┴┼─━═]+$");

    /** The mark a copy's own header block carries (NĐ 30 Phụ lục III; "SAO Y BẢN CHÍNH" before 2020). */
    private static final Pattern COPY_MARK =
            Pattern.compile("^(?:SAO Y BẢN CHÍNH|SAO Y|SAO LỤC|TRÍCH SAO|BẢN SAO Y BẢN CHÍNH)[ .:]*$");

    /**
     * What a provincial e-office system prints before its key when it certifies a copy, on one line over the page's
     * top: the form of copy and the certifying body ("SAO Y; ỦY BAN NHÂN DÂN TỈNH NGHỆ AN; Thời gian ký: …"). It goes
     * with the stamp; it is no body of the document's header (round 22).
     */
    private static final Pattern COPY_STAMP_HEAD =
            Pattern.compile("^[ ]*+(?:SAO Y(?: BẢN CHÍNH)?|SAO LỤC|TRÍCH SAO|BẢN SAO)[ ]*+[;:,][^;]{1,160}+;?[ ]*+$");

    /** A copy's number: its notation starts with the form of copy ("12/SY-VP", "05/SL-UBND", "3/TS-VPCP"). */
    private static final Pattern COPY_NUMBER =
            Pattern.compile("^S[ốô][ ]*:?[ ]*\\d{0,6}[ ]*/[ ]*(?:SY|SL|TS)" + Words.BOUNDARY + ".*");

    private static final Pattern NUMBER = Pattern.compile("^S[ốô][ ]*:?[ ]*\\d.*");

    private static final Pattern FOOT = Pattern.compile(
            "^(?:N[ơo]i nhận|NƠI NHẬN|(?:T/M|K/T|T/L|TM\\.|KT\\.|TL\\.|TUQ\\.|TM |KT |TL )[ ]*\\p{Lu}{2,}).*");

    /** "Trang 2/3", "Trang 2 / 3", "Trang 2", "Page 2 of 3", "- 2 -", "– 2 –": a page's number. */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:(?:Trang|TRANG|Page)[ ]*\\d{1,3}(?:[ ]*(?:/|của|of|trên)[ ]*\\d{1,3})?|[-–—][ ]*\\d{1,3}[ ]*[-–—])$");

    /** The official gazette's running header: "CÔNG BÁO/Số 123 + 124/Ngày 15-03-2023", its page number beside it. */
    private static final Pattern GAZETTE = Pattern.compile(
            "^(?:\\d{1,4}[ ]+)?C[ÔO]NG B[ÁA]O[ ]*/?[ ]*Số[ ]*\\d+"
                    + "(?:[ ]*\\+[ ]*\\d+)*[ ]*/?[ ]*Ngày[ ]*\\d{1,2}[ ]*[-/.][ ]*\\d{1,2}[ ]*[-/.][ ]*\\d{4}(?:[ ]+\\d{1,4})?$");

    private static final Pattern BARE_NUMBER = Pattern.compile("^\\d{1,3}$");

    /**
     * The least text a document has above a copy's block under it: more than a header and a subject; characters, not
     * lines, as a flattened web copy has few. A copy's number alone needs the original's number above it too ("Số:
     * 65-", "Số 2917 /", "Số: /TTr", anywhere on a line), so a document whose own notation starts with "TS" is no copy
     * of itself.
     */
    private static final int ORIGINAL_CHARS = 300;

    /**
     * A person's name, three to five capitalised words: a signer's name the text layer sorted between two lines of the
     * stamp drawn over it stays, where a body's name that a stamp wrapped ("Quảng Nam", "Nhân dân tỉnh") goes.
     */
    private static final Pattern PERSON_NAME = Pattern.compile("^\\p{Lu}\\p{Ll}*(?:[ ]+\\p{Lu}\\p{Ll}*){2,4}$");

    /** A document's own number anywhere on a line, as a flattened header has it. */
    private static final Pattern ANY_NUMBER =
            Pattern.compile("(?i:s[ốôo])[ ]*:?[ ]*\\d{0,6}[ ]*[-/–][ ]*\\p{L}", Pattern.UNICODE_CASE);

    /** How far from a strong key a weak one is still the same stamp's. */
    private static final int STAMP_REACH = 4;

    /** The longest value a stamp wraps onto a line of its own ("Quảng Nam" under "Ký bởi: Ủy ban Nhân dân tỉnh"). */
    private static final int WRAPPED_VALUE = 40;

    private PageFurniture() {}

    /** The text without what the page put around and inside the document; its lines otherwise as they were. */
    static String strip(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('\f', '\n');
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines = withoutStamps(lines);
        lines = withoutCopyAbove(lines);
        lines = withoutCopy(lines);
        lines = withoutRunningLines(lines);
        List<String> kept = new ArrayList<>();
        boolean dropped = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String cleaned = line == null ? null : withoutSegments(line);
            if (cleaned != null
                    && (BARE_NUMBER.matcher(cleaned.strip()).matches()
                            || PAGE_COUNTER.matcher(cleaned.strip()).matches())
                    && isPageNumber(lines, i)) {
                cleaned = null;
            }
            if (cleaned == null) {
                dropped = true;
                continue;
            }
            // A line taken out between blank lines takes one of them with it: a double-spaced list broken by a page
            // keeps the spacing it had, not a wider gap that would end it.
            if (dropped
                    && cleaned.isBlank()
                    && !kept.isEmpty()
                    && kept.get(kept.size() - 1).isBlank()) {
                dropped = false;
                continue;
            }
            dropped = false;
            kept.add(cleaned);
        }
        return String.join("\n", kept);
    }

    // ---------------------------------------------------------------- urgency and secrecy

    /**
     * The urgency and secrecy marks printed over the document (NĐ 30 Điều 15, HD 36), as the lines and column parts
     * {@link #strip} takes out; the first of each kind, null when none is printed. "HOẢ TỐC" is written "HỎA TỐC".
     */
    record Marks(String urgency, String secrecy) {

        /**
         * How sure a mark read is: right on every document of the corpora (one of them, s16, marked "KHẨN"; none of
         * the others marked, none read) and on the re-layout that marks every document; few documents carry one, so
         * less than a field measured on all of them.
         */
        static final double CONFIDENCE = 0.9;
    }

    static Marks marks(String raw) {
        String urgency = null;
        String secrecy = null;
        for (String line : pattern("[\\n\\r\\f]").split(raw, -1)) {
            if (line.isBlank() || line.length() > MARK_LINE) {
                continue;
            }
            for (String segment : segments(line)) {
                String s = Normalizer.normalize(unboxed(segment.strip()), Normalizer.Form.NFC);
                Matcher kind = MARK_KIND.matcher(s);
                if (s.isEmpty() || !MARK.matcher(s).matches() || !kind.lookingAt()) {
                    continue;
                }
                String mark = kind.group().replace("HOẢ", "HỎA");
                if (mark.endsWith("MẬT")) {
                    secrecy = secrecy == null ? mark : secrecy;
                } else {
                    urgency = urgency == null ? mark : urgency;
                }
            }
            if (urgency != null && secrecy != null) {
                break;
            }
        }
        return new Marks(urgency, secrecy);
    }

    private static final Pattern MARK_KIND = Pattern.compile(
            "THƯỢNG KHẨN|KHẨN|HỎA TỐC HẸN GIỜ|HOẢ TỐC HẸN GIỜ|HỎA TỐC|HOẢ TỐC|TUYỆT MẬT|TỐI MẬT|MẬT(?! )");

    /** The longest line a mark is looked for in: a header's line with a mark between its columns, not a paragraph. */
    private static final int MARK_LINE = 300;

    // ---------------------------------------------------------------- signature stamps

    /**
     * Lines and parts of lines of a signature stamp taken out: a strong key to the end of its column's part of the line
     * (or to the signing time or e-mail that ends it when the document's text runs on after it), and around it the
     * weak keys, signing times, e-mail addresses and wrapped values of the same stamp. A line that held nothing else is
     * gone ({@code null}).
     */
    private static List<String> withoutStamps(List<String> lines) {
        int n = lines.size();
        boolean[] strong = new boolean[n];
        List<String> out = new ArrayList<>(lines);
        boolean any = false;
        for (int i = 0; i < n; i++) {
            String line = lines.get(i);
            if ((mayHoldStrongKey(line) && STRONG_KEY.matcher(line).find())
                    || SIGNING_TIME.matcher(line).find()
                    || (line.indexOf('=') >= 0
                            && DISTINGUISHED_NAME.matcher(line).find())) {
                strong[i] = true;
                any = true;
            }
        }
        if (!any) {
            return out;
        }
        boolean[] stamp = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (strong[i]) {
                String cut = cutStamp(lines.get(i));
                // What a signing time leaves of its line ("Date:", "Thời gian:") goes with it.
                String rest = cut == null ? "" : cutWeak(cut);
                out.set(i, rest.isBlank() ? null : rest);
                stamp[i] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            if (stamp[i] || !nearStrong(strong, i)) {
                continue;
            }
            String cut = cutWeak(lines.get(i));
            if (cut != null && !cut.equals(lines.get(i))) {
                out.set(i, cut.isBlank() && !lines.get(i).isBlank() ? null : cut);
                stamp[i] = true;
            }
        }
        // A value the stamp's narrow box wrapped onto a line of its own, between two lines of the stamp.
        for (int i = 1; i + 1 < n; i++) {
            String line = lines.get(i).strip();
            if (!stamp[i]
                    && stamp[i - 1]
                    && stamp[i + 1]
                    && !line.isEmpty()
                    && line.length() <= WRAPPED_VALUE
                    && !PERSON_NAME.matcher(line).matches()
                    && !GAP.matcher(lines.get(i)).find()
                    && out.get(i - 1) == null
                    && out.get(i + 1) == null) {
                out.set(i, null);
            }
        }
        withoutUnkeyedStamps(lines, out);
        return out;
    }

    /**
     * A stamp that prints no key at all (some platforms print only the signer's or body's name, its e-mail, its
     * organisation and the signing time in a box beside the header or over the signature): known by its shape, a signing
     * time with its zone and an e-mail or a certificate's name ("CN=…, O=…, C=VN") in the same column, fewer than
     * {@link #STAMP_REACH} lines with text between them. The anchors and what stands between them in that column go,
     * and the line directly above (the name or body the box starts with) unless it has the document's own shape
     * (capitals, a digit, the motto, an item, a label), is under a keyed line of the stamp, or is a person's name printed
     * nowhere else (the signer's own name above a stamp that starts with its e-mail). Nothing under the signing time is
     * taken: the name printed under a signature stays.
     */
    private static void withoutUnkeyedStamps(List<String> lines, List<String> out) {
        int n = lines.size();
        int first = -1;
        int last = -1;
        boolean right = false;
        int kinds = 0;
        Map<String, Integer> names = null;
        for (int i = 0; i <= n; i++) {
            Part part = i < n ? Part.last(lines.get(i)) : null;
            int kind = part == null ? 0 : stampAnchor(part.text());
            if (kind == 0 && i < n) {
                continue;
            }
            boolean joins =
                    kind != 0 && first >= 0 && part.right() == right && nonBlankBetween(lines, last, i) < STAMP_REACH;
            if (joins) {
                last = i;
                kinds |= kind;
                continue;
            }
            if (first >= 0 && (kinds & ANCHOR_TIME) != 0 && Integer.bitCount(kinds) >= 2) {
                if (names == null) {
                    names = lastPartCounts(lines);
                }
                takeBox(lines, out, first, last, right, names);
            }
            if (kind != 0) {
                first = i;
                last = i;
                right = part.right();
                kinds = kind;
            }
        }
    }

    /** The lines with text between two lines: a box's lines, the blank lines a page put between them not counted. */
    private static int nonBlankBetween(List<String> lines, int from, int to) {
        int count = 0;
        for (int i = from + 1; i < to && count < STAMP_REACH; i++) {
            if (!lines.get(i).isBlank()) {
                count++;
            }
        }
        return count;
    }

    private static final int ANCHOR_TIME = 1;

    private static final int ANCHOR_EMAIL = 2;

    private static final int ANCHOR_NAME = 4;

    private static int stampAnchor(String part) {
        if (SIGNING_TIME.matcher(part).find()) {
            return ANCHOR_TIME;
        }
        if (part.indexOf('@') >= 0 && EMAIL.matcher(part).find()) {
            return ANCHOR_EMAIL;
        }
        return part.indexOf('=') >= 0 && DISTINGUISHED_NAME.matcher(part).find() ? ANCHOR_NAME : 0;
    }

    private static void takeBox(
            List<String> lines, List<String> out, int first, int last, boolean right, Map<String, Integer> names) {
        for (int i = first; i <= last; i++) {
            Part part = Part.last(lines.get(i));
            // The e-mail and the certificate's name go too where no key was near enough to take them.
            if (part != null
                    && part.right() == right
                    && (stampAnchor(part.text()) != 0 || (i > first && i < last && !ownShape(part.text())))) {
                dropLastPart(lines, out, i, part);
            }
        }
        int taken = 0;
        for (int i = first - 1; i >= 0 && taken < 1; i--) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            if (out.get(i) == null || !out.get(i).equals(lines.get(i))) {
                // A keyed line of the same stamp is its box's top ("Ký bởi: …"): what stands above it is the document.
                return;
            }
            Part part = Part.last(lines.get(i));
            if (part == null
                    || part.right() != right
                    || ownShape(part.text())
                    || (PERSON_NAME.matcher(part.text()).matches() && names.getOrDefault(part.text(), 0) < 2)) {
                return;
            }
            dropLastPart(lines, out, i, part);
            taken++;
        }
    }

    private static void dropLastPart(List<String> lines, List<String> out, int i, Part part) {
        String now = out.get(i);
        if (now == null || !now.equals(lines.get(i))) {
            return;
        }
        String rest = pattern("[ \\t\\u00A0]+$")
                .matcher(now.substring(0, part.start()))
                .replaceAll("");
        out.set(i, rest.isBlank() ? null : rest);
    }

    private static Map<String, Integer> lastPartCounts(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            Part part = Part.last(line);
            if (part != null && part.text().length() <= WRAPPED_VALUE) {
                counts.merge(part.text(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * The document's own shape, never a stamp's value: capitals (a header or a position), a digit (a number, a date), the motto,
     * an item, a label, a sentence's end, a line that starts small or runs long.
     */
    private static boolean ownShape(String s) {
        return s.length() > 80
                || !Character.isUpperCase(s.codePointAt(0))
                || s.chars().anyMatch(Character::isDigit)
                || s.equals(s.toUpperCase(java.util.Locale.ROOT))
                || pattern(".*[:;.!?]$").matcher(s).matches()
                || OWN_SHAPE.matcher(s).find()
                || ANY_NUMBER.matcher(s).find()
                || FOOT.matcher(s).matches();
    }

    private static final Pattern OWN_SHAPE =
            Pattern.compile("(?i:ngày|Độc lập|Kính gửi|V/v|Nơi nhận|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4})");

    /** A line's last column: where it starts, its text, and whether a gap or an indent stands before it. */
    private record Part(int start, String text, boolean right) {

        static Part last(String line) {
            if (line == null || line.isBlank()) {
                return null;
            }
            int end = line.length();
            while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
                end--;
            }
            Matcher gap = GAP.matcher(line);
            int start = 0;
            while (gap.find() && gap.end() < end) {
                start = gap.end();
            }
            return new Part(start, line.substring(start, end).strip(), start >= 4);
        }
    }

    private static boolean nearStrong(boolean[] strong, int i) {
        for (int j = Math.max(0, i - STAMP_REACH); j <= Math.min(strong.length - 1, i + STAMP_REACH); j++) {
            if (strong[j]) {
                return true;
            }
        }
        return false;
    }

    /** The line less its stamp's parts; {@code null} when nothing else was on it. */
    private static String cutStamp(String line) {
        List<String> parts = new ArrayList<>();
        for (String segment : segments(line)) {
            parts.add(
                    segment.isBlank()
                            ? segment
                            : segment.indexOf('=') >= 0
                                            && DISTINGUISHED_NAME
                                                    .matcher(segment)
                                                    .find()
                                    ? ""
                                    : cutStampSegment(segment));
        }
        return rejoin(line, parts);
    }

    private static String cutStampSegment(String segment) {
        StringBuilder kept = new StringBuilder();
        Matcher key = STRONG_KEY.matcher(segment);
        Matcher time = SIGNING_TIME.matcher(segment);
        Matcher end = STAMP_END.matcher(segment);
        Matcher goesOn = STAMP_GOES_ON.matcher(segment);
        // Each matcher looks ahead from where the last stamp ended, so a long line is read once, not once a stamp.
        int from = 0;
        int keyAt = -2;
        int timeAt = -2;
        while (from < segment.length()) {
            if (keyAt != -1 && keyAt < from) {
                keyAt = key.find(from) ? key.start() : -1;
            }
            if (timeAt != -1 && timeAt < from) {
                timeAt = time.find(from) ? time.start() : -1;
            }
            if (keyAt < 0 && timeAt < 0) {
                break;
            }
            if (keyAt < 0 || (timeAt >= 0 && timeAt < keyAt)) {
                // A signing time alone ("Thời gian ký:" on the line above, or a stamp that prints no key).
                kept.append(segment, from, timeAt);
                from = time.end();
                continue;
            }
            if (!COPY_STAMP_HEAD.matcher(segment.substring(from, keyAt)).matches()) {
                kept.append(segment, from, keyAt);
            }
            // The stamp runs to the end of its part of the line, unless its signing time or e-mail ends it first and
            // the document's text goes on after it (not another key of the stamp).
            int stop = -1;
            boolean found = end.find(key.end());
            while (found) {
                stop = end.end();
                if (!goesOn.region(stop, segment.length()).lookingAt()) {
                    break;
                }
                found = end.find();
            }
            if (stop < 0) {
                return kept.toString();
            }
            from = stop;
        }
        kept.append(segment, Math.min(from, segment.length()), segment.length());
        return kept.toString();
    }

    /** A key right after a stamp's e-mail or time: the same stamp goes on ("… Email: a@b.vn Cơ quan: …"). */
    private static final Pattern STAMP_GOES_ON = Pattern.compile(
            "[ ]{0,3}(?:(?i:E-?mail|Cơ quan|Chức vụ|Đơn vị|Date"
                    + "|Reason|Lý do|Location|Vị trí|Thời gian ký|Ngày ký)[ ]*:|" + STRONG_KEY.pattern() + ")",
            Pattern.UNICODE_CASE);

    /** A line near a stamp less its weak-key, e-mail-only or signing-time parts. */
    private static String cutWeak(String line) {
        List<String> parts = new ArrayList<>();
        for (String segment : segments(line)) {
            String s = segment.strip();
            boolean stampPart = !s.isEmpty()
                    && (WEAK_KEY.matcher(s).matches()
                            || EMAIL.matcher(s).matches()
                            || SIGNING_TIME.matcher(s).matches());
            parts.add(stampPart ? "" : segment);
        }
        String joined = rejoin(line, parts);
        return joined == null ? "" : joined;
    }

    // ---------------------------------------------------------------- a copy's block

    /**
     * A copy's own header block under the original (NĐ 30 Phụ lục III: the issuer of the copy, "SAO Y", its number
     * "12/SY-VP", its date, Nơi nhận and signer) is cut off with all that follows it, once the original's foot has been
     * read; above the original's number, or between its number and foot, the mark alone is taken out.
     */
    private static List<String> withoutCopy(List<String> original) {
        List<String> lines = new ArrayList<>(original);
        int number = -1;
        int foot = -1;
        // What stands above the line read: its characters and whether the original's number is among them.
        int chars = 0;
        boolean numberAbove = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line == null) {
                continue;
            }
            List<String> parts = segments(line).stream()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            boolean mark =
                    parts.stream().anyMatch(s -> COPY_MARK.matcher(unboxed(s)).matches());
            boolean copyNumber =
                    parts.stream().anyMatch(s -> COPY_NUMBER.matcher(s).matches());
            // A copy's number under the original's is the copy's own whatever else the file kept of the original; its
            // mark is, once the original's foot has been read or the copy's number follows it.
            if ((mark || copyNumber)
                    && chars >= ORIGINAL_CHARS
                    && ((copyNumber && numberAbove) || (mark && (foot > number || copyNumberFollows(lines, i))))) {
                return new ArrayList<>(lines.subList(0, copyStart(lines, i, foot)));
            }
            if (mark) {
                List<String> rest = new ArrayList<>();
                for (String segment : segments(line)) {
                    rest.add(COPY_MARK.matcher(unboxed(segment.strip())).matches() ? "" : segment);
                }
                lines.set(i, rejoin(line, rest));
                continue;
            }
            chars += line.strip().length();
            numberAbove |= ANY_NUMBER.matcher(line).find();
            if (number < 0 && parts.stream().anyMatch(s -> NUMBER.matcher(s).matches())) {
                number = i;
            }
            if (number >= 0 && parts.stream().anyMatch(s -> FOOT.matcher(s).matches())) {
                foot = i;
            }
        }
        return lines;
    }

    /**
     * A copy's block printed above the original on its first page (some offices: the copying body, "SAO Y BẢN CHÍNH",
     * its number "12/SY-VP", date, Nơi nhận and signer, then the original's header): known by a copy's mark or number
     * with no number of the original between it and a foot (Nơi nhận or a competence) after it, then, after the copy's
     * signer's name, a number that is not a copy's, a motto or a place and date (the original's header). The block, to
     * the copy's signer's name, goes.
     */
    private static List<String> withoutCopyAbove(List<String> original) {
        int copy = -1;
        int foot = -1;
        int name = -1;
        for (int i = 0; i < original.size(); i++) {
            String line = original.get(i);
            if (line == null || line.isBlank()) {
                continue;
            }
            List<String> parts = segments(line).stream()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            boolean copyNumber =
                    parts.stream().anyMatch(s -> COPY_NUMBER.matcher(s).matches());
            boolean number = !copyNumber && ANY_NUMBER.matcher(line).find()
                    || parts.stream()
                            .anyMatch(s -> NUMBER.matcher(s).matches()
                                    && !COPY_NUMBER.matcher(s).matches());
            if (copy < 0) {
                if (copyNumber
                        || parts.stream()
                                .anyMatch(s -> COPY_MARK.matcher(unboxed(s)).matches())) {
                    copy = i;
                }
                continue;
            }
            if (foot < 0) {
                if (number) {
                    return original;
                }
                if (parts.stream().anyMatch(s -> FOOT.matcher(s).matches())) {
                    foot = i;
                }
                continue;
            }
            if (number || (name >= 0 && ORIGINAL_HEADER.matcher(line).find())) {
                if (name < 0) {
                    return original;
                }
                List<String> lines = new ArrayList<>(original);
                for (int j = copyStart(original, copy, -1); j <= name; j++) {
                    lines.set(j, null);
                }
                // The rule the copy draws under its block.
                for (int j = name + 1;
                        j < i
                                && lines.get(j) != null
                                && pattern("[-–—_=.*~]+")
                                        .matcher(lines.get(j).strip())
                                        .matches();
                        j++) {
                    lines.set(j, null);
                }
                return lines;
            }
            Part last = Part.last(line);
            if (last != null && PERSON_NAME.matcher(last.text()).matches()) {
                name = i;
            }
        }
        return original;
    }

    /** What only the original's header prints after a copy's block: the motto, or the place and date. */
    private static final Pattern ORIGINAL_HEADER = Pattern.compile(
            "C[ỘO]NG H[ÒOÀ]A X[ÃA] H[ỘO]I|Đ[ẢA]NG C[ỘO]NG S[ẢA]N|Độc lập|\\p{L},?[ ]+ng[àa]y[ ]+\\d",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static boolean copyNumberFollows(List<String> lines, int at) {
        for (int i = at + 1; i < Math.min(lines.size(), at + 4); i++) {
            String line = lines.get(i);
            if (line != null
                    && segments(line).stream()
                            .map(String::strip)
                            .anyMatch(s -> COPY_NUMBER.matcher(s).matches())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a copy's block starts: up to three lines in capitals (the copying body's name) directly above its mark or
     * number, and a rule drawn over them, but not above the original's foot.
     */
    private static int copyStart(List<String> lines, int at, int foot) {
        int start = at;
        int taken = 0;
        for (int i = at - 1; i > foot && taken < 3; i--) {
            String line = lines.get(i);
            if (line == null) {
                continue;
            }
            String s = line.strip();
            String first = segments(line).stream()
                    .map(String::strip)
                    .filter(p -> !p.isEmpty())
                    .findFirst()
                    .orElse("");
            if (!s.isEmpty()
                    && first.equals(first.toUpperCase(java.util.Locale.ROOT))
                    && pattern(".*\\p{Lu}.*").matcher(first).matches()
                    && !pattern(".*\\d.*").matcher(first).matches()) {
                start = i;
                taken++;
            } else {
                break;
            }
        }
        // The rule a copy draws across the page over its block, and the blank lines around it.
        int i = start - 1;
        while (i > foot
                && lines.get(i) != null
                && pattern("[-–—_=.*~ ]*").matcher(lines.get(i).strip()).matches()) {
            i--;
        }
        return i + 1;
    }

    // ---------------------------------------------------------------- running lines and footnotes

    /**
     * What a printer puts on each page rather than the document: a browser's print header and footer (the date and
     * time, a URL), a print line ("In lúc …"); a line repeated at page breaks (the running header or footer: a title, a
     * body's name, "Trang 2/5"); and a footnote at a page's foot or after the signer. A repeated line goes from its
     * second occurrence on, at least {@link #PAGE_CHARS} characters after the one before, when a page break shows
     * beside it (a page number, a printer's line, another repeated line of the same kind) or when it repeats on three pages
     * and is neither capitals, nor a person's name, nor a competence (a signature block repeated under an annex stays).
     */
    private static List<String> withoutRunningLines(List<String> original) {
        List<String> lines = new ArrayList<>(original);
        int n = lines.size();
        boolean[] page = new boolean[n];
        String[] keys = new String[n];
        boolean[] repeated = new boolean[n];
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Long> lastAt = new HashMap<>();
        Map<String, Integer> firstAt = new HashMap<>();
        long at = 0;
        for (int i = 0; i < n; i++) {
            String line = lines.get(i);
            if (line == null) {
                continue;
            }
            String s = line.strip();
            page[i] = printed(line)
                    || PAGE_NUMBER.matcher(s).matches()
                    || ((BARE_NUMBER.matcher(s).matches()
                                    || PAGE_COUNTER.matcher(s).matches())
                            && isPageNumber(lines, i));
            String key = runningKey(s);
            if (key != null) {
                keys[i] = key;
                counts.merge(key, 1, Integer::sum);
                Long before = lastAt.get(key);
                if (before == null || at - before >= PAGE_CHARS) {
                    repeated[i] = before != null;
                    lastAt.put(key, at);
                }
                if (before == null) {
                    firstAt.put(key, i);
                }
            }
            at += line.length() + 1;
        }
        boolean[] gone = page.clone();
        for (int i = 0; i < n; i++) {
            boolean ordinary = repeated[i] && ordinary(lines.get(i));
            if (repeated[i] && (nearPageBreak(lines, page, repeated, i) || (ordinary && counts.get(keys[i]) >= 3))) {
                gone[i] = true;
            }
        }
        // The first page's own running line goes too, when a printer's line or a page's number stands beside it and
        // the line went at a later page.
        for (int i = 0; i < n; i++) {
            if (gone[i] && repeated[i] && ordinary(lines.get(i))) {
                int first = firstAt.get(keys[i]);
                if (nearPageBreak(lines, page, new boolean[n], first)) {
                    gone[first] = true;
                }
            }
        }
        withoutFootnotes(lines, gone);
        for (int i = 0; i < n; i++) {
            // Page numbers stay for the later pass, which keeps a list's spacing when it takes them out.
            if (gone[i] && !(page[i] && !printed(lines.get(i)))) {
                lines.set(i, null);
            }
        }
        return lines;
    }

    /** A page's print header or footer: a URL, the date and time a browser prints, "In lúc …", as a part of the line. */
    private static boolean printed(String line) {
        if (line == null || line.isBlank()) {
            return false;
        }
        for (String segment : segments(line)) {
            String s = segment.strip();
            if (!s.isEmpty() && PRINTED.matcher(s).matches()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern PRINTED = Pattern.compile("(?:https?://|www\\.)\\S+(?:[ ]+\\d{1,3}[ ]*/[ ]*\\d{1,3})?"
            + "|\\d{1,2}/\\d{1,2}/\\d{2,4},?[ ]+\\d{1,2}:\\d{2}(?::\\d{2})?(?:[ ]?[AaPp][Mm])?"
            + "|(?:In lúc|Ngày in|Thời gian in|Printed on|Printed at)" + Words.BOUNDARY + ".*");

    /** "2/5" alone: a page's number of the pages. */
    private static final Pattern PAGE_COUNTER = Pattern.compile("^\\d{1,3}[ ]*/[ ]*\\d{1,3}$");

    /** How far apart two pages' running lines are at least: less than a page's text is the document's own list. */
    private static final int PAGE_CHARS = 500;

    /** The longest running line: a title, a body's name and a page's number, not a paragraph. */
    private static final int RUNNING_LINE = 150;

    /** A line as it repeats on each page: its page's number ("Trang 2/5", "2 of 5") left out, its spaces folded. */
    private static String runningKey(String s) {
        if (s.length() > RUNNING_LINE
                || s.codePoints().filter(Character::isLetter).count() < 8) {
            return null;
        }
        return COUNTER_IN_LINE.matcher(s).replaceAll("#").replaceAll("\\s+", " ");
    }

    private static final Pattern COUNTER_IN_LINE = Pattern.compile(
            "(?:(?:Trang|TRANG|Page)[ ]*)?\\d{1,3}[ ]*(?:/|của|of|trên)[ ]*\\d{1,3}(?!\\d)|(?:Trang|TRANG|Page)[ ]*\\d{1,3}");

    /** A page's number or printer's line within three lines, or another repeated line that is no signature's. */
    private static boolean nearPageBreak(List<String> lines, boolean[] page, boolean[] repeated, int i) {
        boolean ordinary = ordinary(lines.get(i));
        for (int j = Math.max(0, i - 3); j <= Math.min(page.length - 1, i + 3); j++) {
            if (j != i && (page[j] || (ordinary && repeated[j] && ordinary(lines.get(j))))) {
                return true;
            }
        }
        return false;
    }

    /** A repeated line that is no part of a signature block or a header: a title, a sentence. */
    private static boolean ordinary(String line) {
        String s = line.strip();
        return !s.equals(s.toUpperCase(java.util.Locale.ROOT))
                && !PERSON_NAME.matcher(s).matches()
                && !FOOT.matcher(s).matches();
    }

    /**
     * Footnotes: a line that starts with a note's number ("1 Nghị định số …", "(1) …", "¹ …") whose mark stands in the
     * text above it ("NĐ-CP¹", "năm 2020(1)", "tỉnh2;"), with up to three lines it wraps onto, when a page break or the
     * end of the text follows it.
     */
    private static void withoutFootnotes(List<String> lines, boolean[] gone) {
        int n = lines.size();
        java.util.BitSet marks = new java.util.BitSet(100);
        for (int i = 0; i < n; i++) {
            String line = lines.get(i);
            if (line == null || gone[i]) {
                continue;
            }
            Matcher note = FOOTNOTE.matcher(line.strip());
            int number = note.lookingAt() ? footnoteNumber(note) : -1;
            if (number > 0 && marks.get(number)) {
                int end = i;
                while (end + 1 < n
                        && end - i < 3
                        && lines.get(end + 1) != null
                        && !lines.get(end + 1).isBlank()
                        && !gone[end + 1]
                        && !FOOTNOTE.matcher(lines.get(end + 1).strip()).lookingAt()) {
                    end++;
                }
                int next = end + 1;
                while (next < n && (lines.get(next) == null || lines.get(next).isBlank())) {
                    next++;
                }
                if (next >= n
                        || gone[next]
                        || FOOTNOTE.matcher(lines.get(next).strip()).lookingAt()) {
                    for (int j = i; j <= end; j++) {
                        gone[j] = true;
                    }
                    i = end;
                    continue;
                }
            }
            if (!hasDigit(line)) {
                continue;
            }
            Matcher mark = FOOTNOTE_MARK.matcher(line);
            while (mark.find()) {
                int m = footnoteNumber(mark);
                if (m > 0) {
                    marks.set(m);
                }
            }
        }
    }

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /**
     * Whether a line holds a digit or a superscript one, without which no mark of {@link #FOOTNOTE_MARK} is there:
     * most lines have none, and its look-behinds cost a try at every character.
     */
    private static boolean hasDigit(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c >= '0' && c <= '9') || SUPERSCRIPTS.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A note's number at the start of its line, then its text. */
    private static final Pattern FOOTNOTE = Pattern.compile(
            "(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})[ ]?|\\((\\d{1,2})\\)[ ]?|\\[(\\d{1,2})\\][ ]?|(\\d{1,2})[ ])(?=\\p{Lu})");

    /** A note's mark in the text: a superscript, "(1)" or "[1]" against a word, a number glued to a small letter. */
    private static final Pattern FOOTNOTE_MARK = Pattern.compile(
            "([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})|(?<=[\\p{L}\\p{N}.,;)])\\((\\d{1,2})\\)|(?<=[\\p{L}\\p{N}.,;)])\\[(\\d{1,2})\\]"
                    + "|(?<=[\\p{Ll}\\p{No}][.,;:]?)(\\d{1,2})(?![\\d/.-])");

    private static int footnoteNumber(Matcher m) {
        if (m.group(1) != null) {
            int value = 0;
            for (char c : m.group(1).toCharArray()) {
                value = value * 10 + SUPERSCRIPTS.indexOf(c);
            }
            return value;
        }
        for (int g = 2; g <= 4; g++) {
            if (m.group(g) != null) {
                return Integer.parseInt(m.group(g));
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- marks and page furniture

    /** The line less its marks, page numbers and gazette header; {@code null} when nothing else was on it. */
    private static String withoutSegments(String line) {
        if (line.isBlank()) {
            return line;
        }
        if (BOX_ONLY.matcher(line).matches()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        boolean taken = false;
        for (String segment : segments(line)) {
            String s = segment.strip();
            boolean furniture = !s.isEmpty()
                    && (MARK.matcher(unboxed(s)).matches()
                            || PAGE_NUMBER.matcher(s).matches()
                            || GAZETTE.matcher(s).matches());
            taken |= furniture;
            parts.add(furniture ? "" : segment);
        }
        if (!taken) {
            return line;
        }
        // The rest of a mark's box ("│ HỎA TỐC      │"), the page's number beside the gazette's header ("4     CÔNG
        // BÁO/…").
        parts.replaceAll(p -> !p.isBlank() && BOX_ONLY.matcher(p).matches() ? "" : p);
        String rest = rejoin(line, parts);
        return rest == null || SHORT_NUMBER.matcher(rest.strip()).matches() ? null : rest;
    }

    /**
     * A number alone on its line is a page's (NĐ 30 prints it alone at the top of each page from the second) when it
     * stands between blank lines, or after a line that ends a sentence or an item; not when the line above leaves a
     * number or a date to be finished ("Số:", "ngày") or the line below goes on with it ("/SGDĐT-VP", ", ngày", "tháng").
     */
    private static boolean isPageNumber(List<String> lines, int i) {
        String above = neighbour(lines, i, -1).strip();
        String below = neighbour(lines, i, 1).strip();
        if (ENDS_BEFORE_A_NUMBER.matcher(above).matches()
                || GOES_ON.matcher(below).matches()) {
            return false;
        }
        // A line of two columns ends an item in either ("- Như trên;      PHÓ GIÁM ĐỐC").
        return above.isEmpty()
                || segments(above).stream()
                        .map(String::strip)
                        .anyMatch(s -> ENDS_AN_ITEM.matcher(s).matches());
    }

    private static String neighbour(List<String> lines, int i, int step) {
        for (int j = i + step; j >= 0 && j < lines.size(); j += step) {
            if (lines.get(j) != null) {
                return lines.get(j);
            }
        }
        return "";
    }

    /** The marks and blanks of {@link #BOX} and of {@code \\s} taken off both ends of a part of a line. */
    private static String unboxed(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isBoxOrBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBoxOrBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isBoxOrBlank(char c) {
        return c == ' '
                || c == '\t'
                || c == '\n'
                || c == '\u000B'
                || c == '\f'
                || c == '\r'
                || BOX_CHARS.indexOf(c) >= 0;
    }

    // Compiled once, not at every call: they run at every line of a text of up to 400,000 characters.

    private static final Pattern SHORT_NUMBER = Pattern.compile("\\d{1,4}(?:[ ]*/[ ]*\\d{1,4})?");

    /** A line a number goes on from: "Số:", a date's words. */
    private static final Pattern ENDS_BEFORE_A_NUMBER =
            Pattern.compile("(?s).*(?:S[ốô]|số|ngày|tháng|năm|NGÀY|THÁNG|NĂM)[ ]*:?$");

    /** A line that goes on from a number above it: a mark, a small letter. */
    private static final Pattern GOES_ON = Pattern.compile("^(?:[,/.)]|\\p{Ll}).*");

    private static final Pattern ENDS_AN_ITEM = Pattern.compile(".*[;,.:!?)]$");

    // ---------------------------------------------------------------- columns

    /**
     * A line cut at its column gaps, the gaps kept as parts of their own so that the line can be put back: text at the
     * even places, gaps at the odd ones (also {@link OcrTitles}').
     */
    static List<String> segments(String line) {
        List<String> parts = new ArrayList<>();
        Matcher gap = GAP.matcher(line);
        int from = 0;
        while (gap.find()) {
            parts.add(line.substring(from, gap.start()));
            parts.add(gap.group());
            from = gap.end();
        }
        parts.add(line.substring(from));
        return parts;
    }

    /**
     * The parts put back: a part taken out leaves the gap beside it, so the other column stays apart; {@code null} when
     * only blanks are left of a line that had text.
     */
    private static String rejoin(String line, List<String> parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            joined.append(part);
        }
        String result = pattern("[ \\t\\u00A0]+$").matcher(joined.toString()).replaceAll("");
        if (result.isBlank()) {
            return line.isBlank() ? line : null;
        }
        if (result.length() == line.length()) {
            return line;
        }
        return result;
    }
}
