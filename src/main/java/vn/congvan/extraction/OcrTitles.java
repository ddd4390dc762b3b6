package vn.congvan.extraction;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Puts back a signer's title that the seal or the signature spoiled in text recognised by OCR (ADR 0078). NĐ 30 puts
 * the seal over the left third of the signature, and the title line runs under it: Tesseract reads "TRƯỞNG PHÒNG" as
 * "PRHỞNG PHÒNG", "PHÓ CHÁNH VĂN PHÒNG" as "PE!Ó CHÁNH VĂN PHÒNG", "TỔNG BÍ THƯ" as "TỎNG BÍ THƯ", or keeps only the
 * title's end ("G PHÒNG", "ĐÓC" under "KT. GIÁM ĐỐC"). Titles are a closed vocabulary, so a line in capitals that is one
 * of them but for a few letters is that title; a line's end of a title is the title only where the block tells which
 * one: under "KT. X" the signer is X's deputy (NĐ 30, Phụ lục I), and in the foot a piece that ends exactly one head's
 * title is that head's. Never applied to a text layer or a file's own text.
 */
final class OcrTitles {

    /** The heads who sign, in capitals as printed. A deputy is "PHÓ" and the head's title, but for a minister's. */
    private static final List<String> HEADS = List.of(
            "CHỦ TỊCH",
            "BÍ THƯ",
            "TỔNG BÍ THƯ",
            "TRƯỞNG BAN",
            "TRƯỞNG PHÒNG",
            "TRƯỞNG ĐOÀN",
            "TRƯỞNG KHOA",
            "TRƯỞNG CÔNG AN",
            "GIÁM ĐỐC",
            "TỔNG GIÁM ĐỐC",
            "HIỆU TRƯỞNG",
            "VIỆN TRƯỞNG",
            "CỤC TRƯỞNG",
            "VỤ TRƯỞNG",
            "TỔNG CỤC TRƯỞNG",
            "CHÁNH VĂN PHÒNG",
            "CHÁNH THANH TRA",
            "CHÁNH ÁN",
            "CHỦ NHIỆM",
            "CHỈ HUY TRƯỞNG",
            "BỘ TRƯỞNG",
            "THỦ TRƯỞNG",
            "THỦ TƯỚNG");

    /** Titles with no deputy of the form "PHÓ …". */
    private static final List<String> WITHOUT_DEPUTY = List.of("TỔNG BÍ THƯ", "BỘ TRƯỞNG");

    /**
     * Every title, keyed by its bare letters ("TRUONG PHONG"); two titles of the same letters ("THỦ TRƯỞNG", "THỨ
     * TRƯỞNG") leave the key to neither, and what was read stands.
     */
    private static final Map<String, String> TITLES = titles();

    /**
     * A cell of a line in capitals: an optional competence ("KT.", "T/M", "TL.", "TUQ.", "Q."), then what should be a
     * title, with specks the seal left ("1#»", "!"). Columns are cut where {@link PageFurniture#segments} cuts them.
     */
    private static final Pattern COMPETENCE =
            Pattern.compile("^((?:T/M|K/T|TM|KT|TL|TUQ|UQ|Q)\\.?[ ]+|(?:TM|KT|TL|TUQ)\\.)(.*)$");

    private static final Pattern BULLET = Pattern.compile("^[-–—+•*]");

    /** A number standing as a word ("TRUNG ĐOÀN 165"), not a digit among a seal's specks ("1#»"). */
    private static final Pattern NUMBER = Pattern.compile("(?<!\\S)\\d+(?!\\S)");

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    /** A piece of a title kept under "KT. X" is its deputy's with this many letters or more ("ĐÓC"). */
    private static final int MIN_UNDER_DEPUTY = 3;

    /** The word the seal made of "PHÓ" before the head's title has at most this many letters ("ĐIÊNG"). */
    private static final int MAX_SPOILED_PHO = 5;

    /** A piece of a title anywhere else in the foot must keep this many letters and end one head's title only. */
    private static final int MIN_PIECE = 6;

    private OcrTitles() {}

    static String repaired(String text) {
        String[] lines = text.split("\n", -1);
        boolean foot = false;
        String deputyOf = null;
        boolean changed = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (OcrLexicon.bare(line).strip().startsWith("noi nhan")) {
                foot = true;
            }
            String heading = foot || i >= HEADING_LINES ? null : typeHeading(line);
            if (heading != null) {
                lines[i] = heading;
                changed = true;
                continue;
            }
            List<String> parts = PageFurniture.segments(line);
            String nextDeputyOf = null;
            // The deputy's title may stand beside the list's items under the competence: lines of items only (their
            // dash in every cell) keep the competence's head for the line after them.
            boolean itemsOnly = true;
            StringBuilder rebuilt = new StringBuilder(line.length());
            for (int c = 0; c < parts.size(); c++) {
                if (c % 2 != 0) {
                    rebuilt.append(parts.get(c)); // the gap between two columns
                    continue;
                }
                itemsOnly &= BULLET.matcher(parts.get(c).strip()).find();
                Repair repair = repair(parts.get(c), foot, deputyOf);
                rebuilt.append(repair.cell());
                if (repair.deputyOf() != null) {
                    nextDeputyOf = repair.deputyOf();
                }
                foot |= repair.competence();
            }
            String now = rebuilt.toString();
            if (!now.equals(line)) {
                lines[i] = now;
                changed = true;
            }
            deputyOf = itemsOnly && nextDeputyOf == null ? deputyOf : nextDeputyOf;
        }
        changed |= withChairsCompetence(lines);
        return changed ? String.join("\n", lines) : text;
    }

    private static final Pattern FOR_THE_COMMITTEE = Pattern.compile("^TM\\.?\\s*(?:ỦY|UỶ) BAN NHÂN DÂN$");

    private static final Pattern DEPUTY_CHAIR = Pattern.compile("^PHÓ CHỦ TỊCH(?: THƯỜNG TRỰC)?$");

    private static final Pattern FOR_THE_HEAD = Pattern.compile("^K[./,: ]{0,2}T[./,: ]");

    /**
     * A people's committee's deputy chair signs "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" (NĐ 30, Phụ lục
     * I: a deputy signs for the head, never for the committee itself); the seal and the signature over the middle line
     * leave OCR a speck or nothing there ("hà xc"). Where the committee's line and the deputy chair's stand within a few
     * lines without a "KT." between them, the head's line is put back under the committee's (ADR 0080). Only the people's
     * committee: a Party committee's or the Front's deputy signs for the standing board directly (HD 36).
     */
    private static boolean nextIsDeputyChair(String[] lines, int at) {
        for (int j = at + 1; j < lines.length; j++) {
            if (!lines[j].isBlank()) {
                return DEPUTY_CHAIR.matcher(lines[j].strip()).matches();
            }
        }
        return false;
    }

    private static boolean withChairsCompetence(String[] lines) {
        boolean changed = false;
        for (int i = 0; i < lines.length; i++) {
            if (!FOR_THE_COMMITTEE.matcher(lines[i].strip()).matches()) {
                continue;
            }
            int seen = 0;
            for (int j = i + 1; j < lines.length && seen < 4; j++) {
                String line = lines[j].strip();
                if (line.isEmpty()) {
                    continue;
                }
                seen++;
                if (FOR_THE_HEAD.matcher(line).find()) {
                    break;
                }
                if (!DEPUTY_CHAIR.matcher(line).matches() && key(line).endsWith("CHU TICH")) {
                    // The head's line read in another form ("K.T. CHỦ TỊCH", "KT, CHỦ TỊCH") or with only "KT." lost
                    // ("CHỦ TỊCH" over "PHÓ CHỦ TỊCH"): the latter is the head's line without its mark.
                    if (key(line).equals("CHU TICH") && nextIsDeputyChair(lines, j)) {
                        String leading = lines[j].substring(0, lines[j].indexOf(line));
                        lines[j] = leading + "KT. CHỦ TỊCH";
                        changed = true;
                    }
                    break;
                }
                if (DEPUTY_CHAIR.matcher(line).matches()) {
                    String leading = lines[i].substring(0, lines[i].indexOf(lines[i].strip()));
                    lines[i] = lines[i] + "\n" + leading + "KT. CHỦ TỊCH";
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    /**
     * A cell mended (a repaired cell is its competence as read and the title spelled right: the seal's specks around the
     * title go with it); {@code deputyOf} the head's title when the cell is a "KT." competence (the next line holds the
     * deputy's title), {@code competence} when the cell opens with one (the signature block).
     */
    private record Repair(String cell, String deputyOf, boolean competence) {}

    private static Repair repair(String cell, boolean foot, String deputyOf) {
        String leading = cell.substring(0, cell.length() - cell.stripLeading().length());
        String body = cell.strip();
        if (!capitals(body)
                || NUMBER.matcher(body).find()
                || BULLET.matcher(body).find()) {
            // Not a title's line: a list item, a unit with its number ("TRUNG ĐOÀN 165"), a sentence.
            return new Repair(cell, null, false);
        }
        Matcher competence = COMPETENCE.matcher(body);
        String prefix = competence.matches() ? competence.group(1) : "";
        String rest = competence.matches() ? competence.group(2) : body;
        String key = key(rest);
        if (key.isEmpty()) {
            return new Repair(cell, null, !prefix.isEmpty());
        }
        String title = prefix.isEmpty() && deputyOf != null ? underDeputy(key, deputyOf) : null;
        // Letters changed only where the seal left a word that is no word ("PRHỞNG", "PE!Ó", the "G" of "G PHÒNG"): a
        // line of syllables a letter or two off a title is a name ("HỒ ĐỨC TRƯỜNG"), a unit ("TỔ TRƯỞNG") or a place.
        boolean spoiled = Arrays.stream(rest.strip().split("\\s+")).anyMatch(word -> !TextLayer.syllable(word));
        if (title == null) {
            title = nearest(key, spoiled && (foot || !prefix.isEmpty()));
        }
        if (title == null && prefix.isEmpty() && foot && spoiled) {
            title = pieceOfOneHead(key);
        }
        boolean kt = prefix.startsWith("KT") || prefix.startsWith("K/T");
        String mended = title == null ? rest.strip() : title;
        String head = kt && HEADS.contains(mended) ? mended : null;
        if (title == null) {
            return new Repair(cell, head, !prefix.isEmpty());
        }
        return new Repair(leading + prefix + title, head, !prefix.isEmpty());
    }

    /** The type's heading stands under the header, within the page's first lines. */
    private static final int HEADING_LINES = 25;

    /** The kinds' headings by their letters run together ("DEAN" for "ĐỀ ÁN"), or null where two share them. */
    private static final Map<String, String> HEADINGS = headings();

    /**
     * A document's heading in big bold capitals that OCR ran together or spoiled ("ĐÈEÁN" for "ĐỀ ÁN"): a line of its
     * own in capitals with a word that is no word, a letter or two off exactly one kind's heading and opening with the
     * same letter, is that heading (ADR 0080). A line of syllables ("ĐỀ ÁN" itself, "DỰ ÁN", a place) stays.
     */
    static String typeHeading(String line) {
        String body = line.strip();
        if (body.length() > 24
                || !capitals(body)
                || PageFurniture.segments(line).size() > 1) {
            return null;
        }
        // A speck, a dash or a digit beside a word ("CÔNG AN -", "HỘI ĐỒNG1") spoils no word: only letters are judged.
        if (Arrays.stream(body.split("\\s+"))
                .map(word -> EDGE.matcher(word).replaceAll(""))
                .filter(word -> !word.isEmpty())
                .allMatch(word -> TextLayer.syllable(word)
                        && OcrLexicon.tones(Normalizer.normalize(word, Normalizer.Form.NFD))
                                        .length()
                                <= 1)) {
            return null;
        }
        String key = key(body).replace(" ", "");
        if (key.isEmpty() || HEADINGS.containsKey(key)) {
            return null; // the heading's own letters, spaced out ("K ẾT LUẬN"): FieldReader reads it as it is
        }
        int allowed = key.length() >= 8 ? 2 : key.length() >= 4 ? 1 : 0;
        String found = null;
        for (Map.Entry<String, String> heading : HEADINGS.entrySet()) {
            if (heading.getValue() == null || heading.getKey().charAt(0) != key.charAt(0)) {
                continue;
            }
            int distance = DISTANCE.apply(key, heading.getKey());
            if (distance >= 0 && distance <= allowed) {
                if (found != null) {
                    return null;
                }
                found = heading.getValue();
            }
        }
        return found;
    }

    /** What is no letter at a word's ends. */
    private static final Pattern EDGE = Pattern.compile("^[^\\p{L}]++|(?<=\\p{L})[^\\p{L}]++$");

    private static Map<String, String> headings() {
        Map<String, String> headings = new LinkedHashMap<>();
        for (String title : FieldReader.TYPE_TITLES) {
            String key = key(title).replace(" ", "");
            if (!headings.containsKey(key)) {
                headings.put(key, title);
            } else if (headings.get(key) != null && !key(title).equals(key(headings.get(key)))) {
                headings.put(key, null); // two kinds of the same letters: neither
            }
        }
        return headings;
    }

    /**
     * Whether a cell in capitals opens with a signer's title, a head's or a deputy's ("PHÓ CHỦ TỊCH", "GIÁM ĐỐC SỞ"), or
     * with a competence ("KT. GIÁM ĐỐC"): the signature block that a name follows ({@link OcrNames}).
     */
    static boolean opensSignature(String cell) {
        String body = cell.strip();
        if (!capitals(body)) {
            return false;
        }
        Matcher competence = COMPETENCE.matcher(body);
        if (competence.matches() && !competence.group(2).isBlank()) {
            return true;
        }
        String key = key(body) + " ";
        return TITLES.entrySet().stream()
                .anyMatch(title -> title.getValue() != null && key.startsWith(title.getKey() + " "));
    }

    /** Under "KT. X", a line that is the end of X's deputy's title ("ĐÓC", "1#» GIÁM ĐỐC", "TRƯỞNG BAN") is it. */
    private static String underDeputy(String key, String head) {
        String deputy = deputy(head);
        if (deputy == null) {
            return null;
        }
        String whole = key(deputy);
        int letters = key.replace(" ", "").length();
        if (letters >= MIN_UNDER_DEPUTY && whole.endsWith(key) && !whole.equals(key)) {
            return deputy;
        }
        // "ĐIÊNG GIÁM ĐỐC": the head's title under a word of a few letters that was "PHÓ" before the seal.
        String headKey = key(head);
        int space = key.indexOf(' ');
        return key.endsWith(" " + headKey)
                        && space > 0
                        && space <= MAX_SPOILED_PHO
                        && key.length() == space + 1 + headKey.length()
                ? deputy
                : null;
    }

    /**
     * The title whose letters the line has ("TỎNG BÍ THƯ"), or, in the signature's part of the page, the one title a few
     * letters away from it: "PRHONG PHONG" is "TRUONG PHONG".
     */
    private static String nearest(String key, boolean fuzzy) {
        if (TITLES.containsKey(key)) {
            return TITLES.get(key);
        }
        if (!fuzzy) {
            return null; // a few letters off a title elsewhere may be a name ("THANH AN", a commune, is no "CHÁNH ÁN")
        }
        int letters = key.replace(" ", "").length();
        int allowed = letters >= 10 ? 2 : letters >= 6 ? 1 : 0;
        if (allowed == 0) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (Map.Entry<String, String> title : TITLES.entrySet()) {
            int distance = DISTANCE.apply(key, title.getKey());
            if (distance < 0) {
                continue;
            }
            if (distance < bestDistance) {
                best = title.getValue();
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance) {
                tie = true;
            }
        }
        return best != null && bestDistance <= allowed && !tie ? best : null;
    }

    /** In the foot, the end of exactly one head's title ("G PHÒNG" of "TRƯỞNG PHÒNG"), long enough to tell. */
    private static String pieceOfOneHead(String key) {
        if (key.replace(" ", "").length() < MIN_PIECE || !key.contains(" ")) {
            return null;
        }
        String found = null;
        for (String head : HEADS) {
            String whole = key(head);
            // The seal cuts into a word: a piece that starts with a whole word of the title ("VĂN PHÒNG" of "CHÁNH VĂN
            // PHÒNG") may be a line of its own, a copy's issuing office or a recipient.
            if (whole.endsWith(key) && !whole.equals(key) && whole.charAt(whole.length() - key.length() - 1) != ' ') {
                if (found != null) {
                    return null;
                }
                found = head;
            }
        }
        return found;
    }

    private static String deputy(String head) {
        if (head.equals("BỘ TRƯỞNG")) {
            return "THỨ TRƯỞNG";
        }
        return WITHOUT_DEPUTY.contains(head) ? null : "PHÓ " + head;
    }

    /** Letters in capitals, a few specks at most: a title's line, not a sentence or a name. */
    private static boolean capitals(String body) {
        int upper = 0;
        int lower = 0;
        int other = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            } else if (c != ' ' && c != '.' && c != '/') {
                other++;
            }
        }
        return upper >= 2 && lower * 10 <= upper && other * 2 <= upper && body.length() <= 40;
    }

    /** The bare capitals of a line, its specks dropped: "PE!Ó CHÁNH" is "PEO CHANH". */
    static String key(String text) {
        String bare = OcrLexicon.bare(text).toUpperCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(bare.length());
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                key.append(c);
            } else if (c == ' ' && key.length() > 0 && key.charAt(key.length() - 1) != ' ') {
                key.append(' ');
            }
        }
        return key.toString().strip();
    }

    private static Map<String, String> titles() {
        List<String> all = new ArrayList<>(List.of("PHÓ CHỦ TỊCH THƯỜNG TRỰC", "PHÓ BÍ THƯ THƯỜNG TRỰC"));
        for (String head : HEADS) {
            all.add(head);
            String deputy = deputy(head);
            if (deputy != null) {
                all.add(deputy);
            }
        }
        Map<String, String> titles = new LinkedHashMap<>();
        for (String title : all) {
            String key = key(title);
            boolean other = titles.containsKey(key) && !title.equals(titles.get(key));
            titles.put(key, other ? null : title);
        }
        return titles;
    }
}
