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

    /**
     * Another system's Description is read as a title would be cleaned: its kind's name written decomposed (NFD), with
     * a zero-width character, a no-break space or a space before the colon is still that kind, and a Description of a
     * megabyte gives a title no longer than the column that keeps it.
     */
    @Test
    void aKindWrittenOddlyIsStillReadAndAHugeDescriptionGivesATitleThatFits() {
        String decomposed = java.text.Normalizer.normalize("Phụ lục: Danh sách", java.text.Normalizer.Form.NFD);
        assertThat(AttachmentDescriptions.read(decomposed))
                .isEqualTo(new AttachmentDescriptions.Described(AttachmentKind.APPENDIX, "Danh sách"));
        assertThat(AttachmentDescriptions.read("Thông\u200B báo\u00A0nhanh\u200D : Kết quả"))
                .isEqualTo(new AttachmentDescriptions.Described(AttachmentKind.BRIEFING, "Kết quả"));
        assertThat(AttachmentDescriptions.read("\u200BTài liệu\uFEFF"))
                .isEqualTo(new AttachmentDescriptions.Described(AttachmentKind.OTHER, null));
        AttachmentDescriptions.Described huge = AttachmentDescriptions.read("Phụ lục: " + "Ố".repeat(1_000_000));
        assertThat(huge.kind()).isEqualTo(AttachmentKind.APPENDIX);
        assertThat(huge.title()).hasSizeLessThanOrEqualTo(vn.congvan.attachment.FileNames.MAX_TITLE_LENGTH);
        AttachmentDescriptions.Described hugeDocument = AttachmentDescriptions.read("x".repeat(1_000_000));
        assertThat(hugeDocument.title()).hasSizeLessThanOrEqualTo(vn.congvan.attachment.FileNames.MAX_TITLE_LENGTH);
    }
}
