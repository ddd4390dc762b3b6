package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A signer's surname whose marks OCR misread is put back from the closed list of surnames (ADR 0080). */
class OcrNamesTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // The tilde of the commonest surname lost, a hook read for nothing, a grave for a dot below
                "Nguyên Hùng Cường | Nguyễn Hùng Cường",
                "Đỉnh Thị Bích Thảo | Đinh Thị Bích Thảo",
                "Trân Văn Bình | Trần Văn Bình",
                "Phảm Thị Thu Hà | Phạm Thị Thu Hà",
                // The name in the right column beside the list's last line
                "- Lưu: VT, CCVC.        Nguyên Văn An | - Lưu: VT, CCVC.        Nguyễn Văn An",
            })
    void aSurnameMisreadInTheFootIsPutRight(String read, String right) {
        String foot = "Nơi nhận:\n- Như trên;\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n";
        assertThat(OcrNames.repaired(foot + read)).isEqualTo(foot + right);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Right surnames, a surname two share the letters of ("La", "Lã"; "Đoàn", "Doãn"), no surname at all
                "Nguyễn Hùng Cường",
                "Lả Văn Minh",
                "Doàn Văn Tâm",
                "Thanh Văn An",
                // A name of two words may be a place ("Lai Châu", "Hòa Bình"); a title in capitals is no name
                "Lai Châu",
                "CHỦ TỊCH UBND HUYỆN",
                // Without any mark the name is written in plain letters on purpose
                "Nguyen Van An",
                // A sentence, a list item
                "Nguyên tắc làm việc của Ban",
                "- Đỗ Văn Nam (để biết);",
            })
    void leavesWhatIsNoMisreadSurnameAlone(String line) {
        String foot = "Nơi nhận:\n- Như trên;\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n";
        assertThat(OcrNames.repaired(foot + line)).isEqualTo(foot + line);
    }

    @Test
    void onlyTheNameUnderTheSignersTitleIsRepaired() {
        // In the header or the body a line of three words opened by capitals may be a place or a heading; under the
        // name, an annex's table of places and units is no signature either (review of session 18).
        String text =
                "ỦY BAN NHÂN DÂN\nĐình Bảng Xanh\nNội dung văn bản.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\n\nNguyên Văn An"
                        + "\nPHỤ LỤC\nTrường Mầm Non Hoa Sen\nĐường Trần Hưng Đạo\nVụ Kế Hoạch Tài Chính";
        assertThat(OcrNames.repaired(text)).isEqualTo(text.replace("Nguyên Văn An", "Nguyễn Văn An"));
        // An annex's heading in capitals is no signer's title ("TỔNG HỢP …", "CHÁNH SÁCH …")
        String annex =
                "Nơi nhận:\n- Lưu: VT.\nTỔNG HỢP KẾT QUẢ\nTrường Mầm Non Hoa Sen\nCHÁNH SÁCH HỖ TRỢ\nTổ Công Tác Liên Ngành";
        assertThat(OcrNames.repaired(annex)).isEqualTo(annex);
        // Without a competence or a title above it, a name-like line is left as read
        String noBlock = "Nội dung văn bản.\nNơi nhận:\n- Lưu: VT.\nNguyên Văn An";
        assertThat(OcrNames.repaired(noBlock)).isEqualTo(noBlock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tòng Thị Phóng", "Chử Xuân Dũng", "Vì Văn Sơn", "Lường Văn Chinh", "Đường Văn Hải"})
    void surnamesOfTheNorthWestAndTheCentreAreLeftAsRead(String name) {
        String foot = "Nơi nhận:\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n";
        assertThat(OcrNames.repaired(foot + name)).isEqualTo(foot + name);
    }

    @Test
    void aRecognisedTextHasItsSignersSurnamePutRight() {
        assertThat(OcrLexicon.correct("Nơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyên Hùng Cường"))
                .endsWith("Nguyễn Hùng Cường");
    }
}
