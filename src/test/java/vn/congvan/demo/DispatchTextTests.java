package vn.congvan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DispatchTextTests {

    @Test
    void readsEveryFormalPartOfTheSampleDispatch() throws IOException {
        DispatchText text = DispatchText.parse(sample());

        assertThat(text.superiorHeader()).isEqualTo("QUẬN ỦY QUẬN 1");
        assertThat(text.issuerHeader()).isEqualTo("BAN TUYÊN GIÁO");
        assertThat(text.number()).isEqualTo(65);
        assertThat(text.symbol()).isEqualTo("CV/BTGQU");
        assertThat(text.subject())
                .isEqualTo("Về việc gửi tài liệu “Thông báo nhanh kết quả Hội nghị Ban Chấp hành "
                        + "Đảng bộ thành phố lần thứ 21 (khóa XI)”");
        assertThat(text.place()).isEqualTo("Quận 1");
        assertThat(text.issuedOn()).isEqualTo(LocalDate.of(2023, 7, 12));
        assertThat(text.addressees())
                .containsExactly(
                        "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quận",
                        "Cấp ủy cơ sở đảng",
                        "Các đồng chí báo cáo viên cấp quận");
        assertThat(text.distribution())
                .containsExactly("Như trên", "Thường trực Quận ủy", "Lưu Ban Tuyên giáo Quận ủy");
        assertThat(text.signerName()).isEqualTo("Nguyễn Trung Châu Tuyên");
    }

    @Test
    void joinsLinesBrokenByThePdfBackIntoParagraphs() throws IOException {
        String[] paragraphs = DispatchText.parse(sample()).body().split("\n\n");

        assertThat(paragraphs).hasSize(4);
        assertThat(paragraphs[0])
                .startsWith("Thực hiện Công văn số 3080-CV/BTGTU ngày 10 tháng 7 năm 2023 của Ban "
                        + "Tuyên giáo Thành ủy về gửi tài liệu");
        assertThat(paragraphs[3]).isEqualTo("Trân trọng.");
    }

    @Test
    void acceptsTheStateNumberFormWithAColon() {
        String state = sampleWith("Số 65-CV/BTGQU", "Số: 05/QĐ-UBND");

        DispatchText text = DispatchText.parse(state);

        assertThat(text.number()).isEqualTo(5);
        assertThat(text.symbol()).isEqualTo("QĐ-UBND");
    }

    private static String sampleWith(String from, String to) {
        try {
            return sample().replace(from, to);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String sample() throws IOException {
        try (InputStream in = DispatchTextTests.class.getResourceAsStream("/demo/65-CV-BTGQU-cong-van.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
