package vn.congvan.edxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvan.attachment.AttachmentKind;

/** An attachment's kind travels in its QCVN 102 Description and comes back with its title, whatever the title. */
class AttachmentDescriptionsTests {

    @Test
    void aBriefingIsNamedInItsDescriptionAndTheDocumentKeepsItsBareTitle() {
        assertThat(AttachmentDescriptions.describe(AttachmentKind.BRIEFING, "Kết quả hội nghị"))
                .isEqualTo("Thông báo nhanh: Kết quả hội nghị");
        assertThat(AttachmentDescriptions.describe(AttachmentKind.DOCUMENT, "Bản chính có chữ ký"))
                .isEqualTo("Bản chính có chữ ký");
        assertThat(AttachmentDescriptions.describe(AttachmentKind.APPENDIX, null))
                .isEqualTo("Phụ lục");
    }

    @Test
    void everyKindAndTitleSurvivesARoundTrip() {
        List<String> titles = Arrays.asList(
                "Kết quả hội nghị",
                "Phụ lục số liệu",
                "Phụ lục: số liệu",
                "phụ lục:số liệu",
                "Văn bản: gốc",
                "Thông báo nhanh",
                "Văn bản",
                "Tài liệu: tham khảo: thêm",
                null);
        for (AttachmentKind kind : AttachmentKind.values()) {
            for (String title : titles) {
                AttachmentDescriptions.Described back =
                        AttachmentDescriptions.read(AttachmentDescriptions.describe(kind, title));
                assertThat(back).as("%s %s", kind, title).isEqualTo(new AttachmentDescriptions.Described(kind, title));
            }
        }
    }

    @Test
    void anotherSystemsDescriptionIsTheDocumentsTitleUnlessItNamesAKind() {
        assertThat(AttachmentDescriptions.read("Công văn số 12"))
                .isEqualTo(new AttachmentDescriptions.Described(AttachmentKind.DOCUMENT, "Công văn số 12"));
        assertThat(AttachmentDescriptions.read("PHỤ LỤC: Danh sách đơn vị"))
                .isEqualTo(new AttachmentDescriptions.Described(AttachmentKind.APPENDIX, "Danh sách đơn vị"));
        assertThat(AttachmentDescriptions.read(null))
                .isEqualTo(new AttachmentDescriptions.Described(AttachmentKind.DOCUMENT, null));
    }
}
