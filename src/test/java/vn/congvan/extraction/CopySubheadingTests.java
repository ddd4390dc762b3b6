package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "Nơi nhận" split into the paper copies and the electronic ones ("Bản điện tử:"), as offices send since NĐ 30. */
class CopySubheadingTests {

    private static final String SPLIT_LIST = """
            UBND TỈNH HÀ NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc
            Số: 77/STP-VP Phủ Lý, ngày 3 tháng 5 năm 2022
            V/v rà soát văn bản quy phạm pháp luật
            Kính gửi: Các phòng thuộc Sở.
            Sở Tư pháp đề nghị các phòng rà soát văn bản và báo cáo trước ngày 20/5/2022./.
            Nơi nhận: KT. GIÁM ĐỐC
            - Lưu: VT, VP.
            Bản điện tử:
            - Như trên;
            - Giám đốc Sở.
            PHÓ GIÁM ĐỐC

            Trần Văn Minh
            """;

    @Test
    void theElectronicCopiesLabelIsNeitherARecipientNorTheRestOfTheLineAbove() {
        Extraction extraction = FieldReader.read(SPLIT_LIST);

        assertThat(extraction.distribution()).containsExactly("Lưu: VT, VP", "Như trên", "Giám đốc Sở");
        assertThat(extraction.signer().fullName()).isEqualTo("Trần Văn Minh");
    }

    @Test
    void theLabelIsKnownInItsUsualForms() {
        assertThat(FieldReader.isCopySubheading("Bản điện tử:")).isTrue();
        assertThat(FieldReader.isCopySubheading("Gửi bản giấy:")).isTrue();
        assertThat(FieldReader.isCopySubheading("Bản điện tử (qua hệ thống iOffice):"))
                .isTrue();
        assertThat(FieldReader.isCopySubheading("- Bản điện tử gửi các phòng;")).isFalse();
        assertThat(FieldReader.isCopySubheading("Báo điện tử tỉnh")).isFalse();
    }
}
