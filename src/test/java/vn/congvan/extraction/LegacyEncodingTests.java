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
                + "Nơi nhận:\n- Như trên,\n- Lưu VP.";
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
}
