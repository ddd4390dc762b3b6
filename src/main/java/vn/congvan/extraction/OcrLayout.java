package vn.congvan.extraction;

import static vn.congvan.extraction.Patterns.pattern;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A scanned page's text laid out from the words Tesseract found and where it found them (its TSV output, ADR 0060),
 * instead of its own text. Tesseract reads every mark on the page as a word: the rule under the issuer, the star
 * under a Party body, a table's border, a seal's edge and a handwritten note in the margin come back as "ion)", "s",
 * "Ï", "I`šïš" on lines of their own or before the first word of a line, and a stray line between the issuer and "Số"
 * is enough for the field rules to lose the issuer. Here a word is dropped when its box or its confidence shows it is
 * such a mark, and the words left are written line by line, a gap wider than a column's as a wide run of spaces (which
 * the field rules cut at), a new paragraph after a blank line, as Tesseract's own text would be.
 */
final class OcrLayout {

    /** A gap wider than this many times the page's letter height separates two columns, not two words. */
    static final double COLUMN_GAP = 1.5;

    /** What a column gap is written as: more spaces than the field rules need to cut a line in two. */
    private static final String COLUMN_SPACE = "        ";

    /** Under this confidence a word is one Tesseract is unsure of, and its box decides whether it is a mark. */
    static final double UNSURE = 40;

    /** A word Tesseract is sure of is still a mark when its box is this many times thinner than it is high: a rule. */
    private static final int BAR_RATIO = 6;

    /**
     * Signs no dispatch writes as a word of their own, which Tesseract makes of strokes: the edge of a seal or a
     * border ("|", "\\"), a handwritten tick or arrow ("=", "~", "¬", "§").
     */
    private static final String STRAY_SYMBOLS = "=\\|`~^¬©§¦‡¿¤®°¶";

    /** A segment of at most this many letters, read with less than {@link #SCRIBBLE_CONFIDENCE}, is a scribble. */
    private static final int SCRIBBLE_LETTERS = 3;

    private static final double SCRIBBLE_CONFIDENCE = 50;

    private static final String TSV_HEADING = "level\tpage_num\tblock_num";

    /**
     * What a printed dash comes back as: a hyphen or a longer dash, or, small and blurred at 150 to 200 dpi, a tilde,
     * an underscore or a negation sign ("~ Như trên;", "___~ Lưu PA83").
     */
    private static final String DASHES = "-–—_~¬";

    /** A dash narrower than this many letter heights is a speck of dust, not a dash (a printed one is about 0.3). */
    static final double SPECK_WIDTH = 0.2;

    /** A dash this close to the next word (in letter heights) and first on its line is a list's bullet. */
    private static final double BULLET_GAP = 1.0;

    private OcrLayout() {}

    /** One word of Tesseract's TSV (level 5): its block, paragraph and line, its box in pixels, confidence, text. */
    record Word(
            int block,
            int paragraph,
            int line,
            int left,
            int top,
            int width,
            int height,
            double confidence,
            String text) {

        /** The same box read as other text, with that reading's confidence. */
        Word readAs(String otherText, double otherConfidence) {
            return new Word(block, paragraph, line, left, top, width, height, otherConfidence, otherText);
        }

        /** The same word counted in another block. */
        Word inBlock(int otherBlock) {
            return new Word(otherBlock, paragraph, line, left, top, width, height, confidence, text);
        }

        int right() {
            return left + width;
        }
    }

    /**
     * The page's text from Tesseract's TSV output. Output without the TSV's heading is taken as text as it is: a
     * Tesseract built or wrapped without its {@code tsv} configuration (the command is configurable) prints its text.
     */
    static String text(String tsv) {
        if (!tsv.startsWith(TSV_HEADING)) {
            return tsv;
        }
        List<Word> words = words(tsv);
        double letter = letterHeight(words);
        List<Word> kept = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            if (isSpeck(word, letter)) {
                continue;
            }
            if (isBullet(words, i, letter)) {
                // A list's dash read as "~" or "_", or read unsure: kept as the dash it is, or the list ends at it.
                if (kept.isEmpty() || !isBulletOf(kept.get(kept.size() - 1), word)) {
                    kept.add(word.readAs("-", 100));
                }
            } else if (!isMark(word, letter)) {
                kept.add(word);
            }
        }
        List<List<Word>> lines = lines(kept);
        return write(footInColumns(lines, letter), letter, leftMargin(lines, letter));
    }

    /**
     * Under this many words with a letter, a reading is too short to show whether its page stood upright: a page
     * Tesseract reads sideways still gives a score of fragments.
     */
    static final int UPRIGHT_MIN_WORDS = 12;

    /**
     * The least mean confidence of a page read upright. Measured on the scan corpus's pages (ScanCorpusTests): 92 to 96
     * on clean, crooked, faded and sealed pages, 82 to 92 on JPEG ones; 32 to 42 on the same pages turned 90°, 180° or
     * 270°, when Tesseract finds any word on them at all.
     */
    static final double UPRIGHT_CONFIDENCE = 70;

    /**
     * Whether Tesseract's TSV shows a page that stood upright: enough words with a letter, read with a mean confidence
     * of {@link #UPRIGHT_CONFIDENCE} or more. Output that is no TSV shows nothing (false).
     */
    static boolean readUpright(String tsv) {
        return legibility(tsv).upright();
    }

    /** How well a reading shows its page, by {@link #readUpright}'s measure; nothing for output that is no TSV. */
    static Legibility legibility(String tsv) {
        if (!tsv.startsWith(TSV_HEADING)) {
            return new Legibility(0, 0);
        }
        int read = 0;
        double confidence = 0;
        for (Word word : words(tsv)) {
            if (word.confidence() >= 0 && word.text().codePoints().anyMatch(Character::isLetter)) {
                read++;
                confidence += word.confidence();
            }
        }
        return new Legibility(read, read == 0 ? 0 : confidence / read);
    }

    /** A reading's words with a letter and their mean confidence. */
    record Legibility(int words, double confidence) {

        boolean upright() {
            return enough() && confidence >= UPRIGHT_CONFIDENCE;
        }

        /**
         * Whether this reading shows its page better than another: a reading as sure as an upright page's beats one
         * that is not, however few its words (a sparse page read turned, against the fragments of it read sideways);
         * then enough words to tell beats too few, and then the higher mean confidence (a page read sideways gives
         * fragments read with half the confidence).
         */
        boolean betterThan(Legibility other) {
            if (sure() != other.sure()) {
                return sure();
            }
            if (enough() != other.enough()) {
                return enough();
            }
            return confidence > other.confidence;
        }

        private boolean sure() {
            return words > 0 && confidence >= UPRIGHT_CONFIDENCE;
        }

        private boolean enough() {
            return words >= UPRIGHT_MIN_WORDS;
        }
    }

    /** How many runs of text must start at the same place for it to be the page's margin. */
    private static final int MARGIN_LINES = 5;

    /**
     * Where the page's text is aligned on the left: the place where the most runs of four words or more that Tesseract
     * is sure of start, within half a letter (wrapped lines of the body; a note in the margin is read into the line
     * beside it, a column's gap apart, so runs rather than lines), and the leftmost of those starts; 0 when fewer than
     * {@link #MARGIN_LINES} runs start together (a page of a few lines), so that nothing is taken for a margin note.
     * The header band's left column may start left of it; it ends right of it.
     */
    static int leftMargin(List<List<Word>> lines, double letter) {
        int[] starts = lines.stream()
                .flatMap(line -> segments(line, letter).stream())
                .filter(segment -> segment.size() >= 4
                        && segment.stream()
                                        .mapToDouble(Word::confidence)
                                        .average()
                                        .orElse(0)
                                >= 70)
                .mapToInt(segment -> segment.get(0).left())
                .sorted()
                .toArray();
        int best = 0;
        int margin = 0;
        for (int i = 0, j = 0; i < starts.length; i++) {
            // starts[i..j) lie within half a letter of starts[i].
            j = Math.max(j, i);
            while (j < starts.length && starts[j] - starts[i] <= letter / 2) {
                j++;
            }
            if (j - i > best) {
                best = j - i;
                margin = starts[i];
            }
        }
        return best < MARGIN_LINES ? 0 : margin;
    }

    /**
     * A part of a line that ends left of the page's margin: a note written by hand in the
     * margin ("\\A NÓ 1g" beside the addressees of the real scan pa83), which cut the list it stands beside. Printed
     * text starts at the margin or right of it.
     */
    static boolean isInMargin(List<Word> segment, int margin) {
        return margin > 0 && segment.get(segment.size() - 1).right() < margin && !isNumberHead(segment);
    }

    /**
     * "Số:" alone, a column's gap before the notation because the number was left blank for the signer ("Số:
     * /TT-ĐTN"): the header's left column, which starts left of the body's margin, not a note in it.
     */
    static boolean isNumberHead(List<Word> segment) {
        if (segment.size() != 1 || segment.get(0).confidence() < UNSURE) {
            return false;
        }
        String bare = bare(segment.get(0).text());
        return bare.equals("so:") || bare.equals("so");
    }

    /** A word of dashes only ("-", "~", "___~"). */
    static boolean isDash(String text) {
        return !text.isEmpty() && text.codePoints().allMatch(c -> DASHES.indexOf(c) >= 0);
    }

    /**
     * A dash far narrower than a printed one: a speck of dust Tesseract reads as "-", sure of it, before a subject
     * ("- TRIỂN KHAI ..."), after a body's name ("HỒ CHÍ MINH -") or beside a column ("QUỐC GIA        -").
     */
    static boolean isSpeck(Word word, double letter) {
        return letter > 0 && isDash(word.text()) && word.width() < SPECK_WIDTH * letter;
    }

    /**
     * Whether the word at {@code index} is a list's dash: dashes only, the first word of its line (or following other
     * dashes there), no taller than a letter, and the line's next word close after it.
     */
    static boolean isBullet(List<Word> words, int index, double letter) {
        Word word = words.get(index);
        if (letter <= 0 || !isDash(word.text()) || word.height() > letter) {
            return false;
        }
        for (int j = index - 1; j >= 0 && sameLine(words.get(j), word); j--) {
            if (!isDash(words.get(j).text())) {
                return false;
            }
        }
        int next = index + 1;
        while (next < words.size()
                && sameLine(words.get(next), word)
                && isDash(words.get(next).text())) {
            next++;
        }
        if (next >= words.size() || !sameLine(words.get(next), word)) {
            return false;
        }
        Word following = words.get(next);
        return letters(following.text()) + digits(following.text()) > 0
                && following.left() - word.right() <= BULLET_GAP * letter
                && following.left() > word.left();
    }

    /** Whether {@code bullet} is a second dash of the bullet {@code previous} already stands for ("__ -"). */
    private static boolean isBulletOf(Word previous, Word bullet) {
        return sameLine(previous, bullet) && "-".equals(previous.text()) && previous.confidence() == 100;
    }

    /** The words of a TSV, in Tesseract's reading order; rows that are not words or do not parse are skipped. */
    static List<Word> words(String tsv) {
        List<Word> words = new ArrayList<>();
        for (String row : tsv.split("\n")) {
            String[] cells = row.split("\t", -1);
            if (cells.length < 12 || !"5".equals(cells[0])) {
                continue;
            }
            String text = cells[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                words.add(new Word(
                        Integer.parseInt(cells[2]),
                        Integer.parseInt(cells[3]),
                        Integer.parseInt(cells[4]),
                        Integer.parseInt(cells[6]),
                        Integer.parseInt(cells[7]),
                        Integer.parseInt(cells[8]),
                        Integer.parseInt(cells[9]),
                        Double.parseDouble(cells[10]),
                        text));
            } catch (NumberFormatException e) {
                // A row cut short by the output's cap.
            }
        }
        return words;
    }

    /**
     * The height of a word of the page's text: the median box of the words Tesseract is sure of and that have two
     * letters or more (a hyphen's or a dot's box says nothing of the letters').
     */
    static double letterHeight(List<Word> words) {
        int[] heights = words.stream()
                .filter(word -> word.confidence() >= 60 && letters(word.text()) >= 2)
                .mapToInt(Word::height)
                .sorted()
                .toArray();
        if (heights.length == 0) {
            heights = words.stream().mapToInt(Word::height).sorted().toArray();
        }
        return heights.length == 0 ? 0 : heights[heights.length / 2];
    }

    /**
     * Whether a word is a mark on the page rather than a word of its text: a thin bar read as a letter ("Ï", "|" from
     * a border or a column rule), or a word Tesseract is unsure of that has no letter or digit, is written with letters
     * no Vietnamese word has ("I`šïš"), or is far smaller or larger than the page's letters (a rule read as "ion)", the
     * star under a body read as "s", a handwritten note).
     */
    static boolean isMark(Word word, double letter) {
        String text = word.text();
        if (text.codePointCount(0, text.length()) == 1
                && Character.isLetter(text.codePointAt(0))
                && (long) word.width() * BAR_RATIO < word.height()
                && word.height() >= 0.6 * letter) {
            return true;
        }
        if (text.codePoints().allMatch(c -> STRAY_SYMBOLS.indexOf(c) >= 0)) {
            return true;
        }
        if (word.confidence() >= UNSURE) {
            return false;
        }
        if (letters(text) + digits(text) == 0 || !vietnamese(text)) {
            return true;
        }
        return letter > 0 && (word.height() < 0.55 * letter || word.height() > 1.8 * letter);
    }

    private static List<List<Word>> lines(List<Word> words) {
        List<List<Word>> lines = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        Word previous = null;
        for (Word word : words) {
            if (previous != null && !sameLine(previous, word)) {
                lines.add(current);
                current = new ArrayList<>();
            }
            current.add(word);
            previous = word;
        }
        if (!current.isEmpty()) {
            lines.add(current);
        }
        return lines;
    }

    private static boolean sameLine(Word a, Word b) {
        return a.block() == b.block() && a.paragraph() == b.paragraph() && a.line() == b.line();
    }

    /**
     * The foot of a page in two columns, "Nơi nhận" and its list on the left, the signature block on the right (NĐ 30),
     * written column after column: Tesseract reads it row by row, so the position, the signature's remains and the
     * name, far below, come out among the list's items and cut it. From the line that starts with "Nơi nhận" on, a
     * part of a line that starts right of the middle between the list and the block beside it (or, with nothing beside
     * "Nơi nhận", of the page) belongs to the block; it is written after the list, in its own paragraph.
     */
    static List<List<Word>> footInColumns(List<List<Word>> lines, double letter) {
        int foot = -1;
        for (int i = lines.size() - 1; i >= 0 && foot < 0; i--) {
            List<Word> line = lines.get(i);
            if (line.size() >= 2
                    && isDistributionHead(line.get(0).text(), line.get(1).text())) {
                foot = i;
            }
        }
        if (foot < 0 || letter <= 0) {
            return lines;
        }
        List<Word> head = asDistributionHead(lines.get(foot));
        List<List<Word>> headSegments = segments(head, letter);
        int pageRight =
                lines.stream().flatMap(List::stream).mapToInt(Word::right).max().orElse(0);
        int left = head.get(0).left();
        int boundary = headSegments.size() > 1
                ? (left + headSegments.get(1).get(0).left()) / 2
                : Math.max(left + 1, pageRight / 2);
        List<List<Word>> ordered = new ArrayList<>(lines.subList(0, foot));
        List<List<Word>> block = new ArrayList<>();
        List<List<Word>> footLines = new ArrayList<>(lines.subList(foot, lines.size()));
        footLines.set(0, head);
        for (List<Word> line : footLines) {
            List<Word> list = new ArrayList<>();
            List<Word> beside = new ArrayList<>();
            for (List<Word> segment : segments(line, letter)) {
                (segment.get(0).left() >= boundary ? beside : list).addAll(segment);
            }
            if (!list.isEmpty()) {
                ordered.add(list);
            }
            if (!beside.isEmpty()) {
                block.add(beside);
            }
        }
        for (List<Word> line : block) {
            // Blocks of their own, so that the block is a paragraph apart from the list and keeps its own breaks.
            ordered.add(
                    line.stream().map(word -> word.inBlock(-1 - word.block())).toList());
        }
        return ordered;
    }

    /**
     * "Nơi nhận:" as its two first words, with or without their marks, and with a speck read into the first one
     * ("ắNới nhận:", a mark of the seal or the signature beside it glued to the word).
     */
    private static boolean isDistributionHead(String first, String second) {
        return pattern("\\S?n[oơ]i nh[aâ]n:?")
                .matcher(bare(first + " " + second))
                .matches();
    }

    /** A word's letters without their marks, in small letters ("Nới" → "noi", "Số:" → "so:"). */
    private static String bare(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * The foot's head written as printed, "Nơi nhận:", when Tesseract misread its marks or glued a speck to it: the
     * field rules find the list by these words.
     */
    private static List<Word> asDistributionHead(List<Word> head) {
        Word first = head.get(0);
        Word second = head.get(1);
        if (first.text().equals("Nơi") && second.text().startsWith("nhận")) {
            return head;
        }
        List<Word> written = new ArrayList<>(head);
        written.set(0, first.readAs("Nơi", first.confidence()));
        written.set(1, second.readAs(second.text().endsWith(":") ? "nhận:" : "nhận", second.confidence()));
        return written;
    }

    private static String write(List<List<Word>> lines, double letter, int margin) {
        StringBuilder text = new StringBuilder();
        Word previous = null;
        for (List<Word> line : lines) {
            StringBuilder written = new StringBuilder();
            Word before = null;
            List<List<Word>> segments = segments(line, letter);
            for (int s = 0; s < segments.size(); s++) {
                List<Word> segment = segments.get(s);
                if (isScribble(segment) || (s > 0 && isPunctuation(segment)) || isInMargin(segment, margin)) {
                    continue;
                }
                for (Word word : segment) {
                    if (before != null) {
                        written.append(word.left() - before.right() > COLUMN_GAP * letter ? COLUMN_SPACE : " ");
                    }
                    written.append(word.text());
                    before = word;
                }
            }
            if (written.isEmpty()) {
                continue;
            }
            if (previous != null) {
                Word first = line.get(0);
                boolean paragraph = previous.block() != first.block() || previous.paragraph() != first.paragraph();
                text.append(paragraph ? "\n\n" : "\n");
            }
            text.append(written);
            previous = line.get(line.size() - 1);
        }
        return text.append('\n').toString();
    }

    /** A line cut where the gap between two words is a column's. */
    private static List<List<Word>> segments(List<Word> line, double letter) {
        List<List<Word>> segments = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        for (Word word : line) {
            if (!current.isEmpty()
                    && word.left() - current.get(current.size() - 1).right() > COLUMN_GAP * letter) {
                segments.add(current);
                current = new ArrayList<>();
            }
            current.add(word);
        }
        if (!current.isEmpty()) {
            segments.add(current);
        }
        return segments;
    }

    /**
     * A segment of signs only ("-", "_", ":", a quotation mark) standing beside a column, not first on its line: a
     * speck or a rule's end between two columns or after one ("QUỐC GIA        -"), which would otherwise be read as
     * the start of a list or a line of its own. A star or a dash alone on its line is left to the field rules.
     */
    static boolean isPunctuation(List<Word> segment) {
        return segment.stream().allMatch(word -> letters(word.text()) + digits(word.text()) == 0);
    }

    /**
     * Whether a segment of a line is a scribble: letters but no word of two letters or more and no digit (single
     * letters standing apart, "E", "z", "Ầ", "Í ì", are what a handwritten note or a seal's edge becomes; text always
     * has a word of two letters or a number beside a lone letter), or a few letters and no digit that Tesseract is
     * unsure of ("lu è" beside "Kính gửi:", a note in the margin).
     */
    static boolean isScribble(List<Word> segment) {
        boolean word = false;
        int letters = 0;
        int digits = 0;
        double confidence = 0;
        for (Word each : segment) {
            int own = letters(each.text());
            word |= own >= 2;
            letters += own;
            digits += digits(each.text());
            confidence += each.confidence();
        }
        double mean = confidence / segment.size();
        if (letters + digits == 0) {
            return false;
        }
        if (!word && mean < SCRIBBLE_CONFIDENCE) {
            // Lone letters and digits Tesseract is unsure of (": k 1 F", "2,"): strokes of a note or a seal's edge,
            // which stood between two addressees of the real scan pa83 and ended the list.
            return true;
        }
        if (digits > 0) {
            return false;
        }
        return !word || (letters <= SCRIBBLE_LETTERS && mean < SCRIBBLE_CONFIDENCE);
    }

    private static int letters(String text) {
        return (int) text.codePoints().filter(Character::isLetter).count();
    }

    private static int digits(String text) {
        return (int) text.codePoints().filter(Character::isDigit).count();
    }

    /** Whether every letter of the word is one Vietnamese is written with (marks of other languages: "š", "ï"). */
    static boolean vietnamese(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.isLetter(c) && !((c >= 'a' && c <= 'z') || c == 'đ')) {
                return false;
            }
            if (Character.getType(c) == Character.NON_SPACING_MARK
                    && "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b".indexOf(c) < 0) {
                return false;
            }
        }
        return !Arrays.asList("`", "^", "~").stream().anyMatch(word::contains);
    }
}
