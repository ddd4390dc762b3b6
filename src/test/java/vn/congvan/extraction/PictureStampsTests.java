package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDAppearanceContentStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.junit.jupiter.api.Test;
import vn.congvan.attachment.TestPdfs;

/** How the digits of pictures stamped into a header's blanks fill a reading ({@link PictureStamps}). */
class PictureStampsTests {

    private static final Extraction BLANK = FieldReader.read("""
            UBND TỈNH BẮC GIANG
            SỞ GIÁO DỤC VÀ ĐÀO TẠO
            Số:       /SGDĐT-GDTH
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            Bắc Giang, ngày       tháng      năm 2020
            V/v hướng dẫn thực hiện điều chỉnh nội dung dạy học
            Kính gửi: Phòng Giáo dục và Đào tạo các huyện, thành phố.
            """);

    @Test
    void theLeftStampIsTheNumberTheRightOnesTheDayThenTheMonthLeftBlank() {
        PictureStamps.BlankDate blank = PictureStamps.blankDate("Bắc Giang, ngày       tháng      năm 2020");
        assertThat(blank).isEqualTo(new PictureStamps.BlankDate(0, 2020));

        Extraction filled = PictureStamps.filled(BLANK, blank, List.of(348), List.of(8, 4));

        assertThat(filled.number()).isEqualTo(348);
        assertThat(filled.issuedOn()).isEqualTo(LocalDate.of(2020, 4, 8));
        assertThat(filled.confidence())
                .containsEntry("number", PictureStamps.CONFIDENCE)
                .containsEntry("issuedOn", PictureStamps.CONFIDENCE);
    }

    @Test
    void aStampReadAsAnythingButDigitsOrADayThatMakesNoDateFillsNothing() {
        PictureStamps.BlankDate february = PictureStamps.blankDate("Hà Nội, ngày .... tháng 02 năm 2026");
        assertThat(february).isEqualTo(new PictureStamps.BlankDate(2, 2026));
        assertThat(PictureStamps.digits("2l")).isNull();
        assertThat(PictureStamps.digits(" 21\n")).isEqualTo(21);

        Extraction filled = PictureStamps.filled(BLANK, february, Arrays.asList((Integer) null), List.of(30));

        assertThat(filled.number()).isNull();
        assertThat(filled.issuedOn()).isNull();
        assertThat(filled).isSameAs(BLANK);
    }

    @Test
    void aPictureDeclaringMorePixelsThanAStampIsNotDecoded() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = TestPdfs.pageWithText(document);
            // A few bytes declaring a 100 000 × 100 000 picture, in a slot of the header's size.
            PDImageXObject huge = new PDImageXObject(
                    document,
                    new ByteArrayInputStream(new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}),
                    COSName.FLATE_DECODE,
                    100_000,
                    100_000,
                    8,
                    PDDeviceGray.INSTANCE);
            PDAppearanceStream appearance = new PDAppearanceStream(document);
            appearance.setBBox(new PDRectangle(20, 16));
            appearance.setResources(new PDResources());
            try (PDAppearanceContentStream content = new PDAppearanceContentStream(appearance)) {
                content.drawImage(huge, 0, 0, 20, 16);
            }
            page.getAnnotations().add(TestPdfs.widget(appearance, new PDRectangle(100, 740, 20, 16)));

            assertThat(PictureStamps.on(document, page)).isEmpty();
        }
    }

    @Test
    void aStripOfAPictureOrOnePastManyFormsIsNoStamp() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = TestPdfs.pageWithText(document);
            // A strip 3 000 × 6: as few pixels as a stamp, but scaled to the digits' height it would be 32 000 wide.
            PDImageXObject strip = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(
                    document, new java.awt.image.BufferedImage(3000, 6, java.awt.image.BufferedImage.TYPE_BYTE_GRAY));
            page.getAnnotations()
                    .add(TestPdfs.widget(appearance(document, strip, 0), new PDRectangle(100, 740, 20, 16)));
            // A good picture, but named after more empty forms than a stamp's appearance holds.
            PDImageXObject digits = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(
                    document, new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_BYTE_GRAY));
            page.getAnnotations()
                    .add(TestPdfs.widget(
                            appearance(document, digits, PictureStamps.MAX_LOOKED_AT),
                            new PDRectangle(400, 740, 20, 16)));

            assertThat(PictureStamps.on(document, page)).isEmpty();

            // The same good picture after a few forms is a stamp.
            page.getAnnotations()
                    .add(TestPdfs.widget(appearance(document, digits, 3), new PDRectangle(440, 740, 20, 16)));
            assertThat(PictureStamps.on(document, page)).hasSize(1);
        }
    }

    /** An appearance naming {@code forms} empty forms, then drawing {@code picture}. */
    private static PDAppearanceStream appearance(PDDocument document, PDImageXObject picture, int forms)
            throws IOException {
        PDAppearanceStream appearance = new PDAppearanceStream(document);
        appearance.setBBox(new PDRectangle(20, 16));
        PDResources resources = new PDResources();
        for (int i = 0; i < forms; i++) {
            org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form =
                    new org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject(document);
            form.setBBox(new PDRectangle(1, 1));
            resources.put(COSName.getPDFName("Fm" + i), form);
        }
        appearance.setResources(resources);
        try (PDAppearanceContentStream content = new PDAppearanceContentStream(appearance)) {
            content.drawImage(picture, 0, 0, 20, 16);
        }
        return appearance;
    }
}
