package vn.congvan.extraction;

import static vn.congvan.extraction.Patterns.pattern;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.congvan.extraction.Finding.Code;

/**
 * Reads the fields of a document from its text by rules over the header band (issuing body, motto, number, place and
 * date, title and subject) and the foot ("Nơi nhận", signature block). Real texts are noisy: two-column headers come
 * out flattened into one line or interleaved, words are broken over lines, spaces doubled, "Số" read as "Sô"; the
 * text is first cut back into lines at the anchors every document has (ADR 0044).
 */
public final class FieldReader {

    private static final int HEADER_LINES = 60;

    private static final String PARTY_MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM";

    /** The national motto, also in its form before 1976 ("VIỆT NAM DÂN CHỦ CỘNG HÒA") that old state texts carry. */
    private static final Pattern STATE_MOTTO = Pattern.compile(
            "C[ỘO]NG\\s+H[ÒOÓ]A\\s+X[ÃAÀ]\\s*H[ỘO]I\\s+CH[ỦU]\\s+NGH[ĨI]A\\s+VI[ỆE]T\\s+NAM"
                    + "|VI[ỆE]T\\s+NAM\\s+D[ÂA]N\\s+CH[ỦU]\\s+C[ỘO]NG\\s+H[ÒOÓ]A",
            Pattern.CASE_INSENSITIVE);

    /** A state body heading a joint header: its family is the document's ("ỦY BAN NHÂN DÂN / ỦY BAN MTTQ ..."). */
    private static final Pattern STATE_BODY =
            Pattern.compile("^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|BỘ |SỞ )");

    /**
     * A date line whose day and month were left blank for the signer to fill in: "Hà Nội, ngày   tháng   năm 2023";
     * or filled in by hand or by a stamp that a scan's OCR cannot read, a few signs that are not a number where the
     * day or the month stands ("ngày 2Ì tháng 8", "ngày “tháng 01", "ngày 7Ztháng 7", "tháng/7", and a month read as a
     * letter and a digit, "tháng A0", round 22): the line is still the header's date line, its place read, its date not.
     */
    private static final Pattern BLANK_DATE = Pattern.compile(
            // Every run possessive: the dots of a blank fit two runs in a row, which a failed match would otherwise
            // split every way (a line of dots took seconds).
            "^(\\p{Lu}[^,]{1,40}),\\s*+ng[àảáaạ]?y[\\s.…]*+(?:\\d{1,2}[\\s.…]*+|(?=\\S{0,3}[^\\p{L}\\s])\\S{1,4}?[\\s.…]*+)?"
                    + "th[áàảaạ]?ng[\\s.…\\d]*+(?:[^\\s\\p{L}\\d][\\s.…\\d]*+|\\p{L}(?=\\d)[\\s.…\\d]*+)?n[ăaâ]?m"
                    + Words.BOUNDARY + ".*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern STATE_MOTTO_SPLIT = Pattern.compile(
            // Broken at any of its words, as a narrow cell wraps it; each gap read once (possessive), so a long run of
            // spaces costs one pass.
            "C[ỘO]NG\\s*+H[ÒOÓ]A\\s*+X[ÃAÀ]\\s*+H[ỘO]I\\s*+CH[ỦU]\\s*+NGH[ĨI]A\\s*+VI[ỆE]T\\s*+NAM",
            Pattern.CASE_INSENSITIVE);

    /** The motto of a PDF whose font lost its Vietnamese letters: "CNG HO X HI CH NGHA VIT NAM". */
    private static final Pattern STRIPPED_MOTTO = Pattern.compile(
            "C\\S{0,2}NG\\s+H\\S{0,3}\\s+X\\S{0,2}\\s*H\\S{0,3}\\s+CH\\S{0,2}\\s+NGH\\S{0,2}\\s+VI\\S{0,2}T\\s+NAM");

    private static final Pattern STRIPPED_SECOND_MOTTO = Pattern.compile(
            "\\S{0,2}c\\s*l\\s*\\S{0,2}p\\s*-\\s*T\\S{0,2}\\s*do\\s*-\\s*H\\S{0,2}nh\\s+ph\\S{0,2}c",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SECOND_MOTTO = Pattern.compile(
            "Độc\\s+lập[\\s.,:;·]*[-–—]?[\\s.,:;·]*Tự\\s+do[\\s.,:;·]*[-–—]?[\\s.,:;·]*Hạnh\\s+phúc",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern YOUTH_MOTTO =
            Pattern.compile("^ĐOÀN\\s+(TNCS|THANH\\s+NIÊN\\s+CỘNG\\s+SẢN)\\s+HỒ\\s+CHÍ\\s+MINH$");

    /**
     * The Pioneers' motto, "ĐỘI TNTP HỒ CHÍ MINH": a Liên đội or a Hội đồng Đội prints it where a state body prints the
     * national motto, over the place and date ({@link #pioneerMotto}).
     */
    private static final Pattern PIONEER_MOTTO =
            Pattern.compile("^ĐỘI\\s+(TNTP|THIẾU\\s+NIÊN\\s+TIỀN\\s+PHONG)\\s+HỒ\\s+CHÍ\\s+MINH$");

    private static final Pattern MISREAD_PARTY_MOTTO = Pattern.compile(
            "(?!ĐẢNG[ \\t]+CỘNG[ \\t]+SẢN[ \\t]+VIỆT[ \\t]+NAM)Đ[AÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬ]{1,2}NG[ \\t]+C[OÓÒỎÕỌÔỐỒỔỖỘ]NG[ \\t]+S[AÁÀẢÃẠ]N[ \\t]+VI[EÉÈẺẼẸÊẾỀỂỄỆ]T[ \\t-]+NAM");

    private static final Pattern YOUTH_MOTTO_BROKEN =
            // Broken at any of its words, as a header cell narrower than the name wraps it.
            Pattern.compile(
                    "ĐOÀN[ \\t]*+(?:\\n[ \\t]*)?TNCS[ \\t]*+(?:\\n[ \\t]*)?HỒ[ \\t]*+(?:\\n[ \\t]*)?CHÍ[ \\t]*+"
                            + "(?:\\n[ \\t]*)?MINH(?=[ \\t]*$)",
                    Pattern.MULTILINE);

    /** The Youth Union's name where it is the motto, not followed by a place in capitals ("… TỈNH AN GIANG"). */
    private static final Pattern YOUTH_MOTTO_IN_LINE = Pattern.compile(
            "ĐOÀN TNCS HỒ CHÍ MINH(?![ \\t]+(?:TP\\.?|THÀNH PHỐ|TỈNH|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)[ \\t]+\\p{Lu}{2,})");

    /**
     * "Số", "Sô", "Sổ", "So": OCR and fonts without a dot below. Underscores before the slash are the blank drawn for
     * the number, or what a scan's OCR keeps of it beside a stamped number ("Số415_ /HD-PGDĐT", "Số: ____/TB-VP"). A
     * small letter, a full stop or a comma between the number and its slash is a speck OCR read there ("Số: 3651.
     * /UBND-KT", round 22).
     */
    private static final Pattern NUMBER_LINE = Pattern.compile(
            "^S(?:[ốôồổỗộóòỏõọo]\\s*[:.]?|\\s*:)\\s*(\\d{1,6})?(?:[\\p{Ll}.,](?=\\s*[-/–]))?(?:_++(?=\\s*[-/–]))?\\s*([-/–])?\\s*(?:(?<=[-–]\\s{0,3})/\\s*)?"
                    + "(?:(\\d{4})\\s*/\\s*)?"
                    + "([\\p{L}][\\p{L}\\d&.]*(?:\\s*[-/–]\\s*[\\p{L}\\d&.]+)*)?",
            Pattern.UNICODE_CASE);

    private static final Pattern DATE = Pattern.compile(
            // An underscore is the dotted line the day is written on ("ngày 22_ tháng 5").
            "ng[àảáaạ]?y[\\s.,:;'’_]*(\\d{1,2})[\\s.,:;'’_]*th[áàảaạ]?ng[\\s.,:;'’_]*(\\d{1,2})[\\s.,:;'’_]*n[ăaâ]?m"
                    + "[\\s.,:;'’_]*(\\d{4})",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern KINH_GUI =
            Pattern.compile("^K[íi]nh\\s*g[ửưu]i\\s*:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    /** "Nơi nhận:", also "Nơi nhân:" with its colon, as OCR loses the dot under "ậ" (never "Nơi nhân dân …"). */
    private static final Pattern NOI_NHAN = Pattern.compile(
            "^N[ơo]i\\s*nh(?:[ậa]n\\s*:?|ân\\s*:)\\s*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern COMPETENCE = Pattern.compile(
            // "T/M." with a full stop, as some clerks type it ("T/M. BAN CHẤP HÀNH").
            "^(T/M\\.?|T\\.M\\.?|TM\\.?|K/T\\.?|K\\.T\\.?|KT\\.?|T/L\\.?|T\\.L\\.?|TL\\.?|T/U\\.?|TUQ\\.?|Q\\.)\\s*(\\p{Lu}.*)$");

    private static final Pattern NAME = Pattern.compile("^\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){1,4}$");

    /**
     * A rank or a degree written before the signer's name: police and army officers sign "Trung tá Ngô Văn Công",
     * scholars "PGS.TS. Nguyễn Văn A"; the name is what follows.
     */
    private static final Pattern RANK = Pattern.compile(
            "^(?:(?:Đại|Thượng|Trung|Thiếu)[ ]+(?:tướng|tá|úy|uý)|(?:GS|PGS|TS|ThS|BS|KS|CN|NGƯT|NGND)\\.(?:[ ]?(?:TS|ThS|BS|KS)\\.)?)[ ]+(?=\\p{Lu})");

    /**
     * "Nguyễn Long Hải Bí thư Ban Chấp hành Trung ương Đoàn": a foot run into one line writes the signer's other title
     * after the name; the name stops where a position word begins.
     */
    private static final Pattern TITLE_AFTER_NAME = Pattern.compile(
            "^(\\p{Lu}\\p{Ll}*(?:[ ]+\\p{Lu}\\p{Ll}*){1,3})[ ]+(?:(?:Phó|Nguyên|Quyền)[ ]+)?(?:Bí thư|Chủ tịch|Trưởng ban"
                    + "|Trưởng phòng|Giám đốc|Ủy viên|Uỷ viên|Chủ nhiệm|Tổng Bí thư|Thường trực|Hiệu trưởng|Cục trưởng"
                    + "|Bộ trưởng|Thứ trưởng|Chánh Văn phòng|Chánh văn phòng|Viện trưởng|Tổng Giám đốc)"
                    + Words.BOUNDARY + ".*$");

    private static final Pattern UPPER_NAME = Pattern.compile("^\\p{Lu}+(?:\\s+\\p{Lu}+){1,4}$");

    private static final Pattern BULLET = Pattern.compile("^[-–—+•*]\\s*");

    /** "P. GIÁM ĐỐC": a deputy's title abbreviated ("P" once the full stop is dropped). */
    private static final Pattern POSITION = Pattern.compile("^(PHÓ |P |KT |TM )?(CHỦ TỊCH|BÍ THƯ|TRƯỞNG|GIÁM ĐỐC|CHÁNH"
            + "|ỦY VIÊN|UỶ VIÊN|BỘ TRƯỞNG|THỦ TƯỚNG|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|HIỆU TRƯỞNG|THƯỜNG TRỰC|TỔNG BÍ THƯ"
            + "|TỔNG GIÁM ĐỐC|VIỆN TRƯỞNG|CHỦ NHIỆM|THỦ TRƯỞNG|THỨ TRƯỞNG|VỤ TRƯỞNG)");

    /**
     * The head of a unit names it after the title ("VỤ TRƯỞNG VỤ GIÁO DỤC CHUYÊN NGHIỆP", "CỤC TRƯỞNG CỤC …"): such a
     * position may be longer than a bare title.
     */
    private static final Pattern UNIT_HEAD = Pattern.compile("^(?:PHÓ )?(\\p{Lu}+) TRƯỞNG \\1 ");

    /**
     * A head who names the board or committee and the level it serves ("PHÓ TRƯỞNG BAN DÂN VẬN HUYỆN ỦY", "PHÓ CHỦ TỊCH
     * ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM HUYỆN"): a Party or Front title is often that long, and ends with the level.
     */
    private static final Pattern HEAD_NAMING_BODY =
            Pattern.compile("^(?:PHÓ )?(?:TRƯỞNG BAN|CHỦ TỊCH|BÍ THƯ|CHÁNH VĂN PHÒNG"
                    + "|CHỦ NHIỆM) .*(?:ỦY|UỶ|TỈNH|HUYỆN|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN|THÀNH PHỐ)$");

    static final List<String> TYPE_TITLES = List.of(
            "QUYẾT ĐỊNH",
            "KẾ HOẠCH",
            "THÔNG BÁO",
            "HƯỚNG DẪN",
            "BÁO CÁO",
            "CHỈ THỊ",
            "NGHỊ QUYẾT",
            "QUY ĐỊNH",
            "QUY CHẾ",
            "CHƯƠNG TRÌNH",
            "TỜ TRÌNH",
            // Before "THÔNG TƯ": the joint circular's heading is the longer title and may be broken after "THÔNG TƯ".
            "THÔNG TƯ LIÊN TỊCH",
            "THÔNG TƯ",
            // A standing committee's act of the legal system (round 18): its own heading and its code "PL".
            "PHÁP LỆNH",
            "KẾT LUẬN",
            "THƯ KÊU GỌI",
            "THƯ NGỎ",
            "LỜI KÊU GỌI",
            "CÔNG ĐIỆN",
            "GIẤY MỜI",
            "ĐỀ ÁN",
            "BIÊN BẢN",
            "NGHỊ ĐỊNH",
            "ĐỀ CƯƠNG",
            "THÔNG TRI",
            "PHƯƠNG ÁN",
            // The other kinds NĐ 30 (Phụ lục III) and HD 36 name, and the rules of a contest or an association.
            "THÔNG CÁO",
            "DỰ ÁN",
            "HỢP ĐỒNG",
            "BẢN GHI NHỚ",
            "BẢN THỎA THUẬN",
            "BẢN THOẢ THUẬN",
            "GIẤY ỦY QUYỀN",
            "GIẤY UỶ QUYỀN",
            "GIẤY GIỚI THIỆU",
            "GIẤY NGHỈ PHÉP",
            "GIẤY CHỨNG NHẬN",
            "PHIẾU GỬI",
            "PHIẾU CHUYỂN",
            "PHIẾU BÁO",
            "THỂ LỆ",
            "ĐIỀU LỆ",
            "CÔNG VĂN");

    private static final Map<String, String> TYPE_CODES = Map.ofEntries(
            Map.entry("CV", "Công văn"),
            Map.entry("QĐ", "Quyết định"),
            Map.entry("KH", "Kế hoạch"),
            Map.entry("TB", "Thông báo"),
            Map.entry("HD", "Hướng dẫn"),
            Map.entry("BC", "Báo cáo"),
            Map.entry("CT", "Chỉ thị"),
            Map.entry("NQ", "Nghị quyết"),
            Map.entry("QC", "Quy chế"),
            Map.entry("CTR", "Chương trình"),
            Map.entry("TTR", "Tờ trình"),
            Map.entry("TT", "Thông tư"),
            Map.entry("TTLT", "Thông tư liên tịch"),
            Map.entry("KL", "Kết luận"),
            Map.entry("CĐ", "Công điện"),
            Map.entry("GM", "Giấy mời"),
            Map.entry("ĐA", "Đề án"),
            Map.entry("BB", "Biên bản"),
            Map.entry("NĐ", "Nghị định"),
            Map.entry("PL", "Pháp lệnh"),
            Map.entry("TTR.", "Tờ trình"),
            // NĐ 30 Phụ lục III ("QyĐ", "GNM", …) and HD 36 ("QĐi"), upper-cased as the reader compares them. Codes
            // that also name units in a công văn's notation ("TC", "HĐ", "PC") are left out: there they are no type.
            Map.entry("QYĐ", "Quy định"),
            Map.entry("QĐI", "Quy định"),
            Map.entry("PA", "Phương án"),
            Map.entry("GNM", "Bản ghi nhớ"),
            Map.entry("GUQ", "Giấy ủy quyền"),
            Map.entry("GGT", "Giấy giới thiệu"),
            Map.entry("GNP", "Giấy nghỉ phép"),
            Map.entry("GCN", "Giấy chứng nhận"));

    /** The codes tried at a notation's start, longest first, so that "TTR" is found before "TT" in every run. */
    private static final List<String> CODES_LONGEST_FIRST = TYPE_CODES.keySet().stream()
            .sorted(java.util.Comparator.comparingInt(String::length)
                    .reversed()
                    .thenComparing(java.util.Comparator.naturalOrder()))
            .toList();

    private static final Pattern MASS_ORG = Pattern.compile(
            "MTTQ|MẶT TRẬN TỔ QUỐC|ĐOÀN TNCS|ĐOÀN THANH NIÊN|TỈNH ĐOÀN|THÀNH ĐOÀN|HUYỆN ĐOÀN|QUẬN ĐOÀN|TRUNG ƯƠNG ĐOÀN"
                    + "|HỘI LIÊN HIỆP PHỤ NỮ|HỘI LHPN|HỘI NÔNG DÂN|HỘI CỰU CHIẾN BINH|LIÊN ĐOÀN LAO ĐỘNG|CÔNG ĐOÀN"
                    + "|HỘI CHỮ THẬP ĐỎ|HỘI LIÊN HIỆP THANH NIÊN|ĐOÀN TRƯỜNG|ĐOÀN PHƯỜNG|ĐOÀN XÃ"
                    + "|ĐỘI TNTP|ĐỘI THIẾU NIÊN TIỀN PHONG|HỘI ĐỒNG ĐỘI|HỘI SINH VIÊN"
                    // A congress named by the members it gathers ("ĐẠI HỘI ĐẠI BIỂU PHỤ NỮ HUYỆN …") is theirs.
                    + "|ĐẠI HỘI (ĐẠI BIỂU )?(PHỤ NỮ|NÔNG DÂN|CỰU CHIẾN BINH)");

    /** Words that begin the name of a body, so a header line that starts with one starts a new body. */
    private static final Pattern BODY_HEAD = Pattern.compile(
            "^(ỦY BAN|UỶ BAN|UBND|BAN |SỞ |PHÒNG |TỈNH HỘI|THÀNH HỘI|HUYỆN HỘI|QUẬN HỘI|TRUNG ƯƠNG HỘI|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|QUẬN ỦY|QUẬN UỶ"
                    + "|THỊ ỦY|THỊ UỶ|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|ĐẢNG ĐOÀN|CHI BỘ|HỘI |LIÊN ĐOÀN|CÔNG ĐOÀN|BCH|BỘ |CỤC |TỔNG CỤC"
                    + "|VĂN PHÒNG|TRƯỜNG|TRUNG TÂM|HỘI ĐỒNG|ĐOÀN |TỈNH ĐOÀN|THÀNH ĐOÀN|HUYỆN ĐOÀN|QUẬN ĐOÀN|CHI CỤC"
                    + "|CÔNG AN|CHỦ TỊCH|CƠ QUAN|BỘ CHỈ HUY|BAN CHẤP HÀNH|TIỂU BAN|LIÊN ĐỘI|CHI ĐỘI)");

    /** "/ỦY BAN MTTQ VIỆT NAM": a slash typed before a body's name, a keystroke that is no part of the name. */
    private static final Pattern STRAY_MARK_BEFORE_BODY =
            Pattern.compile("^[/\\\\]+\\s*(?=" + BODY_HEAD.pattern().substring(1) + ")");

    /** A run of one rule-drawing character: a line under or over a name in the header band. */
    /** A run of one character, or of dashes of mixed kinds ("——-", as a page draws the rule under a name). */
    private static final Pattern DECORATION_RUN = Pattern.compile("([*\\-_¯‾~=═─━—―])\\1{2,}|[-–—―─━]{3,}");

    /**
     * A rule with an ornament in its middle, the whole line: "-----&----", "---o0o---", "*****♦*****", "═══ ❖ ═══".
     * Cut as a run of one character, it would leave the ornament behind as a line of its own.
     */
    private static final Pattern ORNAMENTED_RULE = Pattern.compile(
            "(?<![ \\t])[ \\t]*+([*\\-_¯‾~=═─━—―])\\1{2,}[ \\t]*[&oO0•●♦◆❖✽✻*+x§]{1,3}[ \\t]*([*\\-_¯‾~=═─━—―])\\2{2,}"
                    + "[ \\t]*");

    /**
     * "Số" with a wide blank for the number ("Số      /QĐ-UBND", "Số: ____/QĐ-UBND", "Số ......-/ĐU",
     * "Số         -CTr/TU" with the Party's type code after the dash) before the notation: one line, not two columns.
     */
    /** A signing time alone on its line, with its zone: "28-07-2026 18:08:51 +07:00". */
    private static final Pattern SIGNING_TIME_LINE = Pattern.compile(
            "[ ]*+\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}[ T]\\d{1,2}:\\d{2}(?::\\d{2})?[ ]*+[+-]\\d{2}:?\\d{2}[ ]*+");

    /**
     * A digitally signed document's scan shows the signature's appearance above its header: the signer's name twice
     * (the certificate's and the box's, as OCR reads them) and the signing time alone on its line ("BỘ CHÍNH TRỊ" /
     * "BỘ CHÍNH TRỊ" / "28-07-2026 18:08:51 +07:00"). At the very top of the text it is no body of the header; the
     * text from the line after it is returned, or the text unchanged.
     */
    static String withoutLeadingSignatureStamp(String raw) {
        String[] head = pattern("\\r?\\n").split(raw, 8);
        int first = 0;
        while (first < head.length - 1 && head[first].isBlank()) {
            first++;
        }
        if (first + 3 > head.length - 1) {
            return raw;
        }
        String name = head[first].trim();
        String again = head[first + 1].trim();
        if (name.isEmpty()
                || name.length() > 80
                || !fold(name).equals(fold(again))
                || !SIGNING_TIME_LINE.matcher(head[first + 2]).matches()) {
            return raw;
        }
        int at = 0;
        for (int line = 0; line < first + 3; line++) {
            at = raw.indexOf('\n', at) + 1;
        }
        return raw.substring(at);
    }

    private static final Pattern BLANK_NUMBER_GAP =
            Pattern.compile("(?m)^([ ]*S[ốôồổ][ ]*?[:.]?)[ ._…]{2,}(?=[-–][ ]*(?:\\p{Lu}[\\p{L}.]{0,7}[ ]*)?/|/|\\d)");

    /**
     * "Số:   14    /HVHNT TS": a number padded up to its slash, as a page aligns its header with spaces; the gap is in
     * the number line, not between two columns (no column starts with a slash).
     */
    private static final Pattern NUMBER_SLASH_GAP =
            Pattern.compile("(?<![\\p{L}\\d])(S[ốôồổ][ ]*?[:.]?[ ]*\\d{1,6})[ ]{2,}(?=[-–]?[ ]*/[ ]*\\p{L})");

    /**
     * "Số: 12/SGDĐT-GDTrH, GDTX", "Số: 5/UBND-VX; NC": a document of several departments of one body names each unit
     * after the first, joined by a comma or a semicolon. Counted only when the units end the line and each is initials
     * (no syllable, so neither "KHẨN" nor a place), never a date, a "V/v" or a dash-list that runs on after it.
     */
    private static final Pattern MORE_UNITS = Pattern.compile(
            "^(?:[ ]?[,;][ ]?\\p{Lu}[\\p{Lu}\\d&]*(?:\\p{Ll}\\p{Lu}[\\p{Lu}\\d&]*)*(?:-\\p{Lu}[\\p{Lu}\\d&]*)?)+[ ]*$");

    /** A second word of initials that ends the number line after the notation. */
    private static final Pattern SECOND_INITIALS = Pattern.compile("^[ ](\\p{Lu}{2,8})\\s*$");

    private static final Pattern BLANK_DAY_GAP = Pattern.compile(
            "(,[ ]*+ng[àa]y)[ .…]{2,}+(?=(?:\\d{1,2}[ .…]*+)?th[áa]ng" + Words.BOUNDARY + ")", Pattern.UNICODE_CASE);

    private static final Pattern BLANK_MONTH_GAP = Pattern.compile(
            "(,[ ]*+ng[àa]y[ .…]*+(?:\\d{1,2}[ .…]*+)?th[áa]ng)[ .…]{2,}+(?=(?:\\d{1,2}[ .…]*+)?n[ăa]m" + Words.BOUNDARY
                    + ")",
            Pattern.UNICODE_CASE);

    private static final Pattern SIGNED_MARK = Pattern.compile(
            "[ ]*\\((?:đã|Đã|ĐÃ) (?:ký|KÝ)\\)[ ]*(\\p{Lu}\\p{Ll}+(?:[ ]\\p{Lu}\\p{Ll}+){1,4}(?=[ ]+\\p{Lu}{2,}))?");

    private FieldReader() {}

    public static Extraction read(String rawText) {
        return read(rawText, Budget.unlimited());
    }

    /**
     * The fields of a text within the file's reading budget, checked between the passes over the whole text and
     * between the parts of the document read (ADR 0067, amendment of 2026-12-01). Each pass is linear in the text,
     * bounded by {@link DocumentText#MAX_CHARS}: a spent budget is overrun by one pass at most.
     *
     * @throws ExtractionLimitException when the budget is spent
     */
    static Extraction read(String rawText, Budget budget) {
        budget.check();
        return readStripped(stripped(rawText), budget);
    }

    /**
     * A text as the fields are read from it: stamps, marks, a copy's block and page furniture are no fields, taken out
     * first (ADR 0073). The page furniture takes a stamp's signing time and would leave the name lines it stands under.
     * A PDF layer is judged on this text too ({@link TextLayer#judgeStripped}), stripped once.
     */
    static String stripped(String rawText) {
        return PageFurniture.strip(withoutLeadingSignatureStamp(rawText));
    }

    /** The fields of a text already {@link #stripped}. */
    static Extraction readStripped(String kept, Budget budget) {
        budget.check();
        List<String> lines = lines(kept, budget);
        budget.check();
        Map<String, Double> confidence = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();

        int headerEnd = Math.min(lines.size(), HEADER_LINES);
        int partyMotto = indexOf(
                lines, 0, headerEnd, line -> line.toUpperCase(Locale.ROOT).equals(PARTY_MOTTO));
        int stateMotto = indexOf(
                lines,
                0,
                headerEnd,
                line -> STATE_MOTTO.matcher(line).find()
                        || STRIPPED_MOTTO.matcher(line).find());
        int youthMotto =
                indexOf(lines, 0, headerEnd, line -> YOUTH_MOTTO.matcher(line).matches());
        if (youthMotto < 0) {
            youthMotto = pioneerMotto(lines, headerEnd);
        }

        int numberAt =
                indexOf(lines, 0, headerEnd, line -> NUMBER_LINE.matcher(line).find() && isNumberLine(line));
        Integer number = null;
        String notation = null;
        String plainNotation = null;
        boolean partyForm = false;
        String rawNumberLine = null;
        if (numberAt >= 0) {
            rawNumberLine = lines.get(numberAt);
            Matcher m = NUMBER_LINE.matcher(rawNumberLine);
            if (m.find()) {
                if (m.group(1) != null) {
                    number = Integer.valueOf(m.group(1));
                    confidence.put("number", 0.97);
                }
                partyForm = "-".equals(m.group(2)) || "–".equals(m.group(2));
                if (m.group(4) != null) {
                    // "/HVHNT TS", "/TB- Hội TSVN": a second word of initials ending the line is part of the notation.
                    Matcher initials = SECOND_INITIALS.matcher(rawNumberLine.substring(m.end()));
                    String tail = initials.matches() ? " " + initials.group(1) : moreUnits(rawNumberLine, m.end());
                    notation = notation(m.group(4), "/".equals(m.group(2))) + tail;
                    plainNotation = notation(m.group(4), false) + tail;
                    confidence.put("notation", 0.95);
                    notation = notationTail(lines, numberAt, notation);
                }
            }
        }

        // Issuing bodies: the upper-case lines above the number, less the mottos.
        int earlySubject = indexOf(lines, 0, headerEnd, FieldReader::isSubjectStart);
        int issuerEnd =
                numberAt >= 0 ? numberAt : firstOf(lines, headerEnd, partyMotto, stateMotto, youthMotto, earlySubject);
        if (numberAt < 0) {
            // "ĐOÀN TRƯỜNG …" / "BAN TỔ CHỨC CUỘC THI …" / "THỂ LỆ" / "ĐOÀN TNCS HỒ CHÍ MINH": a header without "Số",
            // read column after column, puts the document's heading before the right column's motto. The heading is
            // no body: the bodies end above it.
            for (int i = 0; i < issuerEnd; i++) {
                if (!lines.get(i).isEmpty() && isUpper(lines.get(i)) && titleOf(lines, i) != null) {
                    issuerEnd = i;
                    break;
                }
            }
        }
        boolean noHeader = numberAt < 0 && partyMotto < 0 && stateMotto < 0 && youthMotto < 0;
        if (noHeader) {
            int dateLine = dateUnderBodies(lines, headerEnd);
            if (dateLine > 0) {
                // No motto and no "Số": the upper-case lines standing over the place and date are the bodies.
                issuerEnd = dateLine;
                noHeader = false;
            }
        }
        List<String> bodies = noHeader ? List.of() : bodies(lines, firstHeaderLine(lines, issuerEnd), issuerEnd);
        if (bodies.isEmpty() && numberAt >= 0 && !noHeader) {
            bodies = bodiesUnderTheNumber(lines, numberAt, headerEnd);
        }
        if (numberAt < 0 && stateMotto >= 0 && issuerEnd == stateMotto && !bodies.isEmpty()) {
            // "LIÊN ĐOÀN LAO ĐỘNG …" / "CỘNG HÒA …" / "CĐCS CÔNG TY …" / "Độc lập - Tự do - Hạnh phúc": a header typed
            // as a table and read row by row puts the motto's first line between the left cell's lines.
            List<String> rows = bodyRowsBetweenTheMottoLines(lines, stateMotto, headerEnd);
            if (!rows.isEmpty()) {
                List<String> header = new ArrayList<>(lines.subList(firstHeaderLine(lines, issuerEnd), issuerEnd));
                header.addAll(rows);
                bodies = bodies(header, 0, header.size());
            }
        }
        String issuer = bodies.isEmpty() ? null : bodies.get(bodies.size() - 1);
        String issuerParent = bodies.size() > 1 ? bodies.get(bodies.size() - 2) : null;
        if (issuer != null) {
            confidence.put("issuer", 0.9);
        }
        if (issuerParent != null) {
            confidence.put("issuerParent", 0.85);
        }
        if (notation != null
                && plainNotation != null
                && !notation.equals(plainNotation)
                && notationMatches(plainNotation, bodies)) {
            // "CĐVC" are the initials of Công đoàn Viên chức, not a Công điện ("CĐ") whose hyphen a PDF lost.
            notation = notationTail(lines, numberAt, plainNotation);
        }

        Family family = null;
        String issuerText = String.join(" ", bodies) + " " + (notation == null ? "" : notation);
        boolean massOrg = isMassOrg(issuerText) || bodies.stream().anyMatch(FieldReader::isAssociation);
        if (partyMotto >= 0) {
            family = Family.PARTY;
            confidence.put("family", 0.98);
        } else if (youthMotto >= 0
                || (stateMotto >= 0
                        && massOrg
                        && !(bodies.size() > 0
                                && STATE_BODY.matcher(bodies.get(0)).find()
                                // "UBND QUẬN BA ĐÌNH" over "HỘI ĐÔNG Y": the committee that manages an association
                                // heads its letter; the association issues it.
                                && !(bodies.size() > 1 && isAssociation(bodies.get(bodies.size() - 1)))))) {
            family = Family.MASS_ORG;
            confidence.put("family", 0.9);
        } else if (stateMotto >= 0) {
            family = Family.STATE;
            confidence.put("family", 0.95);
        } else if (numberAt >= 0) {
            family = massOrg ? Family.MASS_ORG : partyForm ? Family.PARTY : Family.STATE;
            confidence.put("family", 0.6);
            findings.add(new Finding(Code.MISSING_HEADER, null));
        } else {
            findings.add(new Finding(Code.MISSING_HEADER, null));
        }

        // Place and date.
        budget.check();
        LocalDate issuedOn = null;
        String place = null;
        int dateAt = -1;
        for (int i = 0; i < Math.min(lines.size(), HEADER_LINES + 10) && dateAt < 0; i++) {
            String window = lines.get(i) + " " + (i + 1 < lines.size() ? lines.get(i + 1) : "") + " "
                    + (i + 2 < lines.size() ? lines.get(i + 2) : "");
            Matcher m = DATE.matcher(window);
            boolean here = m.find() && m.start() <= lines.get(i).length();
            if (!here && i < headerEnd && isBlankDateLine(lines.get(i))) {
                // "TP. Hồ Chí Minh, ngày    tháng 10 năm 2025": the date line left blank for the signer is the date
                // line; a date cited further down ("Căn cứ Hướng dẫn … ngày 11 tháng 01 năm 2023") is not its date.
                break;
            }
            if (here && isDateLine(lines.get(i), m.start())) {
                dateAt = i;
                try {
                    issuedOn = LocalDate.of(
                            Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                    confidence.put("issuedOn", 0.97);
                } catch (DateTimeException e) {
                    findings.add(new Finding(Code.DATE_FORM, m.group()));
                }
                String before = lines.get(i).substring(0, m.start()).trim();
                place = place(before, i > 0 ? lines.get(i - 1) : "");
                if (place != null) {
                    confidence.put("place", 0.9);
                }
                if (place == null || dateOutOfForm(m)) {
                    findings.add(new Finding(
                            Code.DATE_FORM, pattern("\\s+").matcher(m.group()).replaceAll(" ")));
                }
            }
        }
        if (issuedOn == null && dateAt < 0) {
            findings.add(new Finding(Code.MISSING_DATE, null));
            int blankAt = indexOf(lines, 0, headerEnd, FieldReader::isBlankDateLine);
            if (blankAt >= 0) {
                Matcher m = BLANK_DATE.matcher(lines.get(blankAt));
                if (m.matches()) {
                    place = place(m.group(1), blankAt > 0 ? lines.get(blankAt - 1) : "");
                    if (place != null) {
                        confidence.put("place", 0.8);
                    }
                }
            }
        }

        // Title and subject.
        budget.check();
        int kinhGui = indexOf(
                lines,
                0,
                Math.min(lines.size(), HEADER_LINES + 20),
                l -> KINH_GUI.matcher(l).find());
        String typeName = null;
        String subject = null;
        int titleAt = -1;
        int searchFrom = Math.max(0, numberAt);
        int searchTo = Math.min(lines.size(), HEADER_LINES + 10);
        for (int i = searchFrom; i < searchTo && titleAt < 0; i++) {
            if (i == kinhGui) {
                break;
            }
            String title = titleOf(lines, i);
            if (title != null) {
                titleAt = i;
                typeName = sentenceCase(title);
                confidence.put("typeName", 0.95);
            }
        }
        String inlineSubject = null;
        for (int i = searchFrom; i < searchTo && titleAt < 0; i++) {
            if (i == kinhGui) {
                break;
            }
            Matcher inline = INLINE_TITLE.matcher(lines.get(i));
            Matcher lower = INLINE_LOWER_TITLE.matcher(lines.get(i));
            if (isUpper(lines.get(i)) && inline.matches()) {
                titleAt = i;
                typeName = sentenceCase(inline.group(1));
                confidence.put("typeName", 0.9);
                inlineSubject = inline.group(2).trim();
            } else if (lower.matches()) {
                titleAt = i;
                typeName = sentenceCase(lower.group(1));
                confidence.put("typeName", 0.85);
                inlineSubject = lower.group(2).trim();
            }
        }
        int subjectAt = indexOf(lines, Math.max(0, numberAt), searchTo, FieldReader::isSubjectStart);
        if (numberAt >= 0) {
            int small = smallSubjectStart(lines, numberAt, subjectAt < 0 ? searchTo : subjectAt);
            subjectAt = small >= 0 ? small : subjectAt;
        }
        if (subjectAt < 0 && titleAt < 0 && numberAt >= 0) {
            // The trích yếu is counted from the line after the motto and the date when a copy runs the left column
            // whole, number included, before the right one and puts them between the number and it.
            int under = underRightColumn(lines, numberAt, kinhGui > numberAt ? kinhGui : searchTo);
            // "Về cho học sinh nghỉ học": a công văn whose subject starts with a bare "Về", above "Kính gửi".
            int to = kinhGui > numberAt ? kinhGui : Math.min(searchTo, under + 7);
            subjectAt = indexOf(
                    lines,
                    under,
                    to,
                    line -> pattern("^Về\\s+\\p{Ll}.*").matcher(line).matches());
            String code =
                    notation == null ? "" : pattern("[-/]").split(notation)[0].toUpperCase(Locale.ROOT);
            boolean congVan = !TYPE_CODES.containsKey(code) || "Công văn".equals(TYPE_CODES.get(code));
            // A copy keeping a blank line between each two lines only in part of its text keeps them here too.
            if (subjectAt < 0
                    && congVan
                    && kinhGui > numberAt
                    && (kinhGui - under <= 7 || nonEmpty(lines, under, kinhGui) <= 3)) {
                // The trích yếu of a công văn sits under its number, above "Kính gửi", with or without "V/v".
                subjectAt = indexOf(lines, under, kinhGui, FieldReader::isPlainSubject);
            }
        }
        if (subjectAt >= 0 && (titleAt < 0 || subjectAt < titleAt)) {
            subject = joinSubject(lines, subjectAt, false);
            confidence.put("subject", 0.9);
            if (typeName == null) {
                typeName = "Công văn";
                confidence.put("typeName", 0.9);
            }
        } else if (inlineSubject != null) {
            String more = titleAt + 1 < lines.size() && !lines.get(titleAt + 1).isEmpty()
                    ? joinSubject(lines, titleAt + 1, true)
                    : null;
            subject = more == null ? inlineSubject : inlineSubject + " " + more;
            confidence.put("subject", 0.8);
        } else if (titleAt >= 0) {
            int titleLines = lines.get(titleAt)
                                    .toUpperCase(Locale.ROOT)
                                    .replaceAll("\\s+", " ")
                                    .length()
                            < sentenceCase(typeName).length()
                    ? 2
                    : 1;
            subject = withoutRestatedTitle(joinSubject(lines, titleAt + titleLines, true));
            if (subject != null) {
                confidence.put("subject", 0.85);
            }
        }
        // "QUYẾT ĐỊNH:" after the preamble is the decision's formula, not a heading with a subject under it.
        boolean formulaOnly = titleAt >= 0 && lines.get(titleAt).trim().endsWith(":");
        if (subject == null && subjectAt < 0 && (titleAt < 0 || formulaOnly) && numberAt >= 0) {
            subject = subjectAboveTheAuthority(lines, underRightColumn(lines, numberAt, searchTo));
            if (subject != null) {
                confidence.put("subject", 0.7);
            }
        }
        if (issuer != null && numberAt >= 0 && GENERIC_COUNCIL.matcher(issuer).matches()) {
            issuer = authorityNaming(lines, numberAt, issuer);
        }
        if (family == null && subject != null && isMassOrg(subject)) {
            // No header band at all (a letter published as a web page): the subject may still name the body.
            family = Family.MASS_ORG;
            confidence.put("family", 0.5);
        }
        if (typeName == null && notation != null) {
            // A legal act's number carries its year before the type code: "02/2011/TTLT-VPCP-BNV".
            String coded =
                    partyForm ? notation : pattern("^\\d{4}/").matcher(notation).replaceFirst("");
            String code = pattern("[-/]").split(coded)[0].toUpperCase(Locale.ROOT);
            typeName = TYPE_CODES.get(code);
            if (typeName == null && coded.contains("/")) {
                // Old state notations put the type last: "6-LĐ/TT".
                String[] codes = pattern("[-/]").split(coded);
                typeName = TYPE_CODES.get(codes[codes.length - 1].toUpperCase(Locale.ROOT));
            }
            if (typeName == null && !partyForm && !coded.contains("/")) {
                // A công văn's notation is the issuer and its unit ("UBND-VX") or the issuer alone ("LĐLĐ"): no type
                // code.
                typeName = "Công văn";
            }
            if (typeName != null) {
                confidence.put("typeName", 0.7);
            }
        }

        // Addressees.
        budget.check();
        List<String> addressees = null;
        if (kinhGui >= 0) {
            addressees = listAfter(lines, kinhGui, KINH_GUI);
            if (addressees.isEmpty()) {
                addressees = null;
            } else {
                confidence.put("addressees", 0.9);
            }
        } else if ("Công văn".equals(typeName)) {
            findings.add(new Finding(Code.MISSING_ADDRESSEES, null));
        }

        // Foot: distribution and signer.
        budget.check();
        int noiNhan = lastIndexOf(lines, l -> NOI_NHAN.matcher(l).find());
        List<String> distribution = null;
        int unlabelled = noiNhan < 0 ? unlabelledDistribution(lines, titleAt, kinhGui) : -1;
        if (noiNhan >= 0 || unlabelled >= 0) {
            // Without its label (a scan's OCR lost it), the list is read from the line before its first item.
            distribution = listAfter(lines, noiNhan >= 0 ? noiNhan : unlabelled - 1, NOI_NHAN);
            if (distribution.isEmpty()) {
                distribution = null;
            } else {
                confidence.put("distribution", 0.9);
            }
        } else {
            findings.add(new Finding(Code.MISSING_DISTRIBUTION, null));
        }
        int headerDone = Math.max(Math.max(numberAt, dateAt), Math.max(titleAt, kinhGui)) + 3;
        Signer signer = signer(lines, noiNhan, headerDone, family, issuer, confidence);
        if (signer == null) {
            findings.add(new Finding(Code.MISSING_SIGNER, null));
        }

        // Layout checks on the number.
        budget.check();
        if (number == null) {
            findings.add(new Finding(Code.MISSING_NUMBER, rawNumberLine));
        } else if (family != null && rawNumberLine != null) {
            boolean colon = pattern("^S\\S*\\s*:.*").matcher(rawNumberLine).matches();
            boolean partyFamily = family == Family.PARTY;
            if (partyFamily != partyForm || (!partyFamily && !colon)) {
                findings.add(new Finding(Code.NUMBER_FORM, rawNumberLine));
            }
        }
        if (notation != null && issuer != null && !notationMatches(notation, bodies)) {
            findings.add(new Finding(Code.NOTATION_ISSUER_MISMATCH, notation));
        }
        if (issuer == null) {
            findings.add(new Finding(Code.MISSING_ISSUER, null));
        }
        if (notation != null && !partyForm) {
            // A state notation excludes the number and, for a legal act, its year ("15/2014/QĐ-UBND").
            notation = pattern("^\\d{4}/").matcher(notation).replaceFirst("");
        }
        return new Extraction(
                family,
                typeName,
                number,
                notation,
                issuedOn,
                place,
                issuer,
                issuerParent,
                subject,
                addressees,
                distribution,
                signer,
                confidence,
                findings);
    }

    // ---------------------------------------------------------------- text to lines

    /**
     * Cleans the text and cuts it back into lines at the anchors: mottos, "Số", "Kính gửi", "Nơi nhận", signer
     * competences, so that a flattened two-column header becomes the lines it was drawn as.
     */
    static List<String> lines(String raw) {
        return lines(raw, Budget.unlimited());
    }

    /**
     * "Kính gửi:" alone on its line, then the header's right column (the motto, its second line, the place and date),
     * then the addressees: a PDF of a Word table read column after column, where the left cell of the header runs down
     * to the label, puts the right column under it (two real files of a provincial education department read so). The
     * column goes back above the label, where it stands on the page, so that the addressees follow the label and the
     * date is read as the header's.
     */
    private static final Pattern RIGHT_COLUMN_UNDER_THE_LABEL =
            Pattern.compile("(?m)^([ ]*K[íi]nh gửi[ ]*:?[ ]*)\n((?:[ ]*\n|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM[ ]*\n"
                    + "|ĐẢNG CỘNG SẢN VIỆT NAM[ ]*\n|Độc lập - Tự do - Hạnh phúc[ ]*\n"
                    + "|[^\n,]{1,40},[ ]*ngày[^\n]{0,60}\n){2,16})");

    private static String rightColumnUnderTheLabel(String text) {
        Matcher label = RIGHT_COLUMN_UNDER_THE_LABEL.matcher(text);
        StringBuilder moved = new StringBuilder();
        while (label.find()) {
            String column = label.group(2);
            boolean motto = column.contains("VIỆT NAM\n") || column.contains("Hạnh phúc");
            label.appendReplacement(
                    moved, Matcher.quoteReplacement(motto ? column + label.group(1) + "\n" : label.group()));
        }
        label.appendTail(moved);
        return moved.toString();
    }

    /**
     * "Số: 65", "Số: /", "Kính gửi:", "Nơi nhận:", "V/v " after other text on a line start a line of their own, in this
     * order (each pass sees the lines the one before cut).
     */
    private static final List<Pattern> LABELS_THAT_START_A_LINE = List.of(
            Pattern.compile("(?<=\\S)[ ]+(S[ốô]\\s*:?\\s*\\d)"),
            Pattern.compile("(?<=\\S)[ ]+(S[ốô]\\s*:\\s*/)"),
            Pattern.compile("(?<=\\S)[ ]+(K[íi]nh gửi\\s*:)"),
            Pattern.compile("(?<=\\S)[ ]+(N[ơo]i nhận\\s*:)"),
            Pattern.compile("(?<=\\S)[ ]+(V/v\\s)"));

    /** The same, the budget checked between every few of its passes over the whole text. */
    private static List<String> lines(String raw, Budget budget) {
        String text = Normalizer.normalize(invisibleMarksOut(raw), Normalizer.Form.NFC)
                .replace('\u00A0', ' ')
                .replace("\t", "    ")
                .replace('\u00D0', 'Đ')
                .replace('\u00F0', 'đ')
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('|', '\n');
        // A web page's line breaks copied as markup ("SỰ KIỆN NỔI BẬT <br> KẾ HOẠCH<br> …").
        // Started only where a run of spaces starts: from each space of a long run, the scan to its end was quadratic.
        text = pattern("(?i)(?<![ ])[ ]*+<br[ ]*+/?>[ ]*+").matcher(text).replaceAll("\n");
        text = halveDoubledSpacing(text);
        budget.check();
        // Marks left alone by a font that lost its letters ("thiêt hai ̀ ̣ ̣").
        text = pattern("[ ]\\p{M}+").matcher(text).replaceAll("");
        text = pattern("(?m)^([ ]*S[ốôồổ]\\s*:?)[ ]*\\n[ ]*(?=\\d|/)")
                .matcher(text)
                .replaceAll("$1 ");
        // "Nghị quyết số: 653/2019/UBTVQH14": a legal act names its type before "số".
        // The number may have gone to the next line, as a narrow header cell wraps "Nghị quyết số:".
        text = pattern(
                        "(?m)^[ ]*(?:Nghị quyết|Quyết định|Nghị định|Thông tư|Chỉ thị|Pháp lệnh|Luật|Lệnh)[ ]+s([ốô])[ ]*:"
                                + "(?:[ ]*\\n)?(?=[ ]*\\d)")
                .matcher(text)
                .replaceAll("S$1: ");
        // "Số: 2917" and "/SGDĐT-VP" on the next line: a notation wrapped at the space before its slash.
        text = pattern("(?m)^([ ]*S[ốô][ ]*:?[ ]*\\d{1,6})[ ]*\\n[ ]*(?=/[ ]*\\p{Lu})")
                .matcher(text)
                .replaceAll("$1 ");
        // A number or a date left blank for the signer to fill in leaves a wide gap too, but inside one line, not
        // between two columns: "Số   -/ĐU", "Số:   /KH-ĐTN", "Thái Nguyên, ngày   tháng 10 năm 2021".
        text = BLANK_NUMBER_GAP.matcher(text).replaceAll("$1 ");
        text = NUMBER_SLASH_GAP.matcher(text).replaceAll("$1");
        text = BLANK_DAY_GAP.matcher(text).replaceAll("$1 ");
        text = BLANK_MONTH_GAP.matcher(text).replaceAll("$1 ");
        // Two columns drawn side by side come out with a wide gap between them.
        text = pattern("(?<=\\S)[ ]{4,}(?=\\S)").matcher(text).replaceAll("\n");
        // A rule drawn under or over a name as a run of one character ("-----", "___", "***", "¯¯¯", "═══", "~~~") is
        // decoration wherever it stands on the line.
        text = ORNAMENTED_RULE.matcher(text).replaceAll("\n");
        text = DECORATION_RUN.matcher(text).replaceAll("\n");
        // "BAN TUYÊN GI" / "ÁO", "CỘNG HÒA XÃ HỘ" / "I …": header cells a site's table cut inside a word.
        text = String.join("\n", wordsBrokenByCells(List.of(text.split("\n", -1))));
        // "PHÒNG GIÁO DỤCVÀ ĐÀO TẠO": a text layer that dropped the space between two heading words.
        text = String.join("\n", wordsRunTogether(List.of(text.split("\n", -1))));
        text = STATE_MOTTO_SPLIT.matcher(text).replaceAll("\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n");
        text = STRIPPED_MOTTO.matcher(text).replaceAll("\n$0\n");
        text = STRIPPED_SECOND_MOTTO.matcher(text).replaceAll("\n$0\n");
        // The Youth Union's name broken over two lines, as a narrow column or a scan's line finding leaves it.
        text = YOUTH_MOTTO_BROKEN.matcher(text).replaceAll("ĐOÀN TNCS HỒ CHÍ MINH");
        // "ĐOÀN TNCS HỒ CHÍ MINH TP HÀ NỘI" names the city's Youth Union, the body above the issuer; the motto is the
        // Union's name alone.
        text = YOUTH_MOTTO_IN_LINE.matcher(text).replaceAll("\nĐOÀN TNCS HỒ CHÍ MINH\n");
        // "ĐẢNG BỘ KHỐI ... ĐẢNG ỦY TRƯỜNG ...": a Party header flattened into one line; a party organisation ("đảng
        // bộ")
        // is always above the committee or cell that issues.
        text = pattern("(?m)^(ĐẢNG BỘ [\\p{Lu} ]+?)[ \\t]+((?:ĐẢNG ỦY|ĐẢNG UỶ|CHI BỘ)[ \\t]+\\p{Lu})")
                .matcher(text)
                .replaceAll("$1\n$2");
        // "HỘI KHUYẾN HỌC VIỆT NAM TỈNH HỘI HƯNG YÊN": a mass organisation's header flattened into one line. A national
        // organisation's name ends with "VIỆT NAM"; the body that follows it on the line is the one under it.
        text = pattern(
                        "(?m)^([ ]*(?:HỘI|LIÊN HIỆP|LIÊN ĐOÀN|TỔNG LIÊN ĐOÀN|CÔNG ĐOÀN|LIÊN MINH) [\\p{Lu} ]+? VIỆT NAM)[ ]+"
                                + "((?:TỈNH HỘI|THÀNH HỘI|HUYỆN HỘI|QUẬN HỘI|TRUNG ƯƠNG HỘI|BAN CHẤP HÀNH|BCH|BAN |HỘI |CÔNG ĐOÀN"
                                + "|LIÊN ĐOÀN)[\\p{Lu} ])")
                .matcher(text)
                .replaceAll("$1\n$2");
        text = pattern("(?<=\\p{Lu})(Về việc|V/v)").matcher(text).replaceAll("\n$1");
        text = pattern("(năm\\s+\\d{4})[ ]+(?=\\p{Lu}{2,}\\s+\\p{Lu}{2,})")
                .matcher(text)
                .replaceAll("$1\n");
        text = SECOND_MOTTO.matcher(text).replaceAll("\nĐộc lập - Tự do - Hạnh phúc\n");
        text = pattern("(?i)ĐẢNG\\s+CỘNG\\s+SẢN\\s+VIỆT\\s+NAM").matcher(text).replaceAll("\nĐẢNG CỘNG SẢN VIỆT NAM\n");
        // The Party's motto as OCR misreads its marks ("ĐẲNG CỘNG SÁN VIỆT NAM", "ĐẢẲNG CỘNG SẢN VIỆT-NAM"): in
        // capitals, no other line of a header reads so.
        text = MISREAD_PARTY_MOTTO.matcher(text).replaceAll("\nĐẢNG CỘNG SẢN VIỆT NAM\n");
        budget.check();
        for (Pattern label : LABELS_THAT_START_A_LINE) {
            text = label.matcher(text).replaceAll("\n$1");
        }
        text = subjectOffTheNumberLine(text);
        // "ỦY BAN MTTQ … BAN TUYÊN GIÁO Về việc đón đọc …": a header cell kept as one paragraph, without a number, runs
        // the subject into the issuer's name.
        text = issuerOffTheSubjectLine(text);
        text = dateOffTheSubjectLine(text);
        budget.check();
        text = rightColumnUnderTheLabel(text);
        text = pattern("(?<=[;.:])[ ]+((?:T/M|TM\\.|K/T|KT\\.|T/L|TL\\.|TUQ\\.)\\s*\\p{Lu}{2,})")
                .matcher(text)
                .replaceAll("\n$1");
        // A list item after a colon, but not the dash of a number left blank: "Số: - HD/TWĐTN".
        text = pattern("(?<![Ss][ốôồổo]:)(?<=[;:.])[ ]+([-–] )").matcher(text).replaceAll("\n$1");
        // "Nơi nhận:- Như trên;- Thủ tướng …;- Lưu …": a list flattened into one line with no space around its dashes.
        text = pattern("(?<![Ss][ốôồổo]:)(?<=[;:])([-–])(?=[ ]?\\p{Lu})")
                .matcher(text)
                .replaceAll("\n$1 ");
        // "Nơi nhận: -Phòng GD&ĐT (b/c); -BGH (t/h); - Lưu (VT)": the same list with a space before each dash and the
        // dash glued to the item it opens.
        text = pattern("(?<![Ss][ốôồổo]:)(?<=[;:])[ ]+([-–])(?=\\p{Lu})")
                .matcher(text)
                .replaceAll("\n$1 ");
        // The place and date drawn beside the number on one line: "Số: /TTr-TTCP Hà Nội, ngày ...", or with the rest
        // of the date on the next line, as a cell too narrow for both wraps it.
        text = pattern(
                        "(?m)^([ ]*S[ốô][ ]*:?[^\\n]*?\\S)[ ]+(\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){0,3},)[ ]*(?:\\n[ ]*)?"
                                + "(ng[àa]y" + Words.BOUNDARY + ")")
                .matcher(text)
                .replaceAll("$1\n$2 $3");
        // A flattened header: the star under the issuer before the number, and the central committee run into the
        // name of its office on one line ("BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG").
        text = pattern("[ ]+\\*[ ]+(?=S[ốô])").matcher(text).replaceAll("\n");
        text = pattern("(?m)(?<=\\p{Lu})[ ]+\\*[ ]*$").matcher(text).replaceAll("");
        text = pattern("(?m)^([ ]*BAN CHẤP HÀNH TRUNG ƯƠNG)[ ]+(?=(?:VĂN PHÒNG|BAN |ỦY BAN|UỶ BAN|HỘI ĐỒNG)\\p{Lu}*)")
                .matcher(text)
                .replaceAll("$1\n");
        // A signed copy: "(đã ký)" stands between the position and the name, and the name ends the line.
        text = SIGNED_MARK
                .matcher(text)
                .replaceAll(m -> m.group(1) == null ? "\n(đã ký)\n" : "\n(đã ký)\n" + m.group(1) + "\n");
        text = signatureRunTogether(text);
        budget.check();
        // "TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀNBÍ THƯ THƯỜNG TRỰC": competence and position run together on one line.
        text = text.replaceAll(
                "(?m)^((?:T/M|TM\\.|K/T|KT\\.)[ ]*\\p{Lu}+[ ]+[\\p{Lu} ]*?)[ ]*((?:PHÓ )?(?:(?<!(?:T/M|TM\\.)[ ]{0,3}BAN )BÍ THƯ"
                        // "TM. ĐOÀN CHỦ TỊCH", "T/M BAN BÍ THƯ": a presidium and a secretariat are bodies signed for.
                        + "|(?<!(?:T/M|TM\\.)[ ]{0,3}ĐOÀN )CHỦ TỊCH|TRƯỞNG BAN|GIÁM ĐỐC)(?: THƯỜNG TRỰC)?)[ ]*$",
                "$1\n$2");
        // "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH …", "TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ …": what the rules above
        // leave of a signature run into one line.
        text = flattenedSignature(text);
        // "… CHỦ NHIỆMNguyễn Xuân Phúc": a foot flattened into one line runs the position into the name under it. A
        // position is two words in capitals at least; a brand at a line's end ("Báo VNExpress Online") is not one.
        text = pattern("(?m)((?<!\\p{L})\\p{Lu}{2,}[ ,]+\\p{Lu}{2,})(\\p{Lu}\\p{Ll}+(?:[ ]+\\p{Lu}\\p{Ll}*){1,4})[ ]*$")
                .matcher(text)
                .replaceAll("$1\n$2");
        // "- Như trên; TRƯỞNG BAN": the signer's position drawn beside a list item.
        text = pattern(
                        "(?m)(?<=[;,])[ ]+((?:PHÓ )?(?:CHỦ TỊCH|BÍ THƯ|TRƯỞNG BAN|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|THƯỜNG TRỰC)[\\p{Lu} ]*)$")
                .matcher(text)
                .replaceAll("\n$1");
        // "- Lưu: VT, QHQT (3). 26 BỘ TRƯỞNG, CHỦ NHIỆM": the position run into the copy count that ends the list.
        text = pattern(
                        "(?m)(?<=[\\d)])[ ]+((?:PHÓ )?(?:CHỦ TỊCH|BÍ THƯ|TRƯỞNG BAN|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|CHỦ NHIỆM"
                                + "|HIỆU TRƯỞNG|VIỆN TRƯỞNG|CỤC TRƯỞNG|TỔNG GIÁM ĐỐC)[\\p{Lu} ,]*)$")
                .matcher(text)
                .replaceAll("\n$1");
        budget.check();
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            budget.check();
            String cleaned = pattern("[ ]{2,}").matcher(line).replaceAll(" ").trim();
            // The star under the issuer, which OCR also reads as "+" or "×", and rules drawn as dashes, dots or lines.
            if (pattern("[-–—―_=*+×.·…¯‾~═─━\\s]+").matcher(cleaned).matches() && !cleaned.equals("*")) {
                cleaned = "";
            }
            if (cleaned.equals("*")) {
                cleaned = "";
            }
            lines.add(cleaned);
        }
        return lines;
    }

    /**
     * What web pages and converters put into a text without a glyph or in another width: zero-width spaces and joiners,
     * byte order marks and soft hyphens inside words are dropped, the other widths of space are a space, and full-width
     * digits, letters and signs ("Số：１２") are the ASCII ones.
     */
    static String invisibleMarksOut(String raw) {
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD') {
                continue;
            }
            if ((c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F' || c == '\u3000') {
                text.append(' ');
            } else if (c >= '\uFF01' && c <= '\uFF5E') {
                text.append((char) (c - '\uFF01' + '!'));
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /**
     * "ỦY BAN MTTQ … BAN TUYÊN GIÁO Về việc đón đọc …": the words in capitals (two capitals running at least) that
     * open a line without a small letter before "Về việc", put on a line of their own. Read line by line in one pass:
     * the pattern it replaces, {@code ^([^\n\p{Ll}]*\p{Lu}{2,}[^\n\p{Ll}]*?)[ ]+(?=Về việc\s)}, tried every end of
     * its first group against every end of its last on a line of capitals (ADR 0067: "UBND " over 40,000 characters
     * took 71 s).
     */
    static String issuerOffTheSubjectLine(String text) {
        if (!text.contains("Về việc")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int at = subjectAfterCapitals(text, start, end);
            if (at < 0) {
                out.append(text, start, end);
            } else {
                out.append(text, start, spacesBefore(text, start, at))
                        .append('\n')
                        .append(text, at, end);
            }
            if (end < text.length()) {
                out.append('\n');
            }
            start = end + 1;
        }
        return out.toString();
    }

    /**
     * Where "Về việc" (and a space) starts on the line from {@code start} to {@code end}, after spaces and a head with
     * two capitals running and no small letter; -1 if it does not.
     */
    private static int subjectAfterCapitals(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.getType(text.charAt(i)) == Character.LOWERCASE_LETTER) {
                // The first small letter is the "ề" of "Về việc", or the line is no such line.
                int at = i - 1;
                boolean subject = at > start
                        && text.startsWith("Về việc", at)
                        && at + 7 < text.length()
                        && " \t\n\u000B\f\r".indexOf(text.charAt(at + 7)) >= 0
                        && text.charAt(at - 1) == ' ';
                return subject && capitalsRun(text, start, spacesBefore(text, start, at)) ? at : -1;
            }
        }
        return -1;
    }

    private static int spacesBefore(String text, int from, int at) {
        int i = at;
        while (i > from && text.charAt(i - 1) == ' ') {
            i--;
        }
        return i;
    }

    private static boolean capitalsRun(String text, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (Character.getType(text.charAt(i)) == Character.UPPERCASE_LETTER
                    && Character.getType(text.charAt(i - 1)) == Character.UPPERCASE_LETTER) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Số 65-CV/BTGQU Về việc gửi tài liệu …": a page that keeps the header's left cell as one paragraph runs the
     * subject into the number's line; "V/v" is cut off wherever it stands, "Về việc", "V/v:" and "V.v." only after a
     * number's notation.
     */
    static String subjectOffTheNumberLine(String text) {
        return pattern("(?m)^([ ]*S[ốô][ ]*:?[ ]*\\d[^\\n]*?[\\p{Lu}\\d])[ ]+(Về việc" + Words.BOUNDARY
                        + "|V/[vV]:|V\\.[vV]\\.|Vv:)")
                .matcher(text)
                .replaceAll("$1\n$2");
    }

    /** A position that ends the signature's upper-case lines, the signer's name written after it. */
    // The position is matched, not looked behind for: a look-behind of twelve words tried at every character of the
    // text was a fifth of the time of reading a document.
    private static final Pattern NAME_AFTER_POSITION = Pattern.compile(
            "(?m)(CHỦ TỊCH|BÍ THƯ|TRƯỞNG|TRƯỞNG BAN|TRƯỞNG PHÒNG|GIÁM ĐỐC|CHỦ NHIỆM|THƯỜNG TRỰC|ỦY VIÊN|UỶ VIÊN"
                    + "|CHÁNH VĂN PHÒNG|THỦ TƯỚNG)[ ]+(?=\\p{Lu}\\p{Ll}+(?:[ ]+\\p{Lu}\\p{Ll}*){1,4}[ ]*$)");

    /**
     * "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", "KT. BỘ TRƯỞNG THỨ TRƯỞNG": the deputy's position written after the competence he
     * signs for.
     */
    private static final Pattern DEPUTY_AFTER_COMPETENCE = Pattern.compile(
            "(?m)^([ ]*(?:K/T|KT\\.)[ ]*\\p{Lu}[\\p{Lu} ,]*?\\p{Lu})[ ]+(PHÓ [\\p{Lu} ,]+|THỨ TRƯỞNG)$");

    /**
     * A foot whose lines a web page ran together with spaces ("… TM. BAN THƯỜNG VỤ PHÓ BÍ THƯ Nguyễn Chí Lâm", "KT. BỘ
     * TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Nguyễn Khắc Định"): the name after the position, and a deputy's position after
     * the competence, go back on lines of their own.
     */
    static String signatureRunTogether(String text) {
        String cut = NAME_AFTER_POSITION.matcher(text).replaceAll("$1\n");
        return DEPUTY_AFTER_COMPETENCE.matcher(cut).replaceAll("$1\n$2");
    }

    /**
     * "V/v quyên góp ủng hộ đồng bào miền Trung Hà Nội, ngày 08 tháng 10 năm 2010": a page that runs the header's cells
     * together puts the right column's place and date after the subject. The place is the last two capitalised words
     * before ", ngày" ("Hà Nội", "Bà Rịa-Vũng Tàu", "Tp.Hồ Chí Minh" with its three), after "TP." or "Thành phố" if
     * written; a place of more words than that keeps its first ones with the subject, which a clerk sees at once.
     */
    private static final Pattern DATE_AFTER_SUBJECT = Pattern.compile(
            "(?m)^([ ]*(?:V/v|V/V|Về việc|Về:)[^\\n]*?\\S)[ ]+((?:(?:TP|Tp|TX|Tx)\\.[ ]?|Thành phố |Thị xã )?"
                    + "(?:\\p{Lu}\\p{Ll}*(?:-\\p{Lu}\\p{Ll}*)?[ ])?(?:Chí[ ]Minh|\\p{Lu}\\p{Ll}*(?:-\\p{Lu}\\p{Ll}*)?)"
                    + "[ ]*,[ ]*ng[àa]y[ ]*\\d{1,2}[ ]*th[áa]ng[ ]*\\d{1,2}[ ]*năm[ ]*\\d{4}\\.?[ ]*)$");

    static String dateOffTheSubjectLine(String text) {
        return DATE_AFTER_SUBJECT.matcher(text).replaceAll("$1\n$2");
    }

    /**
     * Some converters write every space twice, or every line as a paragraph followed by an empty one; read as they
     * come, a gap of two spaces looks like the gap between two columns and a title broken over three lines looks like
     * three paragraphs. When nearly all the text is spaced so, every run is halved back to what it stood for.
     */
    static String halveDoubledSpacing(String text) {
        String result = text;
        int single = count(result, SINGLE_SPACE);
        int doubled = count(result, DOUBLE_SPACE);
        if (doubled > 20 && doubled > 4 * single) {
            result = result.replace("  ", " ");
        }
        int lines = count(result, LINE);
        int followedByBlank = count(result, LINE_THEN_BLANK);
        int followedByLine = count(result, LINE_THEN_LINE);
        if (lines > 10 && followedByBlank > 9 * followedByLine) {
            result = pattern("\\n[ ]*\\n").matcher(result).replaceAll("\n");
        }
        return result;
    }

    private static final Pattern SINGLE_SPACE = Pattern.compile("(?<=\\S) (?=\\S)");

    private static final Pattern DOUBLE_SPACE = Pattern.compile("(?<=\\S)  (?=\\S)");

    private static final Pattern LINE = Pattern.compile("(?m)^[ ]*\\S.*$");

    private static final Pattern LINE_THEN_BLANK = Pattern.compile("(?m)^[ ]*\\S.*\\n[ ]*\\n");

    private static final Pattern LINE_THEN_LINE = Pattern.compile("(?m)^[ ]*\\S.*\\n(?=[ ]*\\S)");

    private static int count(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * A scan's text less what specks of dust became: a lone mark at the end of a line ("kết quả :") or a line of one to
     * three marks ("›", "'."), which OCR reads where the page had no letter; an underscore or two between words ("__
     * ỦY BAN NHÂN DÂN", "ĐÀ NẴNG _"); a lone letter after a line that no Vietnamese word is made of ("TỈNH QUẢNG NAM Ï").
     */
    static String withoutOcrSpecks(String text) {
        // Each run of spaces tried once, from its first space (a failed match split a long run every way).
        String cleaned = pattern("(?m)(?<![ ])[ ]++[:;.,'‘’`›‹»«~^°_]{1,2}[ ]*+$")
                .matcher(text)
                .replaceAll("")
                .replaceAll("(?m)^[ ]*[^\\p{L}\\p{N}*\\s-]{1,3}[ ]*$", "")
                .replaceAll("(?m)^[ ]*[_ˆ]{1,2}[ ]+(?=\\S)", "")
                .replaceAll("(?m)(?<![ ])[ ]++[_ˆ]{1,2}[ ]*+$", "");
        // Between two columns, blanked rather than cut: the width of the gap tells the columns apart.
        cleaned = UNDERSCORE_SPECK
                .matcher(cleaned)
                .replaceAll(speck -> " ".repeat(speck.group().length()));
        cleaned = FOREIGN_SPECK.matcher(cleaned).replaceAll(speck -> isVietnamese(speck.group(1)) ? "$0" : "");
        return withoutGluedSpecks(cleaned);
    }

    /**
     * Specks Tesseract glues into a word or between two, which cost a long subject in capitals its match: a quotation
     * mark inside a word ("ĐẢ“NG": no word holds one), a dot between two words in capitals or after a date ("TRONG.TÌNH
     * HÌNH", "03/9/2019.CỦA BAN"; "TP.HCM", after two letters, is left, and so is a notation's part after its dash or
     * slash, "KH-THPT.PB", unless a word follows it, "QĐ-UBND.NGÀY"), a dot after a comma ("NHIỆM VỤ,.QUYỀN"), a
     * fraction slash read for a slash ("03⁄9/2019"), a
     * section sign read for an 8 inside a code ("CV-PA§3"; no code holds one), and a vowel read twice with two marks ("ĐÁẢNG": no Vietnamese
     * word has two a's running; the second is kept, and the lexicon puts back a phrase's marks).
     */
    static String withoutGluedSpecks(String text) {
        return pattern("(?<=\\p{L})[“”\"](?=\\p{L})")
                .matcher(text)
                .replaceAll("")
                .replaceAll(
                        "(?<=[\\p{Lu}\\d]{3})(?:(?<![-/]\\p{Lu}{3,12})|(?!\\.[A-ZĐ]{1,5}(?!\\p{L})))"
                                + "\\.(?=\\p{Lu}{2})",
                        " ")
                .replaceAll(",\\.(?=\\p{L})", ", ")
                .replaceAll("[\u2044\u2215](?=\\d)", "/")
                .replaceAll("(?<=[\\p{Lu}\\d])§|§(?=\\d)", "8")
                .replaceAll("(?<=\\p{L})" + A_VOWEL + "(?=" + A_VOWEL + ")", "");
    }

    /** The letter a under any of its marks, in either case. */
    private static final String A_VOWEL = "[aăâáàảãạắằẳẵặấầẩẫậAĂÂÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬ]";

    private static final Pattern UNDERSCORE_SPECK = Pattern.compile("(?<=[ ])[_ˆ]{1,2}(?=[ ])");

    /** A token of one or two letters at the end of a line, after a space. */
    private static final Pattern FOREIGN_SPECK = Pattern.compile("(?m)(?<![ ])[ ]++(\\p{L}{1,2})[ ]*+$");

    /**
     * Whether every letter of {@code word} is one Vietnamese is written with: a Latin letter or "đ", under none but
     * Vietnamese marks (grave, acute, tilde, hook, dot below, circumflex, breve, horn).
     */
    private static boolean isVietnamese(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || c == 'đ';
            boolean mark = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b".indexOf(c) >= 0;
            if (!letter && !mark) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- a flattened foot

    /**
     * A competence's mark inside a line, not inside a word or a notation: "TM.", "T.M.", "T/M", "KT.", "K.T.", "K/T",
     * "TL.", "T.L.", "T/L", "TUQ.", "T/U", followed by a word in capitals.
     */
    private static final Pattern COMPETENCE_MARK = Pattern.compile(
            "(?<![\\p{L}\\d./-])(?:T/M|T\\.M\\.?|TM\\.|K/T|K\\.T\\.?|KT\\.|T/L|T\\.L\\.?|TL\\.|TUQ\\.|T/U)(?=[ ]*\\p{Lu}{2})");

    private static final Pattern DEPUTY = Pattern.compile("(?:PHÓ|P\\.|THỨ TRƯỞNG|ỦY VIÊN|UỶ VIÊN)" + Words.BOUNDARY);

    /** The most words in capitals a competence and a position run together hold. */
    private static final int SIGNATURE_WORDS = 18;

    /**
     * Words after which a body's or a title's name goes on before a title's word: a competence never ends with one
     * ("TM. BAN GIÁM ĐỐC" is no "TM. BAN", "TỔNG BÍ THƯ" no "TỔNG" then "BÍ THƯ"), so the position cannot start after
     * it.
     */
    private static final Set<String> NAME_GOES_ON = Set.of("BAN", "PHÓ", "TỔNG", "CỦA", "VÀ", "QUYỀN");

    /** The units whose head is a "TRƯỞNG …": "TRƯỞNG PHÒNG", "TRƯỞNG BAN"; otherwise "TRƯỞNG" ends a title ("BỘ TRƯỞNG"). */
    private static final Set<String> HEADED_UNIT = Set.of(
            "BAN", "PHÒNG", "KHOA", "ĐOÀN", "TRẠM", "BỘ", "TIỂU", "CHI", "ĐÀI", "TRẠI", "KHU", "NHÓM", "LỚP", "ĐỘI",
            "TỔ", "THÔN", "ẤP", "BẢN", "XÓM");

    /**
     * "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A", "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ Nguyễn Văn B", "TM. ỦY BAN NHÂN DÂN KT.
     * CHỦ TỊCH PHÓ CHỦ TỊCH …", "- Lưu VT TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ …": a signature block a page ran into one line,
     * after the Nơi nhận items or not, goes back on the lines it was drawn on: each competence, the position, the name.
     * Where the competence ends is not marked; it is told from what each is. A "TM." names a body, a "KT." the title
     * the deputy signs for (itself a position), a "TL." or "TUQ." either; the position is a title of the closed
     * vocabulary ({@link #POSITION}, its "PHÓ …" forms, a unit's head) and the rest of the capitals; the competence
     * never ends on a word a name goes on after ("BAN", "BỘ"), and "TRƯỞNG" starts a title only before a unit
     * ("TRƯỞNG PHÒNG", not "BỘ TRƯỞNG"). The shortest competence that leaves a whole position is taken. Read line by
     * line, each mark's capitals at most {@value #SIGNATURE_WORDS} words: linear in the text.
     */
    static String flattenedSignature(String text) {
        if (!COMPETENCE_MARK.matcher(text).find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            out.append(signatureLine(text.substring(start, end)));
            if (end < text.length()) {
                out.append('\n');
            }
            start = end + 1;
        }
        return out.toString();
    }

    private static String signatureLine(String line) {
        Matcher mark = COMPETENCE_MARK.matcher(line);
        List<int[]> marks = new ArrayList<>();
        while (mark.find()) {
            marks.add(new int[] {mark.start(), mark.end()});
        }
        if (marks.isEmpty()) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length() + 16);
        int firstLetter = line.length() - line.stripLeading().length();
        int done = 0;
        for (int m = 0; m < marks.size(); m++) {
            int at = marks.get(m)[0];
            int markEnd = marks.get(m)[1];
            int limit = m + 1 < marks.size() ? marks.get(m + 1)[0] : line.length();
            // The words in capitals after the mark, up to the next mark, a word with a small letter or the line's end.
            List<String> caps = new ArrayList<>();
            int capsEnd = markEnd;
            int i = markEnd;
            while (i < limit && caps.size() < SIGNATURE_WORDS) {
                while (i < limit && line.charAt(i) == ' ') {
                    i++;
                }
                int w = i;
                while (w < limit && line.charAt(w) != ' ') {
                    w++;
                }
                String word = line.substring(i, w);
                if (word.isEmpty() || !isCapitalsWord(word)) {
                    break;
                }
                caps.add(word);
                capsEnd = w;
                i = w;
            }
            if (caps.isEmpty()) {
                continue;
            }
            String before = line.substring(done, at).stripTrailing();
            int split = competenceEnd(line.substring(at, markEnd), caps);
            boolean inside = at > firstLetter;
            // "T/M BAN THƯỜNG VỤ - Các đảng bộ bộ phận, …": a Nơi nhận item drawn beside the competence.
            boolean itemAfter =
                    BULLET.matcher(line.substring(capsEnd, limit).strip()).find();
            if (split < 0 && !(inside && caps.size() >= 2) && !itemAfter) {
                continue;
            }
            out.append(before);
            if (!before.isBlank()) {
                out.append('\n');
            }
            String markText = line.substring(at, markEnd);
            if (split < 0) {
                out.append(markText).append(' ').append(String.join(" ", caps));
            } else {
                out.append(markText)
                        .append(' ')
                        .append(String.join(" ", caps.subList(0, split)))
                        .append('\n')
                        .append(String.join(" ", caps.subList(split, caps.size())));
            }
            String rest = line.substring(capsEnd, limit).strip();
            if (!rest.isEmpty()) {
                out.append('\n').append(rest);
            }
            if (limit < line.length()) {
                out.append('\n');
            }
            done = limit;
        }
        out.append(line.substring(done));
        return out.toString();
    }

    private static final Pattern SYLLABLE = Pattern.compile(
            "^(?:NGH|NG|NH|CH|GH|GI|KH|PH|QU|TH|TR|[BCDGHKLMNPQRSTVX])?[AEIOUY]+(?:NG|NH|CH|[CMNPTIOUY])?$");

    /** A Vietnamese syllable, not initials ("UBND", "HĐND", "BCH") that keep their capitals. */
    private static boolean isSyllable(String word) {
        String folded = Normalizer.normalize(word.toUpperCase(Locale.ROOT).replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return SYLLABLE.matcher(folded).matches();
    }

    /** A word written in capitals, with at most a comma or a full stop after it ("CHỦ TỊCH", "TRƯỞNG,", "P."). */
    private static boolean isCapitalsWord(String word) {
        boolean letter = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter && !word.startsWith("(");
    }

    /**
     * How many of {@code caps} the competence after {@code mark} holds before the position starts; -1 when no cut
     * leaves a position after a competence of the mark's kind (the position then stands on a line of its own, or the
     * line holds the competence alone).
     */
    static int competenceEnd(String mark, List<String> caps) {
        String kind = mark.replace("/", "").replace(".", "").trim();
        for (int k = 1; k < caps.size(); k++) {
            String last = pattern("[,.]+$").matcher(caps.get(k - 1)).replaceAll("");
            String first = pattern("[,.]+$").matcher(caps.get(k)).replaceAll("");
            // "BỘ TRƯỞNG, CHỦ NHIỆM": titles joined by a comma are one competence.
            if (NAME_GOES_ON.contains(last) || caps.get(k - 1).endsWith(",")) {
                continue;
            }
            if (first.equals("TRƯỞNG") && !(k + 1 < caps.size() && HEADED_UNIT.contains(caps.get(k + 1)))) {
                continue;
            }
            String position = String.join(" ", caps.subList(k, caps.size()));
            // "CHỦ TỊCH PHÓ CHỦ TỊCH": a deputy's title further on is the position; what stands before it is the
            // competence ("TM. ĐOÀN CHỦ TỊCH").
            if (!isPosition(position) || caps.subList(k + 1, caps.size()).contains("PHÓ")) {
                continue;
            }
            String competence = String.join(" ", caps.subList(0, k));
            // "KT." is a deputy signing for the head: the title it names is a position, his own a deputy's.
            if (kind.equals("KT")
                    && (!isPosition(competence) || !DEPUTY.matcher(position).lookingAt())) {
                continue;
            }
            if (kind.equals("TM") && k == 1 && isSyllable(last)) {
                // A body is not named by one word but by its initials ("TM. UBND"): "TM. ĐOÀN CHỦ TỊCH" is the
                // presidium.
                continue;
            }
            return k;
        }
        return -1;
    }

    // ---------------------------------------------------------------- header cells broken inside words

    /** The words a header is written with, the reader's own patterns' among them. */
    private static final HeadingWords HEADING_WORDS = new HeadingWords(List.of(
            PARTY_MOTTO,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            // NĐ 30 Điều 15: the marks of urgency and secrecy that may stand under the number.
            "KHẨN THƯỢNG KHẨN HỎA TỐC HẸN GIỜ MẬT TỐI MẬT TUYỆT MẬT",
            String.join(" ", TYPE_TITLES),
            BODY_HEAD.pattern(),
            MASS_ORG.pattern(),
            POSITION.pattern(),
            STATE_BODY.pattern()));

    /** A notation's last part, alone on its line: "GQU", "-UBND", "/TWĐTN". */
    private static final Pattern NOTATION_REST = Pattern.compile("^[-–/]?[\\p{Lu}\\d][\\p{Lu}\\d&.]{0,7}$");

    /**
     * "BAN TUYÊN GI" / "ÁO", "ĐẢNG CỘNG SẢN VIỆ" / "T NAM", "Số: 65-CV/BT" / "GQU": a site's table cuts a header cell
     * at its width, inside a word. In the header's lines, a word in capitals that ends a line is joined to the one
     * that opens the next line (blank and motto lines between skipped) when the joined word is a word a header is
     * written with ({@link HeadingWords}) and neither part is one; a number line ending inside its notation is joined to
     * a next line that is the notation's rest. The line joined from is left empty, so the lines keep their places.
     */
    static List<String> wordsBrokenByCells(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        int end = Math.min(out.size(), HEADER_LINES);
        for (int i = 0; i < end; i++) {
            String line = out.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int next = nextCellLine(out, i, end);
            if (next < 0) {
                continue;
            }
            String following = out.get(next).strip();
            if (brokenWord(line, following) || brokenNotation(line, following)) {
                out.set(i, line + following);
                out.set(next, "");
                i--;
            }
        }
        return out;
    }

    private static int nextCellLine(List<String> lines, int i, int end) {
        for (int j = i + 1, blanks = 0; j < end && blanks <= 2; j++) {
            String line = lines.get(j).strip();
            if (line.isEmpty()) {
                blanks++;
            } else if (!isMotto(line) || isMotto(lines.get(i).strip())) {
                return j;
            }
        }
        return -1;
    }

    private static boolean brokenWord(String line, String following) {
        int space = line.lastIndexOf(' ');
        String tail = line.substring(space + 1);
        int cut = following.indexOf(' ');
        String head = cut < 0 ? following : following.substring(0, cut);
        // "HỘ" / "I": a part of one letter, or no syllable, is no word even when the other part is one.
        boolean apart = (!HEADING_WORDS.contains(tail) && !HEADING_WORDS.contains(head))
                || tail.length() == 1
                || head.length() == 1
                || !isSyllable(tail)
                || !isSyllable(head);
        return isCapitalLetters(tail) && isCapitalLetters(head) && apart && HEADING_WORDS.contains(tail + head);
    }

    /** A body's name that ends with its place: an administrative level and the place's name ("UBND HUYỆN HIỆP HÒA"). */
    private static final Pattern ENDS_WITH_PLACE = Pattern.compile(
            "(?:^|[ ])(?:TỈNH|THÀNH PHỐ|TP\\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)[ ]\\p{Lu}+(?:[ ]\\p{Lu}+){0,3}$");

    /**
     * "UBND HUYỆN HIỆP HÒA" over "HĐST HỒ SƠ THĂNG" / "HẠNG …": a council, a steering committee or a board set up by the
     * body above names itself by its initials first, in a narrow cell of several lines. A line that opens with
     * initials (no syllable) and goes on with words, under a body's name ended by its place, starts the issuer.
     */
    static boolean opensUnderAPlace(String last, String line) {
        int space = line.indexOf(' ');
        if (space < 2 || last.length() > 120) {
            return false;
        }
        String first = line.substring(0, space);
        return first.length() <= 6
                && isCapitalLetters(first)
                && !isSyllable(first)
                && ENDS_WITH_PLACE.matcher(last).find();
    }

    private static List<String> wordsRunTogether(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        for (int i = 0; i < Math.min(out.size(), HEADER_LINES); i++) {
            out.set(i, runTogetherWords(out.get(i)));
        }
        return out;
    }

    /**
     * A body's name in capitals with two heading words a text layer ran together ("DỤCVÀ") parted: a word in capitals
     * that is neither a heading word ({@link HeadingWords}) nor a syllable, and that parts in exactly one way into two
     * heading words of two letters or more, each a syllable. Initials ("THPT", "QLDA") part into no two syllables.
     */
    static String runTogetherWords(String line) {
        if (!isUpper(line)
                || line.length() > 200
                || !BODY_HEAD.matcher(line.strip()).find()) {
            return line;
        }
        String[] words = line.split(" ", -1);
        boolean parted = false;
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            if (word.length() < 4
                    || word.length() > 16
                    || !isCapitalLetters(word)
                    || HEADING_WORDS.contains(word)
                    || isSyllable(word)) {
                continue;
            }
            int at = -1;
            for (int k = 2; k <= word.length() - 2; k++) {
                String head = word.substring(0, k);
                String tail = word.substring(k);
                if (HEADING_WORDS.contains(head)
                        && HEADING_WORDS.contains(tail)
                        && isSyllable(head)
                        && isSyllable(tail)) {
                    at = at < 0 ? k : Integer.MAX_VALUE;
                }
            }
            if (at > 0 && at < word.length()) {
                words[w] = word.substring(0, at) + " " + word.substring(at);
                parted = true;
            }
        }
        return parted ? String.join(" ", words) : line;
    }

    /** The other units of a notation after its first ({@link #MORE_UNITS}), as ", GDTX", or "". */
    static String moreUnits(String line, int from) {
        String rest = line.substring(from);
        if (!MORE_UNITS.matcher(rest).matches()) {
            return "";
        }
        StringBuilder units = new StringBuilder();
        for (String unit : pattern("[ ]*(?=[,;])").split(rest.strip())) {
            String name = unit.substring(1).strip();
            if (isSyllable(pattern("-.*").matcher(name).replaceFirst(""))) {
                return "";
            }
            units.append(unit.charAt(0)).append(' ').append(name);
        }
        return units.toString();
    }

    private static boolean brokenNotation(String line, String following) {
        if (!NUMBER_LINE.matcher(line).find()
                || !isNumberLine(line)
                || !NOTATION_REST.matcher(following).matches()) {
            return false;
        }
        String last = line.substring(line.lastIndexOf(' ') + 1);
        return pattern(".*[/-].*\\p{Lu}$|.*\\d$").matcher(last).matches()
                && !HEADING_WORDS.contains(following)
                && !(pattern(".*\\d$").matcher(last).matches()
                        && pattern("^\\p{Lu}.*").matcher(following).matches());
    }

    private static boolean isCapitalLetters(String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isUpperCase(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- header band

    /**
     * The place-and-date line ("TP. Hồ Chí Minh, ngày … tháng 10 năm 2025") of a header printed without motto and
     * without "Số", when only upper-case lines (and rules) stand above it from the first line and none is a heading:
     * they are the issuing bodies, as the header's left column prints them. -1 otherwise.
     */
    private static int dateUnderBodies(List<String> lines, int headerEnd) {
        int bodies = 0;
        for (int i = 0; i < headerEnd; i++) {
            String line = lines.get(i);
            if (isBlankDate(line)) {
                return bodies > 0 ? i : -1;
            }
            if (line.isEmpty() || !pattern(".*\\p{L}.*").matcher(line).matches()) {
                continue;
            }
            if (!isUpper(line) || titleOf(lines, i) != null || isMotto(line)) {
                return -1;
            }
            bodies++;
        }
        return -1;
    }

    private static int firstHeaderLine(List<String> lines, int end) {
        // Web pages put menus and summaries above the document: the header band starts at the last run of upper-case
        // lines before the number.
        int start = end;
        for (int i = end - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.isEmpty()
                    || isMotto(line)
                    || isHeaderDate(line)
                    || !pattern(".*\\p{L}.*").matcher(line).matches()
                    || isDatePiece(lines, i)) {
                continue;
            }
            if (isUpper(line) || isTitleCase(line)) {
                start = i;
            } else {
                if (upperTail(line) != null) {
                    start = i;
                }
                break;
            }
        }
        return start;
    }

    /**
     * "CỘNG HÒA …", the date, "Số: 31/SNN-VP", then "SỞ NÔNG NGHIỆP …": a copy that reads the right column first and
     * the number before the issuer's cell leaves nothing of the header above the number. The header is then the run of
     * lines in capitals under it, from a body's head on, up to the document's title or the first line in small letters.
     */
    private static List<String> bodiesUnderTheNumber(List<String> lines, int numberAt, int headerEnd) {
        int from = -1;
        int to = numberAt + 1;
        boolean inSubject = false;
        for (int i = numberAt + 1; i < Math.min(headerEnd, numberAt + 12); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || isMotto(line) || isHeaderDate(line) || isDatePiece(lines, i)) {
                continue;
            }
            // The number's cell holds the trích yếu under the number ("V/v …", in small letters, over lines): a copy
            // that puts that cell before the issuer's puts the subject between the number and the issuer.
            if (from < 0 && (isSubjectStart(line) || inSubject && !isUpper(line))) {
                inSubject = true;
                continue;
            }
            if (!isUpper(line) || startsWithType(line)) {
                break;
            }
            if (from < 0) {
                if (!BODY_HEAD.matcher(line).find() && !isMassOrg(line)) {
                    break;
                }
                from = i;
            }
            to = i + 1;
        }
        return from < 0 ? List.of() : bodies(lines, from, to);
    }

    /** A place of one to three capitalised words, as the head of a place-and-date line broken after it. */
    private static final Pattern PLACE_HEAD_PIECE =
            Pattern.compile("^(?:TP\\.|Tp\\.)?[ ]?\\p{Lu}\\p{Ll}*(?:[ -]\\p{Lu}\\p{Ll}*){0,2}[ ]*,?$");

    /**
     * A piece of the place-and-date line that a narrow cell or a page broke over lines ("Lâm Đồng, ngày 26" then
     * "tháng 4 năm 2023", "Thọ Xuân," then "ngày 17 …", "Tam" then "Kỳ, ngày 19 …") or left blank for the signer
     * ("Hà Nội, ngày tháng năm 2023"). A copy that puts this line before the number puts it among the header's lines:
     * it is no body's name, and the header goes on above it. Looks at the nearest line above and below only.
     */
    static boolean isDatePiece(List<String> lines, int i) {
        String line = lines.get(i);
        if (line.isEmpty() || isUpper(line) || line.length() > 60) {
            return false;
        }
        if (isBlankDate(line)) {
            return true;
        }
        String previous = neighbour(lines, i, -1);
        String next = neighbour(lines, i, 1);
        String window = previous + " " + line + " " + next;
        int from = previous.length() + 1;
        int to = from + line.length();
        Matcher m = DATE.matcher(window);
        while (m.find()) {
            if (m.start() < to && m.end() > from) {
                return true;
            }
        }
        // "Tam" over "Kỳ, ngày 19 tháng 6 năm 2007", "Thọ Xuân," over "ngày 17 …": the place's head.
        // A body's name in Title Case over a whole date line ("Ban Tuyên Giáo" over "Hà Tĩnh, ngày …") is none: the
        // place's two pieces hold four words at most, and a piece never opens with a body's head.
        if (PLACE_HEAD_PIECE.matcher(line).matches()
                && !next.isEmpty()
                && !BODY_HEAD.matcher(line.toUpperCase(Locale.ROOT)).find()) {
            Matcher date = DATE.matcher(next);
            if (!date.find() || date.start() > 20) {
                return false;
            }
            String rest = next.substring(0, date.start()).strip();
            int words = pattern("[ -]+").split(line).length
                    + (rest.isEmpty() ? 0 : pattern("[ -]+").split(rest).length);
            return !pattern(".*\\p{Lu}{2}.*").matcher(rest).matches() && words <= 4;
        }
        return false;
    }

    /**
     * The nearest line with text within two lines above ({@code step} -1) or below (1) line {@code i}, or "": of a long
     * line, the 80 characters next to line {@code i}, all a date running over from it can hold.
     */
    private static String neighbour(List<String> lines, int i, int step) {
        for (int j = i + step, seen = 0; j >= 0 && j < lines.size() && seen < 3; j += step, seen++) {
            String line = lines.get(j);
            if (!line.isEmpty()) {
                return line.length() <= 80
                        ? line
                        : step < 0 ? line.substring(line.length() - 80) : line.substring(0, 80);
            }
        }
        return "";
    }

    /**
     * "Hà Nội, ngày 04 tháng 03 năm 2013" on a line of its own: the right column of the header band, which a page read
     * row by row puts between the lines of the left column.
     */
    private static boolean isHeaderDate(String line) {
        Matcher m = DATE.matcher(line);
        return m.find() && m.end() >= line.trim().length() - 1 && isDateLine(line, m.start());
    }

    /**
     * "SỰ KIỆN NỔI BẬT KẾ HOẠCH Tổ chức … năm 2022 LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA": a web page's own lines (its
     * section, the document's title, the date it was posted) flattened into the issuer's cell. The header is the run of
     * words in capitals that ends the line, from the head of a body on; null when the line does not end so.
     */
    static String upperTail(String line) {
        String[] words = pattern("\\s+").split(line.trim());
        int from = words.length;
        while (from > 0 && !words[from - 1].matches(".*\\p{Ll}.*")) {
            from--;
        }
        for (int i = from; i < words.length - 1; i++) {
            // "Trang 1UỶ BAN NHÂN DÂN": the page's number glued to the first word.
            String tail =
                    String.join(" ", List.of(words).subList(i, words.length)).replaceFirst("^[^\\p{L}]+", "");
            if (BODY_HEAD.matcher(tail).find() && isUpper(tail) && !isMotto(tail)) {
                return tail;
            }
        }
        return null;
    }

    /**
     * The upper-case lines between the national motto's first line and its second ("Độc lập - Tự do - Hạnh phúc"),
     * when every line there is one: the left cell's next row of a header table read row by row. Empty otherwise.
     */
    /** A line drawn as a rule under the motto ("-----", "___", "***"). */
    private static final Pattern RULE_LINE = Pattern.compile("[-_*=.…\\s]+");

    private static List<String> bodyRowsBetweenTheMottoLines(List<String> lines, int stateMotto, int headerEnd) {
        List<String> rows = new ArrayList<>();
        for (int i = stateMotto + 1; i < headerEnd; i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || RULE_LINE.matcher(line).matches()) {
                continue;
            }
            if (isMotto(line)) {
                return rows;
            }
            if (rows.size() == 3
                    || !isUpper(line)
                    || startsWithType(line)
                    || DATE.matcher(line).find()
                    || NUMBER_LINE.matcher(line).find()) {
                return List.of();
            }
            rows.add(line);
        }
        return List.of();
    }

    /** Underscores and tildes (a rule's remains) at the start or the end of a body's name. */
    private static final Pattern EDGE_RULE = Pattern.compile("^[_~]++\\s*+|(?<![_~\\s])\\s*+[_~]++$");

    private static List<String> bodies(List<String> lines, int from, int to) {
        List<String> header = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (isDatePiece(lines, i)) {
                continue;
            }
            String line = isTitleCase(lines.get(i)) ? lines.get(i).toUpperCase(Locale.ROOT) : lines.get(i);
            String tail = isUpper(line) ? line : upperTail(line);
            header.addAll(runTogetherBodies(tail == null ? line : tail));
        }
        List<String> bodies = new ArrayList<>();
        for (String raw : header) {
            String line = pattern("^\\d+\\.\\s+").matcher(raw).replaceFirst("");
            line = STRAY_MARK_BEFORE_BODY.matcher(line).replaceFirst("");
            if (line.isEmpty() || isMotto(line) || !isUpper(line)) {
                continue;
            }
            if (bodies.isEmpty() && startsWithType(line)) {
                // "CÔNG VĂN KÊU GỌI …", "THÔNG BÁO TUYỂN SINH …": a web page's heading above the header band names the
                // document, not a body; the body's name may follow it on the same line, flattened into it.
                line = bodyAfterHeading(line);
                if (line == null) {
                    continue;
                }
            }
            String last = bodies.isEmpty() ? null : bodies.get(bodies.size() - 1);
            boolean continues = last != null
                    && (!BODY_HEAD.matcher(line).find() && !opensUnderAPlace(last, line)
                            // "ỦY BAN NHÂN" / "DÂN …" broken after NHÂN; a place ending in Nhân ("HUYỆN LÝ NHÂN")
                            // over "BAN THƯỜNG TRỰC" is a whole name, and the body under it starts anew.
                            || pattern(".*" + Words.BOUNDARY + "(ỦY|UỶ|VÀ|CỦA|CHỦ|(BAN|ĐỒNG|ÁN|SÁT|AN|ĐỘI) NHÂN)$")
                                    .matcher(last)
                                    .matches()
                            || pattern("^(ỦY|UỶ|CHỦ TỊCH)$").matcher(last).matches()
                            // "TỈNH" over "ĐOÀN THANH HOÁ": a narrow cell broke the name after its level.
                            || pattern("^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)$")
                                    .matcher(last)
                                    .matches());
            if (continues) {
                bodies.set(bodies.size() - 1, last + " " + line);
            } else {
                bodies.add(line);
            }
        }
        bodies.replaceAll(b -> pattern("\\s+").matcher(b).replaceAll(" ").trim());
        // The rule drawn over or under a name, read by a scan's OCR into its first or last word ("_UBND TỈNH BẮC
        // GIANG", "HỘI CỰU CHIẾN BINH VIỆT NAM_"): no name starts or ends with an underscore or a tilde.
        bodies.replaceAll(b -> EDGE_RULE.matcher(b).replaceAll(""));
        bodies.removeIf(String::isEmpty);
        // A joint header names each body without its place and gives the place once under the last one: a bare
        // "ỦY BAN NHÂN DÂN" is not a parent but the first of the issuers.
        for (int i = bodies.size() - 2; i >= 0; i--) {
            if (pattern("^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)$")
                    .matcher(bodies.get(i))
                    .matches()) {
                bodies.set(i, bodies.get(i) + " " + bodies.remove(i + 1));
            }
        }
        return bodies;
    }

    /**
     * Where a body's name may start inside a header line that runs two bodies together: "QUẬN ỦY QUẬN 1 BAN TUYÊN
     * GIÁO", "UBND TX. ĐỒNG XOÀI PHÒNG GIÁO DỤC", "ĐỘI TNTP HỒ CHÍ MINH HỘI ĐỒNG TRUNG ƯƠNG", as a web page that keeps
     * each cell of the header table as one paragraph gives them ("ỦY BAN NHÂN DÂN QUẬN 9 TRUNG TÂM VĂN HÓA" too).
     * Only the heads of a body under another; a head the
     * word before makes part of a name ("ỦY BAN", "TIỂU BAN", "VĂN PHÒNG", "ĐẠI HỘI ĐỒNG", "BAN CHỈ ĐẠO PHÒNG, CHỐNG")
     * is no start.
     */
    private static final Pattern RUN_TOGETHER_BODY = Pattern.compile("(?<!" + Words.BOUNDARY
            + "(?:ỦY|UỶ|TIỂU|CÁC|VĂN|CHI|TỔNG|ĐẠO|VÀ|CỦA|ĐẠI|HỘI|BAN|VỀ|TRỰC|THƯỜNG|CHẤP HÀNH|VIỆN))[ ]+(?=(?:BAN "
            + "|TIỂU BAN |BCH |PHÒNG (?!CHỐNG|,)|VĂN PHÒNG |SỞ |HỘI ĐỒNG |ĐẢNG ỦY |ĐẢNG UỶ |CHI BỘ |CHI CỤC |CỤC "
            + "|TỔNG CỤC |TỈNH HỘI |THÀNH HỘI |HUYỆN HỘI |QUẬN HỘI |TRUNG TÂM )\\p{Lu})");

    /**
     * A header line cut where a second body starts, when what comes before is a body's whole name (two words at
     * least) and the line holds nothing but capitals.
     */
    static List<String> runTogetherBodies(String line) {
        if (!isUpper(line) || isMotto(line)) {
            return List.of(line);
        }
        List<String> parts = new ArrayList<>();
        Matcher m = RUN_TOGETHER_BODY.matcher(line);
        int start = 0;
        while (m.find()) {
            String before = line.substring(start, m.start()).trim();
            if (pattern("\\s+").split(before).length >= 2) {
                parts.add(before);
                start = m.end();
            }
        }
        parts.add(line.substring(start).trim());
        return repeatedHead(parts);
    }

    /**
     * "LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA LIÊN ĐOÀN LAO ĐỘNG HUYỆN YÊN ĐỊNH": a body and the one under it of the same
     * organisation, run together; the second starts where the first's two opening words come again.
     */
    private static List<String> repeatedHead(List<String> parts) {
        List<String> cut = new ArrayList<>();
        for (String part : parts) {
            String[] words = pattern("\\s+").split(part);
            int again = -1;
            for (int i = 3; words.length > 3 && i + 2 < words.length && again < 0; i++) {
                if (words[i].equals(words[0]) && words[i + 1].equals(words[1])) {
                    again = i;
                }
            }
            if (again < 0) {
                cut.add(part);
            } else {
                cut.add(String.join(" ", List.of(words).subList(0, again)));
                cut.add(String.join(" ", List.of(words).subList(again, words.length)));
            }
        }
        return cut;
    }

    /** Where a body's head stands inside a page's heading in capitals. */
    private static final Pattern HEAD_IN_HEADING = Pattern.compile(
            "[ ]((?:ỦY BAN|UỶ BAN|UBND|BAN|SỞ|PHÒNG|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|ĐẢNG ỦY|ĐẢNG UỶ"
                    + "|HỘI|LIÊN ĐOÀN|LIÊN HIỆP|CÔNG ĐOÀN|TỈNH ĐOÀN|THÀNH ĐOÀN|HUYỆN ĐOÀN|ĐOÀN TNCS|TRƯỜNG|TRUNG TÂM"
                    + "|VĂN PHÒNG|BỘ|CỤC|TỔNG CỤC|MẶT TRẬN|UBMTTQ)[ ].*)$");

    /**
     * "CÔNG VĂN KÊU GỌI ỦNG HỘ ĐỒNG BÀO … HỘI TRUYỀN THỐNG TRƯỜNG SƠN …": the body named after a page's heading on its
     * line, from the first head of a body; null when the heading names none.
     */
    private static String bodyAfterHeading(String heading) {
        Matcher m = HEAD_IN_HEADING.matcher(heading);
        return m.find() && m.start() > 0 ? m.group(1) : null;
    }

    private static boolean startsWithType(String line) {
        for (String title : TYPE_TITLES) {
            if (line.equals(title) || line.startsWith(title + " ") || line.startsWith(title + ":")) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> STATE_MOTTO_WORDS =
            Set.of("CỘNG", "HÒA", "HOÀ", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM");

    /**
     * The header line that is the Pioneers' motto in the motto's place: "HĐĐ HUYỆN …" / "LIÊN ĐỘI TRƯỜNG …" / "ĐỘI TNTP
     * HỒ CHÍ MINH" / the date — under the bodies of the left cell, as the Đoàn's motto stands (round 24). First in the
     * header, over its council ("ĐỘI TNTP HỒ CHÍ MINH" / "HỘI ĐỒNG TRUNG ƯƠNG" / "Số: …"), the same words name the Đội
     * above the body that issues, and are no motto: -1.
     */
    private static int pioneerMotto(List<String> lines, int headerEnd) {
        boolean bodyAbove = false;
        for (int i = 0; i < headerEnd; i++) {
            String line = lines.get(i).strip();
            if (PIONEER_MOTTO.matcher(line.toUpperCase(Locale.ROOT)).matches()) {
                return bodyAbove ? i : -1;
            }
            bodyAbove |= !line.isEmpty() && isUpper(line) && !isMotto(line);
        }
        return -1;
    }

    /**
     * A piece of the national motto on a line of its own ("HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG"), as OCR cuts it
     * when the header band's columns are read as lines; a body's own "VIỆT NAM" or "XÃ HỘI" is not one.
     */
    private static boolean isMottoFragment(String upper) {
        List<String> words = List.of(pattern("\\s+").split(upper.trim()));
        return STATE_MOTTO_WORDS.containsAll(words)
                && (words.contains("CỘNG") || words.contains("HÒA") || words.contains("HOÀ") || words.contains("CHỦ"));
    }

    private static boolean isMotto(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        return upper.equals(PARTY_MOTTO)
                || isMottoFragment(upper)
                || STATE_MOTTO.matcher(line).find()
                || STRIPPED_MOTTO.matcher(line).find()
                || STRIPPED_SECOND_MOTTO.matcher(line).find()
                || SECOND_MOTTO.matcher(line).find()
                || YOUTH_MOTTO.matcher(upper).matches();
    }

    /**
     * "Ủy Ban Nhân Dân Tỉnh Hậu Giang", "Đảng Ủy Khối Các Cơ Quan": a header line whose capitals a page or a clerk
     * dropped, each word still starting with one. Read above the number as the capitals it stands for; a sentence of
     * the body always holds a word in small letters.
     */
    private static boolean isTitleCase(String line) {
        String[] words = pattern("\\s+").split(line.trim());
        int lettered = 0;
        for (String word : words) {
            String letters = pattern("[^\\p{L}]").matcher(word).replaceAll("");
            if (letters.isEmpty()) {
                continue;
            }
            // "1UỶ": a page's number glued to the next word is no word of a name.
            if (!Character.isUpperCase(letters.charAt(0))
                    || pattern(".*\\d.*").matcher(word).matches()) {
                return false;
            }
            lettered++;
        }
        return lettered >= 2 && !isUpper(line) && !isMotto(line) && !line.contains(",");
    }

    private static boolean isUpper(String line) {
        boolean letters = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetter(c)) {
                letters = true;
                if (Character.isLowerCase(c)) {
                    return false;
                }
            }
        }
        return letters;
    }

    private static boolean isNumberLine(String line) {
        Matcher m = NUMBER_LINE.matcher(line);
        if (!m.find()) {
            return false;
        }
        // "Số hiệu", "Số lượng": a word, not a notation, after "Số".
        return m.group(1) != null
                || (m.group(4) != null
                        && pattern(".*[/-].*").matcher(m.group(4)).matches()
                        && isUpperish(m.group(4)))
                // "Số -/ĐU", "Số /ĐTN": number and type left blank, the issuer's code alone after the slash.
                || (m.group(2) != null
                        && m.group(4) != null
                        && pattern("[\\p{Lu}\\d&.]{1,12}").matcher(m.group(4)).matches()
                        && line.substring(m.end()).isBlank());
    }

    private static boolean isUpperish(String s) {
        return !s.isEmpty() && Character.isUpperCase(s.charAt(0));
    }

    /**
     * "HỘI LUẬT GIA …", "LIÊN HIỆP CÁC HỘI …", "BAN LIÊN LẠC …": an association is a mass organisation whatever motto
     * heads its documents (many head them with the national one); a council ("HỘI ĐỒNG NHÂN DÂN", "HỘI ĐỒNG THI") is
     * not an association, and the Pioneers' "HỘI ĐỒNG ĐỘI" is told by {@link #MASS_ORG}.
     */
    private static boolean isAssociation(String body) {
        return pattern("^(HỘI(?! ĐỒNG" + Words.BOUNDARY + ")|LIÊN HIỆP CÁC HỘI|BAN LIÊN LẠC)" + Words.BOUNDARY + ".*")
                .matcher(body)
                .matches();
    }

    private static boolean isMassOrg(String text) {
        return MASS_ORG.matcher(text.toUpperCase(Locale.ROOT)).find()
                || pattern("(?s).*" + Words.BOUNDARY + "(MTTQ|TĐTN|HLHPN|LĐLĐ|HND|CCB|TWĐTN|ĐTN)" + Words.BOUNDARY
                                + ".*")
                        .matcher(text)
                        .matches();
    }

    private static boolean isDateLine(String line, int matchStart) {
        // The date line is short or starts the line with a place; a body sentence "ngày 10 tháng 7" is long.
        String before = line.substring(0, Math.min(matchStart, line.length())).trim();
        if (EVENT_TIME_BEFORE_DATE.matcher(before).matches()
                || CITATION_BEFORE_DATE.matcher(before).find()) {
            return false;
        }
        return before.isEmpty() || before.endsWith(",") || before.length() < 40;
    }

    /**
     * "…định số 25/2024/NĐ-CP ngày 27 tháng 2 năm 2024 của Chính phủ": a body line citing an act by its number and
     * day, wrapped so that the day stands near the line's start. In a date line a place stands just before "ngày"; in a
     * citation the act's number does ("số 25", "25/2024/NĐ-CP", "313-QĐ/TĐTN"). A header flattened onto one line ("Số:
     * 12/UBND-VX   Hà Nội, ngày …") still has its place between the number and the date.
     */
    private static final Pattern CITATION_BEFORE_DATE =
            Pattern.compile("(?:(?<!\\p{L})(?iu:số)\\s*\\d+|\\d+\\s*[/-]\\s*\\S*\\p{Lu}\\S*)\\s*$");

    /** A date line left blank for the signer, not the minutes' "Hôm nay, ngày … tháng … năm …". */
    private static boolean isBlankDateLine(String line) {
        if (!isBlankDate(line)) {
            return false;
        }
        Matcher m = BLANK_DATE.matcher(line);
        return m.matches() && !EVENT_TIME_BEFORE_DATE.matcher(m.group(1)).matches();
    }

    /** A date line is short: a longer line is no blank one, and is not matched against {@link #BLANK_DATE}. */
    private static final int DATE_LINE_LENGTH = 160;

    private static boolean isBlankDate(String line) {
        return line.length() <= DATE_LINE_LENGTH && BLANK_DATE.matcher(line).matches();
    }

    /**
     * "Vào lúc 8 giờ 30 ngày 12 tháng 6 …", "Hôm nay, ngày 20 tháng 5 …": minutes open with the time the meeting met,
     * which is no date line (a date line names a place, never an hour).
     */
    private static final Pattern EVENT_TIME_BEFORE_DATE =
            Pattern.compile("(?iu).*(?:\\d{1,2}\\s*(?:giờ|h)(?:\\s*\\d{1,2}(?:\\s*phút)?)?"
                    + "|(?:^|\\s)(?:hôm\\s+nay|vào\\s+lúc|vào\\s+hồi|lúc|hồi))\\s*[,:]?");

    private static String place(String before, String previousLine) {
        String place = pattern(",\\s*$").matcher(before).replaceAll("").trim();
        int slash = place.lastIndexOf('/');
        if (slash >= 0) {
            int space = place.indexOf(' ', slash);
            place = space < 0 ? "" : place.substring(space).trim();
        }
        if (place.isEmpty() && PLACE_BEFORE_DATE.matcher(previousLine).matches() && !isMotto(previousLine)) {
            // "Thọ Xuân," over "ngày 17 tháng 7 năm 2018": a narrow header cell broke the date line after its place.
            return previousLine.substring(0, previousLine.length() - 1).trim();
        }
        if (place.isEmpty()) {
            return null;
        }
        // "Tam\nKỳ, ngày": a place broken over two lines.
        if (!place.contains(" ")
                && pattern("\\p{Lu}\\p{Ll}*").matcher(previousLine).matches()
                && !isMotto(previousLine)) {
            place = previousLine + " " + place;
        }
        return place;
    }

    /** A place alone on its line, ended by the comma that leads to the date: "Thọ Xuân,", "TP. Hồ Chí Minh,". */
    private static final Pattern PLACE_BEFORE_DATE = Pattern.compile("^\\p{Lu}[\\p{L}.'’ -]{1,38},$");

    private static boolean dateOutOfForm(Matcher m) {
        int day = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        return (day < 10 && m.group(1).length() == 1)
                || (month < 3 && m.group(2).length() == 1);
    }

    private static String titleOf(List<String> lines, int i) {
        // "QUY ĐỊNH (BỔ SUNG)", "QUYẾT ĐỊNH (SỬA ĐỔI)": a heading qualified in brackets is the heading.
        String line = lines.get(i)
                .replaceAll("\\s+", " ")
                .replaceFirst("^(\\p{Lu}[\\p{Lu} ]+?) ?\\(\\p{Lu}[\\p{Lu} ]*\\)$", "$1")
                // "CHƯƠNG TRÌNH HÀNH ĐỘNG", "KẾ HOẠCH CÔNG TÁC": a heading qualified by the kind of programme.
                .replaceFirst("^(CHƯƠNG TRÌNH|KẾ HOẠCH) (?:HÀNH ĐỘNG|CÔNG TÁC)$", "$1");
        String joined = i + 1 < lines.size() ? (line + " " + lines.get(i + 1)).trim() : line;
        String folded = fold(line);
        for (String title : TYPE_TITLES) {
            if (line.equals(title) || line.equals(title + ":") || (isUpper(line) && folded.equals(fold(title)))) {
                return title;
            }
            if (!line.isEmpty() && title.startsWith(line) && joined.equals(title) && !line.equals(title)) {
                return title;
            }
        }
        return null;
    }

    private static final Pattern INLINE_TITLE =
            Pattern.compile("^(" + String.join("|", TYPE_TITLES) + ")\\s+(VỀ\\s.+)$");

    /** A flattened page: the title in capitals and its subject in small letters on one line ("HƯỚNG DẪN thể thức"). */
    private static final Pattern INLINE_LOWER_TITLE =
            Pattern.compile("^(" + String.join("|", TYPE_TITLES) + ")\\s+(\\p{Ll}.+)$");

    /** A trích yếu may be printed in quotation marks: "“V/v triển khai …”". */
    private static final Pattern SUBJECT_START = Pattern.compile(
            "^[“\"]?(V/v|V/V|Về việc|VỀ VIỆC|v/v|Về:|V/v:)" + Words.BOUNDARY + ".*|^Về:.*|^V\\.[vV]\\.?\\s.*");

    private static boolean isSubjectStart(String line) {
        return SUBJECT_START.matcher(line).matches() && !line.startsWith("VỀ VIỆC ỦY");
    }

    /**
     * A Party trích yếu may open in small letters without "V/v": "về việc triển khai …" under the number. Only there,
     * under the header's own lines (the number, a line in capitals, the place and date, a motto): a body sentence wrapped
     * before its "về việc" ("… Quyết định số 932/QĐ-UBND của UBND tỉnh" / "về việc quy định …") is no trích yếu.
     */
    private static int smallSubjectStart(List<String> lines, int numberAt, int to) {
        for (int i = Math.max(0, numberAt) + 1; i < Math.min(to, lines.size()); i++) {
            String line = lines.get(i);
            if (!line.startsWith("về việc ")) {
                continue;
            }
            int above = i - 1;
            while (above > numberAt && lines.get(above).isEmpty()) {
                above--;
            }
            String head = lines.get(above);
            if (above == numberAt || isUpper(head) || isHeaderDate(head) || isMotto(head)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first line under the number that is not the right column's motto or place-and-date line, nor a blank line
     * before one of them: the line after the number when the template's two columns come side by side, the line
     * after the date when a copy runs the left column whole before the right one (123docz). A motto or a date further
     * down, after a line of another kind, is the body's and ends nothing here.
     */
    private static int underRightColumn(List<String> lines, int numberAt, int to) {
        int under = numberAt + 1;
        for (int i = numberAt + 1; i < to; i++) {
            String line = lines.get(i);
            if (isMotto(line)
                    || (PLACE_DATE_LINE.matcher(line).matches()
                            && DATE.matcher(line).find())) {
                under = i + 1;
            } else if (!line.isEmpty()) {
                break;
            }
        }
        return under;
    }

    /**
     * The line after a block of the right column's motto and date starting at {@code from} (blank lines around them
     * included) when the subject goes on there; {@code from} when no such block stands there or nothing of the subject
     * follows it.
     */
    private static int afterTheRightColumn(List<String> lines, int from) {
        int end = rightColumnEnd(lines, from, false);
        return end >= 0
                        && (pattern("^(\\p{Ll}|[\"“]\\p{Lu}).*")
                                        .matcher(lines.get(end))
                                        .matches()
                                || isTailBeforeSalutation(lines, end))
                ? end
                : from;
    }

    /**
     * The first line holding text after a block of the right column's motto and date lines (a date line with its day
     * left blank counts) starting at {@code from}, when it may open a subject; {@code from} otherwise.
     */
    private static int pastTheRightColumn(List<String> lines, int from) {
        int end = rightColumnEnd(lines, from, true);
        return end >= 0 && looksLikeASubject(lines.get(end)) ? end : from;
    }

    /**
     * The first line holding text after the right column's motto and date lines (blank lines among them) starting at
     * {@code from}; -1 when no such line stands there or nothing follows them. With {@code blankDates}, a short date
     * line whose day was left blank is one of them.
     */
    private static int rightColumnEnd(List<String> lines, int from, boolean blankDates) {
        boolean rightColumn = false;
        int i = from;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isMotto(line)
                    || (PLACE_DATE_LINE.matcher(line).matches()
                            && DATE.matcher(line).find())
                    || (blankDates && line.length() <= BLANK_DATE_LINE_LENGTH && isBlankDateLine(line))) {
                rightColumn = true;
            } else if (!line.isEmpty()) {
                break;
            }
        }
        return rightColumn && i < lines.size() ? i : -1;
    }

    /** A date line with a blank day is short: "Thành phố Hồ Chí Minh, ngày      tháng 10 năm 2025". */
    private static final int BLANK_DATE_LINE_LENGTH = 70;

    /**
     * A line that may open a subject under a heading: not a sentence of the body ("Ban Chấp hành trân trọng kính
     * mời …", "Căn cứ …", a line ended by a full stop), and short.
     */
    private static boolean looksLikeASubject(String line) {
        return line.length() <= 120
                && !line.endsWith(".")
                && !BODY_OPENER.matcher(line).find()
                && !BODY_VERB.matcher(line).find()
                && !pattern("(?iu).*(?:kính mời|trân trọng)(?:\\s|$).*")
                        .matcher(line)
                        .matches();
    }

    /**
     * "V/v tuyên truyền kỷ niệm 87 năm Ngày thành lập    Hà Nội, ngày 18 tháng 7 năm 2016", then "Công đoàn Việt Nam
     * (28/7/1929 – 28/7/2016)", then "Kính gửi: …": both header columns share each line, so the trích yếu's second
     * line comes after the date. A short line in sentence case standing alone between the right column and the
     * salutation is the rest of the subject, even when it opens with a capital: nothing else of a letter stands there.
     */
    private static boolean isTailBeforeSalutation(List<String> lines, int i) {
        String line = lines.get(i);
        if (line.length() > 120
                || isUpper(line)
                || line.endsWith(":")
                || isMotto(line)
                || BULLET.matcher(line).find()
                || KINH_GUI.matcher(line).find()
                || NOI_NHAN.matcher(line).find()
                || DATE.matcher(line).find()
                || BODY_OPENER.matcher(line).find()
                || BODY_VERB.matcher(line).find()
                // "Hỏa tốc", "Dự thảo lần 2", "Thư ngỏ": a mark or a title in sentence case stands there too; the rest
                // of a trích yếu has three words at least.
                || MARK_BEFORE_SALUTATION.matcher(line).find()
                || pattern("\\s+").split(line.trim()).length < 3) {
            return false;
        }
        for (int j = i + 1; j < lines.size(); j++) {
            if (!lines.get(j).isEmpty()) {
                return KINH_GUI.matcher(lines.get(j)).find();
            }
        }
        return false;
    }

    /** An urgency, secrecy, draft or copy mark printed in sentence case above the salutation. */
    private static final Pattern MARK_BEFORE_SALUTATION = Pattern.compile(
            "(?iu)^\\(?(?:khẩn|thượng khẩn|hỏa tốc|hoả tốc|hẹn giờ|dự thảo|bản sao|sao y|mật|tối mật|tuyệt mật)(?!\\p{L})");

    private static int nonEmpty(List<String> lines, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!lines.get(i).isEmpty()) {
                count++;
            }
        }
        return count;
    }

    /** "Nghệ An, ngày 04 tháng 9 năm 2020" or "Ngày 4 tháng 9 năm 2020" alone on its line: the header's date. */
    private static final Pattern PLACE_DATE_LINE =
            Pattern.compile("^(\\p{Lu}[^,]{1,40},\\s*)?[Nn]g[àảáaạ]?y\\s.{0,30}$");

    /** A line in sentence case of a few words that is neither a motto nor a date line. */
    private static boolean isPlainSubject(String line) {
        return pattern("^\\p{Lu}\\p{Ll}+\\s+\\S+.*").matcher(line).matches()
                && line.length() <= 200
                && !isMotto(line)
                && !DATE.matcher(line).find()
                && !NUMBER_LINE.matcher(line).find();
    }

    /** What a preamble opening with "Thực hiện" carries out: an act, a letter or an instruction, cited. */
    private static final Pattern CITED_ACT = Pattern.compile(
            "\\d+/|s[ốô][ ]*:?[ ]*\\d|ngày[ ]*\\d|^Thực hiện[ ]+(?:các[ ]+|sự[ ]+)?(?:Chỉ thị|Nghị quyết|Quyết định"
                    + "|Kế hoạch|Công văn|Thông tư|Nghị định|Luật|Hướng dẫn|Thông báo|Chương trình|Kết luận|Điều lệ"
                    + "|văn bản|ý kiến|chỉ đạo|chỉ thị|nghị quyết|quyết định|kế hoạch|công văn|hướng dẫn)"
                    + Words.BOUNDARY);

    /**
     * "HƯỚNG DẪN" / "Thực hiện nhiệm vụ ứng dụng công nghệ thông tin …": the subject of a guide or a plan names the
     * task it carries out; the preamble that opens the same way cites the act it carries out ({@link #CITED_ACT}).
     * Only the first line under a type heading is read so.
     */
    static boolean isTaskSubject(String line) {
        return (line.startsWith("Thực hiện ")
                        && line.length() <= 120
                        && !CITED_ACT.matcher(line).find())
                || isStatuteSubject(line);
    }

    /**
     * "HƯỚNG DẪN" / "Thi hành Điều lệ Hội Cựu chiến binh Việt Nam": a guide or a rule that carries out a body's
     * statutes names them under its heading. A preamble that opens the same way is a clause that goes on past a comma,
     * a semicolon or a colon to its authority ("Thi hành Điều lệ Đảng, căn cứ …") or cites an act by its number or day.
     */
    private static boolean isStatuteSubject(String line) {
        return line.startsWith("Thi hành ")
                && line.length() <= 120
                && !line.matches(".*[,;:].*")
                && !CITED_ACT.matcher(line).find();
    }

    private static String joinSubject(List<String> lines, int from, boolean afterTitle) {
        int i = from;
        while (i < lines.size() && lines.get(i).isEmpty()) {
            i++;
        }
        StringBuilder subject = new StringBuilder();
        boolean lowerContinuation = false;
        boolean pastRightColumn = false;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() && subject.length() > 0 && continuesAcrossBlank(lines, i, subject)) {
                continue;
            }
            if (afterTitle && subject.length() == 0 && !pastRightColumn) {
                // "THỂ LỆ", then "ĐOÀN TNCS HỒ CHÍ MINH" and "Hà Nội, ngày … năm 2020", then the subject: a copy that
                // reads the left column before the right one puts the motto and the date between the heading and
                // the lines under it.
                int past = pastTheRightColumn(lines, i);
                if (past > i) {
                    pastRightColumn = true;
                    i = past - 1;
                    continue;
                }
            }
            int after = afterTheRightColumn(lines, i);
            if (!afterTitle && !pastRightColumn && subject.length() > 0 && after > i) {
                // A copy running the left column whole before the right one cuts a subject under the number in two:
                // its last lines come after the motto and the date, going on in small letters or in a quotation.
                pastRightColumn = true;
                i = after - 1;
                continue;
            }
            if (line.isEmpty()
                    || isMotto(line)
                    || KINH_GUI.matcher(line).find()
                    || NOI_NHAN.matcher(line).find()
                    || DATE.matcher(line).find() && line.length() < 60 && subject.length() > 0
                    || !(afterTitle && subject.length() == 0 && isTaskSubject(line))
                            && line.matches(
                                    "^([-–]\\s*)?(Căn|Thực hiện|Thi hành|Theo|Xét|Kính|I\\.|1\\.|Để|Nhằm|Sau|Trong|Thực|Tại"
                                            // An article or a chapter of the body: a title without a subject.
                                            + "|Điều\\s*\\d+|Chương\\s+[IVXLC\\d]+)" + Words.BOUNDARY + ".*")
                    || (pattern("^Ngày" + Words.BOUNDARY + ".*").matcher(line).matches()
                            && (line.length() > 50 || line.contains(",")))
                    // The body's first part or point, numbered as the Party does ("I- Tình hình …", "1- Thủ đô …")
                    // or as the state does ("I. …", "1. …").
                    || (subject.length() > 0 && BODY_NUMBERING.matcher(line).find() && !endsWithLink(subject))
                    || (subject.length() > 0
                            && isAuthorityLine(line)
                            // "THỦ TƯỚNG VỀ VIỆC ...": the subject wrapped before a word an authority starts with;
                            // the authority of a preamble names a post or a body, never a matter.
                            && !pattern(".*\\sVỀ\\s.*").matcher(line).matches()
                            && !nextStartsLower(lines, i)
                            && !endsWithLink(subject)
                            && !endsWithAgentsDo(subject)
                            // "… CỦA BAN BÍ THƯ," then "CHỦ TỊCH NƯỚC …": a line ending with a comma goes on.
                            && !subject.toString().endsWith(",")
                            && !unclosed(subject))
                    // A subject in sentence case does not go on in capitals: that is the authority of a preamble.
                    || (subject.length() > 0 && isUpper(line) && !isUpper(subject.toString()))
                    // After a "về ..." continuation, a new sentence is the body.
                    || (lowerContinuation
                            && pattern("^\\p{Lu}\\p{Ll}.*").matcher(line).matches()
                            && !endsWithLink(subject)
                            && !endsWithAgentsDo(subject)
                            && !unclosed(subject))
                    || subject.length() > 400) {
                break;
            }
            if (subject.length() > 0) {
                subject.append(' ');
                lowerContinuation |= Character.isLowerCase(line.charAt(0));
            }
            subject.append(line);
        }
        String result =
                pattern("\\s+").matcher(subject.toString()).replaceAll(" ").trim();
        if (pattern("^[\"“][^\"“”]*$").matcher(result).matches()) {
            // A quotation mark opening the subject and never closed: a speck read before its first word.
            result = result.substring(1).trim();
        } else if (pattern("^[\"“](V/v|V/V|v/v|Về việc|VỀ VIỆC)" + Words.BOUNDARY + "[^\"“”]*[\"”]$")
                .matcher(result)
                .matches()) {
            // The whole trích yếu in quotation marks: the marks are the print's, not the clerk's.
            result = result.substring(1, result.length() - 1).trim();
        }
        if (result.isEmpty()) {
            return null;
        }
        return result;
    }

    /**
     * A part or a point of the body numbered with a Roman or an Arabic numeral, or a letter, and a hyphen, a full stop
     * or a bracket before a capital: "I- Tình hình", "1- Thủ đô", "A. MỤC ĐÍCH". A year range ("2021-2025") is none.
     */
    private static final Pattern BODY_NUMBERING =
            Pattern.compile("^(?:(?:[IVX]{1,4}|\\d{1,2})(?:[-–]\\s+|[.)]\\s*)|[A-E][-–.)]\\s+)\\p{Lu}");

    /**
     * "CỦA CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG SỐ 207/CT NGÀY 11-7-1988 VỀ VIỆC …": an old act's title under its heading
     * restates its author, number and date before the matter; the trích yếu a clerk types is the matter.
     */
    private static final Pattern RESTATED_TITLE = Pattern.compile(
            "(?iu)^(?:của\\s++(?:(?!(?<!\\p{L})(?:về|v/v|sửa đổi|bổ sung|bãi bỏ|thực hiện|ban hành|hướng dẫn|quy định"
                    + "|quyết định|nghị quyết|nghị định|chỉ thị|thông tư|luật|pháp lệnh)(?!\\p{L})).)+?\\s++)?số\\s*+:?"
                    + "\\s*+(?=[^\\s\\d]*+\\d)\\S++\\s++ngày\\s++\\d{1,2}(?:\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{2,4}"
                    + "|\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4})\\s*,?\\s+(?=\\p{L})");

    /**
     * "CỦA BAN THƯỜNG VỤ TỈNH ỦY về …", "CỦA BỘ CHÍNH TRỊ VỀ …": the heading's line naming its author before the matter.
     * The author is a body's name (words in capitals, no number); "CỦA THỦ TƯỚNG CHÍNH PHỦ SỬA ĐỔI …" enacts something
     * and is part of the matter.
     */
    private static final Pattern RESTATED_AUTHOR = Pattern.compile("^(?:CỦA|Của|của)\\s++(?:(?!(?:SỬA|BỔ|BÃI|BAN HÀNH"
            + "|HƯỚNG|QUY ĐỊNH|QUYẾT ĐỊNH|PHÊ DUYỆT|THÀNH LẬP|SỐ)(?!\\p{L}))\\p{Lu}\\p{Lu}*+[.,]?\\s++){1,10}?"
            + "(?=(?:VỀ|Về|về)\\s++\\S++\\s++\\S)");

    static String withoutRestatedTitle(String subject) {
        if (subject == null) {
            return null;
        }
        subject = RESTATED_AUTHOR.matcher(subject).replaceFirst("");
        String matter = RESTATED_TITLE.matcher(subject).replaceFirst("");
        return matter.isBlank() ? subject : matter;
    }

    /** "V/v tuyên truyền kỷ niệm 130 năm", a blank line, "Ngày sinh Chủ tịch Tôn Đức Thắng": one subject. */
    private static boolean continuesAcrossBlank(List<String> lines, int blank, CharSequence subject) {
        // "NGHỊ QUYẾT / HỘI NGHỊ LẦN THỨ 6 BAN CHẤP HÀNH ..." then, after a blank line, "VỀ NÂNG CAO ...": the plenum
        // heading and the matter it resolved on make one subject.
        if (isUpper(subject.toString())
                && blank + 1 < lines.size()
                && lines.get(blank + 1).startsWith("VỀ ")
                && isUpper(lines.get(blank + 1))
                && pattern("^(HỘI NGHỊ|KỲ HỌP|PHIÊN HỌP)" + Words.BOUNDARY + ".*")
                        .matcher(subject.toString())
                        .matches()) {
            return true;
        }
        if (pattern(".*[.;:]$").matcher(subject.toString()).matches() || blank + 1 >= lines.size()) {
            return false;
        }
        if (isUpper(subject.toString())) {
            return continuesCapitalsAcrossBlank(lines, blank + 1, subject.toString());
        }
        String next = lines.get(blank + 1);
        // A comma in a line that goes on in small letters ("nội dung dạy học cấp THCS, THPT", the trích yếu's last line
        // a scan's OCR put a paragraph apart): the subject's, since the body opens with a capital.
        return !next.isEmpty()
                && next.length() <= 50
                && (!next.contains(",") || Character.isLowerCase(next.charAt(0)))
                && !next.endsWith(":")
                && !isUpper(next)
                && !isMotto(next)
                && !BULLET.matcher(next).find()
                && !KINH_GUI.matcher(next).find()
                && !DATE.matcher(next).find()
                && !pattern("^(Căn|Thực hiện|Thi hành|Theo|Xét|Kính|I\\.|1\\.|Để|Nhằm|Sau|Trong|Tại)" + Words.BOUNDARY
                                + ".*")
                        .matcher(next)
                        .matches();
    }

    /**
     * A subject in capitals broken by a blank line before {@code next}: Tesseract ends a paragraph at a short line or
     * a wider gap, so that "VỀ VIỆC TRIỂN KHAI THỰC HIỆN NGHỊ", a blank line, "QUYẾT SỐ 41/2022/NQ-HĐND ..." is one
     * subject read off a scan. It goes on in small letters ("về xây dựng ...", the matter under a plenum's heading)
     * or in capitals that are no heading, authority, motto or date of their own ("HỘI NGHỊ LẦN THỨ BẢY", a blank line,
     * "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH": the plenum's body is part of its heading).
     */
    private static boolean continuesCapitalsAcrossBlank(List<String> lines, int next, String subject) {
        String line = lines.get(next);
        if (line.isEmpty()) {
            return false;
        }
        if (Character.isLowerCase(line.charAt(0))) {
            return true;
        }
        return isUpper(line)
                && !line.endsWith(":")
                && !isMotto(line)
                && (!isAuthorityLine(line)
                        || pattern("^(HỘI NGHỊ|KỲ HỌP|PHIÊN HỌP)" + Words.BOUNDARY + ".*")
                                .matcher(subject)
                                .matches())
                && titleOf(lines, next) == null
                && !BULLET.matcher(line).find()
                && !KINH_GUI.matcher(line).find()
                && !NOI_NHAN.matcher(line).find()
                && !DATE.matcher(line).find()
                && !pattern("^(CHƯƠNG|PHẦN|MỤC|ĐIỀU|[IVX]+\\.|\\d+\\.)(\\s.*|$)")
                        .matcher(line)
                        .matches();
    }

    private static boolean nextStartsLower(List<String> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (!lines.get(j).isEmpty()) {
                return Character.isLowerCase(lines.get(j).charAt(0));
            }
        }
        return false;
    }

    /** A subject broken after "của", "VỀ", ...: a narrow header cell or a printed page wrapped it there. */
    private static boolean endsWithLink(CharSequence subject) {
        return pattern("(?siu).*\\s(của|và|về|cho|tại|với|trên|theo|đối với|trong|các|những)$")
                .matcher(subject.toString())
                .matches();
    }

    /**
     * A subject broken after "do" (the matter "do Chủ tịch Ủy ban nhân dân … quyết định"): the agent, capitalised, opens
     * the next line, also in capitals ("… DO", "CHỦ TỊCH ỦY BAN NHÂN DÂN CẤP XÃ GIẢI QUYẾT": no preamble's authority);
     * "tự do", "lý do", "nguyên do" ending a line are words, not a link (round 22, review of session 18).
     */
    private static boolean endsWithAgentsDo(CharSequence subject) {
        return pattern("(?siu).*\\s(?<!(?:tự|lý|lí|nguyên)\\s)do$")
                .matcher(subject.toString())
                .matches();
    }

    /** A quotation or a bracket opened and not yet closed: the subject goes on on the next line. */
    private static boolean unclosed(CharSequence subject) {
        String text = subject.toString();
        return text.chars().filter(c -> c == '“').count()
                        > text.chars().filter(c -> c == '”').count()
                || text.chars().filter(c -> c == '(').count()
                        > text.chars().filter(c -> c == ')').count();
    }

    /** The preamble's first word, also where a page ran the words together ("CăncứLuật"). */
    private static final Pattern PREAMBLE = Pattern.compile("^Căn\\s*cứ");

    /** The first line of a people's committee's or council's name, without the place it serves. */
    private static final Pattern GENERIC_COUNCIL =
            Pattern.compile("^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)$");

    /**
     * The issuer block cut to its first line, "ỦY BAN NHÂN DÂN", by a page that keeps one line per header cell: the
     * authority line over the preamble ("ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG") names the same body in full.
     */
    private static String authorityNaming(List<String> lines, int numberAt, String issuer) {
        for (int i = numberAt + 1; i < Math.min(lines.size(), numberAt + 20); i++) {
            String line = pattern("\\s+").matcher(lines.get(i)).replaceAll(" ").trim();
            if (PREAMBLE.matcher(line).find()) {
                break;
            }
            if (isUpper(line)
                    && line.startsWith(issuer + " ")
                    && line.substring(issuer.length() + 1)
                            .matches("^(TỈNH|THÀNH PHỐ|TP\\.|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\\s.+")) {
                return line;
            }
        }
        return issuer;
    }

    /**
     * A page that lost the heading ("QUYẾT ĐỊNH") keeps the trích yếu in capitals between the header rows and the
     * authority line over the preamble: those lines, when an authority line and then "Căn cứ" follow them.
     */
    private static String subjectAboveTheAuthority(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isEmpty()) {
            i++;
        }
        List<String> subject = new ArrayList<>();
        for (; i < lines.size() && subject.size() < 4; i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if (isAuthorityLine(line)) {
                break;
            }
            if (!isUpper(line)
                    || isMotto(line)
                    || DATE.matcher(line).find()
                    || NUMBER_LINE.matcher(line).find()
                    || titleOf(lines, i) != null) {
                return null;
            }
            subject.add(line);
        }
        if (subject.isEmpty() || i >= lines.size() || !isAuthorityLine(lines.get(i))) {
            return null;
        }
        int next = i + 1;
        while (next < lines.size() && lines.get(next).isEmpty()) {
            next++;
        }
        if (next >= lines.size() || !PREAMBLE.matcher(lines.get(next)).find()) {
            return null;
        }
        return String.join(" ", subject).replaceAll("\\s+", " ").trim();
    }

    private static boolean isAuthorityLine(String line) {
        return isUpper(line)
                && line.matches("^(ỦY BAN|UỶ BAN|CHỦ TỊCH|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG"
                        + "|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|HỘI ĐỒNG|BAN THƯỜNG TRỰC|THƯỜNG TRỰC"
                        // The presidium or secretariat that decides for an association, a union or the Party.
                        + "|ĐOÀN CHỦ TỊCH|BAN BÍ THƯ|BỘ CHÍNH TRỊ).*");
    }

    // ---------------------------------------------------------------- lists and foot

    /**
     * No addressee or recipient runs to thousands of characters: an item stops growing at {@value #ITEM_MAX}, so that
     * joining each line of a huge input to the item above it (rebuilt per line) stays linear in the input.
     */
    private static final int ITEM_MAX = 2000;

    private static boolean roomIn(List<String> items) {
        return items.get(items.size() - 1).length() < ITEM_MAX;
    }

    private static List<String> listAfter(List<String> lines, int at, Pattern head) {
        List<String> items = new ArrayList<>();
        Matcher m = head.matcher(lines.get(at));
        String rest = m.find() ? m.group(1).trim() : "";
        if (head == NOI_NHAN && COMPETENCE.matcher(rest).find() && isUpper(rest)) {
            rest = ""; // the signature's competence beside the label, not a recipient
        }
        if (head == NOI_NHAN && !rest.isEmpty() && !TWO_LETTERS.matcher(rest).find()) {
            rest = ""; // "Nơi nhận: \\F—": the clerk's initials or tick beside the label, as a scan's OCR reads them
        }
        boolean bulleted = false;
        String lastRaw = rest;
        if (!rest.isEmpty()) {
            bulleted = BULLET.matcher(rest).find();
            items.add(item(rest));
        }
        int blanks = 0;
        boolean enumerating = false;
        for (int i = at + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                if (++blanks > 2 && !items.isEmpty() && !(bulleted && listGoesOn(lines, i, lastRaw))) {
                    break;
                }
                continue;
            }
            int blanksBefore = blanks;
            blanks = 0;
            if (head == NOI_NHAN && isCopySubheading(line)) {
                // "Bản điện tử:" or "Bản giấy:" heads the part of the list sent electronically or on paper: a label
                // inside the list, not a recipient and not the rest of the line above it.
                continue;
            }
            if (BULLET.matcher(line).find()) {
                if (head == KINH_GUI
                        && !items.isEmpty()
                        && pattern(".*[^./]\\.$").matcher(lastRaw).matches()) {
                    // Addressees end with ";" and the last with "."; dashes after that are the body's.
                    break;
                }
                bulleted = true;
                items.add(item(line));
                lastRaw = line;
            } else if (head == NOI_NHAN
                    && !items.isEmpty()
                    && BODY_END.matcher(line).find()
                    && bulletAfterSignerPieces(lines, i)) {
                // "- Như trên;" then "mẫu nhận xét và hướng dẫn của Sở Nội vụ)./." then the rest of the list: the
                // body's last line, ended by its "./.", drawn beside the list's first lines; no recipient.
                continue;
            } else if (isSignerPiece(line)
                    && (items.isEmpty() || nextIsBullet(lines, i) || bulletPastSignerColumn(lines, i))) {
                // The signature block drawn beside the list comes out between its lines.
                if (!items.isEmpty() && isUpper(line) && isPosition(line)) {
                    // "- Ban Bí thư (để báo cáo), PHÓ" then "TRƯỞNG BAN": the position's first word is no recipient's.
                    int last = items.size() - 1;
                    Matcher deputy = DEPUTY_AT_END.matcher(items.get(last));
                    if (deputy.matches() && isPosition(deputy.group(2) + " " + line)) {
                        items.set(last, item(deputy.group(1)));
                    }
                }
                continue;
            } else if (head == KINH_GUI
                    && !items.isEmpty()
                    && blanksBefore <= 1
                    && ((lastRaw.endsWith(":") && PLURAL_HEAD.matcher(lastRaw).find())
                            || (enumerating && lastRaw.endsWith(",")))
                    // Bounded: rebuilding an ever longer item for each line of a huge input was quadratic.
                    && items.get(items.size() - 1).length() < 1000
                    && isEnumeration(line)) {
                // "Kính gửi: Công đoàn giáo dục các tỉnh:" then "Lào Cai, Lai Châu, …," and "Hà Tĩnh và Quảng Bình"
                // indented under it without dashes: the colon opens an enumeration that the lines under it complete,
                // one addressee.
                int last = items.size() - 1;
                items.set(last, item(items.get(last) + (lastRaw.endsWith(",") ? ", " : " ") + line));
                lastRaw = line;
                enumerating = true;
            } else if (items.isEmpty()) {
                // "Kính gửi:" alone, then one addressee without a dash.
                items.add(item(line));
                lastRaw = line;
                // A page or a cell narrower than the addressee wraps it: the rest goes on in small letters.
                boolean wrapped = i + 1 < lines.size()
                        && !lines.get(i + 1).isEmpty()
                        && Character.isLowerCase(lines.get(i + 1).charAt(0));
                // Under "Nơi nhận", dashed recipients after it: the first item lost its dash (a scan's OCR read the
                // dash and the seal beside it as '"Như…'), and the list goes on.
                if (!pattern(".*[,;]$").matcher(line).matches()
                        && !wrapped
                        && !(head == NOI_NHAN && nextRecipientIsBullet(lines, i))) {
                    break;
                }
            } else if (head == KINH_GUI
                    && blanksBefore <= 1
                    && roomIn(items)
                    && Character.isLowerCase(line.charAt(0))
                    && !pattern(".*[;.:]$").matcher(lastRaw).matches()) {
                // "Kính gửi: Hội, Ban Liên lạc các địa phương," then "các đơn vị trực thuộc": without a dash, a line
                // in small letters goes on with the same addressee, also across the blank line a page puts between
                // paragraphs; the body after the addressees starts with a capital.
                int last = items.size() - 1;
                String joint = lastRaw.endsWith(",") ? ", " : " ";
                items.set(last, item(items.get(last) + joint + line));
                lastRaw = line;
            } else if (head == NOI_NHAN
                    && bulleted
                    && blanksBefore == 1
                    && roomIn(items)
                    && restAcrossABlankLine(lines, i, lastRaw)) {
                int last = items.size() - 1;
                String joint = lastRaw.endsWith(",") ? ", " : " ";
                items.set(last, item(items.get(last) + joint + line));
                lastRaw = line;
            } else if (blanksBefore == 0
                    && roomIn(items)
                    && !isUpper(line)
                    // The file's path a word processor prints in the foot ("d:\2011\CV\..."), not a list item's tail.
                    && !pattern("^[A-Za-z]:\\\\.*").matcher(line).matches()
                    && ((bulleted && Character.isLowerCase(line.charAt(0)))
                            || (lines.get(i - 1).endsWith(",")
                                    && line.length() <= 60
                                    && !(head == KINH_GUI && !bulleted && isAddresseeHead(line))))
                    && !pattern(".*[;.]$").matcher(lines.get(i - 1)).matches()) {
                // A list item broken over two lines; after a comma the rest may start with a capital ("24 Quận,"
                // then "Huyện;"), and a single addressee without a dash wraps the same way ("Mầm non, Tiểu học," then
                // "THCS trên địa bàn thị xã Đồng Xoài.").
                int last = items.size() - 1;
                String joint = lines.get(i - 1).endsWith(",") ? ", " : " ";
                items.set(last, item(items.get(last) + joint + line));
                lastRaw = line;
            } else if (bulleted
                    && blanksBefore == 0
                    && roomIn(items)
                    && !isUpper(line)
                    && (nextIsBullet(lines, i) || restOfWrappedItem(lines, i, lastRaw))) {
                // "- VPCP: BTCN;" then "Vụ TH; Cổng TTĐT;" (or ", Tổng GĐ …") then "- Lưu …": a line without a dash
                // between two dashed items is the rest of the item above it; the list goes on after it.
                int last = items.size() - 1;
                String joint = pattern("^[,;.)].*").matcher(line).matches()
                        ? ""
                        : lastRaw.endsWith(";") ? "; " : lastRaw.endsWith(",") ? ", " : " ";
                items.set(last, item(items.get(last) + joint + line));
                lastRaw = line;
            } else if ((!bulleted || blanksBefore == 0)
                    && isUndashedItem(line, lastRaw, blanksBefore, head, bulleted)) {
                items.add(item(line));
                lastRaw = line;
            } else if (head == KINH_GUI
                    && (!bulleted || isAddresseeHead(line))
                    && isFurtherAddressee(lines, i, blanksBefore, lastRaw)) {
                // "Kính gửi: Lãnh đạo các bộ, ngành" with "Công đoàn các bộ, ngành" indented under it, no dash: a short
                // paragraph of its own before the body is one more addressee.
                items.add(item(line));
                lastRaw = line;
            } else {
                break;
            }
        }
        items.removeIf(String::isEmpty);
        return splitRunTogether(items);
    }

    /**
     * A dashed recipient's rest after the one blank line a scan's OCR puts inside a recipient broken over two lines:
     * after its comma the rest goes on in small letters ("- VPUBND tỉnh: các PCVP," then "các Phòng chuyên môn;",
     * round 22); or a short line ended by a comma or a semicolon stands between the piece and the next dash, in small
     * letters or after a piece without its mark ("- Các tỉnh ủy, …, đảng ủy trực thuộc Trung." then "ương,": OCR may
     * read the comma as a full stop).
     */
    private static boolean restAcrossABlankLine(List<String> lines, int i, String lastRaw) {
        String line = lines.get(i);
        boolean small = Character.isLowerCase(line.charAt(0));
        if (lastRaw.endsWith(",") && small) {
            return true;
        }
        return !isUpper(line)
                && line.length() <= 60
                && pattern(".*[,;]$").matcher(line).matches()
                && (small || !pattern(".*[.,;:)]$").matcher(lastRaw).matches())
                && nextIsBullet(lines, i);
    }

    /** The first recipient of a distribution: "- Như trên;", "- Như Điều 3;", "- Như kính gửi;". */
    private static final Pattern AS_ABOVE =
            Pattern.compile("^[-–+•]\\s*Như\\s+(?:trên|Điều|điều|kính\\s+gửi|Kính\\s+gửi)" + "(?![\\p{L}])");

    /**
     * Where a distribution whose "Nơi nhận:" a scan's OCR lost begins: the last dashed "Như trên" (or "Như Điều …")
     * after the body's end ("./."), in the page's last lines; -1 when there is none.
     */
    private static int unlabelledDistribution(List<String> lines, int titleAt, int kinhGui) {
        int from = Math.max(0, Math.max(titleAt, kinhGui));
        int first = lastIndexOf(lines, l -> AS_ABOVE.matcher(l).find());
        if (first <= from || first == 0) {
            return -1;
        }
        for (int i = first - 1; i > from && i >= first - 12; i--) {
            if (BODY_END.matcher(lines.get(i)).find()) {
                return first;
            }
        }
        return -1;
    }

    /** The mark that ends a document's body: "./." (or "/." after a full stop the text lost). */
    private static final Pattern BODY_END = Pattern.compile("\\.?/\\.\\s*$");

    /** A recipient ended by a comma or a semicolon, then a dash and the next one in capitals, on one line. */
    private static final Pattern RUN_TOGETHER = Pattern.compile("(?<=[,;])\\s+[-–]\\s+(?=\\p{Lu})");

    /**
     * "- Các đồng chí Phó Trưởng Ban, - Các vụ, cục," then "đơn vị trong Ban, - Lưu VP.": a narrow column, or a
     * converter that joined the list's lines, puts several dashed recipients on one line. Each dash after a comma or
     * a semicolon starts a recipient of its own; a dash inside a name ("Sở GD-ĐT", "Phòng Văn hóa - Thông tin") has
     * no comma before it.
     */
    private static List<String> splitRunTogether(List<String> items) {
        List<String> split = new ArrayList<>(items.size());
        for (String item : items) {
            for (String piece : RUN_TOGETHER.split(item)) {
                String recipient = item(piece);
                if (!recipient.isEmpty()) {
                    split.add(recipient);
                }
            }
        }
        return split;
    }

    /**
     * "Lào Cai, Lai Châu, Yên Bái," or "An Biên và U Minh Thượng": names, each short and capitalised, separated by
     * commas or "và" — the members an addressee ending with ":" enumerates. A sentence of the body has a longer piece
     * or one going on in small letters.
     */
    private static final Pattern PLURAL_HEAD = Pattern.compile("(?iu)(?<!\\p{L})(?:các|những|sau)(?!\\p{L})");

    private static boolean isEnumeration(String line) {
        if (line.length() > 120
                || isUpper(line)
                || BODY_OPENER.matcher(line).find()
                || BODY_VERB.matcher(line).find()
                || isSignerPiece(line)) {
            return false;
        }
        String[] names = pattern("[.,;]+$").matcher(line).replaceAll("").split(",|\\s+và\\s+");
        if (names.length < 2) {
            return false;
        }
        for (String name : names) {
            String trimmed = name.trim();
            if (trimmed.isEmpty() || trimmed.length() > 30 || !Character.isUpperCase(trimmed.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /**
     * "Nơi nhận:" then "Như trên;", "Thủ tướng Chính phủ;", "Lưu: VT." without dashes, as a page that drops the dashes
     * Word's list drew gives them: in a list without dashes, an item that ends with ";" is followed by another, which
     * starts with a capital; the signature block, a heading in capitals and the body's first sentence are none. An
     * addressee ending with "," is followed by another when the next line opens with a body's name (see
     * {@link #ADDRESSEE_HEAD}); a dash lost from one item of a dashed list is told by the ";" before it only.
     */
    private static boolean isUndashedItem(
            String line, String lastRaw, int blanksBefore, Pattern head, boolean bulleted) {
        return blanksBefore <= 1
                && (lastRaw.endsWith(";")
                        || (head == KINH_GUI && !bulleted && lastRaw.endsWith(",") && isAddresseeHead(line)))
                && Character.isUpperCase(line.charAt(0))
                && !(head == KINH_GUI && BODY_VERB.matcher(line).find())
                && !isUpper(line)
                && line.length() <= 120
                && !isSignerPiece(line)
                && !(head == KINH_GUI && BODY_OPENER.matcher(line).find());
    }

    /**
     * The words an addressee opens with in sentence case: a body, a group of bodies or a post ("Cấp ủy cơ sở đảng,",
     * "Các đồng chí báo cáo viên", "Báo Hà Tĩnh, Đài Phát thanh"). After an addressee ending with "," such a line is the
     * next addressee whose dash a page dropped; a line going on in small letters, or with a place ("Huyện;") or an
     * acronym ("THCS trên địa bàn"), is the rest of the same one.
     */
    private static final Pattern ADDRESSEE_HEAD =
            Pattern.compile("^(?:Các|Ban|Sở|Phòng|Hội|Ủy ban|Uỷ ban|UBND|Thường trực"
                    + "|Thường vụ|Cấp ủy|Cấp uỷ|Đảng ủy|Đảng uỷ|Đảng đoàn|Ban cán sự|Chi bộ|Chi ủy|Mặt trận|Đoàn|Công đoàn"
                    + "|Liên đoàn|Báo|Đài|Tạp chí|Trường|Trung tâm|Văn phòng|Lãnh đạo|Đồng chí|Bí thư|Chủ tịch|Giám đốc|Thủ trưởng"
                    + "|Hiệu trưởng|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Quận ủy|Quận uỷ|Thị ủy|Thị uỷ|Bộ|Cục"
                    + "|Tổng cục|Chi cục|Viện|Học viện|Quý|Ông|Bà)\\s+\\S");

    private static boolean isAddresseeHead(String line) {
        return ADDRESSEE_HEAD.matcher(line).find() && !isUpper(line);
    }

    /**
     * A bulleted list whose items a copy put more than two blank lines apart (a page spacing every line, not only
     * this list's, then re-spaced): the list goes on while its last item ends with "," or ";" and the next thing
     * written, a few lines down, is another dashed item.
     */
    private static boolean listGoesOn(List<String> lines, int blank, String lastRaw) {
        if (!pattern(".*[,;]$").matcher(lastRaw).matches()) {
            return false;
        }
        for (int j = blank + 1; j < Math.min(lines.size(), blank + 6); j++) {
            if (!lines.get(j).isEmpty()) {
                return BULLET.matcher(lines.get(j)).find();
            }
        }
        return false;
    }

    /** Words a body paragraph opens with; an addressee never does. */
    private static final Pattern BODY_OPENER = Pattern.compile(
            "^(Thực hiện|Căn cứ|Theo|Ngày|Vừa qua|Để|Nhằm|Tiếp theo|Xét|Trong|Hiện nay|Sau khi|Qua|Được|Nhận được"
                    + "|Trên cơ sở|Trả lời|Phúc đáp|Trân trọng|Hưởng ứng|Nhân dịp|Chào mừng|Năm|Với|Tại)"
                    + Words.BOUNDARY);

    /**
     * A verb or a mark of tense after the words that open a line: "Ban Thường vụ Đảng ủy đề nghị các chi bộ triển
     * khai" is a sentence of the body, its subject first, even short and without its full stop; an addressee names a
     * body or a post and never asks, announces or carries a tense. Words that also name bodies ("chỉ đạo", "hướng
     * dẫn", "được giao", "có liên quan") are left out.
     */
    private static final Pattern BODY_VERB = Pattern.compile(
            "(?U)\\S\\s+(đề nghị|yêu cầu|thông báo|triển khai|đề xuất|quyết định|xin|trân trọng|đã|sẽ|đang|cần|phải)"
                    + "(\\s|$)");

    private static boolean isFurtherAddressee(List<String> lines, int i, int blanksBefore, String lastRaw) {
        String line = lines.get(i);
        if (blanksBefore > 1
                || line.length() > 80
                || !Character.isUpperCase(line.charAt(0))
                || isUpper(line)
                || pattern(".*[.!?:]$").matcher(line).matches()
                || pattern(".*[.:]$").matcher(lastRaw).matches()
                || BODY_OPENER.matcher(line).find()
                || BODY_VERB.matcher(line).find()
                || (i + 1 < lines.size() && !lines.get(i + 1).isEmpty())) {
            return false;
        }
        // A paragraph the page broke over a blank line goes on in small letters; the body after the addressees does
        // not.
        for (int j = i + 1; j < lines.size(); j++) {
            if (!lines.get(j).isEmpty()) {
                return !Character.isLowerCase(lines.get(j).charAt(0));
            }
        }
        return true;
    }

    private static boolean isSignerPiece(String line) {
        return (isUpper(line) && (isPosition(line) || COMPETENCE.matcher(line).find()))
                || pattern("^\\(.*\\)$").matcher(line).matches()
                || NAME.matcher(line).matches();
    }

    /**
     * "- Các Bộ, cơ quan ngang Bộ, cơ quan thuộc" then "Chính phủ, cơ quan khác ở Trung ương và các" then "tổ chức chính
     * trị - xã hội;": a dashed item a narrow page wrapped over several lines. The item above is not closed, the lines
     * without a dash are short, and the last of them closes the item before the next dash, a blank line or the end.
     */
    private static boolean restOfWrappedItem(List<String> lines, int i, String lastRaw) {
        if (pattern(".*[;.:]$").matcher(lastRaw).matches()) {
            return false;
        }
        for (int j = i; j < Math.min(lines.size(), i + 3); j++) {
            String line = lines.get(j);
            if (line.isEmpty()
                    || BULLET.matcher(line).find()
                    || isUpper(line)
                    || line.length() > 80
                    // "Thực hiện chỉ đạo của Quận ủy," then "Đảng ủy phường gửi …": the body, on a page as narrow.
                    || BODY_OPENER.matcher(line).find()
                    || BODY_VERB.matcher(line).find()) {
                return false;
            }
            if (pattern(".*[;.]$").matcher(line).matches()) {
                return j + 1 >= lines.size()
                        || lines.get(j + 1).isEmpty()
                        || BULLET.matcher(lines.get(j + 1)).find();
            }
            if (j > i
                    && line.endsWith(",")
                    && j + 1 < lines.size()
                    && BULLET.matcher(lines.get(j + 1)).find()) {
                // "- Các sở, ban, ngành, Ủy ban" then "Mặt trận Tổ quốc và các tổ" then "chức chính trị-xã hội tỉnh,"
                // then the next dash: the list's own comma ends the last piece right before the next recipient
                // (round 23).
                return true;
            }
        }
        return false;
    }

    /**
     * "- Thường trực TW Hội;" then "TM. BAN CHẤP HÀNH", "CHỦ TỊCH" and "- Các đ/c Ủy viên …": where the page breaks
     * inside the list, the signature's column comes out between the recipients of the two pages. A competence or a
     * position in capitals, followed (past at most two more such lines) by a dashed line, is that column.
     */
    private static boolean bulletPastSignerColumn(List<String> lines, int i) {
        return isSignatureHeading(lines.get(i)) && dashedLineAfter(lines, i, 2, FieldReader::isSignatureHeading);
    }

    /** A competence or a position in capitals: the signature column's heading lines. */
    private static boolean isSignatureHeading(String line) {
        return isUpper(line) && (isPosition(line) || COMPETENCE.matcher(line).find());
    }

    /**
     * Whether a dashed line follows line {@code i}, at once or after at most three pieces of the signature block
     * (competence, position, name) drawn beside the list.
     */
    private static boolean bulletAfterSignerPieces(List<String> lines, int i) {
        return dashedLineAfter(lines, i, 3, FieldReader::isSignerPiece);
    }

    /** Whether a dashed line follows line {@code i}, past at most {@code pieces} lines that are {@code piece}. */
    private static boolean dashedLineAfter(
            List<String> lines, int i, int pieces, java.util.function.Predicate<String> piece) {
        int seen = 0;
        for (int j = i + 1; j < lines.size(); j++) {
            String line = lines.get(j);
            if (line.isEmpty()) {
                continue;
            }
            if (BULLET.matcher(line).find()) {
                return true;
            }
            if (++seen > pieces || !piece.test(line)) {
                return false;
            }
        }
        return false;
    }

    /** Whether the next recipient after line {@code i}, past "Bản điện tử:" or "Bản giấy:", has a dash. */
    private static boolean nextRecipientIsBullet(List<String> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (!lines.get(j).isEmpty() && !isCopySubheading(lines.get(j))) {
                return BULLET.matcher(lines.get(j)).find();
            }
        }
        return false;
    }

    private static boolean nextIsBullet(List<String> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (!lines.get(j).isEmpty()) {
                return BULLET.matcher(lines.get(j)).find();
            }
        }
        return false;
    }

    /**
     * "QĐ-UBND", written "QĐ - UBND", "QĐ–UBND" or, where a PDF lost the hyphen, "QĐUBND". Only a notation after "/"
     * can have lost it: the old notations written after a dash ("13-TBXH") run the issuer's initials together.
     */
    static String notation(String raw, boolean afterSlash) {
        String notation = raw.replace('–', '-')
                .replaceAll("\\s+", "")
                .replaceAll("[.,;]+$", "")
                .replace('Ư', 'U');
        if (afterSlash && !notation.contains("-") && !notation.contains("/")) {
            for (String code : CODES_LONGEST_FIRST) {
                if (notation.startsWith(code) && notation.length() > code.length() + 1 && code.length() >= 2) {
                    return code + "-" + notation.substring(code.length());
                }
            }
        }
        return notation;
    }

    /**
     * "Số: 255 / BC-BCĐPCGD-", the date, then "XMC": a notation that ends with a dash was cut by the column beside it,
     * and its last part comes a few lines further down, alone on its line.
     */
    private static String notationTail(List<String> lines, int numberAt, String notation) {
        String raw = lines.get(numberAt).trim();
        if (!pattern(".*[-–/]$").matcher(raw).matches()) {
            return notation;
        }
        char joint = raw.charAt(raw.length() - 1) == '/' ? '/' : '-';
        // Past the right column a PDF's band puts between them: the motto and the date line, on lines of their own.
        int seen = 0;
        for (int j = numberAt + 1; j < lines.size() && seen < 5; j++) {
            String line = lines.get(j);
            if (line.isEmpty()) {
                continue;
            }
            seen++;
            if (isMotto(line) || isHeaderDate(line)) {
                continue;
            }
            return pattern("^[\\p{Lu}\\d&.]{1,12}$").matcher(line).matches() ? notation + joint + line : notation;
        }
        return notation;
    }

    private static final Pattern COPY_SUBHEADING = Pattern.compile(
            "^(?:(?:gửi|nhận)\\s+)?bản\\s+(?:điện\\s+tử|giấy)(?:\\s*\\([^)]{0,60}\\))?\\s*:?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The sub-label of a "Nơi nhận" list that splits it into the copies sent on paper and electronically. */
    static boolean isCopySubheading(String line) {
        return COPY_SUBHEADING.matcher(line.strip()).matches();
    }

    private static String item(String line) {
        String text = line;
        if (text.length() > 150) {
            // A list run into the body on one line: the item ends with its sentence.
            Matcher end = Pattern.compile("[.;]\\s+(?=\\p{Lu}\\p{Ll})").matcher(text);
            if (end.find()) {
                text = text.substring(0, end.start());
            }
        }
        return BULLET.matcher(text.trim())
                .replaceFirst("")
                .replaceAll("\\s+", " ")
                .replaceAll("\\s*\\./\\.$", "")
                .replaceAll("[;,.]+$", "")
                .trim();
    }

    /**
     * "- Ban Bí thư (để báo cáo), PHÓ" then "TRƯỞNG BAN": a deputy's word drawn at the end of a recipient's line, the
     * rest of the position on the next line (the signature's column beside the list, read into it).
     */
    private static final Pattern DEPUTY_AT_END = Pattern.compile("^(.*[\\p{Ll}),;])\\s+(PHÓ|QUYỀN)$");

    /**
     * The position drawn inside the Nơi nhận list, between the label at {@code noiNhan} and the competence under the
     * list at {@code competenceAt}: a line in capitals, without a dash, that is a position, with a deputy's word the
     * line above ends with ({@link #DEPUTY_AT_END}); {@code null} when none stands there.
     */
    private static String positionInsideTheList(List<String> lines, int noiNhan, int competenceAt) {
        for (int i = noiNhan + 1; i < competenceAt; i++) {
            String line = lines.get(i);
            if (line.isEmpty() || BULLET.matcher(line).find() || !isUpper(line) || !isPosition(line)) {
                continue;
            }
            Matcher deputy = DEPUTY_AT_END.matcher(lines.get(i - 1));
            if (deputy.matches() && isPosition(deputy.group(2) + " " + line)) {
                return deputy.group(2) + " " + line;
            }
            return line;
        }
        return null;
    }

    /** The next line after {@code at} holding text is a position ("TRƯỞNG BAN" under "TM. BAN TỔ CHỨC"). */
    private static boolean positionUnder(List<String> lines, int at) {
        for (int i = at + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isEmpty()) {
                return isUpper(line) && isPosition(line);
            }
        }
        return false;
    }

    /**
     * Where the last {@code count} lines holding text start: a PDF puts blank lines between the signature block's
     * lines and after them, which must not push the block out of the foot.
     */
    private static int lastLinesWithText(List<String> lines, int count) {
        int seen = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isEmpty() && ++seen == count) {
                return i;
            }
        }
        return 0;
    }

    private static Signer signer(
            List<String> lines,
            int noiNhan,
            int headerDone,
            Family family,
            String issuer,
            Map<String, Double> confidence) {
        // Without "Nơi nhận" only the last lines can hold the signature block.
        int from = noiNhan >= 0 ? noiNhan : Math.max(headerDone, lastLinesWithText(lines, 12));
        int competenceAt = -1;
        String competenceLine = null;
        for (int i = from; i < lines.size(); i++) {
            // "Nơi nhận:      T/M. BAN CHẤP HÀNH": the foot's two columns on one line, the competence beside the label.
            String line = i == noiNhan ? besideLabel(lines.get(i)) : lines.get(i);
            if (COMPETENCE.matcher(line).find() && isUpper(line)) {
                competenceAt = i;
                competenceLine = line;
                break;
            }
        }
        if (competenceAt < 0 && noiNhan < 0) {
            // "TM. BAN TỔ CHỨC", "TRƯỞNG BAN", the name, then "VI. TÀI LIỆU THAM KHẢO": without Nơi nhận the signature
            // may stand before the pages a document appends after it. A competence in capitals with a position on
            // the next line holding text is the signature's, wherever it stands; the last one is taken.
            for (int i = from - 1; i > headerDone; i--) {
                String line = lines.get(i);
                if (COMPETENCE.matcher(line).find() && isUpper(line) && positionUnder(lines, i)) {
                    competenceAt = i;
                    competenceLine = line;
                    break;
                }
            }
        }
        if (competenceAt < 0 && noiNhan > 0) {
            // "TM. BAN CHẤP HÀNH" alone on the line over "Nơi nhận:", its position under the label: the signature's
            // column came out a line ahead of the list's.
            int above = noiNhan - 1;
            while (above > headerDone && lines.get(above).isEmpty()) {
                above--;
            }
            String line = lines.get(above);
            if (above > headerDone
                    && COMPETENCE.matcher(line).find()
                    && isUpper(line)
                    && positionUnderLabel(lines, noiNhan)) {
                competenceAt = above;
                competenceLine = line;
            }
        }
        String competence = null;
        String position = null;
        String nameAbove = null;
        int after = from;
        boolean rightColumn = false;
        int besideAt = competenceAt >= 0 ? representativeBeside(lines, competenceAt, competenceLine) : -1;
        if (besideAt >= 0 && signsFor(lines.get(besideAt), issuer) && !signsFor(competenceLine, issuer)) {
            // "T/M BCH ĐOÀN TRƯỜNG      T/M BCH CHI ĐOÀN": two bodies sign side by side; the one the issuer is signs
            // for it, here the right one.
            competenceAt = besideAt;
            competenceLine = lines.get(besideAt);
            rightColumn = true;
        }
        if (competenceAt >= 0) {
            Matcher m = COMPETENCE.matcher(competenceLine);
            m.find();
            competence =
                    normaliseCompetence(m.group(1), family) + " " + m.group(2).trim();
            confidence.put("signer.competence", 0.92);
            after = Math.max(Math.max(competenceAt, besideAt), noiNhan) + 1;
            // "XÁC NHẬN CỦA ĐOÀN TRƯỜNG      T/M BCH CHI ĐOÀN": the body above approves on the left, the issuer signs
            // on
            // the right; the two blocks' lines come out one after the other, the right one's second.
            rightColumn = rightColumn || approvalBefore(lines, competenceAt, Math.max(from, headerDone) - 1);
            // "TM. BAN THƯỜNG" then "VỤ": a competence broken over two lines leaves one upper-case word that is no
            // position.
            int tail = after < lines.size() && lines.get(after).isEmpty() ? after + 1 : after;
            if (tail < lines.size()) {
                String line = lines.get(tail);
                if (pattern("^\\p{Lu}+$").matcher(line).matches() && isUpper(line) && !isPosition(line)) {
                    competence = competence + " " + line;
                    after = tail + 1;
                }
            }
            int nested = nestedCompetence(lines, after);
            if (nested >= 0) {
                Matcher inner = COMPETENCE.matcher(lines.get(nested));
                inner.find();
                competence = competence + " " + normaliseCompetence(inner.group(1), family) + " "
                        + inner.group(2).trim();
                after = nested + 1;
            }
            int approval = after < lines.size() && lines.get(after).isEmpty() ? after + 1 : after;
            if (!rightColumn
                    && approval < lines.size()
                    && APPROVAL.matcher(lines.get(approval).trim()).matches()) {
                // "T/M BCH CHI ĐOÀN      XÁC NHẬN CỦA ĐOÀN TRƯỜNG": the approval beside the issuer's block is not its
                // position; the issuer's lines, on the left, come first.
                after = approval + 1;
            }
            for (int i = after; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isEmpty()
                        || BULLET.matcher(line).find()
                        || pattern("^\\(.*\\)$").matcher(line).matches()) {
                    continue; // the distribution list drawn beside the signature block
                }
                if (isSpeckLine(line)) {
                    continue; // "hà xc": the signature's stroke or the seal over a scanned block, read as letters
                }
                if (nameAbove == null && isSignerName(line)) {
                    // "TM. BAN THƯỜNG VỤ", the name, then "PHÓ BÍ THƯ": a copy writing the name before the position.
                    nameAbove = line;
                    continue;
                }
                if (isUpper(line) && isPosition(line)) {
                    position = line;
                    after = i + 1;
                    int beside = after < lines.size() && lines.get(after).isEmpty() ? after + 1 : after;
                    if (rightColumn
                            && beside < lines.size()
                            && isUpper(lines.get(beside))
                            && isPosition(lines.get(beside))) {
                        position = lines.get(beside); // the approving block's position, then the issuer's
                        after = beside + 1;
                    }
                    Held held = withHeldTitle(lines, position, after);
                    position = held.position();
                    after = held.after();
                    confidence.put("signer.position", 0.9);
                }
                break;
            }
            if (position == null && noiNhan >= 0 && competenceAt > noiNhan + 1) {
                position = positionInsideTheList(lines, noiNhan, competenceAt);
                if (position != null) {
                    confidence.put("signer.position", 0.75);
                }
            }
        } else {
            for (int i = from + 1; i < lines.size(); i++) {
                String line = lines.get(i);
                int chairAt = chairBesideSecretary(lines, i);
                if (chairAt >= 0) {
                    // "THƯ KÝ        CHỦ TRÌ HỘI NGHỊ": minutes close with two titles side by side, which come out one
                    // after the other; the chair's, on the right, signs for the body, and the names under them follow
                    // in the same order.
                    position = lines.get(chairAt);
                    after = chairAt + 1;
                    rightColumn = true;
                    confidence.put("signer.position", 0.8);
                    break;
                }
                if (drafterOverName(lines, i)) {
                    // "Người lập kế hoạch" over the name: a plan or a report signed by whoever drew it up, under that
                    // title in sentence case rather than a body's competence and position.
                    position = line.trim();
                    after = i + 1;
                    confidence.put("signer.position", 0.7);
                    break;
                }
                if (!line.isEmpty()
                        && isUpper(line)
                        && isPosition(line)
                        && !BULLET.matcher(line).find()
                        && !preamble(lines, i)) {
                    Held held = withHeldTitle(lines, line, i + 1);
                    position = held.position();
                    after = held.after();
                    // "BAN ĐẠI DIỆN CHA MẸ HỌC SINH      BÍ THƯ CHI ĐOÀN": another body's block drawn on the left of
                    // the
                    // issuer's comes out just before it; of the two names under them the second is the signer's.
                    rightColumn = anotherBlockBefore(lines, i, Math.max(from, headerDone) - 1);
                    confidence.put("signer.position", 0.8);
                    break;
                }
            }
        }
        if (noiNhan >= 0 && competence == null && position == null && noiNhan > headerDone) {
            // The signature block stacked above "Nơi nhận" rather than beside it, as a page that keeps the foot's
            // two cells one after the other gives it.
            Signer above = signer(lines.subList(0, noiNhan), -1, headerDone, family, issuer, confidence);
            if (above != null) {
                return above;
            }
        }
        if (noiNhan < 0 && competence == null && position == null) {
            return signedCopyName(lines, headerDone, confidence);
        }
        String name = position != null ? nameAbove : null;
        int looked = 0;
        for (int i = after; i < lines.size() && looked < 15 && name == null; i++) {
            String line = TITLE_AFTER_NAME
                    .matcher(RANK.matcher(pattern("\\(.*?\\)")
                                    .matcher(lines.get(i))
                                    .replaceAll("")
                                    .trim())
                            .replaceFirst(""))
                    .replaceFirst("$1");
            // The distribution list drawn beside the signature comes out between its lines, its dashes or not (OCR
            // loses them): its items do not count towards how far the name may stand under the position.
            if (line.isEmpty() || BULLET.matcher(line).find()) {
                continue;
            }
            looked++;
            if (pattern(".*[;,]$").matcher(line).matches()) {
                continue;
            }
            if (NAME.matcher(line).matches() && !line.startsWith("Lưu") && !line.startsWith("Như")) {
                name = line;
                int next = i + 1;
                while (rightColumn && next < lines.size() && lines.get(next).isEmpty()) {
                    next++;
                }
                if (rightColumn
                        && next < lines.size()
                        && NAME.matcher(lines.get(next).trim()).matches()
                        && !lines.get(next).trim().startsWith("Lưu")
                        && !lines.get(next).trim().startsWith("Như")) {
                    name = lines.get(next).trim(); // the secretary's name, then the chair's
                }
                break;
            }
            // What the seal or the signature left of the title ("MXN V") or a second title line ("CHỦ TỊCH UBND
            // HUYỆN") is not the name printed under them.
            if (position != null && UPPER_NAME.matcher(line).matches() && !isPosition(line) && isNameInCapitals(line)) {
                name = line;
                break;
            }
        }
        if (name != null) {
            confidence.put("signer.fullName", position != null || competence != null ? 0.9 : 0.7);
        }
        if (competence == null && position == null && name == null) {
            return null;
        }
        return new Signer(competence, position == null ? null : withoutSpecks(position), name);
    }

    /**
     * "kiêm" opening a line under a position: the signer holds a second title with the first, printed "TRƯỞNG BAN TUYÊN
     * GIÁO TỈNH UỶ" / "Kiêm" / "TRƯỞNG BAN TỔ CHỨC CUỘC THI" or with the second title on the line of "Kiêm" (round 23).
     */
    private static final Pattern HELD_WITH = Pattern.compile("^(?iu:kiêm)(?:\\s+(\\S.*))?$");

    /** A position with the title held together with it, and the line after both. */
    private record Held(String position, int after) {}

    /** The position read, joined by the title held with it when "kiêm" follows ({@code after} is the line after it). */
    private static Held withHeldTitle(List<String> lines, String position, int after) {
        int end = heldTitleEnd(lines, after);
        return end > after ? new Held(position + " " + heldTitle(lines, after, end), end) : new Held(position, after);
    }

    /**
     * Where the title a position is held together with ends: past "kiêm" and the position in capitals after it (on its
     * line or on the next, a blank line allowed before each), or {@code after} when none follows the position.
     */
    private static int heldTitleEnd(List<String> lines, int after) {
        int at = pastBlank(lines, after);
        if (at >= lines.size()) {
            return after;
        }
        Matcher held = HELD_WITH.matcher(lines.get(at).strip());
        if (!held.matches()) {
            return after;
        }
        if (held.group(1) != null) {
            String title = held.group(1).strip();
            return isUpper(title) && isPosition(title) ? at + 1 : after;
        }
        int title = pastBlank(lines, at + 1);
        return title < lines.size() && isUpper(lines.get(title)) && isPosition(lines.get(title)) ? title + 1 : after;
    }

    /**
     * The lines from {@code after} to {@code end} holding the title, joined: "Kiêm TRƯỞNG BAN TỔ CHỨC CUỘC THI" (the
     * recipients drawn beside the block are left out).
     */
    private static String heldTitle(List<String> lines, int after, int end) {
        return lines.subList(after, end).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !BULLET.matcher(line).find())
                .collect(Collectors.joining(" "));
    }

    /**
     * The first line at or after {@code at} holding a title: past one blank line, and past the dashed recipients the
     * Nơi nhận column puts between the signature block's lines (two at most).
     */
    private static int pastBlank(List<String> lines, int at) {
        int next = at < lines.size() && lines.get(at).isEmpty() ? at + 1 : at;
        for (int skipped = 0;
                skipped < 2
                        && next < lines.size()
                        && BULLET.matcher(lines.get(next)).find();
                skipped++) {
            next++;
        }
        return next;
    }

    /** An office's or a place's word, never a person's: a line in capitals holding one is no name. */
    private static final Pattern OFFICE_WORD =
            Pattern.compile("(?<!\\p{L})(?:UBND|HĐND|UBMTTQ|HUYỆN|TỈNH|XÃ|PHƯỜNG|QUẬN)(?!\\p{L})");

    /**
     * A name in capitals: every word has a vowel ("MXN V" has none: a seal's or a stroke's remains) and none is an
     * office's or a place's word. A Tây Nguyên name ("KSOR PHƯỚC HÀ", "NIÊ KDĂM") is no string of Vietnamese syllables,
     * so syllables are not asked for (ADR 0078).
     */
    private static boolean isNameInCapitals(String line) {
        return !OFFICE_WORD.matcher(line).find()
                && Arrays.stream(line.split("\\s+")).allMatch(FieldReader::hasVowel);
    }

    private static boolean hasVowel(String word) {
        return OcrLexicon.bare(word).chars().anyMatch(c -> "aeiouy".indexOf(c) >= 0);
    }

    /** A word: two letters in a row. */
    private static final Pattern TWO_LETTERS = Pattern.compile("\\p{L}{2}");

    /** What the seal or the signature leaves in a scanned position in capitals: "PHÓ 'CHỦ TỊCH", "~PHÓ:CHỦ TỊCH". */
    private static final Pattern POSITION_SPECK = Pattern.compile("[\\[\\]'‘’`´~:;^*\"“”|_{}]+");

    /** A position in capitals less the specks OCR read among its words (round 22). */
    static String withoutSpecks(String position) {
        if (!isUpper(position)) {
            return position;
        }
        String words = POSITION_SPECK.matcher(position).replaceAll(" ").trim().replaceAll("\\s+", " ");
        return words.isEmpty() ? position : words;
    }

    /**
     * A short line without a capital letter inside a scanned signature block ("hà xc", "„"): the signature's stroke or
     * the seal read as letters, never a title (in capitals) or a name (capitalised).
     */
    private static boolean isSpeckLine(String line) {
        String text = line.strip();
        return text.length() <= 6 && text.chars().noneMatch(Character::isUpperCase);
    }

    /**
     * The closing title of whoever drew the document up and signs it ("Người lập kế hoạch", "NGƯỜI LẬP BÁO CÁO", "Người
     * viết", "Người đề nghị", "Người làm đơn"): "Người" and a verb of writing, a few words at most, nothing after them;
     * or whoever is in charge of the work ("TỔNG PHỤ TRÁCH ĐỘI", "Người phụ trách").
     */
    private static final Pattern DRAFTER = Pattern.compile(
            "^(?iu:người)\\s+(?iu:lập|viết|làm|soạn|soạn thảo|đề nghị|báo cáo|tổng hợp)(?:\\s+\\p{L}+){0,3}$"
                    // "TỔNG PHỤ TRÁCH ĐỘI", "Người phụ trách": the one in charge of the work closes the report the
                    // same way, without a body's competence (round 24).
                    + "|^(?iu:(?:tổng|người)\\s+)?(?iu:phụ\\s+trách)(?:\\s+\\p{L}+){0,3}$");

    /**
     * Whether line {@code i} is a drafter's closing title ({@link #DRAFTER}) with a name among the next four lines that
     * hold text: the title of a signature block, not a sentence or a recipient that opens the same way.
     */
    private static boolean drafterOverName(List<String> lines, int i) {
        if (!DRAFTER.matcher(lines.get(i).trim()).matches()) {
            return false;
        }
        boolean named = false;
        int looked = 0;
        for (int k = i + 1; k < lines.size() && looked < 4; k++) {
            String line = lines.get(k).trim();
            if (line.isEmpty()) {
                continue;
            }
            looked++;
            if (NAME.matcher(line).matches()) {
                named = true;
                break;
            }
            if (isUpper(line) && isPosition(line)) {
                return false; // "NGƯỜI LẬP BIỂU" beside "THỦ TRƯỞNG ĐƠN VỊ": the head signs for the body
            }
        }
        if (!named) {
            return false;
        }
        // "Người lập biểu", the drafter's name, then "HIỆU TRƯỞNG" and the head's name: the foot read column after
        // column puts the drafter's block (on the left) first; the head signs for the body.
        for (int k = i + 1; k < lines.size(); k++) {
            String line = lines.get(k).trim();
            if (!line.isEmpty() && isUpper(line) && isPosition(line)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The heading of a block that approves a document rather than signs it: "XÁC NHẬN CỦA ĐOÀN TRƯỜNG", "Ý KIẾN CỦA BAN
     * GIÁM HIỆU", "PHÊ DUYỆT CỦA …", "BAN GIÁM HIỆU DUYỆT".
     */
    private static final Pattern APPROVAL = Pattern.compile(
            "^(?:XÁC NHẬN|Ý KIẾN|PHÊ DUYỆT|DUYỆT)(?:[ ]+CỦA)?[ ]+\\p{Lu}[\\p{Lu} ]*$|^\\p{Lu}[\\p{Lu} ]*[ ]DUYỆT$");

    private static final Pattern REPRESENTS = Pattern.compile("^(?:T/M|T\\.M|TM)\\.?\\s*\\p{Lu}");

    /** The collective bodies' own words before their name: "BAN CHẤP HÀNH", "BCH", "BAN THƯỜNG VỤ", "BTV". */
    private static final Pattern COLLECTIVE = Pattern.compile(
            "^(?:T/M|T\\.M|TM)\\.?\\s*(?:(?:BAN CHẤP HÀNH|BCH|BAN THƯỜNG VỤ|BTV|BAN THƯỜNG TRỰC|THƯỜNG TRỰC)\\s+)?");

    /**
     * The line after the competence at {@code at}, when it is a second "T/M …" beside it (two bodies signing side by
     * side, never one competence nested in another): its index, or -1.
     */
    private static int representativeBeside(List<String> lines, int at, String competenceLine) {
        int k = at + 1 < lines.size() && lines.get(at + 1).isEmpty() ? at + 2 : at + 1;
        return k < lines.size()
                        && REPRESENTS.matcher(competenceLine).find()
                        && REPRESENTS.matcher(lines.get(k)).find()
                        && isUpper(lines.get(k))
                ? k
                : -1;
    }

    /** Whether a "T/M …" line names the issuer: the body after the collective's words stands in the issuer's name. */
    private static boolean signsFor(String competenceLine, String issuer) {
        if (issuer == null) {
            return false;
        }
        String body = fold(COLLECTIVE.matcher(competenceLine.trim()).replaceFirst(""));
        return body.length() >= 4 && fold(issuer).contains(body);
    }

    /** Whether the line before {@code at} (above {@code floor}) is an approving block's heading. */
    private static boolean approvalBefore(List<String> lines, int at, int floor) {
        int j = at - 1;
        while (j > floor && lines.get(j).isEmpty()) {
            j--;
        }
        return j > floor && APPROVAL.matcher(lines.get(j).trim()).matches();
    }

    /**
     * Whether the line before the position at {@code at} (above {@code floor}) heads another closing block on the same
     * row: an approval, or another body's name in capitals ("BAN ĐẠI DIỆN CHA MẸ HỌC SINH"), which is no position.
     */
    private static boolean anotherBlockBefore(List<String> lines, int at, int floor) {
        int j = at - 1;
        while (j > floor && lines.get(j).isEmpty()) {
            j--;
        }
        if (j <= floor) {
            return false;
        }
        String line = lines.get(j).trim();
        int words = pattern("\\s+").split(line).length;
        return APPROVAL.matcher(line).matches()
                || (words >= 2
                        && words <= 8
                        && pattern("[\\p{Lu}&/ -]+").matcher(line).matches()
                        && isUpper(line)
                        && !isPosition(line)
                        && !COMPETENCE.matcher(line).find());
    }

    /** The closing titles of minutes: who chaired the meeting and who kept its record. */
    private static final Pattern MINUTES_TITLE = Pattern.compile(
            "^(?:CHỦ TRÌ|CHỦ TỌA|CHỦ TOẠ|THƯ KÝ|TRƯỞNG BAN KIỂM PHIẾU)(?: HỘI NGHỊ| CUỘC HỌP| ĐẠI HỘI| KỲ HỌP)?$");

    /**
     * The secretary's closing title at {@code i} and the chair's next to it ("THƯ KÝ", then "CHỦ TRÌ HỘI NGHỊ", two
     * cells side by side that the page gives one after the other): the chair's line, or -1.
     */
    private static int chairBesideSecretary(List<String> lines, int i) {
        if (!lines.get(i).trim().startsWith("THƯ KÝ")
                || !MINUTES_TITLE.matcher(lines.get(i).trim()).matches()) {
            return -1;
        }
        int next = i + 1;
        while (next < lines.size() && lines.get(next).isEmpty()) {
            next++;
        }
        if (next < lines.size()) {
            String chair = lines.get(next).trim();
            if (MINUTES_TITLE.matcher(chair).matches() && !chair.startsWith("THƯ KÝ")) {
                return next;
            }
        }
        return -1;
    }

    /** What stands after "Nơi nhận:" on the label's own line, or "" for another line. */
    private static String besideLabel(String line) {
        Matcher m = NOI_NHAN.matcher(line);
        return m.find() ? m.group(1).trim() : "";
    }

    /** Whether the first line under "Nơi nhận:" that is no recipient is a position in capitals. */
    private static boolean positionUnderLabel(List<String> lines, int noiNhan) {
        for (int i = noiNhan + 1; i < lines.size() && i <= noiNhan + 4; i++) {
            String line = lines.get(i);
            if (line.isEmpty() || BULLET.matcher(line).find()) {
                continue;
            }
            return isUpper(line) && isPosition(line);
        }
        return false;
    }

    /**
     * A copy ending "(Đã ký)" and a name, with no competence, position or Nơi nhận printed (an old act reprinted by a
     * legal library): the name is the signer's.
     */
    private static Signer signedCopyName(List<String> lines, int headerDone, Map<String, Double> confidence) {
        int last = lines.size() - 1;
        while (last > headerDone && lines.get(last).isEmpty()) {
            last--;
        }
        int mark = last - 1;
        while (mark > headerDone && lines.get(mark).isEmpty()) {
            mark--;
        }
        if (mark <= headerDone || !lines.get(mark).equalsIgnoreCase("(đã ký)") || !isSignerName(lines.get(last))) {
            return null;
        }
        confidence.put("signer.fullName", 0.6);
        return new Signer(null, null, RANK.matcher(lines.get(last)).replaceFirst(""));
    }

    /**
     * "TM. ỦY BAN NHÂN DÂN" then "KT. CHỦ TỊCH" then "PHÓ CHỦ TỊCH": a deputy signing for the head of a collective
     * writes two competences; the second is part of the competence, not the position. The line of the second, or -1.
     */
    private static int nestedCompetence(List<String> lines, int after) {
        int at = after < lines.size() && lines.get(after).isEmpty() ? after + 1 : after;
        return at < lines.size()
                        && isUpper(lines.get(at))
                        && COMPETENCE.matcher(lines.get(at)).find()
                        && !lines.get(at).startsWith("Q.")
                ? at
                : -1;
    }

    private static boolean isSignerName(String line) {
        String bare = RANK.matcher(line).replaceFirst("");
        return NAME.matcher(bare).matches() && !bare.startsWith("Lưu") && !bare.startsWith("Như");
    }

    /** The authority line of a preamble: "Căn cứ ..." follows within a few lines. */
    private static boolean preamble(List<String> lines, int i) {
        for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
            if (pattern("^[-–]?\\s*Căn cứ" + Words.BOUNDARY + ".*")
                    .matcher(lines.get(j))
                    .matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPosition(String line) {
        String words =
                pattern("[^\\p{L} ]").matcher(line).replaceAll(" ").trim().replaceAll("\\s+", " ");
        int count = words.split(" ").length;
        return (count <= 6
                        || (count <= 12 && UNIT_HEAD.matcher(words).find())
                        || (count <= 12 && HEAD_NAMING_BODY.matcher(words).matches()))
                && POSITION.matcher(words).find();
    }

    /** "TM." and "T/M" are one competence; each family writes its own form. */
    static String normaliseCompetence(String mark, Family family) {
        String key = mark.replace("/", "").replace(".", "");
        boolean party = family == Family.PARTY;
        return switch (key) {
            case "TM" -> party ? "T/M" : "TM.";
            case "KT" -> party ? "K/T" : "KT.";
            case "TL" -> party ? "T/L" : "TL.";
            case "TU", "TUQ" -> party ? "T/U" : "TUQ.";
            default -> "Q.";
        };
    }

    // ---------------------------------------------------------------- checks

    /** The issuer part of a notation should be the initials of the issuing body, alone or with the body above it. */
    static boolean notationMatches(String notation, List<String> bodies) {
        String[] parts = pattern("[-/]").split(notation);
        String code = fold(parts[parts.length - 1]);
        if (parts.length > 1 && notation.contains("-") && !notation.contains("/")) {
            // "QĐ-UBND": type then issuer; a state công văn's "UBND-VX": issuer then its unit.
            code = TYPE_CODES.containsKey(parts[0].toUpperCase(Locale.ROOT)) ? fold(parts[1]) : fold(parts[0]);
        }
        StringBuilder initials = new StringBuilder();
        for (int i = bodies.size() - 1; i >= 0; i--) {
            for (String word : pattern("\\s+").split(bodies.get(i))) {
                String folded = fold(word);
                if (folded.isEmpty() || folded.equals("VA") || folded.equals("CUA")) {
                    continue;
                }
                if (word.length() > 1
                        && word.equals(word.toUpperCase(Locale.ROOT))
                        && folded.length() <= 6
                        && !pattern("[AEIOUY]*").matcher(folded).matches()
                        && pattern("[A-ZĐ]+").matcher(word).matches()) {
                    initials.append(folded);
                } else {
                    initials.append(word.startsWith("Ư") ? 'W' : folded.charAt(0));
                }
            }
        }
        String all = initials.toString();
        int j = 0;
        for (int i = 0; i < all.length() && j < code.length(); i++) {
            if (all.charAt(i) == code.charAt(j)) {
                j++;
            }
        }
        return j >= Math.min(code.length(), 2);
    }

    private static String fold(String s) {
        String upper = s.toUpperCase(Locale.ROOT).replace('Đ', 'D');
        return pattern("[^A-Z0-9]")
                .matcher(Normalizer.normalize(upper, Normalizer.Form.NFD))
                .replaceAll("");
    }

    private static String sentenceCase(String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private interface LinePredicate {
        boolean test(String line);
    }

    private static int indexOf(List<String> lines, int from, int to, LinePredicate predicate) {
        for (int i = Math.max(0, from); i < Math.min(to, lines.size()); i++) {
            if (predicate.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<String> lines, LinePredicate predicate) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (predicate.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int firstOf(List<String> lines, int fallback, int... indices) {
        int first = fallback;
        for (int index : indices) {
            if (index >= 0 && index < first) {
                first = index;
            }
        }
        return first;
    }
}
