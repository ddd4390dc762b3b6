package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issuing bodies printed in capitals in a heading, written as the register and the portal's units write them: the
 * headings of the extraction corpus (Party, state, mass organisations), with old and new tone placement.
 */
class BodyNameCaseTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            BAN TUYÊN GIÁO THÀNH ỦY                          | Ban Tuyên giáo Thành ủy
            BAN TUYÊN GIÁO QUẬN ỦY QUẬN 1                    | Ban Tuyên giáo Quận ủy Quận 1
            QUẬN ỦY QUẬN 1                                   | Quận ủy Quận 1
            THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH                   | Thành ủy Thành phố Hồ Chí Minh
            TỈNH ỦY THỪA THIÊN HUẾ                           | Tỉnh ủy Thừa Thiên Huế
            ĐẢNG ỦY PHƯỜNG BẾN NGHÉ                          | Đảng ủy phường Bến Nghé
            BAN TUYÊN GIÁO VÀ DÂN VẬN THÀNH ỦY               | Ban Tuyên giáo và Dân vận Thành ủy
            BAN CHẤP HÀNH TRUNG ƯƠNG                         | Ban Chấp hành Trung ương
            ỦY BAN KIỂM TRA                                  | Ủy ban Kiểm tra
            ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM                   | Ủy ban nhân dân tỉnh Quảng Nam
            UỶ BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH            | Uỷ ban nhân dân Thành phố Hồ Chí Minh
            ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK                     | Ủy ban nhân dân tỉnh Đắk Lắk
            ỦY BAN THƯỜNG VỤ QUỐC HỘI                        | Ủy ban Thường vụ Quốc hội
            SỞ GIÁO DỤC VÀ ĐÀO TẠO                           | Sở Giáo dục và Đào tạo
            SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI              | Sở Lao động - Thương binh và Xã hội
            VĂN PHÒNG                                        | Văn phòng
            TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM                 | Tổng Liên đoàn Lao động Việt Nam
            LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA                | Liên đoàn Lao động tỉnh Thanh Hóa
            HỘI NÔNG DÂN VIỆT NAM                            | Hội Nông dân Việt Nam
            HỘI LIÊN HIỆP PHỤ NỮ QUẬN 1                      | Hội Liên hiệp Phụ nữ Quận 1
            ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ CẦN THƠ           | Ủy ban MTTQ Việt Nam thành phố Cần Thơ
            ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM QUẬN 1          | Ủy ban Mặt trận Tổ quốc Việt Nam Quận 1
            ĐỘI TNTP HỒ CHÍ MINH                             | Đội TNTP Hồ Chí Minh
            ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH             | Đoàn Thanh niên Cộng sản Hồ Chí Minh
            UBND HUYỆN NGA SƠN                               | UBND huyện Nga Sơn
            UBND TX. ĐỒNG XOÀI                               | UBND TX. Đồng Xoài
            TIỂU BAN THI ĐUA – KHEN THƯỞNG                   | Tiểu ban Thi đua – Khen thưởng
            CÔNG AN TỈNH NGHỆ AN                             | Công an tỉnh Nghệ An
            ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH                    | Đảng bộ Thành phố Hồ Chí Minh
            PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN BÌNH CHÁNH       | Phòng Giáo dục và Đào tạo huyện Bình Chánh
            Ban Tuyên giáo Quận ủy Quận 1                    | Ban Tuyên giáo Quận ủy Quận 1
            ỦY BAN NHÂN DÂN TỈNH BÀ RỊA-VŨNG TÀU             | Ủy ban nhân dân tỉnh Bà Rịa-Vũng Tàu
            PHÒNG GIÁO DỤC-ĐÀO TẠO                           | Phòng Giáo dục-Đào tạo
            BỘ VĂN HOÁ - THÔNG TIN-BỘ Y TẾ                   | Bộ Văn hoá - Thông tin-Bộ Y tế
            BỘ LAO ĐỘNG-BỘ NỘI VỤ                            | Bộ Lao động-Bộ Nội vụ
            ĐẢNG UỶ TRƯỜNG ĐẠI HỌC VINH                      | Đảng uỷ Trường Đại học Vinh
            ĐẢNG ỦY TRƯỜNG ĐH LẠC HỒNG                       | Đảng ủy Trường ĐH Lạc Hồng
            ĐẢNG BỘ ĐẠI HỌC THÁI NGUYÊN                      | Đảng bộ Đại học Thái Nguyên
            BCH ĐOÀN TRƯỜNG ĐẠI HỌC VINH                     | BCH Đoàn trường đại học Vinh
            BCH HND TỈNH ĐỒNG THÁP                           | BCH HND tỉnh Đồng Tháp
            'BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH'                | 'Bộ Văn hóa, Thể thao và Du lịch'
            'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH QUẢNG NAM' | 'Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Nam'
            """)
    void aBodyPrintedInCapitalsIsWrittenAsTheRegisterWritesIt(String printed, String written) {
        assertThat(BodyNameCase.of(printed)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            BAN  TUYÊN   GIÁO | Ban Tuyên giáo
            '  VĂN PHÒNG  '   | Văn phòng
            """)
    void spacesAreThoseOfTheRegister(String printed, String written) {
        assertThat(BodyNameCase.of(printed)).isEqualTo(written);
    }

    @Test
    void aHeadingIsItsIssuerUnderTheBodyAboveEachInTheRegistersCase() {
        assertThat(BodyNameCase.ofHeading("BAN TUYÊN GIÁO", "QUẬN ỦY QUẬN 1"))
                .isEqualTo("Ban Tuyên giáo Quận ủy Quận 1");
        assertThat(BodyNameCase.ofHeading(null, "THÀNH ỦY")).isEqualTo("Thành ủy");
        assertThat(BodyNameCase.ofHeading(" ", null)).isEmpty();
    }

    /**
     * The sender's and the citation's endpoints take the name from a request: text longer than any body's name is
     * given back as printed, not looked through for phrases at each of its words.
     */
    @Test
    void aTextLongerThanAnyNameIsGivenBackAsPrinted() {
        String page = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM ".repeat(100).strip();

        assertThat(BodyNameCase.of(page)).isEqualTo(page);
    }

    /** Marks around a word are not part of it; a word of marks between two letters is read in one pass. */
    @Test
    void marksAroundAndInsideAWordAreKeptAsPrinted() {
        assertThat(BodyNameCase.of("«SỞ TƯ PHÁP»")).isEqualTo("«Sở Tư pháp»");
        String marks = "A" + "!".repeat(BodyNameCase.MAX_NAME - 2) + "A";
        assertThat(BodyNameCase.of(marks)).isEqualTo(marks);
        assertThat(BodyNameCase.key("\u0000\u202eSỞ,\u200f")).isEqualTo("sở");
    }
}
