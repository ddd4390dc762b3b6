package vn.congvan.extraction;

import static vn.congvan.extraction.Patterns.pattern;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The name of an issuing body as the register writes it, from the capitals a heading prints it in (Phụ lục II of
 * NĐ 30/2020 on capitals): "BAN TUYÊN GIÁO QUẬN ỦY QUẬN 1" is "Ban Tuyên giáo Quận ủy Quận 1", "ỦY BAN NHÂN DÂN TỈNH
 * QUẢNG NAM" is "Ủy ban nhân dân tỉnh Quảng Nam". One general rule rather than a list of bodies: the word for the kind
 * of body and the first word of its field take a capital ("Sở Giáo dục và Đào tạo", "Ủy ban Kiểm tra"), "nhân dân" and
 * the rest of a field do not; the word for a tier of administration (tỉnh, huyện, phường) does not, the place after it
 * does in every word, and the tier takes a capital before a number ("Quận 1") or in "Thành phố Hồ Chí Minh"; a Party
 * committee (Thành ủy, Quận ủy) is a proper name wherever it stands; a few proper names keep their capitals (Việt Nam,
 * Trung ương, Quốc hội); a word that is no Vietnamese syllable is an abbreviation and stays as printed (UBND, MTTQ).
 * Only the letters' case changes: the printed letters (old "UỶ" or new "ỦY" tone placement) are kept.
 */
public final class BodyNameCase {

    private BodyNameCase() {}

    /** Old and new tone placement compare the same ("uỷ" is "ủy", "hoà" is "hòa"). */
    private static final Map<String, String> OLD_TONES = Map.ofEntries(
            Map.entry("uỷ", "ủy"),
            Map.entry("uý", "úy"),
            Map.entry("uỳ", "ùy"),
            Map.entry("uỹ", "ũy"),
            Map.entry("uỵ", "ụy"),
            Map.entry("oà", "òa"),
            Map.entry("oá", "óa"),
            Map.entry("oả", "ỏa"),
            Map.entry("oã", "õa"),
            Map.entry("oạ", "ọa"));

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** Upper (true) or lower (false) first letter for each syllable of a phrase, by its comparison key. */
    private record Phrase(List<String> keys, boolean[] capitals) {}

    /** Words for a kind of body: after one, the next word starts the field's name and takes a capital. */
    private static final List<Phrase> KINDS = phrases(
            "Ban",
            "Bộ",
            "Sở",
            "Cục",
            "Chi cục",
            "Tổng cục",
            "Vụ",
            "Viện",
            "Học viện",
            "Phòng",
            "Văn phòng",
            "Ủy ban",
            "Hội đồng",
            "Hội",
            "Hội Liên hiệp",
            "Liên hiệp",
            "Liên đoàn",
            "Tổng Liên đoàn",
            "Đoàn",
            "Đảng đoàn",
            "Đội",
            "Công đoàn",
            "Trung tâm",
            "Trường",
            "Trường Đại học",
            "Trường Cao đẳng",
            "Đại học",
            "BCH",
            "Tiểu ban",
            "Tòa án",
            "Tòa án nhân dân",
            "Viện kiểm sát",
            "Viện kiểm sát nhân dân",
            "Công an",
            "Đảng bộ",
            "Chi bộ",
            "Mặt trận",
            "Kho bạc",
            "Bảo hiểm",
            "Ngân hàng",
            "Bệnh viện",
            "Tập đoàn",
            "Tổng công ty",
            "Công ty",
            "Hợp tác xã",
            "Câu lạc bộ");

    /** Party committees and the like: proper names wherever they stand, followed by the place they are of. */
    private static final List<Phrase> COMMITTEES =
            phrases("Tỉnh ủy", "Thành ủy", "Quận ủy", "Huyện ủy", "Thị ủy", "Đảng ủy", "Thành đoàn", "Tỉnh đoàn");

    /** Tiers of administration: lower case before the place's name, which takes a capital in every word. */
    private static final List<Phrase> TIERS =
            phrases("tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn", "thủ đô");

    /** Names with capitals of their own wherever they stand; the longest is tried first. */
    private static final List<Phrase> PROPER = phrases(
            "Việt Nam",
            "Trung ương",
            "Quốc hội",
            "Chính phủ",
            "Nhà nước",
            "Tổ quốc",
            "Cộng sản",
            "Đảng",
            "Hồ Chí Minh",
            "Thành phố Hồ Chí Minh",
            "Thủ đô Hà Nội",
            // Provinces, centrally run cities and the larger cities: a place's name wherever it stands in a body's
            // name ("Đảng bộ Đại học Thái Nguyên", "Trường Đại học Vinh"), not only after a tier.
            "An Giang",
            "Bà Rịa - Vũng Tàu",
            "Bà Rịa",
            "Vũng Tàu",
            "Bạc Liêu",
            "Bắc Giang",
            "Bắc Kạn",
            "Bắc Ninh",
            "Bến Tre",
            "Bình Dương",
            "Bình Định",
            "Bình Phước",
            "Bình Thuận",
            "Cà Mau",
            "Cao Bằng",
            "Cần Thơ",
            "Đà Nẵng",
            "Đắk Lắk",
            "Đắk Nông",
            "Điện Biên",
            "Đồng Nai",
            "Đồng Tháp",
            "Gia Lai",
            "Hà Giang",
            "Hà Nam",
            "Hà Nội",
            "Hà Tĩnh",
            "Hải Dương",
            "Hải Phòng",
            "Hậu Giang",
            "Hòa Bình",
            "Hưng Yên",
            "Khánh Hòa",
            "Kiên Giang",
            "Kon Tum",
            "Lai Châu",
            "Lạng Sơn",
            "Lào Cai",
            "Lâm Đồng",
            "Long An",
            "Nam Định",
            "Nghệ An",
            "Ninh Bình",
            "Ninh Thuận",
            "Phú Thọ",
            "Phú Yên",
            "Quảng Bình",
            "Quảng Nam",
            "Quảng Ngãi",
            "Quảng Ninh",
            "Quảng Trị",
            "Sóc Trăng",
            "Sơn La",
            "Tây Ninh",
            "Thái Bình",
            "Thái Nguyên",
            "Thanh Hóa",
            "Thừa Thiên Huế",
            "Huế",
            "Tiền Giang",
            "Trà Vinh",
            "Tuyên Quang",
            "Vĩnh Long",
            "Vĩnh Phúc",
            "Yên Bái",
            "Vinh",
            "Đà Lạt",
            "Nha Trang",
            "Biên Hòa",
            "Buôn Ma Thuột",
            "Quy Nhơn",
            "Hạ Long",
            "Thủ Đức",
            "Mỹ Tho",
            "Rạch Giá",
            "Long Xuyên",
            "Việt Trì",
            "Phan Thiết",
            "Tuy Hòa",
            "Đồng Hới",
            "Đông Hà",
            "Hội An",
            "Cao Lãnh",
            "Thủ Dầu Một",
            "Móng Cái",
            "Sầm Sơn",
            "Cẩm Phả",
            "Uông Bí");

    /** Words that look like a tier but are not one here ("Lao động - Thương binh và Xã hội"). */
    private static final List<Phrase> NOT_TIERS = phrases("xã hội", "thành phố trực thuộc");

    /** "TP. Hải Phòng", "TX. Đồng Xoài": the tier abbreviated stays as printed, the place after it is a name. */
    private static final java.util.Set<String> TIER_ABBREVIATIONS = java.util.Set.of("tp", "tx", "tt");

    /** A dash (hyphen, en dash) with a letter on each side. */
    private static final Pattern DASH_BETWEEN_LETTERS = Pattern.compile("(?<=\\p{L})[-–](?=\\p{L})");

    /** The tone marks, not the vowel marks (â, ă, ơ, ư, ê, ô keep theirs) nor đ. */
    private static final Pattern TONES = Pattern.compile("[\u0300\u0301\u0303\u0309\u0323]");

    /** A Vietnamese syllable without its tone; anything else (UBND, MTTQ, HĐND, TP) is an abbreviation. */
    private static final Pattern SYLLABLE = Pattern.compile(
            "(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]{1,3}(ch|ng|nh|[cmnptk])?");

    private enum Next {
        /** The first word of the name. */
        START,
        /** The first word of a field after the kind of body: a capital, unless "nhân dân". */
        FIELD_START,
        /** The rest of a field: lower case. */
        FIELD,
        /** A place's name: a capital in every word. */
        PLACE
    }

    /**
     * The longest name written in the register's case: the longest body's name with its parent's is under 200
     * characters. A longer text (a form's field, a request's parameter) is no name and is given back as printed: the
     * phrases are looked for at every word, which is not worth doing for a page of words.
     */
    static final int MAX_NAME = 500;

    /** The name in the register's case; null, blank and what is longer than {@link #MAX_NAME} as given. */
    public static String of(String printed) {
        if (printed == null || printed.isBlank() || printed.length() > MAX_NAME) {
            return printed;
        }
        List<String> split = new ArrayList<>();
        List<Boolean> joined = new ArrayList<>();
        for (String word : pattern("\\s+").split(Normalizer.normalize(printed.strip(), Normalizer.Form.NFC))) {
            // "BÀ RỊA-VŨNG TÀU", "GIÁO DỤC-ĐÀO TẠO": each side of a dash between letters is a word of its own, written
            // back without spaces.
            Matcher dash = DASH_BETWEEN_LETTERS.matcher(word);
            int from = 0;
            while (dash.find()) {
                split.add(word.substring(from, dash.start()));
                joined.add(from > 0);
                split.add(dash.group());
                joined.add(true);
                from = dash.end();
            }
            split.add(word.substring(from));
            joined.add(from > 0);
        }
        String[] words = split.toArray(String[]::new);
        boolean[] glued = new boolean[words.length];
        for (int j = 0; j < glued.length; j++) {
            glued[j] = joined.get(j);
        }
        List<String> keys = new ArrayList<>();
        for (String word : words) {
            keys.add(key(word));
        }
        StringBuilder out = new StringBuilder();
        Next next = Next.START;
        int i = 0;
        while (i < words.length) {
            Phrase phrase;
            if ((phrase = at(COMMITTEES, keys, i)) != null) {
                i = write(out, words, glued, i, phrase.capitals());
                next = Next.PLACE;
            } else if (next == Next.PLACE
                    && (phrase = at(KINDS, keys, i)) != null
                    && phrase.keys().size() > 1) {
                // "Đảng ủy Trường Đại học Vinh": the body a committee is of is written as a body, then its name.
                i = write(out, words, glued, i, phrase.capitals());
            } else if (next == Next.START && (phrase = at(KINDS, keys, i)) != null) {
                i = write(out, words, glued, i, phrase.capitals());
                next = Next.FIELD_START;
            } else if ((phrase = at(PROPER, keys, i)) != null) {
                i = write(out, words, glued, i, phrase.capitals());
                next = next == Next.PLACE ? Next.PLACE : Next.FIELD;
            } else if (at(NOT_TIERS, keys, i) == null && (phrase = at(TIERS, keys, i)) != null) {
                int after = i + phrase.keys().size();
                boolean numbered = after < words.length && Character.isDigit(words[after].charAt(0));
                boolean capital = next == Next.START || numbered;
                boolean[] capitals = new boolean[phrase.keys().size()];
                capitals[0] = capital;
                i = write(out, words, glued, i, capitals);
                next = Next.PLACE;
            } else if (next == Next.FIELD_START && at(PEOPLE, keys, i) != null) {
                i = write(out, words, glued, i, new boolean[] {false, false});
                next = Next.FIELD;
            } else {
                String key = keys.get(i);
                boolean joiner = key.equals("và") || !hasLetter(key);
                if (joiner) {
                    append(out, words[i], glued[i], Case.LOWER);
                    if (!key.equals("và") && at(KINDS, keys, i + 1) != null) {
                        // "Bộ Văn hóa - Thông tin - Bộ Y tế": a joint heading's second body.
                        next = Next.START;
                    } else if (next == Next.FIELD) {
                        // "Giáo dục và Đào tạo", "Thi đua - Khen thưởng": the field after the joiner starts again.
                        next = Next.FIELD_START;
                    }
                } else if (!syllable(key)) {
                    append(out, words[i], glued[i], Case.AS_PRINTED);
                    if (TIER_ABBREVIATIONS.contains(key)) {
                        next = Next.PLACE;
                    } else if (next == Next.START || next == Next.FIELD_START) {
                        next = Next.FIELD;
                    }
                } else {
                    boolean capital = next != Next.FIELD;
                    append(out, words[i], glued[i], capital ? Case.CAPITAL : Case.LOWER);
                    if (next != Next.PLACE) {
                        // "Văn hóa, Thể thao và Du lịch": a comma lists the fields as "và" does.
                        next = words[i].endsWith(",") ? Next.FIELD_START : Next.FIELD;
                    }
                }
                i++;
            }
        }
        return out.toString();
    }

    /**
     * A body's name as printed, in the register's case when it was printed in capitals; a name printed with small
     * letters (a web copy that wrote "Ban Tuyên giáo") is kept as it is, since its writer chose its case.
     */
    public static String ofPrinted(String printed) {
        if (printed == null || printed.codePoints().anyMatch(Character::isLowerCase)) {
            return printed;
        }
        return of(printed);
    }

    /**
     * The sender a heading prints, the issuing body then the body above it, each in the register's case and joined:
     * "BAN TUYÊN GIÁO" under "QUẬN ỦY QUẬN 1" is "Ban Tuyên giáo Quận ủy Quận 1"; empty when neither was read.
     */
    public static String ofHeading(String issuer, String issuerParent) {
        return Stream.of(issuer, issuerParent)
                .filter(part -> part != null && !part.isBlank())
                .map(BodyNameCase::of)
                .collect(Collectors.joining(" "));
    }

    /** "nhân dân" after Ủy ban, Hội đồng: lower case. */
    private static final List<Phrase> PEOPLE = phrases("nhân dân");

    private enum Case {
        CAPITAL,
        LOWER,
        AS_PRINTED
    }

    private static int write(StringBuilder out, String[] words, boolean[] glued, int from, boolean[] capitals) {
        for (int j = 0; j < capitals.length; j++) {
            append(out, words[from + j], glued[from + j], capitals[j] ? Case.CAPITAL : Case.LOWER);
        }
        return from + capitals.length;
    }

    private static void append(StringBuilder out, String word, boolean glued, Case wanted) {
        if (!out.isEmpty() && !glued) {
            out.append(' ');
        }
        if (wanted == Case.AS_PRINTED
                || word.chars().anyMatch(Character::isDigit)
                || (wanted == Case.CAPITAL && !syllable(key(word)))) {
            // An abbreviation in a phrase ("BCH") stays as printed too.
            out.append(word);
            return;
        }
        String lower = word.toLowerCase(VIETNAMESE);
        if (wanted == Case.LOWER) {
            out.append(lower);
            return;
        }
        int first = 0;
        while (first < lower.length() && !Character.isLetter(lower.charAt(first))) {
            first++;
        }
        if (first == lower.length()) {
            out.append(lower);
            return;
        }
        out.append(lower, 0, first)
                .append(lower.substring(first, first + 1).toUpperCase(VIETNAMESE))
                .append(lower, first + 1, lower.length());
    }

    /** The phrase of the list that starts at word {@code i}, the longest; null when none. */
    private static Phrase at(List<Phrase> phrases, List<String> keys, int i) {
        Phrase found = null;
        for (Phrase phrase : phrases) {
            int size = phrase.keys().size();
            if (i + size <= keys.size()
                    && keys.subList(i, i + size).equals(phrase.keys())
                    && (found == null || size > found.keys().size())) {
                found = phrase;
            }
        }
        return found;
    }

    private static List<Phrase> phrases(String... spelled) {
        List<Phrase> phrases = new ArrayList<>();
        for (String phrase : spelled) {
            String[] words = phrase.split(" ");
            boolean[] capitals = new boolean[words.length];
            List<String> keys = new ArrayList<>();
            for (int j = 0; j < words.length; j++) {
                capitals[j] = Character.isUpperCase(words[j].charAt(0));
                keys.add(key(words[j]));
            }
            phrases.add(new Phrase(List.copyOf(keys), capitals));
        }
        return List.copyOf(phrases);
    }

    /** A word compared: lower case, without the punctuation around it, old tone placement made new. */
    static String key(String word) {
        String lower = Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(VIETNAMESE);
        // Trimmed by hand: the pattern "[^\\p{L}\\p{N}]+$" tried again at every mark of a word's inner run of marks
        // ("a!!!…!a"), so that a word of 40,000 characters took 15 s.
        int start = 0;
        int end = lower.length();
        while (start < end && !letterOrNumber(lower.codePointAt(start))) {
            start += Character.charCount(lower.codePointAt(start));
        }
        while (end > start && !letterOrNumber(lower.codePointBefore(end))) {
            end -= Character.charCount(lower.codePointBefore(end));
        }
        lower = lower.substring(start, end);
        for (Map.Entry<String, String> old : OLD_TONES.entrySet()) {
            lower = lower.replace(old.getKey(), old.getValue());
        }
        return lower;
    }

    /** \p{L} or \p{N}. */
    private static boolean letterOrNumber(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetter(codePoint)
                || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean hasLetter(String key) {
        return key.chars().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean syllable(String key) {
        String toneless = Normalizer.normalize(
                TONES.matcher(Normalizer.normalize(key, Normalizer.Form.NFD)).replaceAll(""), Normalizer.Form.NFC);
        return SYLLABLE.matcher(toneless).matches();
    }
}
