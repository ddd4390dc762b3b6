package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.rendering.ImageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.attachment.BoundedTextStripper;
import vn.congvan.attachment.PdfContentBudget;
import vn.congvan.attachment.SeenAnnotations;
import vn.congvan.attachment.TestPdfs;

/**
 * PDFs made to exhaust the text reader (review of ADR 0055): a page whose drawing unpacks to more than PDFBox should
 * hold in memory, a form drawn over and over, a page of more glyphs than any printed page. Each is refused with an
 * I/O error (a damaged file for the API, 422), in bounded memory; a page that stays under the bounds is read.
 */
class HostilePdfTests {

    @TempDir
    Path directory;

    @Test
    void refusesAPageWhoseDrawingUnpacksToMoreThanTheBudget() throws IOException {
        // "q Q" saves and restores the graphics state: nothing is drawn, and a few hundred kilobytes unpack to
        // gigabytes. PDFBox unpacks a content stream whole before reading it.
        Path file = directory.resolve("unpacks.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            COSArray contents = new COSArray();
            contents.add(stream(document, "BT /F1 12 Tf 50 780 Td (CONG VAN) Tj ET\n", "", 0));
            contents.add(stream(document, "", "q Q ", PdfContentBudget.MAX_DECODED / 4 + 1));
            page.getCOSObject().setItem(COSName.CONTENTS, contents);
            page.setResources(TestPdfs.helvetica());
            document.save(file.toFile());
        }
        assertThatThrownBy(() -> DocumentText.pdf(file)).isInstanceOf(IOException.class);
    }

    @Test
    void refusesToDrawAScanWhoseDrawingUnpacksToMoreThanTheBudget() throws IOException {
        // A page without text goes to OCR, whose renderer unpacks the drawing the same way.
        Path file = directory.resolve("scan.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            page.getCOSObject()
                    .setItem(COSName.CONTENTS, stream(document, "", "q Q ", PdfContentBudget.MAX_DECODED / 4 + 1));
            document.save(file.toFile());
        }
        TesseractOcr ocr = new TesseractOcr(new OcrProperties(
                OcrProperties.Mode.ON,
                "tesseract",
                "vie",
                4,
                1,
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                3,
                300,
                12_000_000,
                40));
        assertThatThrownBy(() -> ocr.readPdf(file, "scan.pdf")).isInstanceOf(IOException.class);
    }

    @Test
    void leavesOutAScannedPictureThatUnpacksBeyondAnyScan() throws IOException {
        // PDFBox unpacks a picture's stream whole before subsampling it: 13 000 × 13 000 gray pixels (170 MB) from a
        // file of 170 kB. The picture is left out of the page OCR reads.
        int side = 13_000;
        Path file = directory.resolve("picture.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            COSStream pixels = stream(document, "", " ", (long) side * side);
            pixels.setItem(COSName.TYPE, COSName.XOBJECT);
            pixels.setItem(COSName.SUBTYPE, COSName.IMAGE);
            pixels.setInt(COSName.WIDTH, side);
            pixels.setInt(COSName.HEIGHT, side);
            pixels.setInt(COSName.BITS_PER_COMPONENT, 8);
            pixels.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("Im1"), new PDImageXObject(new PDStream(pixels), resources));
            page.setResources(resources);
            page.getCOSObject().setItem(COSName.CONTENTS, stream(document, "q 595 0 0 842 0 0 cm /Im1 Do Q", "", 0));
            document.save(file.toFile());
        }
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            BufferedImage drawn = new TesseractOcr.BudgetedRenderer(document, System.nanoTime() + 60_000_000_000L, "p")
                    .renderImage(0, 0.1f, ImageType.GRAY);
            // The picture is dark: left out, the page stays white.
            assertThat(drawn.getRaster().getSample(drawn.getWidth() / 2, drawn.getHeight() / 2, 0))
                    .isEqualTo(255);
        }
    }

    @Test
    void stopsDrawingAFormOnceItsUnpackingExceedsTheBudget() throws IOException {
        // One form of 1 MB drawn 80 times, a line lower each time: PDFBox unpacks it at every drawing. PDFBox leaves
        // out a form it cannot draw, so the page is still read, with the drawings the budget paid for. The form is
        // padded with comment lines of 1 kB, which the parser skips: what is counted is the unpacking, not operators.
        int drawings = 80;
        Path file = directory.resolve("forms.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDFormXObject form = new PDFormXObject(stream(
                    document, "BT /F1 12 Tf 50 790 Td (TRONG MAU) Tj ET\n", "%" + "x".repeat(1022) + "\n", 1 << 10));
            form.setBBox(PDRectangle.A4);
            PDResources resources = TestPdfs.helvetica();
            form.setResources(resources);
            resources.put(COSName.getPDFName("Fx"), form);
            page.setResources(resources);
            StringBuilder draw = new StringBuilder("BT /F1 12 Tf 50 810 Td (CONG VAN) Tj ET\n");
            for (int i = 0; i < drawings; i++) {
                draw.append("q 1 0 0 1 0 ").append(-10 * i).append(" cm /Fx Do Q\n");
            }
            page.getCOSObject().setItem(COSName.CONTENTS, stream(document, draw.toString(), "", 0));
            document.save(file.toFile());
        }
        String text = DocumentText.pdf(file).text();
        long drawn = text.lines().filter("TRONG MAU"::equals).count();
        assertThat(text).startsWith("CONG VAN\n");
        assertThat(drawn).isPositive().isLessThanOrEqualTo(PdfContentBudget.MAX_DECODED >> 20);
    }

    @Test
    void refusesAPageOfMoreGlyphsThanAnyPrintedPage() throws IOException {
        Path file = directory.resolve("glyphs.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 1);
                content.newLineAtOffset(10, 10);
                content.showText("a".repeat(BoundedTextStripper.MAX_GLYPHS_PER_PAGE + 1));
                content.endText();
            }
            document.save(file.toFile());
        }
        assertThatThrownBy(() -> DocumentText.pdf(file)).isInstanceOf(IOException.class);
    }

    @Test
    void readsAPageJustUnderTheBounds() throws IOException {
        Path file = directory.resolve("dense.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A3);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 4);
                content.newLineAtOffset(10, 1180);
                content.showText("CONG VAN");
                for (int line = 0; line < 250; line++) {
                    content.newLineAtOffset(0, -4.5f);
                    content.showText("ab ".repeat(MAXIMUM_PER_LINE));
                }
                content.endText();
            }
            document.save(file.toFile());
        }
        assertThat(DocumentText.pdf(file).text()).startsWith("CONG VAN\n");
    }

    @Test
    void drawsOnlyAFewDozenOfThousandsOfAnnotationsOnAPage() throws IOException {
        // Annotations' appearances are read (an e-office system stamps the number and the day with them); a page of
        // 5,000 is read as far as a page of stamps goes.
        Path file = directory.resolve("annotations.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = TestPdfs.pageWithText(document);
            PDAppearanceStream appearance = appearance(document, "BT /F1 10 Tf 1 3 Td (DAU) Tj ET\n", "", 0);
            COSArray annotations = new COSArray();
            for (int i = 0; i < 5_000; i++) {
                annotations.add(widget(appearance, 50 + (i / 70 % 5) * 100, 780 - (i % 70) * 11));
            }
            page.getCOSObject().setItem(COSName.ANNOTS, annotations);
            document.save(file.toFile());
        }
        String text = DocumentText.pdf(file).text();
        long stamps =
                text.lines().mapToLong(line -> line.split("DAU", -1).length - 1).sum();
        assertThat(text).startsWith("CONG VAN\n");
        assertThat(stamps).isPositive().isLessThanOrEqualTo(SeenAnnotations.MAX_DRAWN);
    }

    @Test
    void refusesAnnotationsWhoseAppearancesUnpackToMoreThanTheBudget() throws IOException {
        // One appearance that unpacks to 1 MB (of spaces), drawn by every annotation of every page: paid for as a form.
        Path file = directory.resolve("heavy-annotations.pdf");
        try (PDDocument document = new PDDocument()) {
            PDAppearanceStream appearance = appearance(document, "BT /F1 10 Tf 1 3 Td (DAU) Tj ET\n", " ", 1 << 20);
            for (int number = 0; number < DocumentText.MAX_PDF_PAGES; number++) {
                PDPage page = TestPdfs.pageWithText(document);
                COSArray annotations = new COSArray();
                for (int i = 0; i < 100; i++) {
                    annotations.add(widget(appearance, 50, 780 - i * 7));
                }
                page.getCOSObject().setItem(COSName.ANNOTS, annotations);
            }
            document.save(file.toFile());
        }
        assertThatThrownBy(() -> DocumentText.pdf(file)).isInstanceOf(IOException.class);
    }

    private static PDAppearanceStream appearance(PDDocument document, String head, String text, long times)
            throws IOException {
        PDAppearanceStream appearance = new PDAppearanceStream(stream(document, head, text, times));
        appearance.setBBox(new PDRectangle(60, 12));
        appearance.setResources(TestPdfs.helvetica());
        return appearance;
    }

    private static PDAnnotationWidget widget(PDAppearanceStream appearance, float x, float y) {
        return TestPdfs.widget(appearance, new PDRectangle(x, y, 60, 12));
    }

    /** 250 lines of this many three-letter groups stay under the glyph bound. */
    private static final int MAXIMUM_PER_LINE = (BoundedTextStripper.MAX_GLYPHS_PER_PAGE - 100) / 250 / 3;

    /** A Flate content stream of {@code head}, then {@code text} written {@code times} times, never held whole. */
    private static COSStream stream(PDDocument document, String head, String text, long times) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[bytes.length * 4096];
        for (int i = 0; i < 4096; i++) {
            System.arraycopy(bytes, 0, block, i * bytes.length, bytes.length);
        }
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            long left = times;
            while (left >= 4096) {
                out.write(block);
                left -= 4096;
            }
            for (long i = 0; i < left; i++) {
                out.write(bytes);
            }
        }
        return stream;
    }
}
