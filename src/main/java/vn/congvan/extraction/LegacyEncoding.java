package vn.congvan.extraction;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Text typed in the Vietnamese fonts of before Unicode, read as Unicode (ADR 0068). A document set in TCVN3 (ABC:
 * ".VnTime", and ".VnTimeH" whose glyphs are all capitals) or in VNI-Windows ("VNI-Times") stores its letters as
 * Latin-1 codes that only its font draws as Vietnamese: a PDF's text layer, a DOCX's or a .doc's runs and a text file
 * give "Ban Tuyªn gi¸o TØnh ñy" (TCVN3) or "Ban Tuyeân giaùo" (VNI). Where the file names the font, the font decides;
 * elsewhere each line is read as it is, as TCVN3 and as VNI, scored with {@link TextLayer}'s measures, and the
 * document's text is converted only when the legacy reading wins over the whole document. A line with a letter that
 * only Unicode has (ơ, ư, đ, ạ, ...) is never touched, so clean text and the Unicode body under a legacy header stay
 * as they are.
 */
final class LegacyEncoding {

    /** How a run of text is encoded. */
    enum Scheme {
        /** TCVN3 (TCVN 5712:1993, VN3) as the ".Vn" fonts draw it. */
        TCVN3,
        /** TCVN3 in a capitals font (".VnTimeH"): the codes of small letters are drawn as capitals. */
        TCVN3_CAPITALS,
        /** VNI-Windows: a base letter followed by the code of its marks. */
        VNI
    }

    /**
     * The least a document's score must gain from a legacy reading before it is converted: a word or two turned into
     * marked syllables. A text in French or German ("café", "Müller") gains nothing, since its words are no syllables
     * either way.
     */
    static final int MIN_GAIN = 4;

    private LegacyEncoding() {}

    /**
     * The scheme a font's name says, or {@code null} for a Unicode (or unknown) font. PDF names carry a subset prefix
     * ("ABCDEF+.VnTimeH") and a style (",Bold", "-Italic"); Word's carry neither.
     */
    static Scheme ofFont(String name) {
        if (name == null) {
            return null;
        }
        String font = name.strip();
        int subset = font.indexOf('+');
        if (subset == 6) {
            font = font.substring(subset + 1);
        }
        if (font.regionMatches(true, 0, "VNI-", 0, 4) || font.regionMatches(true, 0, "VNI ", 0, 4)) {
            return Scheme.VNI;
        }
        String family = font.startsWith(".") ? font.substring(1) : font;
        if (family.length() < 3 || !family.startsWith("Vn") || !Character.isUpperCase(family.charAt(2))) {
            return null;
        }
        int style = family.indexOf(',');
        if (style < 0) {
            style = family.indexOf('-');
        }
        String base = (style < 0 ? family : family.substring(0, style)).strip();
        return base.endsWith("H") ? Scheme.TCVN3_CAPITALS : Scheme.TCVN3;
    }

    /** The text of a run in a font of the given scheme, as Unicode. */
    static String decode(String text, Scheme scheme) {
        return switch (scheme) {
            case TCVN3 -> capitalWords(text, tcvn3(text));
            case TCVN3_CAPITALS -> tcvn3(text).toUpperCase(Locale.ROOT);
            case VNI -> vni(text);
        };
    }

    /**
     * A run whose font's name says its scheme, as Unicode decomposed: its tones and vowel marks are combining marks, so
     * that {@link #repair}, which reads every line that has one as Unicode already, does not read it a second time
     * with the lines no font name told ("Tô Lâm" read once more as TCVN3 would be "Tụ Lõm"). The caller composes the
     * text again once repaired. A run with a letter that only Unicode has (ơ, ư, đ, ạ, ...) is Unicode text whatever
     * its font says, and is kept as it is: converting it would turn its Latin-1 letters ("ô", "â") into others (ADR
     * 0067); repair never touches such a line either.
     */
    static String byFontName(String text, Scheme scheme) {
        return unicodeOnly(text) ? text : Normalizer.normalize(decode(text, scheme), Normalizer.Form.NFD);
    }

    /** The text with every line the document's legacy encoding wrote converted, or the text itself. */
    static String repair(String text) {
        return repair(text, Budget.unlimited());
    }

    /**
     * The same within the file's reading budget, checked at every line of both passes (ADR 0067, amendment of
     * 2026-12-01): a line costs in proportion to its length, so a text of 400,000 characters overruns its budget by
     * one line's work at most.
     *
     * @throws ExtractionLimitException when the budget is spent
     */
    static String repair(String text, Budget budget) {
        if (!hasLegacySigns(text)) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        int[][] points = new int[lines.length][];
        int tcvn3Gain = 0;
        int vniGain = 0;
        int words = 0;
        for (int i = 0; i < lines.length; i++) {
            budget.check();
            String line = lines[i];
            if (unicodeOnly(line) || !hasLegacySigns(line)) {
                continue;
            }
            TextLayer.Quality asIs = TextLayer.of(asWritten(line));
            TextLayer.Quality tcvn3 = TextLayer.of(decode(line, Scheme.TCVN3));
            TextLayer.Quality vni = TextLayer.of(vni(line));
            points[i] = new int[] {points(asIs), points(tcvn3), points(vni)};
            // The vote counts words that become syllables, not letters that stop being foreign: "Müller" read as
            // TCVN3 loses its "ü" and becomes no Vietnamese word for that.
            tcvn3Gain += words(tcvn3) - words(asIs);
            vniGain += words(vni) - words(asIs);
            words += asIs.words();
        }
        int least = Math.max(MIN_GAIN, words / 2);
        Scheme scheme;
        int column;
        if (tcvn3Gain >= least && tcvn3Gain >= vniGain) {
            scheme = Scheme.TCVN3;
            column = 1;
        } else if (vniGain >= least) {
            scheme = Scheme.VNI;
            column = 2;
        } else {
            return text;
        }
        // +1: the line reads better converted; -1: it reads better as it is, or has a letter only Unicode has; 0: it
        // reads as well either way ("Sè: 12" is a syllable as TCVN3 "Số" is, and so is Unicode "Tô Lâm" as "Tụ Lõm"),
        // or has no legacy code at all.
        int[] says = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            if (points[i] != null) {
                says[i] = Integer.signum(points[i][column] - points[i][0]);
            } else if (unicodeOnly(lines[i])) {
                says[i] = -1;
            }
        }
        int[] near = neighbours(says);
        StringBuilder repaired = new StringBuilder(text.length());
        int capitalsAbove = -1;
        for (int i = 0; i < lines.length; i++) {
            budget.check();
            if (i > 0) {
                repaired.append('\n');
            }
            boolean convert = points[i] != null && (says[i] > 0 || (says[i] == 0 && near[i] > 0));
            if (!convert) {
                repaired.append(lines[i]);
                capitalsAbove = -1;
                continue;
            }
            String line = decode(lines[i], scheme);
            if (scheme == Scheme.TCVN3) {
                // A line without figures where no word tells its case ("Vô" under "TM. BAN TH¦êNG", a cell's wrapped
                // "VỤ") goes on in the case of the line above; "Sè 65-CV" under a heading in capitals stays "Số".
                int tells = tells(lines[i]);
                if (tells < 0 && capitalsAbove == 1 && lines[i].chars().noneMatch(Character::isDigit)) {
                    line = line.toUpperCase(Locale.ROOT);
                }
                capitalsAbove = tells < 0 ? capitalsAbove : tells;
            }
            repaired.append(line);
        }
        return repaired.toString();
    }

    /**
     * The line as its writer meant it when it is Unicode: many Vietnamese texts write Đ with the Icelandic Ð (U+00D0,
     * ð U+00F0), which looks the same and which some keyboards and converters put. Scored as a foreign letter, it made
     * "Ðông Hà" read better as TCVN3 ("éụng Hà", D0 being TCVN3's é) and a page of such names was converted.
     */
    private static String asWritten(String line) {
        return line.replace('\u00D0', 'Đ').replace('\u00F0', 'đ');
    }

    /**
     * What the nearest line that tells says of each line that reads as well either way: the one above (a header cell
     * under its legacy heading, a name under a Unicode title), else the one below. Two passes, not a scan per line: a
     * file of 200,000 lines that tell nothing must not be read 200,000 times over (ADR 0067).
     */
    private static int[] neighbours(int[] says) {
        int[] near = new int[says.length];
        int below = 0;
        for (int i = says.length - 1; i >= 0; i--) {
            near[i] = below;
            below = says[i] != 0 ? says[i] : below;
        }
        int above = 0;
        for (int i = 0; i < says.length; i++) {
            if (above != 0) {
                near[i] = above;
            }
            above = says[i] != 0 ? says[i] : above;
        }
        return near;
    }

    /**
     * How Vietnamese a line reads, in words: two for a marked syllable, one for a plain syllable, minus one for a word
     * that is no syllable and three for a letter or sign no text has.
     */
    static int points(String text) {
        return points(TextLayer.of(text));
    }

    private static int points(TextLayer.Quality quality) {
        return words(quality) - 3 * (int) Math.round(quality.bad() * quality.signs());
    }

    /** Two for a marked syllable, one for a plain syllable, minus one for a word that is no syllable. */
    private static int words(TextLayer.Quality quality) {
        long syllables = Math.round(quality.syllables() * quality.words());
        long marked = Math.round(quality.marked() * syllables);
        return (int) (2 * marked + syllables - (quality.words() - syllables));
    }

    /** Whether the text has a code of the Latin-1 upper half, where both legacy encodings put their letters. */
    static boolean hasLegacySigns(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xA1 && c <= 0xFF) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the line has a letter that only Unicode writes: ă, đ, ĩ, ũ, ơ, ư and the letters with a tone of the
     * Latin Extended Additional block, or a combining tone. No legacy font's text read as Latin-1 has one.
     */
    static boolean unicodeOnly(CharSequence line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c >= 0x1EA0 && c <= 0x1EF9) || (c >= 0x0300 && c <= 0x0323) || "ĂăĐđĨĩŨũƠơƯư".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** TCVN3's codes as Unicode, code by code (the other characters are ASCII, the same in both). */
    static String tcvn3(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char letter = c >= TCVN3_FIRST && c <= 0xFF ? TCVN3_TABLE.charAt(c - TCVN3_FIRST) : ' ';
            out.append(letter == ' ' ? c : letter);
        }
        return out.toString();
    }

    /**
     * TCVN3 has codes for the capitals Ă Â Ê Ô Ơ Ư Đ only: a typist writes the others with the code of the small
     * letter and a capitals font or Caps Lock. A word whose Latin letters are all capitals ("CéNG" for "CỘNG", "ñY"
     * for "ỦY") is read as capitals; a word with a small Latin letter as written; a word whose only Latin letter is a
     * capital at its start ("Bé": "Bộ", or "BỘ" under Caps Lock) or that has none follows the nearest word that tells,
     * the one before it first, else one after it over spaces only.
     */
    /** The words of a TCVN3 line: start, end, and 1 capitals, 0 as written, -1 nothing told. */
    private static java.util.List<int[]> words(String encoded, String decoded) {
        java.util.List<int[]> words = new java.util.ArrayList<>();
        int i = 0;
        while (i < decoded.length()) {
            if (!Character.isLetter(decoded.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            int upper = 0;
            int lower = 0;
            while (end < decoded.length() && Character.isLetter(decoded.charAt(end))) {
                char original = encoded.charAt(end);
                if (isAsciiCapital(original)) {
                    upper++;
                } else if (original >= 'a' && original <= 'z') {
                    lower++;
                }
                end++;
            }
            boolean initialOnly = upper == 1 && isAsciiCapital(encoded.charAt(i));
            // A word of Latin letters only ("CV", "UBND", "Ban") is the same in every reading and tells nothing.
            boolean coded = !encoded.substring(i, end).equals(decoded.substring(i, end));
            int says = !coded ? -1 : lower > 0 ? 0 : upper > 0 && !initialOnly ? 1 : -1;
            words.add(new int[] {i, end, says});
            i = end;
        }
        return words;
    }

    /** What the last word of a TCVN3 line that tells its case says: 1 capitals, 0 as written, -1 none tells. */
    private static int tells(String encoded) {
        java.util.List<int[]> words = words(encoded, tcvn3(encoded));
        for (int w = words.size() - 1; w >= 0; w--) {
            if (words.get(w)[2] >= 0) {
                return words.get(w)[2];
            }
        }
        return -1;
    }

    static String capitalWords(String encoded, String decoded) {
        java.util.List<int[]> words = words(encoded, decoded);
        // What the nearest telling word before each word says, then after it over spaces only, each in one pass: a
        // line of 100,000 words that tell nothing ("Ban Ban ...") must not be scanned once per word (ADR 0067).
        int[] before = new int[words.size()];
        int told = -1;
        for (int w = 0; w < words.size(); w++) {
            before[w] = told;
            told = words.get(w)[2] >= 0 ? words.get(w)[2] : told;
        }
        int[] after = new int[words.size()];
        told = -1;
        for (int w = words.size() - 1; w >= 0; w--) {
            after[w] = told;
            int says = words.get(w)[2];
            // Ahead only over spaces: "Sè: 730/L§L§" is "Số", whatever case the notation after it has.
            boolean spaced = w == 0 || isBlank(decoded, words.get(w - 1)[1], words.get(w)[0]);
            told = !spaced ? -1 : says >= 0 ? says : told;
        }
        StringBuilder out = new StringBuilder(decoded);
        for (int w = 0; w < words.size(); w++) {
            int says = words.get(w)[2];
            says = says >= 0 ? says : before[w] >= 0 ? before[w] : after[w];
            if (says == 1) {
                int[] word = words.get(w);
                out.replace(
                        word[0], word[1], decoded.substring(word[0], word[1]).toUpperCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static final char TCVN3_FIRST = 0xA1;

    /**
     * The letters of codes A1 to FF, a space where TCVN3 has none: the table of the standard's VN3 set as the
     * converters of the time have it (ADR 0068 names the sources).
     */
    private static final String TCVN3_TABLE =
            // A1-AF: Ă Â Ê Ô Ơ Ư Đ ă â ê ô ơ ư đ, AF none
            "ĂÂÊÔƠƯĐăâêôơưđ "
                    // B0-BF: B0-B4 none, à ả ã á ạ, BA none, ằ ẳ ẵ ắ, BF none
                    + "     àảãáạ ằẳẵắ "
                    // C0-CF: C0-C5 none, ặ ầ ẩ ẫ ấ ậ è, CD none, ẻ ẽ
                    + "      ặầẩẫấậè ẻẽ"
                    // D0-DF: é ẹ ề ể ễ ế ệ ì ỉ, D9-DB none, ĩ í ị ò
                    + "éẹềểễếệìỉ   ĩíịò"
                    // E0-EF: E0 none, ỏ õ ó ọ ồ ổ ỗ ố ộ ờ ở ỡ ớ ợ ù
                    + " ỏõóọồổỗốộờởỡớợù"
                    // F0-FF: F0 none, ủ ũ ú ụ ừ ử ữ ứ ự ỳ ỷ ỹ ý ỵ, FF none
                    + " ủũúụừửữứựỳỷỹýỵ ";

    /** VNI's letters of one code: ĩ ị ỉ ỵ í ì (no base letter before them), ơ ư đ. */
    private static final Map<Character, Character> VNI_LETTERS = Map.ofEntries(
            Map.entry('ó', 'ĩ'),
            Map.entry('Ó', 'Ĩ'),
            Map.entry('ò', 'ị'),
            Map.entry('Ò', 'Ị'),
            Map.entry('æ', 'ỉ'),
            Map.entry('Æ', 'Ỉ'),
            Map.entry('î', 'ỵ'),
            Map.entry('Î', 'Ỵ'),
            Map.entry('í', 'í'),
            Map.entry('Í', 'Í'),
            Map.entry('ì', 'ì'),
            Map.entry('Ì', 'Ì'),
            Map.entry('ô', 'ơ'),
            Map.entry('Ô', 'Ơ'),
            Map.entry('ö', 'ư'),
            Map.entry('Ö', 'Ư'),
            Map.entry('ñ', 'đ'),
            Map.entry('Ñ', 'Đ'));

    /** VNI's marks after a base letter, small and capital, as the combining characters they stand for. */
    private static final Map<Character, String> VNI_MARKS = vniMarks();

    private static Map<Character, String> vniMarks() {
        String grave = "\u0300";
        String acute = "\u0301";
        String tilde = "\u0303";
        String hook = "\u0309";
        String dot = "\u0323";
        String circumflex = "\u0302";
        String breve = "\u0306";
        return Map.ofEntries(
                Map.entry('ø', grave),
                Map.entry('ù', acute),
                Map.entry('õ', tilde),
                Map.entry('û', hook),
                Map.entry('ï', dot),
                Map.entry('â', circumflex),
                Map.entry('à', circumflex + grave),
                Map.entry('á', circumflex + acute),
                Map.entry('ã', circumflex + tilde),
                Map.entry('å', circumflex + hook),
                Map.entry('ä', circumflex + dot),
                Map.entry('ê', breve),
                Map.entry('è', breve + grave),
                Map.entry('é', breve + acute),
                Map.entry('ü', breve + tilde),
                Map.entry('ú', breve + hook),
                Map.entry('ë', breve + dot));
    }

    /**
     * VNI's text as Unicode: a mark's code after a vowel that can bear it is composed with it ("aù" á, "eâ" ê, "oá"
     * ố, "aê" ă, "ôù" ớ); the letters of one code (ơ ư đ ĩ ị ỉ ỵ) are put for theirs; anything else stays.
     */
    static String vni(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String mark = VNI_MARKS.get(Character.toLowerCase(c));
            if (mark != null && !out.isEmpty() && bears(out.charAt(out.length() - 1), mark)) {
                char base = out.charAt(out.length() - 1);
                out.setLength(out.length() - 1);
                out.append(Normalizer.normalize(base + mark, Normalizer.Form.NFC));
                continue;
            }
            Character letter = VNI_LETTERS.get(c);
            out.append(letter == null ? c : letter);
        }
        return out.toString();
    }

    /** Whether a letter takes the marks: a tone on any vowel, the circumflex on a e o, the breve on a. */
    private static boolean bears(char base, String mark) {
        char lower = Character.toLowerCase(base);
        char first = mark.charAt(0);
        if (first == '\u0302') {
            return lower == 'a' || lower == 'e' || lower == 'o';
        }
        if (first == '\u0306') {
            return lower == 'a';
        }
        return "aeiouyơư".indexOf(lower) >= 0;
    }
}
