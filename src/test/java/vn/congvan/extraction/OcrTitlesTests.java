package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OcrTitlesTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // The seal over a letter or two of the title
                "PRHỞNG PHÒNG | TRƯỞNG PHÒNG",
                "PE!Ó CHÁNH VĂN PHÒNG | PHÓ CHÁNH VĂN PHÒNG",
                "PHỎ CHỦ TỊCH | PHÓ CHỦ TỊCH",
                // Marks misread only
                "TỎNG BÍ THƯ | TỔNG BÍ THƯ",
                "KT. GIÁM ĐÓC | KT. GIÁM ĐỐC",
                // Beside the foot's list, in its own column
                "- Lưu: VT.        PRHỞNG PHÒNG | - Lưu: VT.        TRƯỞNG PHÒNG",
            })
    void aTitleTheSealSpoiledIsPutRight(String read, String right) {
        assertThat(OcrTitles.repaired(read)).isEqualTo(right);
    }

    @Test
    void underADeputysCompetenceWhatIsLeftOfTheTitleIsTheDeputys() {
        assertThat(OcrTitles.repaired("KT. GIÁM ĐỐC\n\nĐÓC\n\nHuỳnh Lê Như Trang"))
                .isEqualTo("KT. GIÁM ĐỐC\n\nPHÓ GIÁM ĐỐC\n\nHuỳnh Lê Như Trang");
        assertThat(OcrTitles.repaired("KT. GIÁM ĐỐC\n1#» GIÁM ĐỐC\nNguyễn Văn A"))
                .isEqualTo("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn A");
        assertThat(OcrTitles.repaired("KT. BỘ TRƯỞNG\nTRƯỞNG\nNguyễn Văn A"))
                .isEqualTo("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A");
        // The deputy's title read whole stays, and so does a name in capitals under it
        assertThat(OcrTitles.repaired("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNGUYỄN VĂN ĐỐC"))
                .isEqualTo("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNGUYỄN VĂN ĐỐC");
    }

    @Test
    void theEndOfOneHeadsTitleInTheFootIsThatTitle() {
        assertThat(OcrTitles.repaired("Nơi nhận:\n- Lưu: VT.\n\nG PHÒNG\n\nPhạm Văn Hà"))
                .isEqualTo("Nơi nhận:\n- Lưu: VT.\n\nTRƯỞNG PHÒNG\n\nPhạm Văn Hà");
        // Before the foot, the same piece is left as read
        assertThat(OcrTitles.repaired("G PHÒNG\nNơi nhận:")).isEqualTo("G PHÒNG\nNơi nhận:");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Titles read right
                "TRƯỞNG PHÒNG",
                "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
                // Two titles of the same letters: neither is chosen
                "THỦ TRƯỞNG",
                "THỨ TRƯỞNG",
                // Headers, bodies, headings and names in capitals that are no title
                "SỞ Y TẾ",
                "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
                "TM. ỦY BAN NHÂN DÂN",
                "II. MỤC ĐÍCH, YÊU CẦU",
                "CÔNG AN HUYỆN",
                "NGUYỄN VĂN TRƯỜNG",
                // Sentences
                "Trưởng phòng chủ trì, phối hợp với các đơn vị.",
                "Nơi nhận:\n- Như trên;\n- Phòng Nội vụ;",
            })
    void leavesAloneWhatIsNoSpoiledTitle(String text) {
        assertThat(OcrTitles.repaired(text)).isEqualTo(text);
    }
}
