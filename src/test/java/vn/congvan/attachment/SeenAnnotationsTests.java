package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.junit.jupiter.api.Test;

/**
 * The annotations a reader sees are the same for every reader of the portal (ADR 0044 and 0067, amendments of
 * 2026-12-01, session 13): the text of the search index, of the fields, and the pictures of thumbnails and OCR.
 */
class SeenAnnotationsTests {

    @Test
    void theSearchIndexTextReadsTheNumberStampedIntoTheBlankWhereThePageShowsIt() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font serif = TestPdfs.serif(document);
            float blank = 90 + serif.getStringWidth("Số: ") / 1000 * 13;
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(serif, 13);
                content.newLineAtOffset(90, 735);
                content.showText("Số:         /SGDĐT-GDTH");
                content.newLineAtOffset(0, -20);
                content.showText("V/v hướng dẫn thực hiện điều chỉnh");
                content.endText();
            }
            page.getCOSObject().setItem(COSName.ANNOTS, new COSArray());
            stamp(document, page, blank, 735, "BT /F1 12 Tf 2 4 Td (348) Tj ET", false);
            stamp(document, page, 300, 500, "BT /F1 12 Tf 2 4 Td (999) Tj ET", true);

            StringWriter text = new StringWriter();
            Attachments.writeSearchText(document, text);

            // In its place, not after the page's last line: a search for "348/SGDĐT" finds it.
            assertThat(text.toString())
                    .containsPattern("Số: *348 */SGDĐT-GDTH\\R")
                    .doesNotContain("999");
        }
    }

    @Test
    void looksAtTheFirstEntriesOfAPagesAnnotationsOnlyForTextAndPicture() throws IOException {
        // 300 widgets no reader sees (hidden) and then one that stamps "DAU" over a black box: past the entries looked
        // at, it is neither read nor drawn. The same page with one hidden widget fewer than the entries looked at is
        // read and drawn with it.
        for (int hidden : new int[] {300, SeenAnnotations.MAX_LOOKED_AT - 1}) {
            boolean seen = hidden < SeenAnnotations.MAX_LOOKED_AT;
            try (PDDocument document = new PDDocument()) {
                PDPage page = TestPdfs.pageWithText(document);
                for (int i = 0; i < hidden; i++) {
                    stamp(document, page, 50, 700, "BT /F1 12 Tf 2 4 Td (NO) Tj ET", true);
                }
                stamp(document, page, 100, 400, "0 g 0 0 60 16 re f 1 g BT /F1 12 Tf 2 4 Td (DAU) Tj ET", false);

                assertThat(SeenAnnotations.on(document, page))
                        .as("%d hidden", hidden)
                        .hasSize(seen ? 1 : 0);
                String text = BoundedTextStripper.asSeen().getText(document);
                assertThat(text.contains("DAU"))
                        .as("%d hidden: %s", hidden, text)
                        .isEqualTo(seen);
                assertThat(text).doesNotContain("NO");
                // The box spans (100, 396) to (160, 412) on an A4 page drawn at 72 dpi, the word its left half.
                BufferedImage picture = new Drawing(document).renderImage(0, 1, ImageType.GRAY);
                int gray = picture.getRaster().getSample(150, 842 - 404, 0);
                assertThat(gray).as("%d hidden", hidden).isEqualTo(seen ? 0 : 255);
            }
        }
    }

    @Test
    void aStampListedAThousandTimesIsReadAndDrawnOnce() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = TestPdfs.pageWithText(document);
            stamp(document, page, 100, 400, "0 g 0 0 60 16 re f 1 g BT /F1 12 Tf 2 4 Td (DAU) Tj ET", false);
            COSArray annotations = page.getCOSObject().getCOSArray(COSName.ANNOTS);
            for (int i = 0; i < 999; i++) {
                annotations.add(annotations.getObject(0));
            }

            assertThat(SeenAnnotations.on(document, page)).hasSize(1);
            assertThat(BoundedTextStripper.asSeen().getText(document)).containsOnlyOnce("DAU");
            // The drawer's check runs before each operator and each annotation: one appearance of nine operators
            // drawn once, not a thousand times.
            int[] checks = new int[1];
            new Drawing(document, () -> checks[0]++).renderImage(0, 1, ImageType.GRAY);
            assertThat(checks[0]).isBetween(1, 50);
        }
    }

    @Test
    void anAnnotationWhoseAppearanceIsOfTheWrongKindIsLeftOutAndThePageReadAllTheSame() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = TestPdfs.pageWithText(document);
            stamp(document, page, 100, 400, "BT /F1 12 Tf 2 4 Td (DAU) Tj ET", false);
            // "/AP << /N 5 >>": a number where the appearance stream should be.
            COSDictionary broken = new COSDictionary();
            broken.setInt(COSName.N, 5);
            ((COSDictionary) page.getCOSObject().getCOSArray(COSName.ANNOTS).getObject(0)).setItem(COSName.AP, broken);

            assertThat(SeenAnnotations.on(document, page)).isEmpty();
            assertThat(BoundedTextStripper.asSeen().getText(document))
                    .contains("CONG VAN")
                    .doesNotContain("DAU");
            new Drawing(document).renderImage(0, 1, ImageType.GRAY);
        }
    }

    /** A renderer of the portal's kind: the bounded drawer, without a deadline. */
    private static final class Drawing extends PDFRenderer {

        private final PdfContentBudget budget = new PdfContentBudget();

        private final Runnable check;

        Drawing(PDDocument document) {
            this(document, () -> {});
        }

        Drawing(PDDocument document, Runnable check) {
            super(document);
            this.check = check;
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new BoundedPageDrawer(parameters, document, budget, check);
        }
    }

    /** A signature widget at (x, y), 60 by 16 points, whose appearance draws {@code drawing} in Helvetica. */
    private static void stamp(PDDocument document, PDPage page, float x, float y, String drawing, boolean hidden)
            throws IOException {
        TestPdfs.stamp(document, page, x, y, 60, drawing, hidden);
    }
}
