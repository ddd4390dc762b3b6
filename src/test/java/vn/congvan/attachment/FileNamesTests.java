package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The names files are kept and shown under (ADR 0016). */
class FileNamesTests {

    @Test
    void aTitleDefaultsToTheNameAsGivenWithoutItsExtension() {
        assertThat(FileNames.title(null, "De cuong tuyen truyen 2-9.pdf")).isEqualTo("De cuong tuyen truyen 2-9");
        assertThat(FileNames.title("  ", "Đề cương.tuyên truyền.docx")).isEqualTo("Đề cương.tuyên truyền");
        assertThat(FileNames.title(null, "khong-duoi")).isEqualTo("khong-duoi");
    }

    @Test
    void aGivenTitleKeepsItsSlashesAndLosesInvisibleCharacters() {
        assertThat(FileNames.title(" Đề cương\u202E  Quốc khánh 2/9 \n", "x.pdf"))
                .isEqualTo("Đề cương Quốc khánh 2/9");
        assertThat(FileNames.title("a".repeat(600), "x.pdf")).hasSize(FileNames.MAX_TITLE_LENGTH);
    }

    @Test
    void dropsARightToLeftOverrideSoTheNameShowsItsRealEnding() {
        assertThat(FileNames.clean("hoa-don\u202Efdp.exe")).isEqualTo("hoa-donfdp.exe");
    }

    @Test
    void dropsEveryBidirectionalControlAndOtherInvisibleCharacter() {
        String controls = "\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u061C"
                + "\u200B\u200D\uFEFF\u0000\u0007\u007F";

        assertThat(FileNames.clean("Báo" + controls + "cáo.pdf")).isEqualTo("Báocáo.pdf");
    }

    @Test
    void composesVietnameseLettersTheSameWayWhateverTheKeyboard() {
        String decomposed = "Tho\u0302ng ba\u0301o.pdf";

        assertThat(FileNames.clean(decomposed)).isEqualTo("Thông báo.pdf").hasSize(13);
    }

    @Test
    void keepsOnlyTheLastPartOfAPath() {
        assertThat(FileNames.clean("C:\\Users\\vanthu\\Desktop\\ke-hoach.pdf")).isEqualTo("ke-hoach.pdf");
        assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
    }

    @Test
    void collapsesWhiteSpaceAndTrimsIt() {
        assertThat(FileNames.clean("  Kế\thoạch \u00A0\u2028 tháng   11 .pdf ")).isEqualTo("Kế hoạch tháng 11 .pdf");
    }

    @Test
    void givesADefaultNameWhenNothingIsLeft() {
        assertThat(FileNames.clean(null)).isEqualTo(FileNames.DEFAULT);
        assertThat(FileNames.clean(" \u202E\u200B ")).isEqualTo(FileNames.DEFAULT);
        assertThat(FileNames.clean("thu-muc/")).isEqualTo(FileNames.DEFAULT);
    }

    @Test
    void shortensAnOverLongNameBeforeItsExtensionOnACharacterBoundary() {
        String name = "Thông báo nhanh kết quả Hội nghị ".repeat(20) + "lần thứ 21.pdf";

        String cleaned = FileNames.clean(name);

        assertThat(cleaned.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(FileNames.MAX_BYTES)
                .isGreaterThan(FileNames.MAX_BYTES - 4);
        assertThat(cleaned).startsWith("Thông báo nhanh kết quả").endsWith(".pdf");
        assertThat(name.replace(" ", ""))
                .startsWith(cleaned.substring(0, cleaned.length() - 4).replace(" ", ""));
    }

    @Test
    void leavesANameThatFitsAsItIs() {
        String name = "ắ".repeat(81) + ".pdf";
        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(247);

        assertThat(FileNames.clean(name)).isEqualTo(name);
    }
}
