package vn.congvan.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes the stampede's briefing (bench/stampede.sh): a PDF of 420 A4 pages, about 5 MB, whose first page is a
 * scan (a 300 dpi JPEG of the whole page) as real briefings often are, and whose other pages are dense text.
 * Not a test: {@code java -cp ... vn.congvan.bench.StampedePdf out.pdf [pages] [megabytes]}.
 */
public final class StampedePdf {

    private StampedePdf() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 420;
        long target = (args.length > 2 ? Long.parseLong(args[2]) : 5) * 1024 * 1024;
        Random random = new Random(420);
        try (PDDocument document = new PDDocument()) {
            PDPage first = new PDPage(PDRectangle.A4);
            document.addPage(first);
            PDImageXObject scan = JPEGFactory.createFromImage(document, scan(random), 0.6f);
            try (PDPageContentStream content = new PDPageContentStream(document, first)) {
                content.drawImage(scan, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            // What the scan leaves of the size is spread over the text pages, as random (hardly compressible) words.
            long perPage = Math.max(2000, (target - scan.getCOSObject().getLength()) / Math.max(1, pages - 1));
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 4);
                    content.newLineAtOffset(20, 820);
                    long written = 0;
                    // Random letters compress to about 5/8 of their length.
                    while (written * 5 / 8 < perPage) {
                        String line = words(random, 180);
                        content.showText(line);
                        content.newLineAtOffset(0, -4.5f);
                        written += line.length();
                    }
                    content.endText();
                }
            }
            document.save(out.toFile());
        }
        System.out.printf("%s: %d pages, %d bytes%n", out, pages, Files.size(out));
    }

    private static BufferedImage scan(Random random) {
        BufferedImage image = new BufferedImage(2480, 3508, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0xF4F1EA));
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(new Color(0x202020));
        for (int y = 300; y < 3300; y += 60) {
            for (int x = 200; x < 2280; x += 30 + random.nextInt(40)) {
                graphics.fillRect(x, y, 10 + random.nextInt(30), 30);
            }
        }
        graphics.dispose();
        return image;
    }

    private static String words(Random random, int length) {
        StringBuilder line = new StringBuilder(length);
        while (line.length() < length) {
            line.append(random.nextInt(6) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return line.toString();
    }
}
