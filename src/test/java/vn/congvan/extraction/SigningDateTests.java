package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The date of issue made from a signature stamp's time where the date line cannot tell it (ADR 0080). */
class SigningDateTests {

    private static final String BODY = """
            V/v quyết toán vốn đầu tư công
            Kính gửi: Các Sở, ban, ngành cấp tỉnh

            UBND tỉnh yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.

            Nơi nhận:
            - Như trên;
            - Lưu: VT, KT.

            CHỦ TỊCH

            Nguyễn Văn An
            """;

    private static Extraction read(String stamp, String dateLine) {
        String text = stamp + "\nỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                + "TỈNH NGHỆ AN        Độc lập - Tự do - Hạnh phúc\n"
                + "Số: 3651/UBND-KT        " + dateLine + "\n" + BODY;
        return Extractor.readMarked(text);
    }

    @Test
    void aHandwrittenDayAndMonthAreTheSigningDays() {
        Extraction fields = read(
                "SAO Y; ỦY BAN NHÂN DÂN TỈNH NGHỆ AN; Thời gian ký: 2025-10-20T10:10:09+07:00",
                "Nghệ An, ngày a0 tháng A0 năm 2025");
        assertThat(fields.issuedOn()).isEqualTo(LocalDate.of(2025, 10, 20));
        assertThat(fields.confidence()).containsEntry("issuedOn", SigningDate.CONFIDENCE);
        assertThat(fields.layoutFindings()).noneMatch(finding -> finding.code() == Finding.Code.MISSING_DATE);
    }

    @Test
    void theDayReadStandsAndOnlyTheMonthNotReadIsTheSigningMonth() {
        Extraction fields = read(
                "SAO Y; ỦY BAN NHÂN DÂN TỈNH NGHỆ AN; Thời gian ký: 2026-04-10T17:19:48+07:00",
                "Nghệ An, ngày 09 tháng} năm 2026");
        assertThat(fields.issuedOn()).isEqualTo(LocalDate.of(2026, 4, 9));
    }

    @Test
    void aDayLeftBlankUnderAStampThatPrintsTheDayFirstIsTheSigningDay() {
        Extraction fields = read(
                "Ký bởi: Ủy ban nhân dân tỉnh Nghệ An\nThời gian ký: 20.10.2025 10:10:09 +07:00",
                "Nghệ An, ngày      tháng 10 năm 2025");
        assertThat(fields.issuedOn()).isEqualTo(LocalDate.of(2025, 10, 20));
    }

    @Test
    void aDateLineReadWholeOrNoWitnessOrADateThatCannotBeLeavesTheDateAsRead() {
        // Read whole: the line's date, not the stamp's
        assertThat(read("Thời gian ký: 2025-10-20T10:10:09+07:00", "Nghệ An, ngày 15 tháng 10 năm 2025")
                        .issuedOn())
                .isEqualTo(LocalDate.of(2025, 10, 15));
        // No stamp
        assertThat(read("", "Nghệ An, ngày a0 tháng A0 năm 2025").issuedOn()).isNull();
        // Another year than the signing's
        assertThat(read("Thời gian ký: 2026-01-02T10:10:09+07:00", "Nghệ An, ngày a0 tháng A0 năm 2025")
                        .issuedOn())
                .isNull();
        // A day after the signing, or more than a month before it
        assertThat(read("Thời gian ký: 2025-10-20T10:10:09+07:00", "Nghệ An, ngày 25 tháng A0 năm 2025")
                        .issuedOn())
                .isNull();
        assertThat(read("Thời gian ký: 2025-10-20T10:10:09+07:00", "Nghệ An, ngày a0 tháng 8 năm 2025")
                        .issuedOn())
                .isNull();
        // A time of the text's own, without a stamp's key, is no signing
        assertThat(read("Hội nghị lúc 2025-10-20T10:10:09+07:00", "Nghệ An, ngày a0 tháng A0 năm 2025")
                        .issuedOn())
                .isNull();
    }

    @Test
    void aDateCitedInTheTextIsNoDateLine() {
        String text = "Thời gian ký: 2025-10-20T10:10:09+07:00\nQUYẾT ĐỊNH\n"
                + "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 10 năm 2025;\n" + BODY;
        assertThat(Extractor.readMarked(text).issuedOn()).isNull();
    }

    @Test
    void aMonthReadThatIsNotTheSigningsTakesNoDayFromIt() {
        // Signed on 20 October; the line says September and no day: the 20 is October's, not September's.
        assertThat(read("Thời gian ký: 2025-10-20T10:10:09+07:00", "Nghệ An, ngày      tháng 9 năm 2025")
                        .issuedOn())
                .isNull();
    }

    @Test
    void aDottedBlankIsTheDateLinesAndADateTheBodyCitesIsNot() {
        // The day and month left as dots, and a date cited in the body: the stamp's day, not the cited one.
        String text =
                "Thời gian ký: 20.10.2025 10:10:09 +07:00\nỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                        + "TỈNH NGHỆ AN        Độc lập - Tự do - Hạnh phúc\n"
                        + "Số: 12/UBND-KT        Nghệ An, ngày ........ tháng ........ năm 2025\n"
                        + "V/v quyết toán vốn\n"
                        + "Thực hiện Công văn số 12/UBND-KT, ngày 03 tháng 10 năm 2025 của UBND tỉnh;\n";
        assertThat(Extractor.readMarked(text).issuedOn()).isEqualTo(LocalDate.of(2025, 10, 20));
        // Without a date line in the header, the cited date is never taken
        String cited = text.replace("        Nghệ An, ngày ........ tháng ........ năm 2025", "");
        assertThat(Extractor.readMarked(cited).issuedOn()).isNull();
    }

    @Test
    void aStampsKeyWithoutATimeOrWithItsDateOnTheNextLineIsAWitness() {
        assertThat(read("Ngày ký: 20/10/2025", "Nghệ An, ngày a0 tháng A0 năm 2025")
                        .issuedOn())
                .isEqualTo(LocalDate.of(2025, 10, 20));
        assertThat(read("Thời gian ký:\n20.10.2025 10:10:09 +07:00", "Nghệ An, ngày a0 tháng A0 năm 2025")
                        .issuedOn())
                .isEqualTo(LocalDate.of(2025, 10, 20));
    }

    @Test
    void aLongRunOfSpacesAfterAStampsKeyIsReadInOnePass() {
        // Each run of spaces tried once: 100,000 spaces after the key, then no time (review of session 18).
        String text = "Thời gian ký" + " ".repeat(100_000) + "x\n";
        assertThat(SigningDate.filled(FieldReader.read("Số: 12/UBND"), text).issuedOn())
                .isNull();
    }

    /** The path a clerk's signed PDF takes: its text layer read, no picture stamped into the blank day, no OCR. */
    @Test
    void aSignedPdfWhoseDayWasLeftBlankIsDatedTheDayItWasSigned(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("signed.pdf");
        try (PDDocument document = new PDDocument();
                InputStream font = getClass().getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType0Font serif = PDType0Font.load(document, font);
            String[][] lines = {
                {"60", "760", "Ký bởi: Ủy ban nhân dân tỉnh Nghệ An"},
                {"60", "748", "Thời gian ký: 20.10.2025 10:10:09 +07:00"},
                {"60", "720", "ỦY BAN NHÂN DÂN"},
                {"330", "720", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
                {"60", "706", "TỈNH NGHỆ AN"},
                {"330", "706", "Độc lập - Tự do - Hạnh phúc"},
                {"60", "680", "Số: 3651/UBND-KT"},
                {"330", "680", "Nghệ An, ngày      tháng 10 năm 2025"},
                {"60", "660", "V/v quyết toán vốn đầu tư công"},
                {"60", "630", "Kính gửi: Các Sở, ban, ngành cấp tỉnh"},
                {"60", "600", "Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./."},
                {"60", "570", "Nơi nhận:"},
                {"60", "556", "- Như trên;"},
                {"60", "542", "- Lưu: VT, KT."},
                {"330", "570", "CHỦ TỊCH"},
                {"330", "520", "Nguyễn Văn An"},
            };
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                for (String[] line : lines) {
                    content.beginText();
                    content.setFont(serif, 11);
                    content.newLineAtOffset(Float.parseFloat(line[0]), Float.parseFloat(line[1]));
                    content.showText(line[2]);
                    content.endText();
                }
            }
            document.save(file.toFile());
        }
        Duration budget = Duration.ofMinutes(1);
        OcrProperties off = new OcrProperties(
                OcrProperties.Mode.OFF, "tesseract", "vie", 4, 2, budget, budget, 3, 300, 12_000_000, 40);
        ExtractionProperties bounds =
                new ExtractionProperties(1, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(30));
        Extractor extractor = new Extractor(null, new TesseractOcr(off), off, new ExtractionPool(bounds));

        Extraction fields = extractor.read(file, "signed.pdf", DocumentText.PDF);

        assertThat(fields.number()).isEqualTo(3651);
        assertThat(fields.issuedOn()).isEqualTo(LocalDate.of(2025, 10, 20));
        assertThat(fields.confidence()).containsEntry("issuedOn", SigningDate.CONFIDENCE);
    }
}
