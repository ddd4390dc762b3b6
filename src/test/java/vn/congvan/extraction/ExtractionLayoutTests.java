package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layouts real copies give the NĐ 30 / HD 36 template, applied to every document of every corpus set: a field read
 * right from the text as published must stay right when its header or foot comes the way another web page, PDF or
 * converter lays it out. {@link ExtractionNoiseTests} does the same for noise within lines; this is the defence against
 * a layout that a document the rules never saw shows for the first time (held-out rounds lost most of their fields to
 * layout, not words). Each re-layout is a function of the blocks {@link CorpusLayout} cuts; the header or foot it does
 * not touch stays as published. Each names where it is seen.
 */
class ExtractionLayoutTests {

    /** Enough spaces between two columns for a reader that keeps the page's columns (pdftotext -layout, PDFBox). */
    private static final String GAP = " ".repeat(12);

    /** The width at which a Nơi nhận item or an addressee wraps in the template's narrow left column. */
    private static final int WRAP = 45;

    private static final Pattern BULLET = Pattern.compile("^\\s*[-–—]\\s*");

    static Stream<Arguments> layouts() {
        return Stream.of(
                // s01, e3 (web pages keeping each table cell as one paragraph). Measured after rounds 10 and 11 were
                // merged with the layout fixes: 8 of 1,514 (s22's number line among them, e9 and e20 new).
                layout("each header cell on one line", 0.006, l -> header(l, cellsOnOneLine(l))),
                // h8 (the whole header band on one line, as a page's summary gives it); e3 runs its left column and
                // number together. Round 10's e9 (a header whose every cell the page broke over lines: "TỈNH" /
                // "ĐOÀN THANH HOÁ", "Số:" / "74-CV/ĐTN") adds losses, the same with the rules before and after it.
                layout("the whole header on one line", 0.011, l -> header(l, List.of(join(all(l))))),
                // s17, a1, e3 (vanban123 and the like print each table row with "|" after each cell). Round 10's e9 and
                // e11 ("Số:" / "1312/KH-UBND" in a cell broken over lines) add losses, the same with the rules before
                // and after it.
                layout("the header as table rows with \"|\"", 0.009, l -> header(l, tableRows(l))),
                // c6, d2, d3 and s16 (PDF text and web copies keeping both columns on one line, padded with spaces).
                // Left: most losses are thuvienphapluat copies that already split words across cells ("ỦY" / "BAN NHÂN
                // DÂN", "CỘNG" / "HÒA XÃ HỘI"), which side by side become nonsense no page prints (s03, n04, s12, s20,
                // b6). Round 11's e17 and e24 are two more such thuvienphapluat copies ("BỘ" / "CHÍNH TRỊ", "BỘ TƯ" /
                // "PHÁP", "Hà" / "Nội"): eleven losses with the rules before round 11, ten after; the ceiling 1.8 ->
                // 2.5 %.
                layout("the header's two columns side by side", 0.025, l -> header(l, sideBySide(l))),
                // The right column first, as a PDF text layer gives it when the right cell stands a little higher
                // than the left one. Asked for, but not found in any copy of the corpora nor in a search for one: kept
                // because it costs nothing to guard; its losses are mostly CorpusLayout's on copies that already split
                // words across cells (s03, n04, b6 place "Mau", "Tàu"), not the order. Round 11's e17 and e24 add
                // two of those (the issuer's cell broken inside its name), the ceiling 1.2 -> 1.3 %.
                layout("the motto block before the issuer block", 0.003, l -> header(l, rightFirst(l))),
                // 123docz's copy of Kiên Giang's 1961/QĐ-UBND (2019): the left column whole, number included, then the
                // motto and the date, which then stand between the number and its subject, or cut the subject in two
                // (c6, d1, d2, d3, c1). Left: the addressees of d3, whose wrapped item stands three blank lines
                // under its dash once the copy is no longer double-spaced throughout, and round 10's e11, whose number
                // the page broke off "Số:".
                layout("the left column whole, then the right column", 0.003, l -> header(l, columnAfterColumn(l))),
                // Round 14 (held-out 5, e29–e37): the ceilings marked "r14" were raised by the new documents' own
                // fields only, the old documents' losses as before: e30's name four blank lines under the foot and
                // e36's signer in a table cell, lost once a foot is re-laid out; e32's signature stamp, read as no body
                // only at the very top of the text, comes back as a body above the issuer once a layout puts a line
                // above it (a field wrong before the round's rules, so not lost before them); e31, e32 and e36's
                // headers cut inside words.
                // s16 ("Nơi nhận :      GIÁM ĐỐC", "– BGĐ Sở GD&ĐT;      (đã ký)"), as pdftotext -layout gives a foot.
                layout(
                        "the foot's two columns side by side",
                        0.003, // r14: 0.002
                        l -> foot(l, sideBySide(l.footLeft(), l.footRight()))),
                // e7 (luatminhkhue: "Nơi nhận:- Như trên;- …;- Lưu: VT, QHQT (3). BỘ TRƯỞNG, CHỦ NHIỆMNguyễn Xuân
                // Phúc"). Round 11's e20 ("– Lưu: VT P. GIÁM ĐỐC (đã kỹ) Nguyễn …": a position without competence
                // run into the last item, which has no closing mark) and e22 ("TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ GIÁO DỤC
                // CHUYÊN NGHIỆP Hoàng Ngọc Vinh": where the competence ends and the unit's head begins is not marked)
                // lose six fields that their published feet give right; the ceiling 1.0 -> 1.2 %. Session 10's
                // flattened-signature rules: 17 -> 12 of 1,514 (0.8 %); with rounds 12 and 13 merged, 13 of 1,612
                // (e26's Nơi nhận run into "TM. ĐOÀN CHỦ TỊCH"), ceiling 0.85 %.
                layout(
                        "the foot on one line",
                        0.0095, // r14: 0.0085
                        l -> foot(l, List.of(footOnOneLine(l)))),
                // Word's bullets copied as text: "•" from a bulleted list, "+" where a clerk typed it.
                layout(
                        "Nơi nhận items with \"+\"",
                        0.0006, // r14: 0.0
                        l -> foot(l, bulleted(l, "+ "))),
                layout(
                        "Nơi nhận items with \"•\"",
                        0.0006, // r14: 0.0
                        l -> foot(l, bulleted(l, "• "))),
                // e8 ("Vụ TH; Cổng TTĐT;"); web copies drop the dash that Word's list formatting drew.
                layout(
                        "Nơi nhận items without a bullet",
                        0.003, // r14: 0.002
                        l -> foot(l, bulleted(l, ""))),
                // e4 (its second addressee without a dash, under the first).
                layout("Kính gửi items without a bullet", 0.003, l -> body(l, ExtractionLayoutTests::unbulleted)),
                // e5, e8, a1 (the narrow left column wraps a long item onto a line of its own, without a dash).
                layout(
                        "long Nơi nhận items wrapped at 45 characters",
                        0.0042, // r14: 0.003
                        l -> foot(l, wrappedItems(l))),
                layout("long addressees wrapped at 45 characters", 0.002, l -> body(l, ExtractionLayoutTests::wrapped)),
                // Session 9 (ADR 0066, second round): variations real copies show that the layouts above did not cover.
                // The
                // date line read before the number (a PDF whose right cell stands higher); left: the issuers of copies
                // that already split words across cells, as with the motto block first. Amendment of 2026-12-01: 15 ->
                // 1
                // (a date line broken over lines no longer stops the header; left: d3's addressees).
                layout("the date line before the number line", 0.001, l -> header(l, dateFirst(l))),
                // Kính gửi items with "+" where a clerk typed them, and the label on the line of its first addressee.
                layout(
                        "Kính gửi items with \"+\"",
                        0.0,
                        l -> body(l, b -> addressees(b, ExtractionLayoutTests::plus, false))),
                layout(
                        "Kính gửi on the line of its first addressee",
                        0.0,
                        l -> body(l, ExtractionLayoutTests::onKinhGui)),
                // The name under the competence, above the position. Left, not yet looked into: the names of s16, n03,
                // e5 and e8.
                layout(
                        "the signer's name before the position",
                        0.0042, // r14: 0.004
                        l -> foot(l, nameFirst(l))),
                // A page stacking the foot's cells: the signature first, then "Nơi nhận".
                layout(
                        "Nơi nhận after the signature",
                        0.0036, // r14: 0.003
                        l -> foot(l, recipientsLast(l))),
                // Web copies and converters: tabs before lines, double and non-breaking spaces, zero-width spaces and
                // soft hyphens inside words, Windows line ends, full-width digits, blank lines doubled here and there.
                layout(
                        "blank lines and odd spaces everywhere",
                        0.012,
                        l -> oddSpaces(String.join("\n", text(l, l.headerLines(), l.footLines())))),
                // A header whose capitals a page or a clerk dropped ("Ủy Ban Nhân Dân Tỉnh Hậu Giang"), acronyms kept.
                // Round 10's e9 and e11 add two losses (measured after the merge).
                layout("the header in Title Case", 0.015, l -> header(l, titleCase(l))),
                // What real files put around and inside the document (ADR 0073). A signed PDF's text layer carries
                // the VGCA stamp's text at the top right of page 1, among the motto and the place-and-date line, and
                // over the signer's signature, between the position and the name.
                layout("a VGCA stamp before the date's line", 0.001, l -> header(l, beforeDate(l, VGCA))),
                layout("a VGCA stamp beside the header's first lines", 0.001, l -> header(l, besideTop(l))),
                layout("a stamp run into the number's line", 0.001, l -> header(l, runIntoNumber(l))),
                layout("a VGCA stamp between the position and the name", 0.001, l -> foot(l, beforeName(l, VGCA))),
                layout("an Adobe stamp after the foot", 0.001, l -> whole(l) + "\n" + String.join("\n", ADOBE)),
                // NĐ 30 Điều 15 and HD 36: the urgency mark under the number and subject, the secrecy mark boxed
                // above "Kính gửi".
                layout(
                        "urgency and secrecy marks under the subject",
                        0.001,
                        l -> body(l, ExtractionLayoutTests::marked)),
                // NĐ 30 Phụ lục III: a copy's own header, number, date, Nơi nhận and signer under the original. Left:
                // round 10's e16, a stored fragment of 253 characters, under the 300 that PageFurniture asks above a
                // copy's block before it cuts one (five fields).
                layout("a copy's block after the original", 0.004, l -> whole(l) + "\n" + String.join("\n", COPY)),
                // Session 10 (ADR 0066, amendment of 2026-12-01). The signature block run into one line, the Nơi nhận
                // list kept ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A", "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ …"), as a web
                // page that keeps the foot's right cell as one paragraph gives it.
                layout(
                        "the signature block on one line",
                        0.0042, // r14: 0.004
                        l -> foot(l, signatureOnOneLine(l))),
                // The right column whole, then the left one (motto, date, issuer, number), and the number read before
                // the issuer (motto, date, number, issuer), as a PDF whose right cell stands higher gives them.
                // r15: round 15's rule (upper-case lines over the place-and-date line are the bodies) reads n03's
                // issuer right from the published text (held-out 138 -> 139/140); this layout puts the date line
                // first, so the rule cannot apply and the field gained counts as lost here. Ceiling raised by it.
                layout(
                        "the right column whole, then the left column",
                        0.0036, // r15: 0.003
                        l -> header(l, rightColumnFirst(l))),
                // Measured 155 -> 85 of 1,514 with the amendment's rules; left: issuers whose cell holds lines not in
                // capitals (Title Case, a web page's own lines) and the subjects such a cell pushes down. With rounds
                // 12 and 13 merged, 94 of 1,612 (e28's, e33's and e34's issuers), ceiling 5.9 %. Session 11: the
                // cause was the trích yếu under the number, between it and the issuer's cell, not the capitals; read
                // past it (ADR 0066, amendment of session 11): 51 of 1,612, ceiling 3.2 %.
                layout("the number before the issuer", 0.032, l -> header(l, numberBeforeIssuer(l))),
                // A site's table cutting each header cell at its width, inside a word: "BAN TUYÊN GI" / "ÁO", "ĐẢNG
                // CỘNG
                // SẢN VIỆ" / "T NAM", "Số: 65-CV/BT" / "GQU" (lines in capitals and the number's line).
                // Measured 154 -> 34 with the amendment's rules; left: notations (10), places and dates (9), issuers
                // and their parents (9), subjects (4), not yet looked into.
                layout(
                        "header cells cut inside words",
                        0.0261, // r14: 0.023
                        l -> header(l, cutInsideWords(l))),
                // A PDF's pages: the gazette's running header at the top, page numbers at a page's head and foot,
                // one of them inside the Nơi nhận list.
                layout(
                        "page numbers and the gazette's header",
                        0.0012, // r14: 0.001
                        ExtractionLayoutTests::paged),
                // Session 10 (ADR 0073, amendment): a stamp that prints no key, only a body, an e-mail, a certificate's
                // name and the signing time; a copy's block above the original; a browser's or Word's print header
                // and footer, a running title and footnotes.
                // Left: e13 and e15, whose header has two lines: the re-layout writes the stamp's organisation and
                // time side by side on a line under it, and only the time, the line's last part, is taken (subjects).
                layout(
                        "an unkeyed stamp beside the header's first lines",
                        0.0018, // r14: 0.0014
                        l -> header(l, besideTop(l, UNKEYED))),
                layout("an unkeyed stamp before the date's line", 0.001, l -> header(l, beforeDate(l, UNKEYED_DN))),
                layout("an unkeyed stamp between the position and the name", 0.001, l -> foot(l, unkeyedBeforeName(l))),
                layout("a copy's block above the original", 0.001, ExtractionLayoutTests::copyAbove),
                layout(
                        "running headers, footers and footnotes",
                        0.0012, // r14: 0.001
                        ExtractionLayoutTests::printed));
    }

    /** The text layer of a VGCA signature's stamp (Ban Cơ yếu Chính phủ), its signing time after the document's. */
    private static final List<String> VGCA = List.of(
            "Ký bởi: Văn phòng Ủy ban nhân dân tỉnh",
            "Email: vanthu@example.gov.vn",
            "Cơ quan: Tỉnh Quảng Nam",
            "Thời gian ký: 15.03.2024 16:20:51 +07:00");

    private static final List<String> ADOBE = List.of(
            "Signature Not Verified",
            "Digitally signed by Văn phòng Chính phủ",
            "Date: 2024.03.15 16:20:51 +07'00'",
            "Reason: Phát hành văn bản",
            "Location: Hà Nội");

    private static final List<String> COPY = List.of(
            "",
            "------------------------------------------------------------",
            "VĂN PHÒNG ỦY BAN NHÂN DÂN" + GAP + "SAO Y",
            "Số: 12/SY-VP" + GAP + "Quảng Ngãi, ngày 20 tháng 3 năm 2024",
            "",
            "Nơi nhận:" + GAP + "TL. CHỦ TỊCH",
            "- Sở Nội vụ;" + GAP + "CHÁNH VĂN PHÒNG",
            "- Lưu: VT.",
            GAP + "Lê Thị Hoa");

    /** A platform's stamp without keys: the body, its e-mail, its province, the signing time in ISO 8601. */
    private static final List<String> UNKEYED = List.of(
            "Văn phòng Ủy ban nhân dân tỉnh Quảng Nam",
            "vanthu@example.gov.vn",
            "Tỉnh Quảng Nam",
            "2024-03-15T16:20:51+07:00");

    private static final List<String> UNKEYED_DN = List.of(
            "Văn phòng Ủy ban nhân dân tỉnh Quảng Nam",
            "CN=Văn phòng UBND, O=UBND tỉnh Quảng Nam, L=Tam Kỳ, C=VN",
            "15.03.2024 16:20:51 +07:00");

    private static final List<String> COPY_ABOVE = List.of(
            "VĂN PHÒNG ỦY BAN NHÂN DÂN" + GAP + "SAO Y BẢN CHÍNH",
            "Số: 12/SY-VP" + GAP + "Quảng Ngãi, ngày 20 tháng 3 năm 2024",
            "",
            "Nơi nhận:" + GAP + "TL. CHỦ TỊCH",
            "- Sở Nội vụ;" + GAP + "CHÁNH VĂN PHÒNG",
            "- Lưu: VT.",
            GAP + "Lê Thị Hoa",
            "------------------------------------------------------------",
            "");

    private static final Pattern DATE_LINE = Pattern.compile(".*\\p{L},\\s*ngày\\s*\\d.*");

    private static final Pattern NUMBER_LINE = Pattern.compile("^\\s*S[ốô]\\b.*\\d.*");

    private static final Pattern NAME_LINE = Pattern.compile(".*\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}*){1,4}\\s*$");

    private static String whole(CorpusLayout layout) {
        return String.join("\n", text(layout, layout.headerLines(), layout.footLines()));
    }

    private static List<String> beforeDate(CorpusLayout layout, List<String> stamp) {
        List<String> lines = new ArrayList<>(layout.headerLines());
        int at = 0;
        while (at < lines.size() && !DATE_LINE.matcher(lines.get(at)).matches()) {
            at++;
        }
        lines.addAll(at, stamp);
        return lines;
    }

    private static List<String> besideTop(CorpusLayout layout) {
        return besideTop(layout, VGCA);
    }

    private static List<String> besideTop(CorpusLayout layout, List<String> stamp) {
        List<String> lines = new ArrayList<>(layout.headerLines());
        int line = 0;
        for (String part : stamp) {
            while (line < lines.size() && lines.get(line).isBlank()) {
                line++;
            }
            if (line < lines.size()) {
                lines.set(line, lines.get(line).stripTrailing() + GAP + part);
                line++;
            } else {
                lines.add(GAP + GAP + part);
            }
        }
        return lines;
    }

    private static List<String> runIntoNumber(CorpusLayout layout) {
        return layout.headerLines().stream()
                .map(line -> NUMBER_LINE.matcher(line).matches()
                        ? line.stripTrailing() + " Ký bởi: Sở Tư pháp tỉnh Quảng Nam"
                        : line)
                .toList();
    }

    private static List<String> beforeName(CorpusLayout layout, List<String> stamp) {
        List<String> lines = new ArrayList<>(layout.footLines());
        int at = lines.size();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (NAME_LINE.matcher(lines.get(i)).matches()
                    && !BULLET.matcher(lines.get(i)).find()) {
                at = i;
                break;
            }
        }
        lines.addAll(at, stamp.stream().map(part -> GAP + part).toList());
        return lines;
    }

    /**
     * The stamp's own copy of the signer's name first, then its e-mail, body and time, over the name printed; a foot
     * that prints no name gets a body's stamp, which starts with its e-mail (a name printed once is the signer's).
     */
    private static List<String> unkeyedBeforeName(CorpusLayout layout) {
        List<String> stamp = new ArrayList<>(
                List.of("vanthu@example.gov.vn", "Sở Tư pháp tỉnh Quảng Nam", "15.03.2024 16:20:51 +07:00"));
        for (int i = layout.footLines().size() - 1; i >= 0; i--) {
            String line = layout.footLines().get(i);
            if (NAME_LINE.matcher(line).matches() && !BULLET.matcher(line).find()) {
                stamp.add(0, line.strip());
                break;
            }
        }
        return beforeName(layout, stamp);
    }

    private static String copyAbove(CorpusLayout layout) {
        List<String> lines = new ArrayList<>(layout.before());
        lines.addAll(COPY_ABOVE);
        lines.addAll(layout.headerLines());
        lines.addAll(layout.body());
        lines.addAll(layout.footLines());
        return String.join("\n", lines);
    }

    private static final String PRINT_HEADER = "15/03/2024, 16:20" + GAP + "Văn bản chỉ đạo điều hành - Cổng thông tin";

    private static final String RUNNING_TITLE = "Cổng thông tin điện tử tỉnh - Văn bản chỉ đạo, điều hành";

    private static final String URL = "https://example.gov.vn/van-ban/chi-tiet?id=123";

    /**
     * A browser's or Word's printout in two pages: the date and title over each page, a running title, the URL and the
     * page's number under it, a footnote at the foot of the first page and one after the signer, the print line.
     */
    private static String printed(CorpusLayout layout) {
        List<String> body = new ArrayList<>(layout.body());
        // The notes' marks: a superscript on the longest sentence, a number glued to the last one (a PDF's text layer
        // loses the superscript); the first page breaks after the first mark. A body without a sentence has no notes
        // (a note whose mark is nowhere is not told from the text).
        int marked = -1;
        int last = -1;
        for (int i = 0; i < body.size(); i++) {
            if (SENTENCE.matcher(body.get(i)).matches()) {
                last = i;
                if (marked < 0 || body.get(i).length() > body.get(marked).length()) {
                    marked = i;
                }
            }
        }
        if (marked >= 0) {
            body.set(marked, body.get(marked).stripTrailing() + "¹");
            body.set(last, body.get(last).stripTrailing() + "2");
        }
        int half = Math.max(body.size() / 2, marked + 1);
        while (half < body.size() && !body.get(half).isBlank()) {
            half++;
        }
        List<String> pageBreak = new ArrayList<>(List.of(URL + GAP + "1/2", PRINT_HEADER, RUNNING_TITLE));
        if (marked >= 0) {
            pageBreak.add(
                    0, "1 Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư.");
        }
        body.addAll(Math.min(half, body.size()), pageBreak);
        List<String> lines = new ArrayList<>(layout.before());
        lines.add(PRINT_HEADER);
        lines.add(RUNNING_TITLE);
        lines.addAll(layout.headerLines());
        lines.addAll(body);
        lines.addAll(layout.footLines());
        if (marked >= 0) {
            lines.add("2 Theo Kế hoạch số 45/KH-UBND ngày 02 tháng 3 năm 2024 của Ủy ban nhân dân tỉnh.");
        }
        lines.add("In lúc 16:20 ngày 15/03/2024 - VB_123.docx");
        lines.add(URL + GAP + "2/2");
        return String.join("\n", lines);
    }

    /** A sentence of the body: long, in small letters, ending with its mark (a note's mark is put after it). */
    private static final Pattern SENTENCE = Pattern.compile("^\\s*(?:[-–+]\\s*)?\\p{L}[^|]{60,}\\p{Ll}[.;:]\\s*$");

    private static List<String> marked(List<String> body) {
        List<String> lines = new ArrayList<>();
        lines.add("KHẨN");
        boolean boxed = false;
        for (String line : body) {
            if (!boxed && line.strip().startsWith("Kính gửi")) {
                lines.addAll(List.of("┌────────┐", "│  MẬT   │", "└────────┘"));
                boxed = true;
            }
            lines.add(line);
        }
        return lines;
    }

    private static String paged(CorpusLayout layout) {
        List<String> body = new ArrayList<>(layout.body());
        int half = body.size() / 2;
        while (half < body.size() && !body.get(half).isBlank()) {
            half++;
        }
        body.addAll(
                half, List.of("", "Trang 1/2", "", "2" + GAP + "CÔNG BÁO/Số 123 + 124/Ngày 15-03-2024", "", "- 2 -"));
        List<String> foot = new ArrayList<>(layout.footLines());
        for (int i = 0; i < foot.size(); i++) {
            if (BULLET.matcher(foot.get(i)).find()) {
                foot.add(i + 1, "3");
                break;
            }
        }
        List<String> lines = new ArrayList<>(layout.before());
        lines.add("CÔNG BÁO/Số 123 + 124/Ngày 15-03-2024" + GAP + "1");
        lines.addAll(layout.headerLines());
        lines.addAll(body);
        lines.addAll(foot);
        lines.add("Trang 2/2");
        return String.join("\n", lines);
    }

    private static Arguments layout(String name, double ceiling, Function<CorpusLayout, String> relayout) {
        return Arguments.of(name, ceiling, relayout);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void keepsTheFieldsReadRightFromThePublishedText(
            String name, double ceiling, Function<CorpusLayout, String> relayout) {
        int right = 0;
        List<String> lost = new ArrayList<>();
        Map<String, Integer> lostPerField = new TreeMap<>();
        for (CorpusDocument document : documents()) {
            Map<String, Boolean> clean = document.scoreOfText();
            Map<String, Boolean> relaid = document.score(FieldReader.read(relayout.apply(CorpusLayout.of(document))));
            for (String field : CorpusDocument.FIELDS) {
                if (clean.get(field)) {
                    right++;
                    if (!relaid.get(field)) {
                        lost.add(document.id() + " " + field);
                        lostPerField.merge(field, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf(
                "LAYOUT | %s | %d/%d | %.1f %% | %s | %s%n",
                name, lost.size(), right, 100.0 * lost.size() / right, lostPerField, lost);

        assertThat((double) lost.size() / right)
                .as("%s: fields lost %s", name, lost)
                .isLessThanOrEqualTo(ceiling);
    }

    /** The published texts put back together from their blocks lose nothing: the re-layouts start from the same text. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void blocksGiveTheTextBack(String set, List<CorpusDocument> documents) {
        for (CorpusDocument document : documents) {
            CorpusLayout layout = CorpusLayout.of(document);
            assertThat(String.join("\n", text(layout, layout.headerLines(), layout.footLines())))
                    .as(document.id())
                    .isEqualTo(document.text().replace("\r", ""));
        }
    }

    static Stream<Arguments> sets() {
        return Stream.of(
                Arguments.of("tuning", CorpusDocument.all()),
                Arguments.of("held-out", CorpusDocument.holdout()),
                Arguments.of("held-out 2", CorpusDocument.secondHoldout()),
                Arguments.of("held-out 3", CorpusDocument.thirdHoldout()),
                Arguments.of("held-out 4", CorpusDocument.fourthHoldout()),
                Arguments.of("held-out 5", CorpusDocument.fifthHoldout()));
    }

    private static List<CorpusDocument> documents() {
        List<CorpusDocument> documents = new ArrayList<>(CorpusDocument.all());
        documents.addAll(CorpusDocument.holdout());
        documents.addAll(CorpusDocument.secondHoldout());
        documents.addAll(CorpusDocument.thirdHoldout());
        documents.addAll(CorpusDocument.fourthHoldout());
        documents.addAll(CorpusDocument.fifthHoldout());
        return documents;
    }

    private static List<String> text(CorpusLayout layout, List<String> header, List<String> foot) {
        List<String> lines = new ArrayList<>(layout.before());
        lines.addAll(header);
        lines.addAll(layout.body());
        lines.addAll(foot);
        return lines;
    }

    private static String header(CorpusLayout layout, List<String> header) {
        return String.join("\n", text(layout, layout.hasHeader() ? header : layout.headerLines(), layout.footLines()));
    }

    private static String foot(CorpusLayout layout, List<String> foot) {
        return String.join("\n", text(layout, layout.headerLines(), layout.hasFoot() ? foot : layout.footLines()));
    }

    private static String body(CorpusLayout layout, UnaryOperator<List<String>> change) {
        List<String> lines = new ArrayList<>(layout.before());
        lines.addAll(layout.headerLines());
        lines.addAll(change.apply(layout.body()));
        lines.addAll(layout.footLines());
        return String.join("\n", lines);
    }

    private static List<String> all(CorpusLayout layout) {
        List<String> lines = new ArrayList<>(layout.topLeft());
        lines.addAll(layout.topRight());
        lines.addAll(layout.numberLeft());
        lines.addAll(layout.dateRight());
        return lines;
    }

    private static String join(List<String> lines) {
        return String.join(
                " ", lines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    private static List<String> cellsOnOneLine(CorpusLayout layout) {
        return Stream.of(layout.topLeft(), layout.topRight(), layout.numberLeft(), layout.dateRight())
                .map(ExtractionLayoutTests::join)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static List<String> tableRows(CorpusLayout layout) {
        return List.of(
                join(layout.topLeft()) + " | " + join(layout.topRight()) + " |",
                join(layout.numberLeft()) + " | " + join(layout.dateRight()) + " |");
    }

    private static List<String> sideBySide(CorpusLayout layout) {
        List<String> lines = new ArrayList<>(sideBySide(layout.topLeft(), layout.topRight()));
        lines.addAll(sideBySide(layout.numberLeft(), layout.dateRight()));
        return lines;
    }

    private static List<String> sideBySide(List<String> left, List<String> right) {
        List<String> l =
                left.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> r =
                right.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        int width = l.stream().mapToInt(String::length).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.max(l.size(), r.size()); i++) {
            String a = i < l.size() ? l.get(i) : "";
            String b = i < r.size() ? r.get(i) : "";
            lines.add(b.isEmpty() ? a : a + " ".repeat(width - a.length()) + GAP + b);
        }
        return lines;
    }

    private static List<String> columnAfterColumn(CorpusLayout layout) {
        List<String> lines = new ArrayList<>(layout.topLeft());
        lines.addAll(layout.numberLeft());
        lines.addAll(layout.topRight());
        lines.addAll(layout.dateRight());
        return lines;
    }

    private static List<String> rightFirst(CorpusLayout layout) {
        List<String> lines = new ArrayList<>(layout.topRight());
        lines.addAll(layout.topLeft());
        lines.addAll(layout.dateRight());
        lines.addAll(layout.numberLeft());
        return lines;
    }

    private static List<String> dateFirst(CorpusLayout layout) {
        List<String> lines = new ArrayList<>(layout.topLeft());
        lines.addAll(layout.topRight());
        lines.addAll(layout.dateRight());
        lines.addAll(layout.numberLeft());
        return lines;
    }

    private static List<String> rightColumnFirst(CorpusLayout layout) {
        List<String> lines = new ArrayList<>(layout.topRight());
        lines.addAll(layout.dateRight());
        lines.addAll(layout.topLeft());
        lines.addAll(layout.numberLeft());
        return lines;
    }

    private static List<String> numberBeforeIssuer(CorpusLayout layout) {
        List<String> lines = new ArrayList<>(layout.topRight());
        lines.addAll(layout.dateRight());
        lines.addAll(layout.numberLeft());
        lines.addAll(layout.topLeft());
        return lines;
    }

    /** The width at which a site's table cuts a header cell, inside a word or not. */
    private static final int CELL = 14;

    private static List<String> cutInsideWords(CorpusLayout layout) {
        List<String> lines = new ArrayList<>();
        for (String line : layout.headerLines()) {
            String text = line.strip();
            boolean cut = (NUMBER_LINE.matcher(text).matches()
                            || (text.equals(text.toUpperCase(Locale.ROOT)) && text.matches(".*\\p{L}{2}.*")))
                    && !text.contains("   ");
            while (cut && text.length() > CELL) {
                lines.add(text.substring(0, CELL).strip());
                text = text.substring(CELL).strip();
            }
            lines.add(cut ? text : line);
        }
        return lines;
    }

    /** The foot's left cell as published, its right cell (competence, position, marks, name) on one line. */
    private static List<String> signatureOnOneLine(CorpusLayout layout) {
        List<String> lines = new ArrayList<>(layout.footLeft());
        lines.add(join(layout.footRight()));
        return lines;
    }

    private static String plus(String line) {
        return BULLET.matcher(line).replaceFirst("+ ");
    }

    /** "Kính gửi: - Ủy ban nhân dân …;" with the rest under it, as a page that keeps the label's cell on one line. */
    private static List<String> onKinhGui(List<String> body) {
        List<String> lines = new ArrayList<>(body);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().matches("Kính gửi\\s*:?")) {
                for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
                    if (!lines.get(j).isBlank()) {
                        lines.set(
                                i,
                                lines.get(i).stripTrailing() + " "
                                        + lines.get(j).strip());
                        for (int k = j; k > i; k--) {
                            lines.remove(k);
                        }
                        return lines;
                    }
                }
            }
        }
        return lines;
    }

    private static final Pattern SIGNER_NAME = Pattern.compile("^\\s*\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}*){1,4}\\s*$");

    /** The signer's name written under the competence, above the position ("TM. BAN CHẤP HÀNH", name, "BÍ THƯ"). */
    private static List<String> nameFirst(CorpusLayout layout) {
        List<String> right = new ArrayList<>(layout.footRight());
        int name = -1;
        for (int i = right.size() - 1; i >= 0 && name < 0; i--) {
            if (SIGNER_NAME.matcher(right.get(i)).matches()) {
                name = i;
            }
        }
        int first = -1;
        for (int i = 0; i < right.size() && first < 0; i++) {
            if (!right.get(i).isBlank()) {
                first = i;
            }
        }
        if (name > first + 1 && first >= 0) {
            String moved = right.remove(name);
            boolean competence = right.get(first).strip().matches("^(T/M|TM\\.|K/T|KT\\.|T/L|TL\\.|TUQ\\.|Q\\.).*");
            right.add(competence ? first + 1 : first, moved);
        }
        List<String> lines = new ArrayList<>(layout.footLeft());
        lines.addAll(right);
        return lines;
    }

    /** The signature first, "Nơi nhận" and its list under it, as a page that stacks the foot's two cells. */
    private static List<String> recipientsLast(CorpusLayout layout) {
        List<String> lines = new ArrayList<>(layout.footRight());
        lines.add("");
        lines.addAll(layout.footLeft());
        return lines;
    }

    /**
     * Blank lines doubled, tabs before lines, double and non-breaking spaces, zero-width spaces and soft hyphens inside words,
     * Windows line ends and full-width digits, as copies from web pages and converters carry them.
     */
    private static String oddSpaces(String text) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            StringBuilder spoilt = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                n++;
                if (i == 0 && n % 3 == 0) {
                    spoilt.append('\t');
                }
                if (c == ' ') {
                    spoilt.append(n % 5 == 0 ? "\u00A0" : n % 7 == 0 ? "  " : " ");
                } else if (c >= '0' && c <= '9' && n % 3 == 0) {
                    spoilt.append((char) ('\uFF10' + (c - '0')));
                } else {
                    spoilt.append(c);
                    if (Character.isLetter(c)
                            && n % 13 == 0
                            && i + 1 < line.length()
                            && Character.isLetter(line.charAt(i + 1))) {
                        spoilt.append(n % 2 == 0 ? '\u200B' : '\u00AD');
                    }
                }
            }
            out.append(spoilt).append(n % 4 == 0 ? " \r\n\r\n" : "\r\n");
        }
        return out.toString();
    }

    /** "Ủy Ban Nhân Dân Tỉnh Hậu Giang", "Số: 454/UBND-NCTH": a header whose capitals a page or a clerk dropped. */
    private static List<String> titleCase(CorpusLayout layout) {
        List<String> lines = new ArrayList<>();
        for (String line : layout.headerLines()) {
            lines.add(
                    line.equals(line.toUpperCase(Locale.ROOT)) && line.matches(".*\\p{L}{2}.*") ? titled(line) : line);
        }
        return lines;
    }

    private static String titled(String line) {
        StringBuilder out = new StringBuilder();
        for (String word : line.split("(?<=\\s)|(?=\\s)")) {
            out.append(
                    word.length() > 1 && word.chars().allMatch(Character::isLetter) && syllable(word)
                            ? word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT)
                            : word);
        }
        return out.toString();
    }

    private static final Pattern SYLLABLE = Pattern.compile(
            "^(?:NGH|NG|NH|CH|GH|GI|KH|PH|QU|TH|TR|[BCDGHKLMNPQRSTVX])?[AEIOUY]+(?:NG|NH|CH|[CMNPTIOUY])?$");

    /** A Vietnamese word, not an acronym ("UBND", "MTTQ", "BCH") that keeps its capitals in any case. */
    private static boolean syllable(String word) {
        String folded = java.text.Normalizer.normalize(
                        word.toUpperCase(Locale.ROOT).replace('Đ', 'D'), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return SYLLABLE.matcher(folded).matches();
    }

    private static String footOnOneLine(CorpusLayout layout) {
        StringBuilder line = new StringBuilder();
        for (String part : layout.footLeft()) {
            if (part.isBlank()) {
                continue;
            }
            // A page that drops its line breaks runs "Nơi nhận:- Như trên;- …" together, the items' dashes kept.
            if (!line.isEmpty() && !BULLET.matcher(part).find()) {
                line.append(' ');
            }
            line.append(part.strip());
        }
        for (String part : layout.footRight()) {
            if (!part.isBlank()) {
                line.append(' ').append(part.strip());
            }
        }
        return line.toString();
    }

    private static List<String> withFootRight(CorpusLayout layout, List<String> left) {
        List<String> lines = new ArrayList<>(left);
        lines.addAll(layout.footRight());
        return lines;
    }

    private static List<String> bulleted(CorpusLayout layout, String bullet) {
        return withFootRight(
                layout,
                layout.footLeft().stream()
                        .map(line -> BULLET.matcher(line).replaceFirst(bullet))
                        .toList());
    }

    private static List<String> wrappedItems(CorpusLayout layout) {
        List<String> left = new ArrayList<>();
        for (String line : layout.footLeft()) {
            left.addAll(wrap(line));
        }
        return withFootRight(layout, left);
    }

    /** The addressee lines of the body: "Kính gửi" and the lines under it up to a blank line or the text. */
    private static List<String> addressees(List<String> body, UnaryOperator<String> perLine, boolean wrap) {
        List<String> lines = new ArrayList<>();
        int at = -1;
        for (int i = 0; i < body.size(); i++) {
            if (at < 0 && body.get(i).strip().startsWith("Kính gửi")) {
                at = i;
            }
            boolean addressee = at >= 0
                    && (i == at
                            || (i > at
                                    && BULLET.matcher(body.get(i)).find()
                                    && i - at < 12
                                    && allBullets(body, at, i)));
            String line = addressee && i > at ? perLine.apply(body.get(i)) : body.get(i);
            if (addressee && wrap) {
                lines.addAll(wrap(line));
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    private static boolean allBullets(List<String> body, int at, int i) {
        for (int j = at + 1; j < i; j++) {
            if (!body.get(j).isBlank() && !BULLET.matcher(body.get(j)).find()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> unbulleted(List<String> body) {
        return addressees(body, line -> BULLET.matcher(line).replaceFirst(""), false);
    }

    private static List<String> wrapped(List<String> body) {
        return addressees(body, line -> line, true);
    }

    /**
     * A line whose text is longer than {@link #WRAP} broken at its last space before the width, the rest on a line of
     * its own; never before a dash, which would make the rest look like an item of its own.
     */
    private static List<String> wrap(String line) {
        List<String> lines = new ArrayList<>();
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        String rest = line.stripLeading();
        while (rest.length() > WRAP) {
            int cut = rest.lastIndexOf(' ', WRAP);
            while (cut > 0 && "-–".indexOf(rest.charAt(cut + 1)) >= 0) {
                cut = rest.lastIndexOf(' ', cut - 1);
            }
            if (cut < 20) {
                break;
            }
            lines.add(indent + rest.substring(0, cut));
            indent = "";
            rest = rest.substring(cut + 1);
        }
        lines.add(indent + rest);
        return lines;
    }
}
