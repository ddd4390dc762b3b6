package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDAppearanceContentStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentMembershipDictionary;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.attachment.TestPdfs;

/**
 * A dispatch issued by a Vietnamese e-office system: the Word file leaves blanks (spaces) for the number and the day,
 * and the system stamps them, when the clerk issues the signed file, as the appearances of signature fields laid over
 * the blanks. The page shows "Số: 348/SGDĐT-GDTH" and "ngày 08 tháng 4"; the content stream alone has neither.
 */
class StampedPdfTests {

    private static final float SIZE = 13;

    @TempDir
    Path directory;

    @Test
    void readsTheNumberAndTheDayStampedIntoTheBlanksBySignatureFields() throws IOException {
        Path file = directory.resolve("stamped.pdf");
        try (Issued issued = new Issued()) {
            issued.header("        ", "      ");
            issued.stamp(issued.blankOfNumber, "348", false);
            issued.stamp(issued.blankOfDay, "08", false);
            issued.save(file);
        }

        Extraction extraction = FieldReader.read(DocumentText.of(file, DocumentText.PDF));

        assertThat(extraction.number()).isEqualTo(348);
        assertThat(extraction.notation()).isEqualTo("SGDĐT-GDTH");
        assertThat(extraction.issuedOn()).isEqualTo(LocalDate.of(2020, 4, 8));
        assertThat(extraction.issuer()).isEqualTo("SỞ GIÁO DỤC VÀ ĐÀO TẠO");
    }

    @Test
    void aStampLaidOverTheDraftsDayHidesIt() throws IOException {
        // The draft was typed "ngày 24"; the system stamped the day of issue over it, as on paper.
        Path file = directory.resolve("overprinted.pdf");
        try (Issued issued = new Issued()) {
            issued.header("        ", "24");
            issued.stamp(issued.blankOfNumber, "415", false);
            issued.stamp(issued.blankOfDay, "29", false);
            issued.save(file);
        }

        Extraction extraction = FieldReader.read(DocumentText.of(file, DocumentText.PDF));

        assertThat(extraction.number()).isEqualTo(415);
        assertThat(extraction.issuedOn()).isEqualTo(LocalDate.of(2020, 4, 29));
    }

    @Test
    void theSpacesOfAStampDoNotHideTheWordsTheyLieOn() throws IOException {
        // One stamp for the day and the month, "07" and "08" with spaces between, laid over "tháng".
        Path file = directory.resolve("day-and-month.pdf");
        try (Issued issued = new Issued()) {
            issued.month = "        ";
            issued.header("        ", "        ");
            float month = issued.width("        tháng ");
            issued.stamp(issued.blankOfDay, issued.spaced("07", month) + "08", false);
            issued.save(file);
        }

        Extraction extraction = FieldReader.read(DocumentText.of(file, DocumentText.PDF));

        assertThat(extraction.issuedOn()).isEqualTo(LocalDate.of(2020, 8, 7));
        assertThat(extraction.place()).isEqualTo("Bắc Giang");
    }

    @Test
    void aStampHidesTheTextUnderItThatTheReadingCutsIntoAnotherWord() throws IOException {
        // The draft's day "24" was typed with its digits spread (a justified line); the day of issue is stamped over
        // it in a large font, one glyph covering both digits. The gap between the digits cuts them into two of
        // PDFBox's words, the stamp's glyph in the first: the second digit is still under the stamp, on its line.
        Path file = directory.resolve("spread-day.pdf");
        try (Issued issued = new Issued()) {
            issued.dayGap = 300;
            issued.header("        ", "24");
            issued.stamp(issued.blankOfNumber, "415", false);
            issued.stamp(new float[] {issued.blankOfDay[0] - 3, issued.blankOfDay[1]}, "8", false, 28);
            issued.save(file);
        }

        Extraction extraction = FieldReader.read(DocumentText.of(file, DocumentText.PDF));

        assertThat(extraction.number()).isEqualTo(415);
        assertThat(extraction.issuedOn()).isEqualTo(LocalDate.of(2020, 4, 8));
    }

    @Test
    void leavesOutAnAnnotationThatIsHidden() throws IOException {
        Path file = directory.resolve("hidden.pdf");
        try (Issued issued = new Issued()) {
            issued.header("        ", "08");
            issued.stamp(issued.blankOfNumber, "348", true);
            issued.save(file);
        }

        Extraction extraction = FieldReader.read(DocumentText.of(file, DocumentText.PDF));

        assertThat(extraction.number()).isNull();
        assertThat(extraction.issuedOn()).isEqualTo(LocalDate.of(2020, 4, 8));
    }

    @Test
    void leavesOutAStampMarkedInvisibleOrInALayerSwitchedOff() throws IOException {
        for (String way : List.of("invisible", "layer switched off", "membership of layers switched off")) {
            Path file = directory.resolve(way.replace(' ', '-') + ".pdf");
            try (Issued issued = new Issued()) {
                issued.header("        ", "08");
                PDAnnotationWidget stamp = issued.stamp(issued.blankOfNumber, "348", false);
                if (way.equals("invisible")) {
                    stamp.setInvisible(true);
                } else {
                    PDOptionalContentProperties layers = new PDOptionalContentProperties();
                    PDOptionalContentGroup group = new PDOptionalContentGroup("Số");
                    layers.addGroup(group);
                    layers.setGroupEnabled(group, false);
                    issued.document.getDocumentCatalog().setOCProperties(layers);
                    if (way.startsWith("layer")) {
                        stamp.setOptionalContent(group);
                    } else {
                        PDOptionalContentMembershipDictionary membership = new PDOptionalContentMembershipDictionary();
                        membership.setOCGs(List.<PDPropertyList>of(group));
                        stamp.setOptionalContent(membership);
                    }
                }
                issued.save(file);
            }

            Extraction extraction = FieldReader.read(DocumentText.of(file, DocumentText.PDF));

            assertThat(extraction.number()).as(way).isNull();
            assertThat(extraction.issuedOn()).as(way).isEqualTo(LocalDate.of(2020, 4, 8));
        }
    }

    @Test
    void aScanSignedWithAStampOfTextIsStillAScan() throws IOException {
        // The page is a picture (here: a grey rectangle); the signature's appearance names the signer and the time.
        Path file = directory.resolve("signed-scan.pdf");
        try (Issued issued = new Issued()) {
            issued.picture();
            issued.stamp(
                    new float[] {300, 80},
                    "Ky boi: Uy ban nhan dan huyen Hiep Hoa, Co quan: Uy ban nhan dan, Thoi gian ky: 01.04.2020",
                    false);
            issued.save(file);
        }

        DocumentText.PdfText text = DocumentText.pdf(file);

        assertThat(text.text()).contains("Uy ban nhan dan huyen Hiep Hoa");
        assertThat(text.scanned(40)).isTrue();
    }

    @Test
    void readsTheNumberAndTheDayStampedIntoTheBlanksAsPictures() throws IOException {
        // The Party's e-office system of Hà Nội stamps the number and the day as images of digits (real files r12,
        // r13): no text layer holds them and the page is no scan.
        Path file = directory.resolve("picture-stamps.pdf");
        try (Issued issued = new Issued()) {
            issued.header("        ", "      ");
            issued.pictureStamp(issued.blankOfNumber, "348");
            issued.pictureStamp(issued.blankOfDay, "8");
            issued.save(file);
        }
        assertThat(FieldReader.read(DocumentText.of(file, DocumentText.PDF)).number())
                .as("the text layer alone")
                .isNull();

        Extraction extraction = withOcr().read(file, "picture-stamps.pdf", DocumentText.PDF);

        assertThat(extraction.number()).isEqualTo(348);
        assertThat(extraction.notation()).isEqualTo("SGDĐT-GDTH");
        assertThat(extraction.issuedOn()).isEqualTo(LocalDate.of(2020, 4, 8));
        assertThat(extraction.confidence()).containsEntry("number", PictureStamps.CONFIDENCE);
        assertThat(extraction.layoutFindings())
                .extracting(Finding::code)
                .doesNotContain(Finding.Code.MISSING_NUMBER, Finding.Code.MISSING_DATE);
    }

    @Test
    void aPictureOutsideTheHeadersBlanksFillsNothing() throws IOException {
        // Digits pictured in the foot (a signature's image, a page number) are no stamp of the number or the day.
        Path file = directory.resolve("picture-in-the-foot.pdf");
        try (Issued issued = new Issued()) {
            issued.header("        ", "      ");
            issued.pictureStamp(new float[] {90, 120}, "348");
            issued.pictureStamp(new float[] {400, 120}, "8");
            issued.save(file);
        }

        Extraction extraction = withOcr().read(file, "picture-in-the-foot.pdf", DocumentText.PDF);

        assertThat(extraction.number()).isNull();
        assertThat(extraction.issuedOn()).isNull();
    }

    /**
     * A dispatch whose number (348) and day (8, April 2020) an e-office system stamped into its blanks as pictures of
     * digits, as the bytes of its PDF: for the tests that post it as a clerk would.
     */
    static byte[] pictureStampedDispatch() throws IOException {
        try (Issued issued = new Issued();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            issued.header("        ", "      ");
            issued.pictureStamp(issued.blankOfNumber, "348");
            issued.pictureStamp(issued.blankOfDay, "8");
            issued.document.save(out);
            return out.toByteArray();
        }
    }

    /** The extractor as the portal runs it, OCR on (Tesseract with Vietnamese data is installed where tests run). */
    private static Extractor withOcr() {
        java.time.Duration budget = java.time.Duration.ofMinutes(1);
        OcrProperties ocr = new OcrProperties(
                OcrProperties.Mode.ON, "tesseract", "vie", 4, 2, budget, budget, 3, 300, 12_000_000, 40);
        ExtractionProperties bounds = new ExtractionProperties(
                1, java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(2), java.time.Duration.ofSeconds(30));
        return new Extractor(null, new TesseractOcr(ocr), ocr, new ExtractionPool(bounds));
    }

    /** A one-page dispatch header, typed in a serif font, and the widgets an e-office system adds to it. */
    private static final class Issued implements AutoCloseable {

        private final PDDocument document = new PDDocument();

        private final PDPage page = new PDPage(PDRectangle.A4);

        private final PDType0Font serif;

        /** Where the blanks start, left and baseline. */
        float[] blankOfNumber;

        float[] blankOfDay;

        /** What is typed where the month goes. */
        String month = "4";

        /** A gap (thousandths of the font size) set between the first character of the day and the rest of it. */
        float dayGap;

        private final PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

        Issued() throws IOException {
            document.addPage(page);
            serif = TestPdfs.serif(document);
        }

        /** The header, with {@code number} and {@code day} typed where the number and the day go. */
        void header(String number, String day) throws IOException {
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                line(content, 80, 780, "UBND TỈNH BẮC GIANG");
                line(content, 60, 765, "SỞ GIÁO DỤC VÀ ĐÀO TẠO");
                line(content, 320, 780, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                line(content, 350, 765, "Độc lập - Tự do - Hạnh phúc");
                blankOfNumber = new float[] {90 + width("Số: "), 735};
                line(content, 90, 735, "Số: " + number + "/SGDĐT-GDTH");
                blankOfDay = new float[] {330 + width("Bắc Giang, ngày "), 735};
                String head = "Bắc Giang, ngày " + day.substring(0, 1);
                String tail = day.substring(1) + " tháng " + month + " năm 2020";
                content.beginText();
                content.setFont(serif, SIZE);
                content.newLineAtOffset(330, 735);
                content.showTextWithPositioning(new Object[] {head, -dayGap, tail});
                content.endText();
                line(content, 70, 715, "V/v hướng dẫn thực hiện điều chỉnh");
                line(content, 70, 700, "nội dung dạy học trong học kỳ II");
                line(content, 120, 660, "Kính gửi: Phòng Giáo dục và Đào tạo các huyện, thành phố.");
                line(
                        content,
                        80,
                        630,
                        "Căn cứ Quyết định số 736/QĐ-BGDĐT của Bộ Giáo dục và Đào tạo về việc điều chỉnh");
                line(content, 60, 615, "khung kế hoạch thời gian năm học, Sở hướng dẫn như sau.");
            }
        }

        /** A page drawing no text, as a scan's. */
        void picture() throws IOException {
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setNonStrokingColor(0.5f);
                content.addRect(20, 20, 555, 800);
                content.fill();
            }
        }

        /** A widget whose normal appearance draws {@code text} from {@code at} (left, baseline) in Helvetica. */
        PDAnnotationWidget stamp(float[] at, String text, boolean hidden) throws IOException {
            return stamp(at, text, hidden, 12);
        }

        PDAnnotationWidget stamp(float[] at, String text, boolean hidden, float size) throws IOException {
            float width = helvetica.getStringWidth(text) / 1000 * size + 4;
            return TestPdfs.stamp(
                    document, page, at[0], at[1], width, "BT /F1 " + size + " Tf 2 4 Td (" + text + ") Tj ET", hidden);
        }

        /**
         * A widget over the blank at {@code at} whose normal appearance is a picture of {@code digits} (drawn in the
         * serif font and rendered at 150 dpi, gray, as a signing system's image), 10 points wide per digit and 16 high.
         */
        PDAnnotationWidget pictureStamp(float[] at, String digits) throws IOException {
            BufferedImage picture;
            try (PDDocument drawing = new PDDocument()) {
                PDPage sheet = new PDPage(new PDRectangle(4 + 8 * digits.length(), 16));
                drawing.addPage(sheet);
                try (PDPageContentStream content = new PDPageContentStream(drawing, sheet)) {
                    content.beginText();
                    content.setFont(TestPdfs.serif(drawing), SIZE);
                    content.newLineAtOffset(2, 4);
                    content.showText(digits);
                    content.endText();
                }
                picture = new PDFRenderer(drawing).renderImageWithDPI(0, 150, ImageType.GRAY);
            }
            float width = 4 + 8 * digits.length();
            PDAppearanceStream appearance = new PDAppearanceStream(document);
            appearance.setBBox(new PDRectangle(width, 16));
            appearance.setResources(new PDResources());
            try (PDAppearanceContentStream content = new PDAppearanceContentStream(appearance)) {
                content.drawImage(LosslessFactory.createFromImage(document, picture), 0, 0, width, 16);
            }
            PDAnnotationWidget widget = TestPdfs.widget(appearance, new PDRectangle(at[0], at[1] - 4, width, 16));
            page.getAnnotations().add(widget);
            return widget;
        }

        void save(Path file) throws IOException {
            document.save(file.toFile());
        }

        @Override
        public void close() throws IOException {
            document.close();
        }

        /** {@code text} and spaces after it, as wide in the stamp's font as {@code width} at least. */
        String spaced(String text, float width) throws IOException {
            StringBuilder spaced = new StringBuilder(text);
            while (helvetica.getStringWidth(spaced.toString()) / 1000 * 12 < width) {
                spaced.append(' ');
            }
            return spaced.toString();
        }

        float width(String text) throws IOException {
            return serif.getStringWidth(text) / 1000 * SIZE;
        }

        private void line(PDPageContentStream content, float x, float y, String text) throws IOException {
            content.beginText();
            content.setFont(serif, SIZE);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }
    }
}
