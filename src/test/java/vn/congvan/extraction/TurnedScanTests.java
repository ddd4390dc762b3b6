package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page whose first reading does not show it upright is turned as Tesseract's orientation detection says and read
 * again (ADR 0054, amendment of 2026-12-01); the better of the two readings is kept, by the measure that found the
 * first wanting (amendment of session 13). A stand-in for Tesseract answers with made-up readings: no real run.
 */
class TurnedScanTests {

    @TempDir
    Path directory;

    @Test
    void keepsTheFirstReadingWhenTheTurnedPageReadsWorse() throws IOException {
        // Read as it stands with a mean confidence of 60 (under the 70 of a page shown upright); turned, 35.
        TesseractOcr ocr = fake(reading("trước", 60), reading("nghiêng", 35));

        String text = ocr.readImage(page(), "scan.png");

        assertThat(text).contains("trước").doesNotContain("nghiêng");
    }

    @Test
    void keepsTheTurnedReadingWhenItReadsBetter() throws IOException {
        TesseractOcr ocr = fake(reading("nghiêng", 35), reading("thẳng", 93));

        String text = ocr.readImage(page(), "scan.png");

        assertThat(text).contains("thẳng").doesNotContain("nghiêng");
    }

    @Test
    void keepsTheSureTurnedReadingOfASparsePageOverManyFragmentsReadSideways() throws IOException {
        // Sideways, 14 fragments read at 35; turned, a short notice of 8 words read at 93 (fewer than the 12 words
        // that show a page upright by their number alone).
        TesseractOcr ocr = fake(reading("nghiêng", 35, 2, 7), reading("thẳng", 93, 2, 4));

        String text = ocr.readImage(page(), "scan.png");

        assertThat(text).contains("thẳng").doesNotContain("nghiêng");
    }

    /** Tesseract's TSV of two lines of seven words, each {@code word} read with {@code confidence}. */
    private static String reading(String word, double confidence) {
        return reading(word, confidence, 2, 7);
    }

    /** Tesseract's TSV of {@code lines} lines of {@code words} words, each {@code word} read with {@code confidence}. */
    private static String reading(String word, double confidence, int lines, int words) {
        StringBuilder tsv = new StringBuilder(
                "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n");
        for (int line = 1; line <= lines; line++) {
            for (int index = 1; index <= words; index++) {
                tsv.append(String.format(
                        Locale.ROOT,
                        "5\t1\t1\t1\t%d\t%d\t%d\t%d\t90\t30\t%.1f\t%s\n",
                        line,
                        index,
                        100 * index,
                        60 * line,
                        confidence,
                        word));
            }
        }
        return tsv.toString();
    }

    /**
     * A stand-in for Tesseract with Vietnamese and orientation data: asked for the orientation, it says to turn the
     * page by 90° and is sure of it; asked to read, it answers {@code first}, then {@code turned}.
     */
    private TesseractOcr fake(String first, String turned) throws IOException {
        Path firstReading = Files.writeString(directory.resolve("first.tsv"), first, StandardCharsets.UTF_8);
        Path turnedReading = Files.writeString(directory.resolve("turned.tsv"), turned, StandardCharsets.UTF_8);
        Path count = directory.resolve("count");
        Path script = directory.resolve("fake-tesseract");
        Files.writeString(script, """
                #!/bin/sh
                if [ "$1" = --list-langs ]; then echo 'List of available languages in "/x" (2):'; echo osd; echo vie; exit 0; fi
                case "$*" in
                  *"--psm 0"*) printf 'Page number: 0\\nOrientation in degrees: 270\\nRotate: 90\\nOrientation confidence: 12.00\\n'; exit 0;;
                esac
                if [ -f '%s' ]; then cat '%s'; else touch '%s'; cat '%s'; fi
                """.formatted(count, turnedReading, count, firstReading), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Duration budget = Duration.ofSeconds(60);
        return new TesseractOcr(new OcrProperties(
                OcrProperties.Mode.ON, script.toString(), "vie", 4, 1, budget, budget, 3, 300, 12_000_000, 40));
    }

    /** A small picture of a few dark bars, as a page of text seen from afar. */
    private Path page() throws IOException {
        BufferedImage picture = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = picture.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 400, 300);
        graphics.setColor(Color.BLACK);
        for (int y = 40; y < 260; y += 30) {
            graphics.fillRect(40, y, 320, 10);
        }
        graphics.dispose();
        Path file = directory.resolve("scan.png");
        ImageIO.write(picture, "png", file.toFile());
        return file;
    }
}
