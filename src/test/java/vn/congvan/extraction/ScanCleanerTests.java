package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanCleanerTests {

    @Test
    void theSkewOfACrookedScanIsFoundWithinATenthOfADegree() {
        for (double degrees : new double[] {-3, -1.2, 0, 0.5, 2.5, 4}) {
            assertThat(ScanCleaner.skew(Scans.sampleScan(degrees)))
                    .as("skew of a page turned %s°", degrees)
                    .isCloseTo(degrees, within(0.1));
        }
    }

    @Test
    void aStraightenedPageHasNoSkewLeft() {
        BufferedImage crooked = Scans.sampleScan(2.5);

        BufferedImage straightened = ScanCleaner.rotated(crooked, -ScanCleaner.skew(crooked));

        assertThat(ScanCleaner.skew(straightened)).isCloseTo(0, within(0.1));
        assertThat(straightened.getWidth()).isEqualTo(crooked.getWidth());
    }

    @Test
    void aBlankOrAPictureOnlyPageIsNotTurned() {
        BufferedImage blank = new BufferedImage(800, 1100, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage black = new BufferedImage(800, 1100, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D graphics = blank.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, 800, 1100);
        graphics.dispose();

        assertThat(ScanCleaner.skew(blank)).isZero();
        assertThat(ScanCleaner.skew(black)).isZero();
    }

    @Test
    void redSealInkTurnsLightWhileBlackAndBlueInkStayDark() {
        BufferedImage colour = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
        colour.setRGB(0, 0, 0xD72D37); // seal red on paper
        colour.setRGB(1, 0, 0x190506); // black letter under the seal
        colour.setRGB(2, 0, 0x1E2896); // blue signature
        colour.setRGB(3, 0, 0xF4F0E6); // yellowed paper

        BufferedImage gray = ScanCleaner.gray(colour);

        assertThat(gray.getRaster().getSample(0, 0, 0)).isGreaterThanOrEqualTo(200);
        assertThat(gray.getRaster().getSample(1, 0, 0)).isLessThan(30);
        assertThat(gray.getRaster().getSample(2, 0, 0)).isLessThan(80);
        assertThat(gray.getRaster().getSample(3, 0, 0)).isGreaterThan(230);
    }

    @Test
    void aColourPageDrawnByPdfBoxIsGrayedAsAnyOpaqueColourPicture() {
        // PDFBox draws a colour page as TYPE_INT_RGB, whose pixels are read as stored; an opaque ARGB picture of the
        // same pixels goes through its colour model, pixel by pixel: both must give the same grays.
        java.util.Random random = new java.util.Random(13);
        BufferedImage drawn = new BufferedImage(97, 31, BufferedImage.TYPE_INT_RGB);
        BufferedImage argb = new BufferedImage(97, 31, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < drawn.getHeight(); y++) {
            for (int x = 0; x < drawn.getWidth(); x++) {
                int rgb = random.nextInt(3) == 0 ? 0xC00000 + random.nextInt(0x4000) : random.nextInt(0x1000000);
                drawn.setRGB(x, y, rgb);
                argb.setRGB(x, y, 0xFF000000 | rgb);
            }
        }

        byte[] fast = ((java.awt.image.DataBufferByte)
                        ScanCleaner.gray(drawn).getRaster().getDataBuffer())
                .getData();
        byte[] general = ((java.awt.image.DataBufferByte)
                        ScanCleaner.gray(argb).getRaster().getDataBuffer())
                .getData();

        assertThat(fast).isEqualTo(general);
    }

    @Test
    void theSkewProfileRoundedByColumnIsThePixelByPixelOne() {
        java.util.Random random = new java.util.Random(54);
        int width = 640;
        int height = 900;
        int count = 20_000;
        int[] xs = new int[count];
        int[] ys = new int[count];
        for (int i = 0; i < count; i++) {
            xs[i] = random.nextInt(width);
            ys[i] = random.nextInt(height);
        }
        // The search's angles, and one whose x·tan is a half on every odd column (tan = 0.5): the ties.
        List<Double> angles = new java.util.ArrayList<>(List.of(Math.toDegrees(Math.atan(0.5))));
        for (int step = -100; step <= 100; step++) {
            angles.add(step * 0.05);
        }

        for (double degrees : angles) {
            double tan = Math.tan(Math.toRadians(degrees));
            int shift = (int) Math.ceil(Math.abs(tan) * width);
            long[] bins = new long[height + 2 * shift + 1];
            for (int i = 0; i < count; i++) {
                bins[(int) Math.round(ys[i] - xs[i] * tan) + shift]++;
            }
            double expected = 0;
            for (long bin : bins) {
                expected += (double) bin * bin;
            }
            assertThat(ScanCleaner.profile(xs, ys, count, width, height, degrees))
                    .as("profile at %s°", degrees)
                    .isEqualTo(expected);
        }
    }

    @Test
    void aFadedPageIsStretchedToBlackInkOnWhitePaper() {
        BufferedImage faded = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                faded.getRaster().setSample(x, y, 0, y < 10 ? 120 : 200);
            }
        }

        ScanCleaner.normalise(faded);

        assertThat(faded.getRaster().getSample(5, 5, 0)).isZero();
        assertThat(faded.getRaster().getSample(5, 50, 0)).isEqualTo(255);
    }

    @Test
    void aFadedGrainyPageBecomesBlackInkOnWhitePaperWithoutSpecks() {
        // As a faded copy of a copy is drawn: ink a little darker than the paper, grain a third of the difference.
        BufferedImage faded = new BufferedImage(400, 400, BufferedImage.TYPE_BYTE_GRAY);
        java.util.Random grain = new java.util.Random(7);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                boolean ink = y % 40 < 6 && x > 40 && x < 360;
                double value = (ink ? 182 : 229) + grain.nextGaussian() * 9;
                faded.getRaster().setSample(x, y, 0, (int) Math.max(0, Math.min(255, Math.round(value))));
            }
        }

        ScanCleaner.normalise(faded);

        int inkBlack = 0;
        int paperWhite = 0;
        int inkPixels = 0;
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                int value = faded.getRaster().getSample(x, y, 0);
                assertThat(value).as("pixel %d, %d", x, y).isIn(0, 255);
                boolean ink = y % 40 < 6 && x > 40 && x < 360;
                inkPixels += ink ? 1 : 0;
                inkBlack += ink && value == 0 ? 1 : 0;
                paperWhite += !ink && value == 255 ? 1 : 0;
            }
        }
        assertThat(inkBlack).isGreaterThan(inkPixels * 9 / 10);
        assertThat(paperWhite).isGreaterThan((400 * 400 - inkPixels) * 995 / 1000);
    }

    @Test
    void aCleanPageKeepsTheGraysOfItsLettersEdges() {
        BufferedImage clean = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                clean.getRaster().setSample(x, y, 0, y < 5 ? 0 : y == 5 ? 128 : 255);
            }
        }

        ScanCleaner.normalise(clean);

        assertThat(clean.getRaster().getSample(50, 5, 0)).isEqualTo(128);
    }

    @Test
    void quarterTurnsAreClockwiseAndExact() {
        BufferedImage page = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        page.getRaster().setSample(0, 0, 0, 7); // top left

        BufferedImage quarter = ScanCleaner.turned(page, 90);

        assertThat(quarter.getWidth()).isEqualTo(2);
        assertThat(quarter.getHeight()).isEqualTo(3);
        assertThat(quarter.getRaster().getSample(1, 0, 0)).isEqualTo(7); // now top right
        assertThat(ScanCleaner.turned(ScanCleaner.turned(quarter, 180), 90)
                        .getRaster()
                        .getSample(0, 0, 0))
                .isEqualTo(7);
        assertThat(ScanCleaner.turned(page, 0)).isSameAs(page);
    }

    @Test
    void onlyAConfidentOrientationTurnsAPage() {
        assertThat(TesseractOcr.rotation("Page number: 0\nOrientation in degrees: 270\nRotate: 90\n"
                        + "Orientation confidence: 12.5\nScript: Latin\n"))
                .isEqualTo(90);
        assertThat(TesseractOcr.rotation("Rotate: 180\nOrientation confidence: 0.4\n"))
                .isZero();
        assertThat(TesseractOcr.rotation("Too few characters. Skipping this page"))
                .isZero();
    }
}
