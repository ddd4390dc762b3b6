package vn.congvan.extraction;

import java.text.Normalizer;

/**
 * Repairs what some fonts of real PDFs printed from Word put in their text layer (ADR 0058, amendment 2026-12-01): the
 * letters Ư and ư mapped to Ƣ and ƣ (U+01A2, U+01A3, "OI", never Vietnamese), and a tone mark drawn as a separate
 * glyph after the wrong letter ("thưc̣" for "thực", "daỵ" for "dạy"). A tone mark never sits on a consonant, nor on the
 * second vowel of a falling pair (ao, ai, au, ay, eo, oi, ui, ưu, iu, êu, …); it is moved back to the vowel that
 * carries it. The text comes back composed (NFC).
 */
final class MisplacedMarks {

    private MisplacedMarks() {}

    static String repair(String text) {
        String mapped = text.replace('\u01A2', '\u01AF').replace('\u01A3', '\u01B0');
        String decomposed = Normalizer.normalize(mapped, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (isTone(c)) {
                int at = target(out);
                if (at >= 0) {
                    out.insert(at, c);
                    continue;
                }
            }
            out.append(c);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * Where in {@code out} a tone mark just read belongs, or -1 to leave it where it is: after the last vowel (and its
     * shape marks) of the word when it follows a consonant, after the first vowel of a falling pair when it follows the
     * second.
     */
    private static int target(StringBuilder out) {
        int end = out.length();
        int previous = skipShapes(out, end - 1);
        if (previous < 0 || hasTone(out, previous)) {
            return -1;
        }
        char letter = Character.toLowerCase(out.charAt(previous));
        if (isConsonant(letter)) {
            for (int j = previous - 1; j >= 0 && isWordChar(out.charAt(j)); j--) {
                char candidate = out.charAt(j);
                if (isTone(candidate)) {
                    return -1; // the word has its tone already
                }
                if (isVowel(Character.toLowerCase(candidate))) {
                    return afterShapes(out, j);
                }
            }
            return -1;
        }
        if (isVowel(letter)) {
            int first = skipShapes(out, previous - 1);
            if (first < 0 || hasTone(out, first)) {
                return -1;
            }
            char vowel = Character.toLowerCase(out.charAt(first));
            if (!isVowel(vowel) || !falling(vowel, letter)) {
                return -1;
            }
            char before = first > 0 ? Character.toLowerCase(out.charAt(first - 1)) : ' ';
            if ((vowel == 'u' && before == 'q') || (vowel == 'i' && before == 'g')) {
                return -1; // "qu", "gi": the u or i belongs to the consonant
            }
            return afterShapes(out, first);
        }
        return -1;
    }

    private static boolean falling(char first, char second) {
        return switch (first) {
            case 'a' -> second == 'o' || second == 'i' || second == 'u' || second == 'y';
            case 'e' -> second == 'o' || second == 'u';
            case 'o', 'u' -> second == 'i' || second == 'u';
            case 'i' -> second == 'u';
            default -> false;
        };
    }

    /** Index of the base letter at or before {@code index}, over shape marks (circumflex, breve, horn). */
    private static int skipShapes(CharSequence out, int index) {
        int j = index;
        while (j >= 0 && isShape(out.charAt(j))) {
            j--;
        }
        return j >= 0 && Character.isLetter(out.charAt(j)) ? j : -1;
    }

    private static int afterShapes(CharSequence out, int letter) {
        int j = letter + 1;
        while (j < out.length() && isShape(out.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean hasTone(CharSequence out, int letter) {
        int j = letter + 1;
        while (j < out.length() && (isShape(out.charAt(j)) || isTone(out.charAt(j)))) {
            if (isTone(out.charAt(j))) {
                return true;
            }
            j++;
        }
        return false;
    }

    private static boolean isTone(char c) {
        return c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
    }

    private static boolean isShape(char c) {
        return c == '\u0302' || c == '\u0306' || c == '\u031B';
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    private static boolean isConsonant(char c) {
        return "bcdđghklmnpqrstvx".indexOf(c) >= 0;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || isShape(c) || isTone(c);
    }
}
