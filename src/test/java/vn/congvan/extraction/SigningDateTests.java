package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

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
}
