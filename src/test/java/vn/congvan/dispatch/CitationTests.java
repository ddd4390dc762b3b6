package vn.congvan.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How a draft cites the document it implements (ADR 0065). */
class CitationTests {

    private static final String REFERENCE =
            Citation.reference("Công văn", "3080-CV/BTGTU", LocalDate.of(2023, 7, 10), "Ban Tuyên giáo Thành ủy");

    @Test
    void theReferenceNamesTypeNumberLongDateAndSender() {
        assertThat(REFERENCE)
                .isEqualTo("Công văn số 3080-CV/BTGTU ngày 10 tháng 7 năm 2023 của Ban Tuyên giáo Thành ủy");
        assertThat(Citation.reference(null, null, LocalDate.of(2024, 2, 5), null))
                .isEqualTo("Văn bản ngày 05 tháng 02 năm 2024");
    }

    @Test
    void theOpeningTakesTheSubjectWithoutItsOwnAboutWords() {
        assertThat(Citation.opening(REFERENCE, "V/v Tổ chức hội nghị"))
                .isEqualTo("Thực hiện " + REFERENCE + " về việc tổ chức hội nghị, ");
        assertThat(Citation.opening(REFERENCE, "Về việc UBND tỉnh giao"))
                .isEqualTo("Thực hiện " + REFERENCE + " về việc UBND tỉnh giao, ");
    }

    @Test
    void aSubjectThatIsOnlyItsAboutWordsIsNoSubject() {
        assertThat(Citation.opening(REFERENCE, "V/v")).isEqualTo("Thực hiện " + REFERENCE + ", ");
        assertThat(Citation.opening(REFERENCE, "  Về việc: ")).isEqualTo("Thực hiện " + REFERENCE + ", ");
        assertThat(Citation.opening(REFERENCE, null)).isEqualTo("Thực hiện " + REFERENCE + ", ");
    }
}
