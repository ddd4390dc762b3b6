package vn.congvan.extraction;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether the text layer of a PDF says what its pages show (ADR 0058). A layer written by a scanner's failed
 * recognition or through a font whose Unicode mapping is broken still has letters, so the letters-per-page rule
 * (ADR 0046) takes it for text: "Cong van so" without diacritics, "Cng vn" with the marked vowels lost, "CÃ´ng vÄƒn"
 * (UTF-8 read as Windows-1252), private-use glyph codes, runs of "?" or boxes. It is told by its words: in Vietnamese
 * nearly every word is a syllable (an optional initial consonant, one to three vowels, an optional final) and most
 * syllables carry a diacritic; abbreviations ("UBND", "CV") and foreign words are a small share.
 */
final class TextLayer {

    /** Under this many words of two letters or more there is too little to judge, and the layer is taken as it is. */
    static final int MIN_WORDS = 20;

    /**
     * Under this share of words that are Vietnamese syllables the layer is garbled. The corpus's texts (headers full
     * of abbreviations and notations included) are at 0.84 or more; a layer with its marked vowels lost ("Cng vn")
     * or read in the wrong code page is under 0.5.
     */
    static final double MIN_SYLLABLES = 0.6;

    /**
     * Under this share of syllables with a diacritic (a tone, a vowel's mark or đ) the layer is Vietnamese without
     * its diacritics. The corpus's texts are at 0.69 or more; Vietnamese typed without them has none.
     */
    static final double MIN_MARKED = 0.3;

    /**
     * Over this share of characters that no text has (replacement characters, private-use codes, control
     * characters, boxes, a "?" inside a word) among the letters, the layer is glyph codes, not text. The corpus has
     * none.
     */
    static final double MAX_BAD = 0.02;

    /** Under this many letters and bad characters a layer of glyph codes (no words at all) is not judged either. */
    static final int MIN_SIGNS = 100;

    private TextLayer() {}

    /** The measures of a text and whether they make it garbled. */
    record Quality(int words, int signs, double syllables, double marked, double bad) {

        boolean garbled() {
            if (signs >= MIN_SIGNS && bad > MAX_BAD) {
                return true;
            }
            return words >= MIN_WORDS && (syllables < MIN_SYLLABLES || marked < MIN_MARKED || bad > MAX_BAD);
        }

        /**
         * How far the text is from a garbled one, 0 to 1: each measure counts as its share of the threshold's
         * distance from 0, so that of two readings of the same page the one that reads more like Vietnamese wins.
         */
        double score() {
            if (words == 0) {
                return 0;
            }
            double asSyllables = Math.min(1, syllables / 0.8);
            double asMarked = Math.min(1, marked / 0.5);
            double clean = Math.max(0, 1 - bad / (MAX_BAD * 5));
            return asSyllables * asMarked * clean;
        }

        /** Which measure failed, for the log. */
        String reason() {
            return String.format(
                    Locale.ROOT,
                    "%d words, %.0f %% syllables (min %.0f), %.0f %% marked (min %.0f), %.1f %% bad characters (max %.0f)",
                    words,
                    syllables * 100,
                    MIN_SYLLABLES * 100,
                    marked * 100,
                    MIN_MARKED * 100,
                    bad * 100,
                    MAX_BAD * 100);
        }
    }

    /**
     * How much of the start of a layer is judged on its own: the header band, the number, the date and the subject
     * are there, and a document whose header alone is set in a legacy font (TCVN3's ".VnTimeH", VNI) gives garbage
     * fields however clean its body is.
     */
    static final int HEAD = 400;

    /**
     * The measures of the whole layer, or of its start when that alone is garbled. A digital signature's stamp ("Ký
     * bởi: … Ngày ký: …") and the rest of the page furniture are left out first: the signing tool draws its stamp as
     * clean text over any page, a scan whose recognised layer lost its diacritics too, and on a one-page scan the
     * stamp alone lifts the share of marked syllables over {@link #MIN_MARKED} (ADR 0044, round 15). They are left out
     * as the field reader leaves them out ({@link FieldReader#stripped}), so that a PDF layer is stripped once for both.
     */
    static Quality judge(String layer) {
        return judgeStripped(FieldReader.stripped(layer));
    }

    /** As {@link #judge}, of a layer already stripped as the field reader reads it ({@link FieldReader#stripped}). */
    static Quality judgeStripped(String text) {
        Quality whole = of(text);
        if (whole.garbled() || text.length() <= HEAD) {
            return whole;
        }
        Quality head = of(text.substring(0, HEAD));
        return head.garbled() ? head : whole;
    }

    static Quality of(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC);
        int letters = 0;
        int bad = 0;
        int words = 0;
        int syllables = 0;
        int marked = 0;
        StringBuilder word = new StringBuilder();
        int previous = ' ';
        for (int i = 0; i < normal.length(); ) {
            int c = normal.codePointAt(i);
            i += Character.charCount(c);
            if (MOJIBAKE_LEADS.indexOf(previous) >= 0 && mojibakeTail(c)) {
                // The second byte of a UTF-8 sequence read as Windows-1252 or Latin-1: "Ã´", "Æ°", "á»".
                bad++;
            }
            if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                letters++;
                if (c >= 0x80 && Character.isLetter(c) && !vietnamese(c)) {
                    // A letter no Vietnamese word has: what a legacy font's code (TCVN3's "µ", "Ü", VNI's "ø", "ä")
                    // or a wrong code page ("Ä", "Æ") turns into.
                    bad++;
                }
                word.appendCodePoint(c);
            } else {
                if (bad(c, previous, i < normal.length() ? normal.codePointAt(i) : ' ')) {
                    bad++;
                }
                if (word.length() > 0) {
                    int kind = kind(word);
                    words += kind > 0 ? 1 : 0;
                    syllables += kind > 1 ? 1 : 0;
                    marked += kind > 2 ? 1 : 0;
                    word.setLength(0);
                }
            }
            previous = c;
        }
        if (word.length() > 0) {
            int kind = kind(word);
            words += kind > 0 ? 1 : 0;
            syllables += kind > 1 ? 1 : 0;
            marked += kind > 2 ? 1 : 0;
        }
        return new Quality(
                words,
                letters + bad,
                words == 0 ? 0 : (double) syllables / words,
                syllables == 0 ? 0 : (double) marked / syllables,
                letters + bad == 0 ? 0 : (double) bad / (letters + bad));
    }

    /**
     * A character no text layer has: a replacement character, a private-use code (a glyph's number passed off as a
     * character), a control character, a box drawn for a missing glyph, a "?" between letters ("C?ng").
     */
    private static boolean bad(int c, int previous, int next) {
        int type = Character.getType(c);
        if (c == 0xFFFD
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED) {
            return true;
        }
        if (type == Character.CONTROL) {
            return c != '\n' && c != '\r' && c != '\t' && c != '\f';
        }
        if (c >= 0x25A0 && c <= 0x25AF) {
            return true;
        }
        if (((c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7) && c != 0xAB && c != 0xBB && c != 0xB0) {
            // A sign of the Latin-1 block against a letter: a legacy font's letter ("x·", "§éc", "ph­¬ng") or the
            // second byte of UTF-8 read as Latin-1 ("Ã´"); quotes and the degree sign are left to real texts.
            return Character.isLetter(previous) || Character.isLetter(next);
        }
        return c == '?'
                && (Character.isLetter(previous) || previous == '?')
                && (Character.isLetter(next) || next == '?');
    }

    /** A letter of the Vietnamese alphabet: a Latin letter with only tone and vowel marks, or đ. */
    private static boolean vietnamese(int letter) {
        if (letter == 'đ' || letter == 'Đ') {
            return true;
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(letter)), Normalizer.Form.NFD);
        char base = Character.toLowerCase(decomposed.charAt(0));
        if (base < 'a' || base > 'z') {
            return false;
        }
        for (int i = 1; i < decomposed.length(); i++) {
            char mark = decomposed.charAt(i);
            if (TONES.indexOf(mark) < 0 && VOWEL_MARKS.indexOf(mark) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the lead byte of a Vietnamese letter's UTF-8 (C3, C4, C5, C6, E1) is when read as Windows-1252 or Latin-1.
     */
    private static final String MOJIBAKE_LEADS = "ÃÄÅÆá";

    /** A continuation byte (80 to BF) read as Windows-1252 or Latin-1: a sign, or a letter no Vietnamese word has. */
    private static boolean mojibakeTail(int c) {
        return (c >= 0x80 && c <= 0xBF) || "ŒœŠšŸŽžƒˆ˜‚„…†‡‰‹›•™€".indexOf(c) >= 0;
    }

    /**
     * Whether a word is a Vietnamese syllable, a lone vowel ("Y" of a Tây Nguyên name) included: "UBND", "MXN" are not.
     */
    static boolean syllable(String word) {
        return kind(word) >= 2 || (word.length() == 1 && "AEIOUYaeiouy".indexOf(word.charAt(0)) >= 0);
    }

    /**
     * 0: too short to count (one letter: "a)" of a list); 1: a word that is not a Vietnamese syllable; 2: a syllable
     * without diacritics; 3: a syllable with one.
     */
    private static int kind(CharSequence word) {
        if (word.codePoints().filter(Character::isLetter).count() < 2) {
            return 0;
        }
        String lower = word.toString().toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        boolean hasMark = lower.indexOf('đ') >= 0;
        StringBuilder base = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (TONES.indexOf(c) >= 0) {
                hasMark = true;
            } else {
                if (VOWEL_MARKS.indexOf(c) >= 0) {
                    hasMark = true;
                }
                base.append(c);
            }
        }
        String plain = Normalizer.normalize(base, Normalizer.Form.NFC);
        if (!SYLLABLE.matcher(plain).matches()) {
            return 1;
        }
        return hasMark ? 3 : 2;
    }

    /** The five tone marks, as combining characters: grave, acute, tilde, hook above, dot below. */
    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

    /** The marks that make a vowel of its own: circumflex (â ê ô), breve (ă), horn (ơ ư). */
    private static final String VOWEL_MARKS = "\u0302\u0306\u031B";

    /**
     * A Vietnamese syllable without its tone: an optional initial consonant, one to three vowels, an optional final.
     * Loose (it lets through some combinations the language does not have), since it only has to tell syllables from
     * runs of consonants and from letters no Vietnamese word has.
     */
    private static final Pattern SYLLABLE = Pattern.compile(
            "(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(ch|ng|nh|[cmnpt])?");
}
