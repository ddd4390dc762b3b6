package vn.congvan.extraction;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Cleans and straightens a scanned page before Tesseract reads it (ADR 0054): a red seal dropped as a scanner's red
 * drop-out does, the gray of paper and ink stretched to white and black (grainy paper smoothed first), the page
 * turned upright by quarter turns, a crooked page straightened. Every step works on the page as already bounded in
 * size (ADR 0046), in a few passes over its pixels, and on at most one extra copy of it at a time.
 */
final class ScanCleaner {

    /**
     * Under this a page is left as it is: Tesseract follows lines this little off, and turning blurs letters (at 0.3°
     * the test's 0.5° flatbed scans and 150 dpi JPEGs lost more fields to the blur than they gained).
     */
    static final double MIN_SKEW = 1.0;

    /** The steepest skew looked for: a page fed more crooked than this is not straightened. */
    static final double MAX_SKEW = 5;

    /** The side the skew is estimated at: enough for lines of 8-point letters, a thousand times less work. */
    private static final int SKEW_SAMPLE_SIDE = 1200;

    /**
     * How much redder than green and blue a pixel must be to be taken for seal ink: a red seal scanned in colour
     * leaves red well over both; black, gray and blue ink, and the yellowed paper of a copy, do not.
     */
    private static final int SEAL_RED_MARGIN = 60;

    private ScanCleaner() {}

    /**
     * The page in gray with red seal ink dropped: a pixel of seal ink keeps its red channel only, light on a
     * scanner's gray (so that Tesseract takes it for paper), while black letters stamped over stay black.
     */
    static BufferedImage gray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY && plain(image)) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        if (image.getColorModel().getNumColorComponents() < 3 || image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            // Gray with alpha, or indexed: drawn on white, no seal to drop.
            Graphics2D graphics = gray.createGraphics();
            graphics.drawImage(image, 0, 0, Color.WHITE, null);
            graphics.dispose();
            return gray;
        }
        byte[] out = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int[] packed = packedRgb(image);
        if (packed != null) {
            // The colour page PDFBox draws: its pixels read as they are stored, not one by one through its colour
            // model, which took a quarter of the portal's CPU on a colour scan (the same values, opaque).
            for (int at = 0; at < packed.length; at++) {
                int rgb = packed[at];
                out[at] = (byte) withoutSeal((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
            }
            return gray;
        }
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                int alpha = argb >>> 24;
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                int value = withoutSeal(r, g, b);
                // Transparent parts of a picture are paper.
                value = (value * alpha + 255 * (255 - alpha)) / 255;
                out[y * width + x] = (byte) value;
            }
        }
        return gray;
    }

    /** A pixel's gray: its red alone when it is seal ink (light), else its luminance. */
    private static int withoutSeal(int r, int g, int b) {
        return r - Math.max(g, b) > SEAL_RED_MARGIN ? r : (299 * r + 587 * g + 114 * b) / 1000;
    }

    /**
     * The pixels of an opaque RGB picture stored one int each, row after row with no padding (as PDFBox draws a colour
     * page), or null for any other picture.
     */
    private static int[] packedRgb(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        if (image.getType() == BufferedImage.TYPE_INT_RGB
                && raster.getParent() == null
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == image.getWidth()
                && raster.getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getNumBanks() == 1
                && buffer.getOffset() == 0
                && buffer.getData().length == image.getWidth() * image.getHeight()) {
            return buffer.getData();
        }
        return null;
    }

    /** The gray page turned clockwise by {@code degrees}, a multiple of 90. */
    static BufferedImage turned(BufferedImage gray, int degrees) {
        int turns = Math.floorMod(degrees / 90, 4);
        if (turns == 0) {
            return gray;
        }
        int width = gray.getWidth();
        int height = gray.getHeight();
        boolean swap = turns % 2 != 0;
        BufferedImage turned =
                new BufferedImage(swap ? height : width, swap ? width : height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] from = pixels(gray);
        byte[] to = pixels(turned);
        int turnedWidth = turned.getWidth();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = switch (turns) {
                    case 1 -> x * turnedWidth + (height - 1 - y);
                    case 2 -> (height - 1 - y) * turnedWidth + (width - 1 - x);
                    default -> (width - 1 - x) * turnedWidth + y;
                };
                to[at] = from[y * width + x];
            }
        }
        return turned;
    }

    /**
     * How many degrees the lines of the page run clockwise off the horizontal, by the projection profile: on a
     * sample of the page, the dark pixels are summed along lines of each angle tried, and the angle whose sums are
     * most uneven (lines of letters, then gaps) is the lines' angle. 0 when the page has too little ink to tell.
     */
    static double skew(BufferedImage gray) {
        int step = Math.max(1, Math.max(gray.getWidth(), gray.getHeight()) / SKEW_SAMPLE_SIDE);
        int width = gray.getWidth() / step;
        int height = gray.getHeight() / step;
        int threshold = darkThreshold(gray);
        byte[] pixels = pixels(gray);
        int[] xs = new int[width * height / 4 + 1];
        int[] ys = new int[xs.length];
        int count = 0;
        for (int y = 0; y < height && count < xs.length; y++) {
            for (int x = 0; x < width && count < xs.length; x++) {
                if ((pixels[y * step * gray.getWidth() + x * step] & 0xff) < threshold) {
                    xs[count] = x;
                    ys[count] = y;
                    count++;
                }
            }
        }
        if (count < 200 || count >= xs.length) {
            // Too little ink to find lines in, or so much that the page is a picture, not text.
            return 0;
        }
        double best = 0;
        double bestScore = profile(xs, ys, count, width, height, 0);
        int steps = (int) Math.round(MAX_SKEW / 0.25);
        for (int tried = -steps; tried <= steps; tried++) {
            double angle = tried * 0.25;
            double score = profile(xs, ys, count, width, height, angle);
            if (score > bestScore) {
                bestScore = score;
                best = angle;
            }
        }
        double coarse = best;
        for (int fine = -5; fine <= 5; fine++) {
            double angle = coarse + fine * 0.05;
            double score = profile(xs, ys, count, width, height, angle);
            if (score > bestScore) {
                bestScore = score;
                best = angle;
            }
        }
        return best;
    }

    /** How near a half {@link #profile} rounds pixel by pixel rather than by column: far above a double's error. */
    private static final double TIE = 1e-6;

    /** The sum of squares of the dark pixels counted along lines at {@code degrees}: largest when they lie on them. */
    static double profile(int[] xs, int[] ys, int count, int width, int height, double degrees) {
        double tan = Math.tan(Math.toRadians(degrees));
        int shift = (int) Math.ceil(Math.abs(tan) * width);
        long[] bins = new long[height + 2 * shift + 1];
        // A dark pixel at (x, y) falls in bin round(y - x·tan): y is whole, so that is y + round(-x·tan), rounded once
        // per column instead of once per pixel, the same bins (a column whose -x·tan lies within a hair of a half,
        // where the rounding of y - x·tan could go the other way, is rounded pixel by pixel as before).
        int[] offset = new int[width];
        for (int x = 0; x < width; x++) {
            double along = -(x * tan);
            double fraction = along - Math.floor(along);
            offset[x] = Math.abs(fraction - 0.5) > TIE ? (int) Math.round(along) : Integer.MIN_VALUE;
        }
        for (int i = 0; i < count; i++) {
            int column = offset[xs[i]];
            int bin = column != Integer.MIN_VALUE ? ys[i] + column : (int) Math.round(ys[i] - xs[i] * tan);
            bins[bin + shift]++;
        }
        double sum = 0;
        for (long bin : bins) {
            sum += (double) bin * bin;
        }
        return sum;
    }

    /** The page turned by {@code degrees} (clockwise positive) about its centre, on white paper, the same size. */
    static BufferedImage rotated(BufferedImage gray, double degrees) {
        BufferedImage rotated = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = rotated.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, rotated.getWidth(), rotated.getHeight());
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.rotate(Math.toRadians(degrees), gray.getWidth() / 2.0, gray.getHeight() / 2.0);
        graphics.drawImage(gray, 0, 0, null);
        graphics.dispose();
        return rotated;
    }

    /**
     * Stretches the page's grays in place so that its paper is white and its darkest ink black: a faded copy or a
     * dim photograph gets the contrast of a clean scan. Paper is taken as the median gray (the page is mostly paper),
     * ink as the darkest half percent. Grainy paper (a copy of a copy, a photograph in poor light) is first smoothed
     * (twice over 3 × 3 pixels), since stretching would make its grain into specks that Tesseract reads as letters and spends
     * its page budget on, and then made black and white ({@link #binarise}); a smooth page keeps its grays, which
     * Tesseract thresholds as well as we would.
     */
    static void normalise(BufferedImage gray) {
        byte[] pixels = pixels(gray);
        long[] histogram = histogram(pixels);
        int paper = percentile(histogram, pixels.length, 0.5);
        int grain = paper - percentile(histogram, pixels.length, 0.25);
        boolean grainy =
                grain > MAX_PAPER_GRAIN || grain * GRAIN_SHARE > paper - percentile(histogram, pixels.length, 0.005);
        if (grainy) {
            // Twice: a 5 × 5 tent. Once left grain enough for Tesseract to spend its page budget on.
            smooth(pixels, gray.getWidth(), gray.getHeight());
            smooth(pixels, gray.getWidth(), gray.getHeight());
            histogram = histogram(pixels);
            paper = percentile(histogram, pixels.length, 0.5);
        }
        int ink = percentile(histogram, pixels.length, 0.005);
        if (paper - ink < 24 || (ink < 16 && paper > 239)) {
            // Blank, or already black on white.
            return;
        }
        byte[] map = new byte[256];
        for (int value = 0; value < 256; value++) {
            int stretched = (value - ink) * 255 / (paper - ink);
            map[value] = (byte) Math.max(0, Math.min(255, stretched));
        }
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = map[pixels[i] & 0xff];
        }
        if (grainy) {
            binarise(pixels);
        }
    }

    /**
     * Every pixel made black or white at the page's Otsu threshold. Tesseract thresholds a page itself, but on grain
     * smoothed to a soft mottle its threshold cuts the mottle into blots and it finds no lines of letters at all; cut
     * here, after the smoothing, the mottle falls on the white side and the letters on the black.
     */
    private static void binarise(byte[] pixels) {
        int threshold = otsu(histogram(pixels));
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (pixels[i] & 0xff) < threshold ? 0 : (byte) 255;
        }
    }

    /**
     * How far under the median gray a quarter of the page may be and the paper still count as smooth: a clean scan's
     * paper is one gray, a JPEG's a few.
     */
    private static final int MAX_PAPER_GRAIN = 8;

    /**
     * Grainy too when a quarter of the page is more than a twelfth of the ink's contrast under the median gray: a faded
     * copy drawn in gray has its paper near white (Java's gray is linear: sRGB paper 200 becomes 229), where its grain
     * shrinks to a few grays, fewer than {@link #MAX_PAPER_GRAIN}, but its ink is only some 50 grays darker.
     */
    private static final int GRAIN_SHARE = 12;

    private static long[] histogram(byte[] pixels) {
        long[] histogram = new long[256];
        for (byte pixel : pixels) {
            histogram[pixel & 0xff]++;
        }
        return histogram;
    }

    /** The mean of each pixel's 3 × 3 neighbourhood, in place, in two passes (rows, then columns). */
    private static void smooth(byte[] pixels, int width, int height) {
        byte[] across = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int left = pixels[row + Math.max(0, x - 1)] & 0xff;
                int right = pixels[row + Math.min(width - 1, x + 1)] & 0xff;
                across[row + x] = (byte) ((left + (pixels[row + x] & 0xff) + right) / 3);
            }
        }
        for (int y = 0; y < height; y++) {
            int above = Math.max(0, y - 1) * width;
            int below = Math.min(height - 1, y + 1) * width;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                pixels[row + x] = (byte)
                        (((across[above + x] & 0xff) + (across[row + x] & 0xff) + (across[below + x] & 0xff)) / 3);
            }
        }
    }

    /** A gray between the page's ink and its paper, by Otsu's method on its histogram. */
    private static int darkThreshold(BufferedImage gray) {
        byte[] pixels = pixels(gray);
        long[] histogram = new long[256];
        for (int i = 0; i < pixels.length; i += 7) {
            histogram[pixels[i] & 0xff]++;
        }
        return otsu(histogram);
    }

    /** The gray that splits {@code histogram} into two classes as far apart as can be (Otsu's method). */
    private static int otsu(long[] histogram) {
        long total = 0;
        double sum = 0;
        for (int value = 0; value < 256; value++) {
            total += histogram[value];
            sum += (double) value * histogram[value];
        }
        double sumBelow = 0;
        long below = 0;
        double best = -1;
        int threshold = 128;
        for (int value = 0; value < 256; value++) {
            below += histogram[value];
            if (below == 0) {
                continue;
            }
            long above = total - below;
            if (above == 0) {
                break;
            }
            sumBelow += (double) value * histogram[value];
            double meanBelow = sumBelow / below;
            double meanAbove = (sum - sumBelow) / above;
            double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                threshold = value + 1;
            }
        }
        return threshold;
    }

    private static int percentile(long[] histogram, long total, double share) {
        long wanted = (long) Math.ceil(total * share);
        long seen = 0;
        for (int value = 0; value < 256; value++) {
            seen += histogram[value];
            if (seen >= wanted) {
                return value;
            }
        }
        return 255;
    }

    private static byte[] pixels(BufferedImage gray) {
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }

    /** Whether the gray picture's bytes are its pixels row after row, as the passes here read them. */
    private static boolean plain(BufferedImage gray) {
        WritableRaster raster = gray.getRaster();
        return raster.getParent() == null
                && raster.getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel model
                && model.getScanlineStride() == gray.getWidth()
                && model.getPixelStride() == 1
                && raster.getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getNumBanks() == 1
                && buffer.getOffset() == 0
                && buffer.getData().length == gray.getWidth() * gray.getHeight();
    }
}
