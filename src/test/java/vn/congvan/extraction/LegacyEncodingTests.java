package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyEncodingTests {

    @TempDir
    Path directory;

    @Test
    void everyVietnameseLetterComesBackFromTcvn3AndVni() {
        String alphabet = LegacyFonts.alphabet();
        assertThat(alphabet).hasSize(2 + 12 * 6 * 2);
        for (int i = 0; i < alphabet.length(); i++) {
            String letter = alphabet.substring(i, i + 1);
            boolean capital = Character.isUpperCase(letter.charAt(0));
            LegacyEncoding.Scheme tcvn3 = capital ? LegacyEncoding.Scheme.TCVN3_CAPITALS : LegacyEncoding.Scheme.TCVN3;
            assertThat(LegacyEncoding.decode(LegacyFonts.tcvn3(letter), tcvn3))
                    .as("TCVN3 %s", letter)
                    .isEqualTo(letter);
            assertThat(LegacyEncoding.decode(LegacyFonts.vni(letter), LegacyEncoding.Scheme.VNI))
                    .as("VNI %s", letter)
                    .isEqualTo(letter);
        }
    }

    @Test
    void knownWordsOfTheTimeReadAsTheyWereMeant() {
        assertThat(LegacyEncoding.tcvn3("Ban Tuyªn gi¸o TØnh ñy, KÝnh göi, ph\u00ad¬ng"))
                .isEqualTo("Ban Tuyên giáo Tỉnh ủy, Kính gửi, phương");
        assertThat(LegacyEncoding.vni("Ban Tuyeân giaùo Tænh uûy, Kính göûi, ÑAÛNG BOÄ"))
                .isEqualTo("Ban Tuyên giáo Tỉnh ủy, Kính gửi, ĐẢNG BỘ");
        assertThat(LegacyEncoding.decode("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", LegacyEncoding.Scheme.TCVN3))
                .isEqualTo("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assertThat(LegacyEncoding.decode("céng hoµ x· héi", LegacyEncoding.Scheme.TCVN3_CAPITALS))
                .isEqualTo("CỘNG HOÀ XÃ HỘI");
        assertThat(LegacyEncoding.decode("Sè: 12/CV-BTG", LegacyEncoding.Scheme.TCVN3))
                .isEqualTo("Số: 12/CV-BTG");
        assertThat(LegacyEncoding.decode("Sè: 730/L§L§", LegacyEncoding.Scheme.TCVN3))
                .isEqualTo("Số: 730/LĐLĐ");
        assertThat(LegacyEncoding.decode("Bé C¤NG AN", LegacyEncoding.Scheme.TCVN3))
                .isEqualTo("BỘ CÔNG AN");
    }

    @Test
    void fontNamesTellTheEncoding() {
        assertThat(LegacyEncoding.ofFont(".VnTime")).isEqualTo(LegacyEncoding.Scheme.TCVN3);
        assertThat(LegacyEncoding.ofFont(".VnTimeH")).isEqualTo(LegacyEncoding.Scheme.TCVN3_CAPITALS);
        assertThat(LegacyEncoding.ofFont("ABCDEF+.VnArialH,Bold")).isEqualTo(LegacyEncoding.Scheme.TCVN3_CAPITALS);
        assertThat(LegacyEncoding.ofFont(".VnTime-Italic")).isEqualTo(LegacyEncoding.Scheme.TCVN3);
        assertThat(LegacyEncoding.ofFont("VNI-Times")).isEqualTo(LegacyEncoding.Scheme.VNI);
        assertThat(LegacyEncoding.ofFont("Vni-Helve-Condense")).isEqualTo(LegacyEncoding.Scheme.VNI);
        assertThat(LegacyEncoding.ofFont("Times New Roman")).isNull();
        assertThat(LegacyEncoding.ofFont("Vnexpress Sans")).isNull();
        assertThat(LegacyEncoding.ofFont(null)).isNull();
    }

    @Test
    void aWholeDocumentInALegacyFontIsConvertedLineByLine() {
        String unicode = "ĐẢNG BỘ TỈNH HẬU GIANG\nBAN TUYÊN GIÁO TỈNH ỦY\nSố 65-CV/BTGTU\n"
                + "Kính gửi: Các chi bộ trực thuộc\nVề việc tổ chức học tập nghị quyết của Đảng\n"
                + "Nơi nhận:\n- Như trên,\n- Lưu VP.\nTM. BAN THƯỜNG\nVỤ\nPHÓ TRƯỞNG BAN";
        assertThat(LegacyEncoding.repair(LegacyFonts.tcvn3(unicode))).isEqualTo(unicode);
        assertThat(LegacyEncoding.repair(LegacyFonts.vni(unicode))).isEqualTo(unicode);
    }

    @Test
    void aHeaderInTcvn3AboveAUnicodeBodyIsConvertedAndTheBodyLeftAlone() {
        String header = "ĐẢNG BỘ TỈNH HẬU GIANG\nBAN TUYÊN GIÁO TỈNH ỦY\n*\nSố 65-CV/BTGTU";
        String body = "Kính gửi: Các chi bộ trực thuộc\nTô Lâm, Hà Nam\nThực hiện chỉ đạo của Ban Thường vụ.";
        String mixed = LegacyFonts.tcvn3(header) + "\n" + body;
        assertThat(LegacyEncoding.repair(mixed)).isEqualTo(header + "\n" + body);
    }

    @Test
    void cleanTextOfEveryCorpusIsNeverChanged() {
        List<CorpusDocument> documents = new ArrayList<>(CorpusDocument.all());
        documents.addAll(CorpusDocument.holdout());
        documents.addAll(CorpusDocument.secondHoldout());
        documents.addAll(CorpusDocument.thirdHoldout());
        documents.addAll(CorpusDocument.fourthHoldout());
        documents.addAll(CorpusDocument.fifthHoldout());
        assertThat(documents).hasSizeGreaterThan(60);
        List<String> changed = new ArrayList<>();
        for (CorpusDocument document : documents) {
            String[] before = document.text().split("\n", -1);
            String[] after = LegacyEncoding.repair(document.text()).split("\n", -1);
            for (int i = 0; i < before.length; i++) {
                if (!before[i].equals(after[i])) {
                    changed.add(document.id() + ": " + before[i] + " -> " + after[i]);
                }
            }
        }
        // The one line a real copy kept in TCVN3 (a web page made from a .VnTime report): read as meant.
        assertThat(changed)
                .containsExactly(
                        "a6-ngason-255-bc-bcdpcgd-2020: 1.2.T×nh h×nh kinh tÕ-x· héi: -> 1.2.Tình hình kinh tế-xã hội:");
    }

    @Test
    void frenchGermanAndEnglishWithTheirAccentsAreNotConverted() {
        String foreign = "Le café de la rue Müller est très réputé à Genève.\n"
                + "Über die Brücke gehen wir später, sagte Jürgen.\n"
                + "The naïve résumé of the façade was déjà vu for Zoë.\n"
                + "Señor Núñez llegó a la reunión del año pasado.";
        assertThat(LegacyEncoding.repair(foreign)).isEqualTo(foreign);
    }

    @Test
    void unicodeTextWritingDWithTheIcelandicEthIsNotConverted() {
        // U+00D0 looks like Đ and is TCVN3's code of é: names of places and people written with it are Unicode.
        String names = "Ðông Hà\nÐông Anh\nÐinh Tiên Hoàng\nÐào Tấn\nÐông Tây\nÐình Công\nÐ/c Tô Lâm\nÐã ký\n"
                + "Ðoàn Văn A\nÐào B\nÐinh C\nÐiêu H\nÐàm F\nÐan G\nðông";
        assertThat(LegacyEncoding.repair(names)).isEqualTo(names);
        // The same code inside a TCVN3 word is still its é.
        String tcvn3 = LegacyFonts.tcvn3("Xét duyệt hồ sơ đề nghị khen thưởng của các chi bộ trực thuộc");
        assertThat(tcvn3).contains("\u00D0");
        assertThat(LegacyEncoding.repair(tcvn3))
                .isEqualTo("Xét duyệt hồ sơ đề nghị khen thưởng của các chi bộ trực thuộc");
    }

    @Test
    void aTextFileSavedFromATcvn3DocumentIsReadAsUnicode() throws IOException {
        String unicode = "BAN TUYÊN GIÁO TỈNH ỦY\nSố 65-CV/BTGTU\nKính gửi: Các chi bộ trực thuộc\n"
                + "Về việc tổ chức học tập nghị quyết của Đảng bộ tỉnh";
        for (String legacy : List.of(LegacyFonts.tcvn3(unicode), LegacyFonts.vni(unicode))) {
            Path file = directory.resolve("legacy.txt");
            Files.write(file, legacy.getBytes(Charset.forName("windows-1252")));
            assertThat(DocumentText.of(file, DocumentText.TEXT)).isEqualTo(unicode);
        }
        Path windows1258 = directory.resolve("cp1258.txt");
        Files.write(windows1258, windows1258(unicode).getBytes(Charset.forName("windows-1258")));
        assertThat(DocumentText.of(windows1258, DocumentText.TEXT)).isEqualTo(unicode);
        Path utf8 = directory.resolve("utf8.txt");
        Files.writeString(utf8, LegacyFonts.tcvn3(unicode), StandardCharsets.UTF_8);
        assertThat(DocumentText.of(utf8, DocumentText.TEXT)).isEqualTo(unicode);
    }

    /** Windows-1258 has the letters with a vowel's mark (â ê ô ơ ư ă) whole and writes the tones as combining marks. */
    private static String windows1258(String unicode) {
        StringBuilder out = new StringBuilder();
        for (char c : unicode.toCharArray()) {
            String decomposed = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
            String tone = decomposed.replaceAll("[^\u0300\u0301\u0303\u0309\u0323]", "");
            String letter = java.text.Normalizer.normalize(
                    decomposed.replaceAll("[\u0300\u0301\u0303\u0309\u0323]", ""), java.text.Normalizer.Form.NFC);
            out.append(letter).append(tone);
        }
        return out.toString();
    }

    @Test
    void aPdfHeaderInACapitalsFontIsReadInCapitalsAboveItsUnicodeBody() throws IOException {
        // Typed in small letters in ".VnTimeH", which draws them as capitals: only the font's name tells.
        String header = "đảng bộ tỉnh hậu giang\nban tuyên giáo tỉnh ủy";
        String body = "Kính gửi: Các chi bộ trực thuộc\nThực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy.";
        Path pdf = directory.resolve("vntimeh.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            org.apache.pdfbox.pdmodel.font.PDFont capitals = font(document, "ABCDEF+.VnTimeH");
            org.apache.pdfbox.pdmodel.font.PDFont unicode = font(document, "GHIJKL+TimesNewRomanPSMT");
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content =
                    new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                float y = 740;
                for (String line : (LegacyFonts.tcvn3(header) + "\n" + body).split("\n")) {
                    content.beginText();
                    content.setFont(y > 720 ? capitals : unicode, 12);
                    content.newLineAtOffset(60, y);
                    content.showText(line);
                    content.endText();
                    y -= 18;
                }
            }
            document.save(pdf.toFile());
        }

        assertThat(DocumentText.of(pdf, DocumentText.PDF).strip())
                .isEqualTo(header.toUpperCase(java.util.Locale.ROOT) + "\n" + body);
    }

    @Test
    void aPdfHeaderReadByItsCapitalsFontIsNotReadAgainWithItsTcvn3Body() throws IOException {
        // The header in ".VnTimeH" (read by the font's name), the body in TCVN3 under a name that tells nothing (read
        // by
        // scoring): "BAN TUYÊN GIÁO" read once more as TCVN3 would be "BAN TUYẤN GIÁO".
        String header = "ban tuyên giáo";
        String body = "Thực hiện chỉ đạo của Ban Thường vụ về việc tổ chức học tập nghị quyết.\n"
                + "Ban Tuyên giáo đề nghị các chi bộ triển khai thực hiện.";
        Path pdf = directory.resolve("vntimeh-tcvn3.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            org.apache.pdfbox.pdmodel.font.PDFont capitals = font(document, "ABCDEF+.VnTimeH");
            org.apache.pdfbox.pdmodel.font.PDFont plain = font(document, "GHIJKL+TimesNewRomanPSMT");
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content =
                    new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                float y = 740;
                for (String line : LegacyFonts.tcvn3(header + "\n" + body).split("\n")) {
                    content.beginText();
                    content.setFont(y > 730 ? capitals : plain, 12);
                    content.newLineAtOffset(60, y);
                    content.showText(line);
                    content.endText();
                    y -= 18;
                }
            }
            document.save(pdf.toFile());
        }

        assertThat(DocumentText.of(pdf, DocumentText.PDF).strip()).isEqualTo("BAN TUYÊN GIÁO\n" + body);
    }

    @Test
    void aDocxHeaderRunInTcvn3AboveAUnicodeBodyIsReadByItsFontName() throws IOException {
        Path docx = directory.resolve("mixed.docx");
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            run(document, LegacyFonts.tcvn3("ban tuyên giáo tỉnh ủy"), ".VnTimeH");
            run(document, LegacyFonts.tcvn3("Số 65-CV/BTGTU"), ".VnTime");
            run(document, LegacyFonts.vni("Kính gửi: Các chi bộ"), "VNI-Times");
            run(document, "Tô Lâm", "Times New Roman");
            try (java.io.OutputStream out = Files.newOutputStream(docx)) {
                document.write(out);
            }
        }

        assertThat(DocumentText.of(docx, DocumentText.DOCX).strip())
                .isEqualTo("BAN TUYÊN GIÁO TỈNH ỦY\nSố 65-CV/BTGTU\nKính gửi: Các chi bộ\nTô Lâm");
    }

    @Test
    void aDocxRunReadByItsFontNameIsNotReadAgainWithTheLinesNoFontNamed() throws IOException {
        // The body in the style's TCVN3 font (no run names it: read by scoring), the signer's name in a run that names
        // ".VnTime" (read by the name): "Tô Lâm" read once more as TCVN3 would be "Tụ Lõm".
        Path docx = directory.resolve("style-font.docx");
        String body = "Thực hiện chỉ đạo của Ban Thường vụ về việc tổ chức học tập nghị quyết.\n"
                + "Ban Tuyên giáo đề nghị các chi bộ triển khai thực hiện.";
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            for (String line : body.split("\n")) {
                document.createParagraph().createRun().setText(LegacyFonts.tcvn3(line));
            }
            run(document, LegacyFonts.tcvn3("Tô Lâm"), ".VnTime");
            try (java.io.OutputStream out = Files.newOutputStream(docx)) {
                document.write(out);
            }
        }

        assertThat(DocumentText.of(docx, DocumentText.DOCX).strip()).isEqualTo(body + "\nTô Lâm");
    }

    private static void run(org.apache.poi.xwpf.usermodel.XWPFDocument document, String text, String font) {
        org.apache.poi.xwpf.usermodel.XWPFRun run = document.createParagraph().createRun();
        run.setFontFamily(font);
        run.setText(text);
    }

    /** Liberation Serif embedded under another font's name, as a file made with that font names it. */
    private static org.apache.pdfbox.pdmodel.font.PDFont font(
            org.apache.pdfbox.pdmodel.PDDocument document, String name) throws IOException {
        try (java.io.InputStream in =
                LegacyEncodingTests.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
            org.apache.pdfbox.pdmodel.font.PDFont font =
                    org.apache.pdfbox.pdmodel.font.PDType0Font.load(document, in, false);
            font.getCOSObject().setName(org.apache.pdfbox.cos.COSName.BASE_FONT, name);
            return font;
        }
    }
}
