package vn.congvan.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which pages of a scan OCR reads, page after page, from what the pages read so far show (ADR 0046, amendment of
 * session 16). A document ends at its foot (its Nơi nhận and its signature): the pages after it are an annex or a
 * letter it forwards, whose own header, date and foot are not the document's. So:
 *
 * <ol>
 *   <li>the first {@code max - 1} pages are read in order (the header band, the subject), and the reading stops at the
 *       first page that holds a foot: what follows it is not the document's;
 *   <li>without a foot, the last page is read, where the foot of a document without annex stands;
 *   <li>when the last page holds no foot either (an annex follows the document), the page before the last and the page
 *       after the first ones are read in turn, going inward, at most {@code max} of them, until one holds the foot
 *       (a short annex puts the foot just before it, a long one right after the first pages; session 17).
 * </ol>
 *
 * A foot that runs onto the next page (its page ends with the signer's title or competence, or inside the list, and no
 * name stands after the foot's first line) keeps that page too (session 18, ADR 0080).
 * The text is that of the pages read up to the first page with a foot, in the order of the document; without any foot,
 * that of every page read. Reading every page doubled the OCR time of a long scan; a scan whose foot is on its first
 * pages is now read in fewer pages than before.
 */
final class ScanPages {

    /**
     * "Nơi nhận" opening a segment, with its colon, then nothing, a dash or "Như" (the list's first item run onto the
     * line): not "Nơi nhận hồ sơ:" in a notice's body. OCR loses the dot under "ậ" or the horn of "ơ".
     */
    private static final Pattern NOI_NHAN = Pattern.compile(
            "^N[ơo]i\\s*nh[ậaâ]n\\s*[:;.]?\\s*(?:$|[-–•+*]|Nh[ưu]\\s)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * A competence's mark opening a segment, with its stop or slash and a word in capitals after it ("TM. BAN THƯỜNG VỤ",
     * "KT. GIÁM ĐỐC", "T/M"): not the initials a header opens with ("TLĐLĐ VIỆT NAM", "KTNN KHU VỰC IV", "TMCP").
     */
    private static final Pattern COMPETENCE = Pattern.compile(
            "^(?:T/M|T\\.M\\.?|TM[.:]|K/T|K\\.T\\.?|KT[.:]|T/L|T\\.L\\.?|TL[.:]|TUQ[.:]|T/U)\\s*\\p{Lu}{2}");

    /** What separates the columns of a line laid out by {@link OcrLayout}: a wide run of spaces. */
    private static final Pattern COLUMNS = Pattern.compile("\\s{3,}");

    /** How many lines must follow a foot's first line on its page for the foot to end there, not run onto the next. */
    static final int FOOT_LINES_AFTER = 2;

    private final int pages;

    private final int first;

    private final int walk;

    private final Map<Integer, String> read = new TreeMap<>();

    private int foot = -1;

    private int walked;

    /**
     * @param pages how many pages the file has
     * @param max the pages read when the foot is where it is looked for first ({@code ocr.max-pages}): the first
     *     {@code max - 1} and the last; {@code max} more at most, back from the last and on from the first ones in turn,
     *     when the foot is not there
     */
    ScanPages(int pages, int max) {
        this.pages = Math.max(0, pages);
        this.first = Math.min(this.pages, Math.max(1, max - 1));
        this.walk = max > 1 ? max : 0;
    }

    /**
     * The next page to read, or -1 when the reading is done. {@code optional} pages (past the first ones and the last)
     * may be left unread when the file's budget runs short.
     */
    int next() {
        if (foot >= 0) {
            int end = footEnd();
            return end > foot && !read.containsKey(end) ? end : -1;
        }
        for (int i = 0; i < first; i++) {
            if (!read.containsKey(i)) {
                return i;
            }
        }
        if (walk > 0 && pages > first && !read.containsKey(pages - 1)) {
            return pages - 1;
        }
        if (walked >= walk) {
            return -1;
        }
        // Back from the last page and on from the first ones, in turn: an annex of a page or two puts the foot just
        // before it, a long one puts it right after the first pages.
        for (int back = pages - 2, on = first; back >= first || on < pages - 1; back--, on++) {
            if (back >= first && !read.containsKey(back)) {
                return back;
            }
            if (on < pages - 1 && on <= back && !read.containsKey(on)) {
                return on;
            }
        }
        return -1;
    }

    /** Whether a page is one looked at only because the foot was not where it stands most often. */
    boolean optional(int index) {
        return index >= first && index < pages - 1;
    }

    /** Records the text read of a page. */
    void read(int index, String text) {
        read.put(index, text);
        if (optional(index)) {
            walked++;
        }
        if (holdsFoot(text)) {
            // The first foot in the document's order: the last page may hold an annex's or a forwarded letter's own.
            foot = foot < 0 ? index : Math.min(foot, index);
        }
    }

    /**
     * The last page of the foot: the page it starts on, or the next one where the foot runs onto it (the page ends with
     * the signer's title or competence, the name under it overleaf, or in the middle of the list; session 18).
     */
    private int footEnd() {
        return foot + 1 < pages && runsOn(read.get(foot)) ? foot + 1 : foot;
    }

    /** The pages read, in the document's order, up to the first with a foot (and the page its foot runs onto). */
    List<Integer> kept() {
        List<Integer> kept = new ArrayList<>();
        int end = foot < 0 ? -1 : footEnd();
        for (int index : read.keySet()) {
            if (foot < 0 || index <= end) {
                kept.add(index);
            }
        }
        return kept;
    }

    /** The text of the pages kept, each followed by a blank line. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (int index : kept()) {
            text.append(read.get(index)).append("\n\n");
        }
        return text.toString();
    }

    /**
     * Whether a page's text holds a document's foot that ends on it: a line (or a column of a line) opening with "Nơi
     * nhận", or a competence in capitals, followed by at least {@link #FOOT_LINES_AFTER} more lines on the page (a foot
     * at the page's end may run onto the next page).
     */
    static boolean holdsFoot(String page) {
        List<String> lines =
                page.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        for (int i = 0; i < lines.size() - FOOT_LINES_AFTER; i++) {
            for (String segment : COLUMNS.split(lines.get(i))) {
                if (NOI_NHAN.matcher(segment).find() || competence(segment)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A dashed recipient ended by a comma or a semicolon: the list goes on. */
    private static final Pattern ITEM_GOES_ON = Pattern.compile("^[-–•+]\\s*\\p{L}.*[,;]$");

    /** A line with no letter, or a page's number ("Trang 2/3"): not where a page's text ends. */
    private static final Pattern NO_TEXT = Pattern.compile("^(?:[^\\p{L}]*|(?:Trang|TRANG|Page)\\s*\\d.*)$");

    /**
     * Whether a page that holds a foot ends before its foot does: its last line of text is a signer's title or a
     * competence in capitals (the name is overleaf), or a dashed recipient ended by a comma or a semicolon (the list
     * goes on overleaf). The name's column beside the list ("- Lưu VT.        Nguyễn Văn An") ends the page's foot.
     */
    static boolean runsOn(String page) {
        List<String> lines = page.lines()
                .map(String::strip)
                .filter(line -> !NO_TEXT.matcher(line).matches())
                .toList();
        if (lines.isEmpty() || nameAfterFoot(lines)) {
            return false;
        }
        String[] columns = COLUMNS.split(lines.get(lines.size() - 1));
        String last = columns[columns.length - 1].strip();
        if (columns.length == 1 && ITEM_GOES_ON.matcher(last).matches()) {
            return true;
        }
        return last.length() <= 60
                && last.equals(last.toUpperCase(java.util.Locale.ROOT))
                && (competence(last) || OcrTitles.opensSignature(last));
    }

    /** A person's name as a signature writes it: two to five words, each a capital then small letters. */
    private static final Pattern NAME = Pattern.compile("^\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}*){1,4}$");

    /**
     * Whether a name stands after the foot's first line on the page: the foot ended there, and what follows it (an
     * annex's heading, the next letter's header) is no part of it.
     */
    private static boolean nameAfterFoot(List<String> lines) {
        boolean foot = false;
        for (String line : lines) {
            for (String segment : COLUMNS.split(line)) {
                if (!foot) {
                    foot = NOI_NHAN.matcher(segment).find() || competence(segment);
                } else if (NAME.matcher(segment.strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A competence line: its mark and words in capitals only (a body's sentence is no competence). */
    private static boolean competence(String segment) {
        return COMPETENCE.matcher(segment).find() && segment.equals(segment.toUpperCase(java.util.Locale.ROOT));
    }
}
