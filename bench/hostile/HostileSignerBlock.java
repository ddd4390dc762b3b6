package vn.congvan.attachment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A main document whose signer's block is followed by n lines set closer than a line's height (review of ADR 0053):
 * finds the block as the signing of a publication does and prints how long that took. Run by
 * bench/hostile-extraction.sh with CASES="signer N".
 */
public final class HostileSignerBlock {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        Path file = Files.createTempFile("signer", ".pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(600, 8f * n + 200));
            document.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 10);
                content.newLineAtOffset(330, 8f * n + 150);
                content.showText("TM. BAN THUONG VU");
                for (int i = 0; i < n; i++) {
                    content.newLineAtOffset(0, -8);
                    content.showText("X");
                }
                content.endText();
            }
            document.save(file.toFile());
        }
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            long start = System.nanoTime();
            var spot = SignerBlocks.find(document, new SignerBlocks.SignerHints(List.of(), null));
            System.out.printf(
                    "signer %d: file %d bytes, SignerBlocks.find %.2f s (%s)%n",
                    n, Files.size(file), (System.nanoTime() - start) / 1e9, spot.isPresent());
        }
    }
}
