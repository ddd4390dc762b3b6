package vn.congvan.extraction;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Unicode text written as a typist of the time would in a legacy font (ADR 0068): TCVN3 with the small letters' codes
 * for the capitals it has no code for (drawn as capitals by ".VnTimeH" or typed under Caps Lock), and VNI-Windows
 * with a base letter followed by its marks' code. Written from the tables of the standard, not from
 * {@link LegacyEncoding}, so that a wrong code in either fails the round trip.
 */
final class LegacyFonts {

    private LegacyFonts() {}

    private static final String TCVN3_LETTERS =
            "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";

    private static final int[] TCVN3_CODES = {
        0xA1,
        0xA2,
        0xA3,
        0xA4,
        0xA5,
        0xA6,
        0xA7,
        0xA8,
        0xA9,
        0xAA,
        0xAB,
        0xAC,
        0xAD,
        0xAE, // Ă … đ
        0xB5,
        0xB6,
        0xB7,
        0xB8,
        0xB9, // à ả ã á ạ
        0xBB,
        0xBC,
        0xBD,
        0xBE,
        0xC6, // ằ ẳ ẵ ắ ặ
        0xC7,
        0xC8,
        0xC9,
        0xCA,
        0xCB, // ầ ẩ ẫ ấ ậ
        0xCC,
        0xCE,
        0xCF,
        0xD0,
        0xD1, // è ẻ ẽ é ẹ
        0xD2,
        0xD3,
        0xD4,
        0xD5,
        0xD6, // ề ể ễ ế ệ
        0xD7,
        0xD8,
        0xDC,
        0xDD,
        0xDE, // ì ỉ ĩ í ị
        0xDF,
        0xE1,
        0xE2,
        0xE3,
        0xE4, // ò ỏ õ ó ọ
        0xE5,
        0xE6,
        0xE7,
        0xE8,
        0xE9, // ồ ổ ỗ ố ộ
        0xEA,
        0xEB,
        0xEC,
        0xED,
        0xEE, // ờ ở ỡ ớ ợ
        0xEF,
        0xF1,
        0xF2,
        0xF3,
        0xF4, // ù ủ ũ ú ụ
        0xF5,
        0xF6,
        0xF7,
        0xF8,
        0xF9, // ừ ử ữ ứ ự
        0xFA,
        0xFB,
        0xFC,
        0xFD,
        0xFE // ỳ ỷ ỹ ý ỵ
    };

    private static final Map<Character, Character> TCVN3 = tcvn3();

    private static Map<Character, Character> tcvn3() {
        if (TCVN3_LETTERS.length() != TCVN3_CODES.length) {
            throw new IllegalStateException(TCVN3_LETTERS.length() + " letters, " + TCVN3_CODES.length + " codes");
        }
        Map<Character, Character> codes = new HashMap<>();
        for (int i = 0; i < TCVN3_CODES.length; i++) {
            codes.put(TCVN3_LETTERS.charAt(i), (char) TCVN3_CODES[i]);
        }
        return codes;
    }

    /** Every letter of the Vietnamese alphabet with every tone it takes, small letters then capitals. */
    static String alphabet() {
        StringBuilder letters = new StringBuilder("đĐ");
        String[] tones = {"", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"};
        for (String vowel : new String[] {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"}) {
            for (String tone : tones) {
                String small = Normalizer.normalize(vowel + tone, Normalizer.Form.NFC);
                letters.append(small).append(small.toUpperCase(Locale.ROOT));
            }
        }
        return letters.toString();
    }

    /** TCVN3 as typed: a capital without a code of its own is written with its small letter's code. */
    static String tcvn3(String unicode) {
        String text = Normalizer.normalize(unicode, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Character code = TCVN3.get(c);
            if (code == null) {
                code = TCVN3.get(Character.toLowerCase(c));
            }
            out.append(code == null ? c : code);
        }
        return out.toString();
    }

    /** VNI-Windows: the base letter, then the code of its vowel mark and tone; ơ ư đ ĩ ị ỉ ỵ í ì of one code. */
    static String vni(String unicode) {
        String text = Normalizer.normalize(unicode, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean upper = Character.isUpperCase(c);
            String decomposed = Normalizer.normalize(String.valueOf(Character.toLowerCase(c)), Normalizer.Form.NFD);
            char base = decomposed.charAt(0);
            String marks = decomposed.substring(1);
            if (c == 'đ' || c == 'Đ') {
                out.append(upper ? 'Ñ' : 'ñ');
                continue;
            }
            if (marks.isEmpty() || base < 'a' || base > 'z' || !Character.isLetter(c)) {
                out.append(c);
                continue;
            }
            String tone = marks.replaceAll("[\u0302\u0306\u031B]", "");
            String shape = marks.replaceAll("[\u0300\u0301\u0303\u0309\u0323]", "");
            String single = null;
            if (base == 'i') {
                single = switch (tone) {
                    case "\u0300" -> "ì";
                    case "\u0301" -> "í";
                    case "\u0309" -> "æ";
                    case "\u0303" -> "ó";
                    case "\u0323" -> "ò";
                    default -> null;
                };
            } else if (base == 'y' && tone.equals("\u0323")) {
                single = "î";
            }
            if (single != null) {
                out.append(upper ? single.toUpperCase(Locale.ROOT) : single);
                continue;
            }
            String code;
            if (shape.equals("\u031B")) {
                out.append(cased(base == 'o' ? "ô" : "ö", upper));
                code = toneCode(tone, "", "ø", "ù", "õ", "û", "ï");
            } else if (shape.equals("\u0302")) {
                out.append(cased(String.valueOf(base), upper));
                code = toneCode(tone, "â", "à", "á", "ã", "å", "ä");
            } else if (shape.equals("\u0306")) {
                out.append(cased(String.valueOf(base), upper));
                code = toneCode(tone, "ê", "è", "é", "ü", "ú", "ë");
            } else {
                out.append(cased(String.valueOf(base), upper));
                code = toneCode(tone, "", "ø", "ù", "õ", "û", "ï");
            }
            out.append(cased(code, upper));
        }
        return out.toString();
    }

    private static String toneCode(
            String tone, String none, String grave, String acute, String tilde, String hook, String dot) {
        return switch (tone) {
            case "\u0300" -> grave;
            case "\u0301" -> acute;
            case "\u0303" -> tilde;
            case "\u0309" -> hook;
            case "\u0323" -> dot;
            default -> none;
        };
    }

    private static String cased(String text, boolean upper) {
        return upper ? text.toUpperCase(Locale.ROOT) : text;
    }
}
