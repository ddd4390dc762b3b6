package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A garbled text layer's number and date where OCR of the same pages read none (Extractor.withLayerDigits), with
 * made-up readings instead of files.
 */
class LayerDigitsTests {

    /** A scanner's layer without diacritics: the words lost, the digits right. */
    private static final String LAYER = """
            CONG DOAN TONG CONG TY XAY DUNG        CONG HOA XA HOI CHU NGHIA VIET NAM
            CONG DOAN CONG TY CO KHI        Doc lap - Tu do - Hanh phuc
            So: 87/CDCK        Da Nang, ngay 14 thang 3 nam 2024
            V/v to chuc hoi thao
            Kinh gui: Cac to cong doan
            """;

    /** The same page by OCR: the diacritics right, the handwritten number and day missed. */
    private static final String RECOGNISED = """
            CÔNG ĐOÀN TỔNG CÔNG TY XÂY DỰNG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            CÔNG ĐOÀN CÔNG TY CƠ KHÍ        Độc lập - Tự do - Hạnh phúc
            Số:     /CĐCK        Đà Nẵng, ngày     tháng 3 năm 2024
            V/v tổ chức hội thảo
            Kính gửi: Các tổ công đoàn
            """;

    @Test
    void theLayersNumberAndDateFillWhatOcrLeftBlankToBeChecked() {
        Extraction layer = Extractor.readMarked(LAYER);
        Extraction ocr = Extractor.readMarked(RECOGNISED);
        assertThat(layer.number()).isEqualTo(87);
        assertThat(layer.issuedOn()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(ocr.number()).isNull();
        assertThat(ocr.issuedOn()).isNull();

        Extraction merged = Extractor.withLayerDigits(ocr, layer);

        assertThat(merged.number()).isEqualTo(87);
        assertThat(merged.issuedOn()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(merged.confidence().get("number")).isLessThan(Extraction.SURE);
        assertThat(merged.confidence().get("issuedOn")).isLessThan(Extraction.SURE);
        assertThat(merged.notation()).isEqualTo(ocr.notation());
        assertThat(merged.issuer()).isEqualTo(ocr.issuer());
        assertThat(merged.layoutFindings())
                .extracting(Finding::code)
                .doesNotContain(Finding.Code.MISSING_NUMBER, Finding.Code.MISSING_DATE);
    }

    @Test
    void whereBothReadADifferentNumberOrDateOcrsStands() {
        Extraction layer = Extractor.readMarked(LAYER);
        Extraction ocr = Extractor.readMarked(
                RECOGNISED.replace("Số:     /", "Số: 81/").replace("ngày     tháng", "ngày 19 tháng"));

        Extraction merged = Extractor.withLayerDigits(ocr, layer);

        assertThat(merged.number()).isEqualTo(81);
        assertThat(merged.issuedOn()).isEqualTo(LocalDate.of(2024, 3, 19));
        assertThat(merged).isEqualTo(ocr);
    }
}
