package vn.congvan.extraction;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts back the marks of a signer's surname that OCR misread in a recognised text (ADR 0080): Vietnamese surnames are a
 * short closed list, so "Nguyên Hùng Cường" (the tilde lost) is "Nguyễn Hùng Cường" and "Đỉnh Thị Bích Thảo" (a hook
 * for nothing) "Đinh Thị Bích Thảo". Only a signer's name as the signature block writes it: the first such cell within
 * a few lines under a competence or a signer's title in capitals, of three to five words each opened by a capital, all
 * of them syllables and one at least with a mark, whose first word is no surname and has the bare letters of exactly
 * one (an annex's table, a street or a place further down is never touched). Given and middle names are an
 * open list and stay as read. Never applied to a text layer or a file's own text.
 */
final class OcrNames {

    /**
     * Surnames of the country's people, as the civil registry writes them. Two whose bare letters are the same ("La",
     * "Lã") leave those letters to neither.
     */
    private static final List<String> SURNAMES = List.of(
            "Nguyễn",
            "Trần",
            "Lê",
            "Phạm",
            "Hoàng",
            "Huỳnh",
            "Phan",
            "Vũ",
            "Võ",
            "Đặng",
            "Bùi",
            "Đỗ",
            "Hồ",
            "Ngô",
            "Dương",
            "Lý",
            "Đinh",
            "Đào",
            "Đoàn",
            "Trịnh",
            "Mai",
            "Cao",
            "Lương",
            "Tạ",
            "Hà",
            "Lâm",
            "Tô",
            "Châu",
            "Quách",
            "Thái",
            "Kiều",
            "Lưu",
            "Tăng",
            "Vương",
            "Phùng",
            "Chu",
            "Khúc",
            "Tống",
            "Triệu",
            "Nông",
            "La",
            "Lã",
            "Lò",
            "Hứa",
            "Mạc",
            "Đồng",
            "Đàm",
            "Lục",
            "Lại",
            "Nghiêm",
            "Thân",
            "Tôn",
            "Từ",
            "Vi",
            "Hầu",
            "Giáp",
            "Doãn",
            "Khổng",
            "Kim",
            "Cù",
            "Đậu",
            "Âu",
            "Bạch",
            "Diệp",
            "Quan",
            "Sầm",
            "Ninh",
            "Thạch",
            "Trương",
            "Trình",
            "Lạc",
            "Mẫn",
            "Lư",
            "Lữ",
            "Khuất",
            "Phí",
            "Bế",
            "Ông",
            "Tiêu",
            // Surnames of the north-west and the centre that share their letters with one above: those letters are
            // then left as read ("Tòng"/"Tống", "Lường"/"Lương", "Vì"/"Vi", "Chử"/"Chu"; review of session 18).
            "Tòng",
            "Chử",
            "Vì",
            "Lường",
            "Nịnh",
            "Hạ",
            "Đường");

    private static final Set<String> KNOWN = Set.copyOf(
            SURNAMES.stream().map(surname -> surname.toLowerCase(Locale.ROOT)).toList());

    /** Each one-word surname by its bare letters ("nguyen"), or null where two share them. */
    private static final Map<String, String> BY_LETTERS = byLetters();

    private static final Pattern WORDS = Pattern.compile(" +");

    private OcrNames() {}

    static String repaired(String text) {
        String[] lines = text.split("\n", -1);
        int after = -1; // lines with text since the signer's competence or title; -1 outside a signature block
        boolean changed = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            List<String> parts = PageFurniture.segments(line);
            if (parts.stream().anyMatch(OcrNames::signatureLine)) {
                after = 0;
                continue;
            }
            if (after < 0 || ++after > NAME_WITHIN) {
                after = -1;
                continue;
            }
            StringBuilder rebuilt = new StringBuilder(line.length());
            for (int c = 0; c < parts.size(); c++) {
                rebuilt.append(c % 2 != 0 ? parts.get(c) : name(parts.get(c)));
            }
            String now = rebuilt.toString();
            if (!now.equals(line)) {
                lines[i] = now;
                changed = true;
                after = -1; // one name a block: an annex's table under it is no signature
            }
        }
        return changed ? String.join("\n", lines) : text;
    }

    /** The name stands within this many lines of text under the competence or the title (a list may run beside). */
    private static final int NAME_WITHIN = 8;

    /**
     * Titles a signer is printed under that no seal repair needs ({@link OcrTitles} knows the heads and their
     * deputies): a member, a standing member, whoever is in charge, an editor-in-chief.
     */
    private static final Pattern OTHER_TITLE =
            Pattern.compile("^(?:ỦY VIÊN|UỶ VIÊN|THƯỜNG TRỰC|PHỤ TRÁCH|TỔNG PHỤ TRÁCH|TỔNG BIÊN TẬP)(?![\\p{L}])");

    /** A cell that opens a signature block: a competence, or a signer's title in capitals. */
    private static boolean signatureLine(String part) {
        return OcrTitles.opensSignature(part)
                || OTHER_TITLE.matcher(part.strip()).find();
    }

    /** A cell that is a person's name with its surname's marks put back, or the cell as it was. */
    static String name(String cell) {
        String body = cell.strip();
        String[] words = WORDS.split(body);
        if (words.length < 3 || words.length > 5) {
            return cell;
        }
        boolean marked = false;
        for (String word : words) {
            if (!titleCase(word) || !TextLayer.syllable(word)) {
                return cell;
            }
            marked |= !OcrLexicon.bare(word).equals(word.toLowerCase(Locale.ROOT));
        }
        String first = words[0];
        if (!marked || KNOWN.contains(first.toLowerCase(Locale.ROOT))) {
            return cell;
        }
        String surname = BY_LETTERS.get(OcrLexicon.bare(first));
        if (surname == null) {
            return cell;
        }
        int at = cell.indexOf(first);
        return cell.substring(0, at) + surname + cell.substring(at + first.length());
    }

    /** "Cường": a capital, then small letters only. */
    private static boolean titleCase(String word) {
        String composed = Normalizer.normalize(word, Normalizer.Form.NFC);
        if (!Character.isUpperCase(composed.charAt(0))) {
            return false;
        }
        for (int i = 1; i < composed.length(); i++) {
            if (!Character.isLowerCase(composed.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> byLetters() {
        Map<String, String> map = new HashMap<>();
        for (String surname : SURNAMES) {
            String key = OcrLexicon.bare(surname);
            map.put(key, map.containsKey(key) ? null : surname);
        }
        return map;
    }
}
