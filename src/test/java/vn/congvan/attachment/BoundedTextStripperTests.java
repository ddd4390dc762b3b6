package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/**
 * A published PDF made to exhaust the signer's block search (ADR 0053) or the search index's text: PDFBox unpacks a
 * page's drawing whole and keeps every glyph of a page, so both are bounded, and the search gives up with an I/O
 * error (the sealer then signs at the top right, the index records a failure) instead of running out of heap.
 */
class BoundedTextStripperTests {

    private static final String SIGNER = "BT /F1 12 Tf 330 200 Td (TM. BAN THUONG VU) Tj ET\n";

    @Test
    void givesUpOnAPageWhoseDrawingUnpacksToMoreThanTheBudget() throws IOException {
        try (PDDocument document = page(SIGNER, "q Q ", PdfContentBudget.MAX_DECODED / 4 + 1)) {
            assertThatThrownBy(() -> SignerBlocks.find(document, hints())).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> new BoundedTextStripper().getText(document))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void givesUpOnAPageOfMoreGlyphsThanAnyPrintedPage() throws IOException {
        String glyphs =
                "BT /F1 1 Tf 10 10 Td (" + "a".repeat(BoundedTextStripper.MAX_GLYPHS_PER_PAGE + 1) + ") Tj ET\n";
        try (PDDocument document = page(SIGNER, glyphs, 1)) {
            assertThatThrownBy(() -> SignerBlocks.find(document, hints())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void findsTheSignerOnAPageWithinTheBounds() throws IOException {
        try (PDDocument document = page(SIGNER, "q Q ", 1000)) {
            assertThat(SignerBlocks.find(document, hints())).isPresent();
        }
    }

    private static SignerBlocks.SignerHints hints() {
        return new SignerBlocks.SignerHints(List.of(), null);
    }

    /** One A4 page drawing {@code head}, then {@code text} {@code times} times, never held whole. */
    private static PDDocument page(String head, String text, long times) throws IOException {
        PDDocument document = new PDDocument();
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        PDResources resources = new PDResources();
        resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        page.setResources(resources);
        COSStream stream = document.getDocument().createCOSStream();
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        byte[] block = text.repeat(4096).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            long left = times;
            for (; left >= 4096; left -= 4096) {
                out.write(block);
            }
            for (; left > 0; left--) {
                out.write(bytes);
            }
        }
        COSArray contents = new COSArray();
        contents.add(stream);
        page.getCOSObject().setItem(COSName.CONTENTS, contents);
        return document;
    }
}
