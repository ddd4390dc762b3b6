package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Shapes real published files show in their header and title (ADR 0066, amendment of 2026-12-01, session 11): a
 * notation naming several units, two heading words a text layer ran together, a narrow issuer cell of several lines
 * under the body above it, and a subject under a type heading that opens with "Thực hiện". Each document is made up.
 */
class HeaderShapeRulesTests {

    private static String header(String numberLine) {
        return """
                ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
                SỞ Y TẾ
                %s
                V/v tăng cường phòng chống dịch sốt xuất huyết
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Lạng Sơn, ngày 3 tháng 5 năm 2021
                Kính gửi: Các bệnh viện tuyến huyện.
                Sở Y tế đề nghị các đơn vị triển khai ngay các biện pháp phòng chống dịch./.
                Nơi nhận: GIÁM ĐỐC
                - Như trên;
                - Lưu: VT.
                Lê Văn Hùng
                """.formatted(numberLine);
    }

    @Test
    void aNotationKeepsEveryUnitJoinedByACommaOrASemicolon() {
        assertThat(FieldReader.read(header("Số: 215/SYT-NVY, KHTC")).notation()).isEqualTo("SYT-NVY, KHTC");
        assertThat(FieldReader.read(header("Số: 215/SYT-NVY; KHTC; VP")).notation())
                .isEqualTo("SYT-NVY; KHTC; VP");
        assertThat(FieldReader.read(header("Số:        /SYT-GDTrH,GDTX")).notation())
                .isEqualTo("SYT-GDTrH, GDTX");
    }

    @Test
    void whatFollowsANotationOnItsLineIsNoUnit() {
        // A syllable ("KHẨN") is no unit's initials; a date, a "V/v" or a dash-list is not initials at all.
        assertThat(FieldReader.read(header("Số: 215/SYT-NVY, KHẨN")).notation()).isEqualTo("SYT-NVY");
        assertThat(FieldReader.read(header("Số: 215/SYT-NVY, ngày 3/5/2021")).notation())
                .isEqualTo("SYT-NVY");
        assertThat(FieldReader.read(header("Số: 215/SYT-NVY, V/v phòng dịch")).notation())
                .isEqualTo("SYT-NVY");
        assertThat(FieldReader.read(header("Số: 215/SYT-NVY; - Các bệnh viện")).notation())
                .isEqualTo("SYT-NVY");
    }

    @Test
    void twoHeadingWordsRunTogetherByTheTextLayerAreParted() {
        String text = header("Số: 215/SYT-NVY").replace("SỞ Y TẾ", "SỞ VĂN HÓAVÀ THỂ THAO");
        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuer()).isEqualTo("SỞ VĂN HÓA VÀ THỂ THAO");
        assertThat(extraction.issuerParent()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN");
    }

    @Test
    void aHeadingWordIsNotPartedNorIsAWordOutsideTheHeader() {
        assertThat(FieldReader.runTogetherWords("TRƯỜNG THPT CHUYÊN")).isEqualTo("TRƯỜNG THPT CHUYÊN");
        // Initials and a part of one letter are no two words.
        assertThat(FieldReader.runTogetherWords("BAN QLDA HUYỆN")).isEqualTo("BAN QLDA HUYỆN");
        assertThat(FieldReader.runTogetherWords("PHÒNG NỘI VỤVÀ LAO ĐỘNG")).isEqualTo("PHÒNG NỘI VỤ VÀ LAO ĐỘNG");
        // Only a body's name is parted: a subject in capitals is copied as the text has it.
        assertThat(FieldReader.runTogetherWords("TRIỂNKHAI KẾ HOẠCH NĂM 2022"))
                .isEqualTo("TRIỂNKHAI KẾ HOẠCH NĂM 2022");
        // A line in small letters is body text, never parted.
        assertThat(FieldReader.runTogetherWords("Phòng Giáo dụcVà Đào tạo")).isEqualTo("Phòng Giáo dụcVà Đào tạo");
    }

    @Test
    void aCouncilCellOfSeveralLinesUnderItsPlaceIsTheIssuerUnderTheBodyAbove() {
        String text = """
                UBND TỈNH LẠNG SƠN
                BCĐ PHÒNG CHỐNG
                THIÊN TAI VÀ TÌM KIẾM
                CỨU NẠN
                Số:    /BCĐ
                V/v chuẩn bị ứng phó với bão số 3
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Lạng Sơn, ngày 12 tháng 8 năm 2022
                Kính gửi: Các sở, ban, ngành tỉnh.
                Ban Chỉ đạo đề nghị các đơn vị chuẩn bị ứng phó./.
                Nơi nhận: TM. BAN CHỈ ĐẠO
                - Như trên;
                - Lưu: VT.
                TRƯỞNG BAN
                Lê Văn Hùng
                """;
        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuer()).isEqualTo("BCĐ PHÒNG CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN");
        assertThat(extraction.issuerParent()).isEqualTo("UBND TỈNH LẠNG SƠN");
    }

    @Test
    void aBodyBrokenAfterItsLevelOrWithoutInitialsStaysOneBody() {
        String text = header("Số: 215/SYT-NVY")
                .replace("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\nSỞ Y TẾ", "BAN CHỈ ĐẠO TỈNH\nPCGD XMC");
        assertThat(FieldReader.read(text).issuer()).isEqualTo("BAN CHỈ ĐẠO TỈNH PCGD XMC");
    }

    @Test
    void theSubjectUnderATypeHeadingMayOpenWithThucHien() {
        String text = """
                UBND HUYỆN ĐỨC THỌ
                PHÒNG TÀI CHÍNH - KẾ HOẠCH
                Số:    /KH-TCKH
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Đức Thọ, ngày 5 tháng 3 năm 2022
                KẾ HOẠCH
                Thực hiện công tác kiểm kê tài sản công
                tại các đơn vị sự nghiệp năm 2022
                Thực hiện Công văn số 120/STC-QLCS ngày 1/3/2022 của Sở Tài chính, Phòng Tài chính - Kế hoạch
                xây dựng kế hoạch như sau:
                """;
        assertThat(FieldReader.read(text).subject())
                .isEqualTo("Thực hiện công tác kiểm kê tài sản công tại các đơn vị sự nghiệp năm 2022");
    }

    @Test
    void aPreambleCitingAnActUnderTheHeadingIsNoSubject() {
        String text = """
                UBND HUYỆN ĐỨC THỌ
                PHÒNG TÀI CHÍNH - KẾ HOẠCH
                Số:    /KH-TCKH
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Đức Thọ, ngày 5 tháng 3 năm 2022
                KẾ HOẠCH
                Thực hiện Công văn số 120/STC-QLCS ngày 1/3/2022 của Sở Tài chính, Phòng Tài chính - Kế hoạch
                xây dựng kế hoạch như sau:
                """;
        assertThat(FieldReader.read(text).subject()).isNull();
    }

    @Test
    void theIssuersCellAfterTheNumbersCellIsFoundPastTheSubjectUnderTheNumber() {
        // A copy putting the right column first and the number's cell (number and trích yếu) before the issuer's.
        String text = """
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Lạng Sơn, ngày 3 tháng 5 năm 2021
                Số: 215/SYT-NVY
                V/v tăng cường phòng chống dịch
                sốt xuất huyết trên địa bàn tỉnh
                UBND TỈNH LẠNG SƠN
                SỞ Y TẾ
                Kính gửi: Các bệnh viện tuyến huyện.
                Sở Y tế đề nghị các đơn vị triển khai ngay các biện pháp phòng chống dịch./.
                Nơi nhận: GIÁM ĐỐC
                - Như trên;
                - Lưu: VT.
                Lê Văn Hùng
                """;
        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuer()).isEqualTo("SỞ Y TẾ");
        assertThat(extraction.issuerParent()).isEqualTo("UBND TỈNH LẠNG SƠN");
        assertThat(extraction.subject()).isEqualTo("V/v tăng cường phòng chống dịch sốt xuất huyết trên địa bàn tỉnh");
    }
}
