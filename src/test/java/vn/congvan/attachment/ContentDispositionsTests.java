package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

class ContentDispositionsTests {

    private static final String NAME = "Thông báo nhanh kết quả Hội nghị BCH Đảng bộ thành phố (khóa XI).pdf";

    @Test
    void givesAnAsciiFallbackAndTheUtf8NameThatParsesBack() {
        String header = ContentDispositions.of(Disposition.ATTACHMENT, NAME);

        assertThat(header)
                .startsWith(
                        "attachment; filename=\"Thong bao nhanh ket qua Hoi nghi BCH Dang bo thanh pho (khoa XI).pdf\"; "
                                + "filename*=UTF-8''Th%C3%B4ng%20b%C3%A1o");
        assertThat(header).isEqualTo(header.replaceAll("[^\\x20-\\x7e]", ""));
        ContentDisposition parsed = ContentDisposition.parse(header);
        assertThat(parsed.isAttachment()).isTrue();
        assertThat(parsed.getFilename()).isEqualTo(NAME);
    }

    @Test
    void inlineAsciiNamesNeedNoExtendedParameter() {
        assertThat(ContentDispositions.of(Disposition.INLINE, "report.pdf"))
                .isEqualTo("inline; filename=\"report.pdf\"");
    }

    @Test
    void fallbackNeverCarriesQuotesOrControlCharacters() {
        assertThat(ContentDispositions.asciiFallback("a\"b\\c\nđ.pdf")).isEqualTo("a_b_c_d.pdf");
    }
}
