package vn.congvan.extraction;

import static vn.congvan.extraction.Patterns.pattern;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Puts back the diacritics that Tesseract gets wrong in the vocabulary of administrative documents ("ĐẠO TẠO" for
 * "ĐÀO TẠO", "THÀNH PHÓ ĐÀ NÀNG", "GIÁM ĐÓC") and the digits it reads as letters in numbers ("COVID-I9", "Số: l15"),
 * in text recognised by OCR only (ADR 0059). A phrase of two words or more of {@code ocr-lexicon.txt} is matched by
 * its bare letters, so a lone word, often itself another valid word ("đạo", "phó"), is never changed; letters that
 * two phrases share are left as read.
 */
final class OcrLexicon {

    /** The longest phrase looked for, in words. */
    private static final int MAX_WORDS = 8;

    /** A phrase this long, or longer, is recognised with one vowel misread ("phòng, chẳng dịch"). */
    private static final int FUZZY_WORDS = 3;

    /** The vowels Tesseract takes for one another once their marks are wrong ("chống" read "chẳng"). */
    private static final String CONFUSED_VOWELS = "aeo";

    /**
     * What joins two words of any phrase: a few spaces or a line break; not the wide gap between two columns of a
     * header.
     */
    private static final Pattern SPACE = Pattern.compile("[ \\t]{1,3}|[ \\t]*\\r?\\n[ \\t]*");

    /**
     * A dash or dot stuck between two words ("NHÂN-DÂN", "hoạt.động"): a speck in any phrase, read as a space where the
     * phrase has no dash.
     */
    private static final Pattern STUCK = Pattern.compile("[-.]");

    /** A full stop and one space: a speck only between words in capitals (a heading, a signature's title). */
    private static final Pattern SPECK_BEFORE_SPACE = Pattern.compile("\\.[ \\t]");

    /** A comma, only where the phrase has one ("phòng, chống"): elsewhere it ends an item of a list. */
    private static final Pattern COMMA = Pattern.compile("[ \\t]{0,3},(?:[ \\t]{0,3}|[ \\t]*\\r?\\n[ \\t]*)");

    /** A dash between spaces, only where the phrase has one ("Độc lập - Tự do", "Bà Rịa - Vũng Tàu"). */
    private static final Pattern DASH = Pattern.compile("[ \\t]{0,3}[-–—][ \\t]{0,3}");

    /**
     * A number with a letter Tesseract puts for a digit: I or l for 1 (with a mark, "2Ì", when the 1 is a stamp's), O for 0, only among digits and standing alone
     * ("COVID-I9", "Số: l15", "2O20"); a code mixing other letters ("H5N1", "F0") is left alone.
     */
    private static final Pattern MISREAD_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?=[0-9IlOÌÍ]*[0-9])(?=[0-9IlOÌÍ]*[IlOÌÍ])[0-9IlOÌÍ]+(?![\\p{L}\\p{N}])");

    private static final Pattern TONES = Pattern.compile("[\\u0300\\u0301\\u0303\\u0309\\u0323]");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** What a province's or city's name follows: "TỈNH SƠN LA" read "TÍNH SƠN LA" is the phrase that decides it. */
    private static final List<String> BEFORE_NAMES = List.of("tỉnh", "thành phố");

    /**
     * A phrase of the lexicon; its words from {@code name} on are a proper name, matched only where written with a
     * capital (all of them for a name alone, none for a common phrase).
     */
    private record Entry(List<String> words, int name, String joints) {}

    /** Bare letters that more than one phrase (or a phrase and another valid one) have. */
    private static final Entry AMBIGUOUS = new Entry(List.of(), 0, "");

    private static final Map<String, Entry> BY_BARE_LETTERS = load();

    /** The bare first words of the phrases, so that most words of a text are passed over at once. */
    private static final Set<String> FIRST_WORDS = BY_BARE_LETTERS.keySet().stream()
            .map(key -> key.substring(0, key.indexOf(' ')))
            .collect(Collectors.toUnmodifiableSet());

    /**
     * The longest bare first word and the longest bare phrase: a misread vowel keeps the length, so a longer word or
     * run of words is no phrase, and is passed over before the vowels are tried one by one (which would copy a long
     * run of letters once for each of its vowels).
     */
    private static final int LONGEST_FIRST_WORD =
            FIRST_WORDS.stream().mapToInt(String::length).max().orElse(0);

    private static final int LONGEST_PHRASE =
            BY_BARE_LETTERS.keySet().stream().mapToInt(String::length).max().orElse(0);

    private OcrLexicon() {}

    /** The text with the lexicon's phrases and misread numbers put right; every other character as it was. */
    static String correct(String text) {
        return OcrNames.repaired(OcrTitles.repaired(phrases(diphthongs(numbers(subjectMark(text))))));
    }

    /**
     * A diphthong Tesseract read without its circumflex or horn while it kept the tone ("RIÈNG", "QUÓC", "TRƯÒNG"): in
     * Vietnamese "ie" before a final is always "iê" (but after "g", whose i is the consonant's: "gièm"), "quo" before a
     * final is "quô", and "ưo" is always "ươ", so a syllable spelled otherwise is no word and its lost mark is put back,
     * the tone kept ("RIỀNG", "QUỐC", "TRƯỜNG"; ADR 0078). Only a syllable with a tone: a word written without any mark
     * (a name in ASCII, "Internet") is left alone; "uo" after another consonant may be "uô" or "ươ" and stays.
     */
    private static final Pattern DIPHTHONG = Pattern.compile(
            "(?iu)(?<!\\p{L})\\p{L}*?(?:[iy][eéèẻẽẹ]|u[oóòỏõọ]|ư[oóòỏõọ])(?:ng|nh|ch|[nmtcpiu])?(?!\\p{L})");

    static String diphthongs(String text) {
        Matcher matcher = DIPHTHONG.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        boolean changed = false;
        while (matcher.find()) {
            String word = matcher.group();
            String mended = diphthong(word);
            changed |= !mended.equals(word);
            matcher.appendReplacement(out, Matcher.quoteReplacement(mended));
        }
        matcher.appendTail(out);
        return changed ? out.toString() : text;
    }

    /** The pair's second vowel in a decomposed word in small letters: the e of "ie"/"ye", the o of "uo"/"ưo". */
    private static final Pattern PAIR = Pattern.compile("[iy](e)|u(\u031B?)(o)");

    private static String diphthong(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        String lower = decomposed.toLowerCase(Locale.ROOT);
        Matcher pair = PAIR.matcher(lower);
        if (!pair.find()) {
            return word;
        }
        if (pair.group(1) != null && pair.start() > 0 && lower.charAt(pair.start() - 1) == 'g') {
            return word; // "gièm": the i is the consonant's, the vowel is a lone e
        }
        boolean horn = pair.group(2) != null && !pair.group(2).isEmpty();
        if (pair.group(3) != null && !horn && !(pair.start() > 0 && lower.charAt(pair.start() - 1) == 'q')) {
            return word; // "TRUÒNG" may be "TRƯỜNG" or "TRUỒNG": two marks lost, not one; after q only "uô" is a word
        }
        int vowel = pair.group(1) != null ? pair.start(1) : pair.start(3);
        String marks = TONES.matcher(lower.substring(vowel + 1)).replaceAll("");
        if (marks.startsWith("\u0302") || marks.startsWith("\u031B")) {
            return word; // the mark is there
        }
        boolean toned = TONES.matcher(decomposed).find();
        boolean hasFinal = !marks.isEmpty();
        char mark;
        if (horn) {
            mark = '\u031B'; // "ưo" is always "ươ", with a final or not ("người", "mười", "thuở")
        } else if (toned && hasFinal) {
            mark = '\u0302'; // "ie", "ye", "uo" before a final are "iê", "yê", "uô"
        } else {
            return word;
        }
        return Normalizer.normalize(new StringBuilder(decomposed).insert(vowel + 1, mark), Normalizer.Form.NFC);
    }

    /**
     * "V/v" at the start of a line, as Tesseract misreads its slash and small v at 150 to 300 dpi: "VÑ", "VW", "VN:",
     * "V/", "Vlv", "V1v" (real files printed and read back as scans). Only before a word in small letters or
     * capitalised, as a trích yếu goes on ("VÑ hướng dẫn thực hiện …", "V/ Ban hành …"), not before one in capitals
     * (a fifth section, "V/ TỔ CHỨC THỰC HIỆN"), and only among the text's first lines, where the subject stands under
     * the number; "VN" only before a word in small letters, since a line may open with the country's initials ("VN
     * Airlines").
     */
    private static final Pattern SUBJECT_MARK =
            Pattern.compile("(?m)^([ \\t]*[“\"]?)(?:(?:V[ÑñW]:?|V[/\\\\|lI1í][vyVY]:?|V/|W/?v)"
                    + "(?=[ \\t]+(?:\\p{Ll}|\\p{Lu}\\p{Ll}))|VN:?(?=[ \\t]+\\p{Ll}))");

    /** How many lines of a recognised text's start a misread "V/v" is looked for in. */
    private static final int SUBJECT_LINES = 60;

    static String subjectMark(String text) {
        int head = 0;
        for (int line = 0; line < SUBJECT_LINES && head >= 0; line++) {
            head = text.indexOf('\n', line == 0 ? 0 : head + 1);
        }
        Matcher matcher = SUBJECT_MARK.matcher(text).region(0, head < 0 ? text.length() : head);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (matcher.find()) {
            String mark = text.substring(matcher.end(1), matcher.end());
            if (!(mark.equals("V/v") || mark.equals("V/v:") || mark.equals("V/V"))) {
                // The colon printed after the mark is kept: "VN: hướng dẫn" was "V/v: hướng dẫn".
                out.append(text, copied, matcher.end(1)).append(mark.endsWith(":") ? "V/v:" : "V/v");
                copied = matcher.end();
            }
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * A stamped or handwritten 1 read as a bracket or a bar after the day's or the month's first digit ("ngày 2]
     * tháng 11", "tháng 1|"): only there, a day's first digit 0 to 3, a month's 0 or 1 ("tháng 3|" is March and a
     * speck); a bracket after a number
     * elsewhere closes a citation ("[12]") and stays (ADR 0078).
     */
    private static final Pattern DATE_ONE = Pattern.compile(
            "(?ium)(?:(?<=ngày[ \\t]{0,3})([0-3])|(?<=tháng[ \\t]{0,3})([01]))[\\]|](?=[ \\t]*+(?:tháng|năm|[/.,-]|$))");

    /**
     * "GD&ĐĐT", "KH&ĐĐT": Tesseract reads the Đ after an ampersand twice (real files printed and scanned, ADR 0078); no
     * abbreviation joined by "&" has two.
     */
    private static final Pattern DOUBLED_D = Pattern.compile("(?<=\\p{Lu}&)[ĐÐ]{2}(?=\\p{Lu})");

    /**
     * "(để b/c)", the distribution's "to report", read as "(đề b/e)", "(để be)", "(để bíc)", "(B/©)" on real scans: the
     * c's small bowl and the slash are what OCR loses; a bracket holding "để" and a b, or a b, a slash-like stroke and a
     * c-like letter, is that mark (ADR 0080). The b keeps its case.
     */
    private static final Pattern TO_REPORT = Pattern.compile(
            "\\((?:(?:để|đề|đê|đế)[ \\t]{1,2}([bB])[ \\t]?[/íìi1l|]?|([bB])[ \\t]?[/íìi1l|])[ \\t]?[ceé©€]\\)");

    static String toReport(String text) {
        if (text.indexOf('(') < 0) {
            return text;
        }
        return TO_REPORT
                .matcher(text)
                .replaceAll(
                        mark -> mark.group(1) != null ? "(để " + mark.group(1) + "/c)" : "(" + mark.group(2) + "/c)");
    }

    private static String numbers(String text) {
        text = toReport(text);
        text = DOUBLED_D
                .matcher(DATE_ONE.matcher(text)
                        .replaceAll(one -> (one.group(1) != null ? one.group(1) : one.group(2)) + "1"))
                .replaceAll("Đ");
        Matcher matcher = MISREAD_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String digits = matcher.group()
                    .replace('I', '1')
                    .replace('Ì', '1')
                    .replace('Í', '1')
                    .replace('l', '1')
                    .replace('O', '0');
            matcher.appendReplacement(out, digits);
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private record Word(int start, int end, String text, String bare) {}

    private static String phrases(String text) {
        List<Word> words = words(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            if (!mayStart(words.get(i).bare())) {
                i++;
                continue;
            }
            for (int n = Math.min(MAX_WORDS, words.size() - i); n >= 2 && matched == 0; n--) {
                if (!joined(text, words, i, n)) {
                    continue;
                }
                Entry entry = lookUp(words.subList(i, i + n));
                if (entry != null && fits(entry, words.subList(i, i + n)) && joinedAs(entry, text, words, i)) {
                    for (int k = 0; k < n; k++) {
                        Word word = words.get(i + k);
                        String between = text.substring(copied, word.start());
                        boolean stuck = k > 0
                                && entry.joints().charAt(k) != '-'
                                && joint(text, words.get(i + k - 1), word) == '.';
                        out.append(stuck ? " " : between);
                        out.append(spelled(word.text(), entry.words().get(k)));
                        copied = word.end();
                    }
                    matched = n;
                }
            }
            i += Math.max(1, matched);
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Whether a phrase may start with the word, as read or with one vowel misread. */
    private static boolean mayStart(String bare) {
        if (bare.length() > LONGEST_FIRST_WORD) {
            return false;
        }
        if (FIRST_WORDS.contains(bare)) {
            return true;
        }
        for (int at = 0; at < bare.length(); at++) {
            if (CONFUSED_VOWELS.indexOf(bare.charAt(at)) < 0) {
                continue;
            }
            for (char other : CONFUSED_VOWELS.toCharArray()) {
                if (FIRST_WORDS.contains(bare.substring(0, at) + other + bare.substring(at + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && letter(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                String word = text.substring(start, i);
                words.add(new Word(start, i, word, bare(word)));
            } else {
                i++;
            }
        }
        return words;
    }

    private static boolean letter(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** Whether words i to i+n-1 follow one another as the words of some phrase may. */
    private static boolean joined(String text, List<Word> words, int i, int n) {
        for (int k = i + 1; k < i + n; k++) {
            if (joint(text, words.get(k - 1), words.get(k)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the words from i are joined as the entry's are: a comma or a spaced dash only where it has one. */
    private static boolean joinedAs(Entry entry, String text, List<Word> words, int i) {
        for (int k = 1; k < entry.words().size(); k++) {
            char joint = joint(text, words.get(i + k - 1), words.get(i + k));
            if ((joint == ',' || joint == '-') && entry.joints().charAt(k) != joint) {
                return false;
            }
        }
        return true;
    }

    /**
     * What stands between two words of the text, as {@link #joint(String)} tells; also '.' for a full stop and a space
     * between two words in capitals ("BAN THƯỜNG. VỤ"): a speck, since no sentence ends inside a heading or a
     * signature's title.
     */
    private static char joint(String text, Word before, Word after) {
        String between = text.substring(before.end(), after.start());
        if (SPECK_BEFORE_SPACE.matcher(between).matches() && capitals(before.text()) && capitals(after.text())) {
            return '.';
        }
        return joint(between);
    }

    private static boolean capitals(String word) {
        return word.equals(word.toUpperCase(Locale.ROOT)) && !word.equals(word.toLowerCase(Locale.ROOT));
    }

    /** What stands between two words: ' ' spaces, '.' a stuck speck, ',' a comma, '-' a dash, 0 nothing of a phrase. */
    private static char joint(String between) {
        if (SPACE.matcher(between).matches()) {
            return ' ';
        }
        if (STUCK.matcher(between).matches()) {
            return '.';
        }
        if (COMMA.matcher(between).matches()) {
            return ',';
        }
        return DASH.matcher(between).matches() ? '-' : 0;
    }

    private static Entry lookUp(List<Word> words) {
        String key = String.join(" ", words.stream().map(Word::bare).toList());
        if (key.length() > LONGEST_PHRASE) {
            return null;
        }
        Entry exact = BY_BARE_LETTERS.get(key);
        if (exact != null || words.size() < FUZZY_WORDS) {
            return exact == AMBIGUOUS ? null : exact;
        }
        Entry found = null;
        for (int at = 0; at < key.length(); at++) {
            char c = key.charAt(at);
            if (CONFUSED_VOWELS.indexOf(c) < 0) {
                continue;
            }
            for (char other : CONFUSED_VOWELS.toCharArray()) {
                if (other == c) {
                    continue;
                }
                Entry entry = BY_BARE_LETTERS.get(key.substring(0, at) + other + key.substring(at + 1));
                if (entry == AMBIGUOUS || (entry != null && found != null && entry != found)) {
                    return null;
                }
                if (entry != null) {
                    found = entry;
                }
            }
        }
        return found;
    }

    /** A proper name is only a name where each word of it was read with a capital ("Đà Năng", not "đa năng"). */
    private static boolean fits(Entry entry, List<Word> words) {
        return words.subList(entry.name(), words.size()).stream()
                .allMatch(word -> Character.isUpperCase(word.text().charAt(0)));
    }

    /**
     * The lexicon's word in the case the text wrote it (ALL CAPS, Capitalised, small); the text's own word when it is
     * already the same, even with its tone on the other vowel ("Uỷ" for "Ủy", "hoà" for "hòa"), as old spelling has it.
     */
    private static String spelled(String read, String right) {
        if (sameSyllable(read, right)) {
            return read;
        }
        String letters = read.codePoints()
                .filter(Character::isLetter)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (letters.equals(letters.toUpperCase(Locale.ROOT))) {
            return right.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(read.charAt(0))) {
            return right.substring(0, 1).toUpperCase(Locale.ROOT) + right.substring(1);
        }
        return right;
    }

    private static boolean sameSyllable(String a, String b) {
        String da = Normalizer.normalize(a.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        String db = Normalizer.normalize(b.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return TONES.matcher(da).replaceAll("").equals(TONES.matcher(db).replaceAll(""))
                && tones(da).equals(tones(db));
    }

    /** The tone marks of a decomposed word, in order (a syllable bears one at most). */
    static String tones(String decomposed) {
        StringBuilder tones = new StringBuilder();
        Matcher matcher = TONES.matcher(decomposed);
        while (matcher.find()) {
            tones.append(matcher.group());
        }
        return tones.toString();
    }

    /** A word's letters without their marks, small, đ as d (and Ð, which Tesseract sometimes puts for Đ). */
    static String bare(String word) {
        String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('ð', 'd');
    }

    private static void add(Map<String, Entry> entries, List<String> words, int name, String joints) {
        String key = bare(String.join(" ", words));
        Entry known = entries.get(key);
        entries.put(
                key,
                known == null || known.words().equals(words) ? new Entry(List.copyOf(words), name, joints) : AMBIGUOUS);
    }

    /**
     * For each word of a line of the lexicon, what stands before it: ' ' a space, ',' a comma ("phòng, chống"), '-' a
     * dash ("độc lập - tự do").
     */
    private static String joints(String line) {
        StringBuilder joints = new StringBuilder();
        char joint = ' ';
        for (String token : pattern(" +").split(line)) {
            if ("-".equals(token)) {
                joint = '-';
                continue;
            }
            joints.append(joint);
            joint = token.endsWith(",") ? ',' : ' ';
        }
        return joints.toString();
    }

    private static Map<String, Entry> load() {
        Map<String, Entry> entries = new HashMap<>();
        List<String> alsoValid = new ArrayList<>();
        try (InputStream in = OcrLexicon.class.getResourceAsStream("ocr-lexicon.txt")) {
            if (in == null) {
                throw new IllegalStateException("ocr-lexicon.txt is missing beside OcrLexicon");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                read(reader, entries, alsoValid);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String phrase : alsoValid) {
            entries.computeIfPresent(bare(phrase), (key, entry) -> AMBIGUOUS);
        }
        return Map.copyOf(entries);
    }

    private static void read(BufferedReader reader, Map<String, Entry> entries, List<String> alsoValid)
            throws IOException {
        String section = "";
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            line = Normalizer.normalize(line.strip(), Normalizer.Form.NFC);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = line;
                continue;
            }
            List<String> words = List.of(pattern(" +").split(line)).stream()
                    .filter(word -> !"-".equals(word))
                    .map(word -> word.endsWith(",") ? word.substring(0, word.length() - 1) : word)
                    .toList();
            String joints = joints(line);
            if (words.size() < 2 || words.size() > MAX_WORDS) {
                throw new IllegalStateException("ocr-lexicon.txt: not 2 to " + MAX_WORDS + " words: " + line);
            }
            if ("[also-valid]".equals(section)) {
                alsoValid.add(line);
                continue;
            }
            if ("[capitals]".equals(section)) {
                // A body's head word before its field: only in a heading's capitals, since its bare letters are
                // those of "sơ" and "số" in a sentence ("hồ sơ y tế", "chỉ số tài chính").
                add(entries, words, 0, joints);
            } else if ("[names]".equals(section)) {
                add(entries, words, 0, joints);
                for (String before : BEFORE_NAMES) {
                    List<String> named = new ArrayList<>(List.of(before.split(" ")));
                    int name = named.size();
                    named.addAll(words);
                    add(entries, named, name, joints(before + " " + line));
                }
            } else {
                add(entries, words, words.size(), joints);
            }
        }
    }
}
