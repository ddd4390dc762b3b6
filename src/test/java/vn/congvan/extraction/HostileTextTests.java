package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;

/**
 * Text of the longest kind a file may give (400,000 characters) in the shapes that made the text paths of session 9
 * scan a line once per word or per line (ADR 0067): each must be read in one pass, with the result the rule had.
 */
class HostileTextTests {

    @TempDir
    Path directory;

    /**
     * Word draws a run's letters above ASCII in its "hAnsi" font: Unicode text left with ".VnTime" as its ASCII font
     * reads right and is kept; TCVN3 text drawn by a ".VnTime" hAnsi font is converted whatever the ASCII font; a run
     * with a letter only Unicode has is Unicode whatever its fonts say.
     */
    @Test
    void aDocxRunIsConvertedByTheFontThatDrawsItsLetters() throws IOException {
        Path docx = directory.resolve("fonts.docx");
        try (XWPFDocument document = new XWPFDocument()) {
            run(document, "Tô Lâm", ".VnTime", "Times New Roman");
            run(document, "Ban Tuyªn gi¸o", "Times New Roman", ".VnTime");
            run(document, "Bà Tô Thị Lâm, Phó Bí thư", ".VnTime", ".VnTime");
            try (OutputStream out = Files.newOutputStream(docx)) {
                document.write(out);
            }
        }

        assertThat(DocumentText.of(docx, DocumentText.DOCX).strip())
                .isEqualTo("Tô Lâm\nBan Tuyên giáo\nBà Tô Thị Lâm, Phó Bí thư");
    }

    private static void run(XWPFDocument document, String text, String ascii, String hAnsi) {
        XWPFRun run = document.createParagraph().createRun();
        CTFonts fonts = run.getCTR().addNewRPr().addNewRFonts();
        fonts.setAscii(ascii);
        fonts.setHAnsi(hAnsi);
        run.setText(text);
    }

    /** A line of words that tell nothing of their case follows the word that does, however far back it stands. */
    @Test
    void aTcvn3LineOfWordsThatTellNothingFollowsTheWordThatDoes() {
        int words = (DocumentText.MAX_CHARS - 5) / 4;
        String line = "CéNG " + "Ban ".repeat(words);

        String decoded = LegacyEncoding.decode(line, LegacyEncoding.Scheme.TCVN3);

        assertThat(decoded).isEqualTo("CỘNG " + "BAN ".repeat(words));
        assertThat(LegacyEncoding.decode("Bé " + "Ban ".repeat(words), LegacyEncoding.Scheme.TCVN3))
                .isEqualTo("Bộ " + "Ban ".repeat(words));
    }

    /** Lines that read as well either way follow the nearest line that tells, below them when none is above. */
    @Test
    void linesThatReadAsWellEitherWayFollowTheNearestThatTells() {
        String text = "Sè 1\n".repeat(40_000) + "Ban Tuyªn gi¸o TØnh ñy\n".repeat(8_000);

        String repaired = LegacyEncoding.repair(text);

        assertThat(repaired).isEqualTo("Số 1\n".repeat(40_000) + "Ban Tuyên giáo Tỉnh ủy\n".repeat(8_000));
    }

    /** A header cell run into its subject is cut as the pattern that first did it cut it, on any line. */
    @Test
    void capitalsBeforeVeViecAreCutAsThePatternCutThem() {
        Pattern pattern = Pattern.compile("(?m)^([^\\n\\p{Ll}]*\\p{Lu}{2,}[^\\n\\p{Ll}]*?)[ ]+(?=Về việc\\s)");
        String[] parts = {"UBND", "BAN", "Ộ", "V", "a", "Về việc", "Về việc ", " ", "  ", "\n", "\t", "1", "-", ","};
        Random random = new Random(67);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            String expected = pattern.matcher(text).replaceAll("$1\n");
            assertThat(FieldReader.issuerOffTheSubjectLine(text.toString()))
                    .as("%s", text)
                    .isEqualTo(expected);
        }
        assertThat(FieldReader.issuerOffTheSubjectLine("ỦY BAN MTTQ BAN TUYÊN GIÁO  Về việc đón đọc"))
                .isEqualTo("ỦY BAN MTTQ BAN TUYÊN GIÁO\nVề việc đón đọc");
    }

    /** One line of capitals as long as a file's text, with and without a subject at its end. */
    @Test
    void aLineOfCapitalsAsLongAsAFileIsReadInOnePass() {
        String capitals = "UBND ".repeat(DocumentText.MAX_CHARS / 5 - 4);

        assertThat(FieldReader.issuerOffTheSubjectLine(capitals + "Về việc A"))
                .isEqualTo(capitals.stripTrailing() + "\nVề việc A");
        assertThat(FieldReader.issuerOffTheSubjectLine(capitals + "a Về việc A"))
                .isEqualTo(capitals + "a Về việc A");
    }

    /** A signature, a header cell cut in a word and a date piece, each repeated as long as a file's text: one pass. */
    @Test
    void aFlattenedFootAndBrokenHeaderCellsAsLongAsAFileAreReadInOnePass() {
        String signatures = "KT. CHỦ TỊCH PHÓ CHỦ TỊCH ".repeat(DocumentText.MAX_CHARS / 27);
        String cut = FieldReader.flattenedSignature(signatures);
        assertThat(cut.lines().filter("PHÓ CHỦ TỊCH"::equals).count()).isEqualTo(DocumentText.MAX_CHARS / 27);

        String cells = "BAN TUYÊN GI\nÁO\n".repeat(29) + "GI ".repeat(DocumentText.MAX_CHARS / 3 - 400);
        assertThat(FieldReader.wordsBrokenByCells(List.of(cells.split("\n", -1))))
                .contains("BAN TUYÊN GIÁO");

        List<String> dates =
                List.of("Tam", "Kỳ, ngày 19 tháng 6 năm 2007 " + "ngày ".repeat(DocumentText.MAX_CHARS / 5));
        assertThat(FieldReader.isDatePiece(dates, 0)).isTrue();
    }

    /**
     * The dots of a blank date line and the remains of a rule, long (session 16's review: the date line's two runs of
     * dots in a row and the rule's "_~" run were split every way, seconds for 10,000 characters and hours for a file's
     * 400,000): one pass each, the header still read.
     */
    @Test
    void aLongDateLineOfDotsAndALongRuleOfMixedSignsAreReadInOnePass() {
        String header = "UBND TỈNH BẮC GIANG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                + "SỞ GIÁO DỤC VÀ ĐÀO TẠO        Độc lập - Tự do - Hạnh phúc\n";
        // 40,000 signs: the split runs took minutes at this length (177 s for the dots), one pass takes a second.
        int room = 40_000;
        Extraction dots = FieldReader.read(header + "Số: 12/SGDĐT        Hà Nội, NGAY " + ".".repeat(room / 2)
                + "THANG " + ".".repeat(room / 2) + "x\n");
        assertThat(dots.issuer()).isEqualTo("SỞ GIÁO DỤC VÀ ĐÀO TẠO");
        assertThat(FieldReader.read(header + "Hà Nội, ngày " + "…".repeat(room) + "\n")
                        .issuer())
                .isEqualTo("SỞ GIÁO DỤC VÀ ĐÀO TẠO");
        Extraction rule = FieldReader.read("TỈNH A " + "_~".repeat(room / 2) + "X\n"
                + header.lines().skip(1).findFirst().get() + "\nSố: 12/SGDĐT        Hà Nội, ngày 3 tháng 4 năm 2020\n");
        assertThat(rule.number()).isEqualTo(12);
    }

    /** A recognised text with a long run of spaces not ended by a speck: each run is tried once (review, session 17). */
    @Test
    void aLongRunOfSpacesInARecognisedTextIsReadInOnePass() {
        // 100,000 spaces before a sign that is no speck: a failed match at each space took minutes; now milliseconds.
        String spaces = " ".repeat(100_000);
        String text = "Số: 12/SGDĐT" + spaces + "12\nNơi nhận:" + spaces + ".\nLưu VT" + spaces + "x\n";
        assertThat(FieldReader.withoutOcrSpecks(text))
                .isEqualTo("Số: 12/SGDĐT" + spaces + "12\nNơi nhận:\nLưu VT" + spaces + "x\n");
    }
}
