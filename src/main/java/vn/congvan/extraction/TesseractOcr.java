package vn.congvan.extraction;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.congvan.attachment.BoundedPageDrawer;
import vn.congvan.attachment.PdfContentBudget;
import vn.congvan.extraction.OcrException.Reason;

/**
 * Reads the text of a scan or an image with the Tesseract program (ADR 0046): each page is drawn in gray, bounded in
 * size, written as a PNG and handed to one run of {@code tesseract}; at most {@code concurrency} files are recognised
 * at once across the portal (a file holds its slot from loading to its last run, so that its pages are drawn only
 * then), each run killed when it overruns its page budget, and a file gives up when its own budget is spent. The
 * file's turn of the extraction pool is given back while it waits for a slot and while Tesseract runs (ADR 0058).
 */
@Component
class TesseractOcr {

    static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/tiff");

    private static final Logger log = LoggerFactory.getLogger(TesseractOcr.class);

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    /** The longest side of a picture handed to Tesseract, whatever its area. */
    private static final int MAX_SIDE = 10_000;

    /**
     * The most pixels a picture may declare: an A3 page scanned at 600 dpi has 70 million. Subsampling bounds the
     * memory, not the work: every pixel is still inflated, and a few megabytes of PNG can declare ten billion.
     */
    static final long MAX_SOURCE_PIXELS = 300_000_000L;

    /** The most pages of a picture file looked for (its last one is read as the foot of the document). */
    static final int MAX_IMAGE_PAGES = 100;

    /** Below this a page is drawn larger than its scan: Tesseract does poorly on letters a few pixels high. */
    private static final double MIN_DPI = 150;

    /** The longest side of the copy of a page whose orientation Tesseract is asked for: letters of 8 points. */
    private static final int OSD_SIDE = 1800;

    /**
     * Under this confidence Tesseract's orientation is not followed: an upright page turned by mistake is lost whole,
     * while a sideways page read as it is loses the same, so only a clear answer turns a page.
     */
    static final double MIN_ORIENTATION_CONFIDENCE = 2.0;

    private final OcrProperties properties;

    /** The slots of files being recognised; package-private so that a test can hold them and see a file give up. */
    final Semaphore runs;

    private final boolean available;

    /** Whether Tesseract has its orientation data ({@code osd}), so that a page fed sideways can be turned upright. */
    private final boolean orientable;

    TesseractOcr(OcrProperties properties) {
        this.properties = properties;
        this.runs = new Semaphore(Math.max(1, properties.concurrency()), true);
        if (properties.mode() == OcrProperties.Mode.OFF) {
            this.available = false;
            this.orientable = false;
            log.info("OCR of scans is off (congvan.extraction.ocr.mode=off)");
            return;
        }
        Set<String> installed = new LinkedHashSet<>();
        String missing = missing(properties, installed);
        this.available = missing == null;
        this.orientable = available && installed.contains("osd");
        if (available && !orientable) {
            log.warn(
                    "Scans fed sideways or upside down are read as they are: {} has no data for osd (Debian: "
                            + "tesseract-ocr-osd)",
                    properties.command());
        }
        if (missing != null && properties.mode() == OcrProperties.Mode.ON) {
            throw new IllegalStateException("congvan.extraction.ocr.mode=on but " + missing);
        }
        if (missing == null) {
            log.info("Scans are read by {} ({})", properties.command(), properties.languages());
        } else {
            log.warn("Scans cannot be read: {}", missing);
        }
    }

    boolean available() {
        return available;
    }

    boolean orientable() {
        return orientable;
    }

    /** What keeps Tesseract from reading {@code languages}, or null when nothing does. */
    private static String missing(OcrProperties properties, Set<String> installed) {
        Path output = null;
        try {
            output = Files.createTempFile("ocr-langs-", ".txt");
            Process process = new ProcessBuilder(properties.command(), "--list-langs")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(Redirect.from(nullDevice()))
                    .start();
            if (!process.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                return properties.command() + " --list-langs did not answer within " + PROBE_TIMEOUT;
            }
            installed.addAll(Files.readString(output, StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .toList());
            List<String> absent = Arrays.stream(properties.languages().split("\\+"))
                    .filter(language -> !installed.contains(language))
                    .toList();
            if (process.exitValue() != 0 || !absent.isEmpty()) {
                return properties.command() + " has no data for " + absent + " (Debian: tesseract-ocr-vie)";
            }
            return null;
        } catch (IOException e) {
            return properties.command() + " cannot be run (" + e.getMessage() + "); Debian: tesseract-ocr";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while asking " + properties.command() + " for its languages";
        } finally {
            deleteQuietly(output);
        }
    }

    /** The text of a PDF without a text layer, page by page, outside any pool's turn (tests, tools). */
    String readPdf(Path file, String filename) throws IOException {
        return readPdf(file, filename, ExtractionPool.Turn.none());
    }

    /** The text of a PDF without a text layer, page by page, within the file's turn but for the waits and runs. */
    String readPdf(Path file, String filename, ExtractionPool.Turn turn) throws IOException {
        requireAvailable(filename);
        long deadline = System.nanoTime() + properties.fileTimeout().toNanos();
        try (Slot slot = slot(turn, filename, deadline);
                PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
            BudgetedRenderer renderer = new BudgetedRenderer(document, deadline, filename);
            // A scan's picture is decoded at the size the page is drawn at, not at its own: a PDF of a few hundred
            // kilobytes can declare a picture of a billion pixels.
            renderer.setSubsamplingAllowed(true);
            ScanPages pages = new ScanPages(document.getNumberOfPages(), properties.maxPages());
            long longest = 0;
            for (int index = pages.next(); index >= 0; index = pages.next()) {
                if (pages.optional(index) && !timeFor(deadline, longest)) {
                    break;
                }
                long start = System.nanoTime();
                PDPage page = document.getPage(index);
                PDRectangle box = page.getCropBox();
                float scale = (float) scale(box.getWidth(), box.getHeight(), dpi(page) / 72.0);
                if (scale <= 0) {
                    pages.read(index, "");
                    continue;
                }
                checkDeadline(deadline, filename);
                renderer.budget.page(page);
                // In colour only when the page's pictures are: a red seal is told from black ink by its colour
                // (ADR 0054); a gray page is drawn in gray, a quarter of the memory.
                // The colour drawing is not kept past its gray copy: the page is recognised with the turn given back.
                try {
                    BufferedImage gray = ScanCleaner.gray(
                            renderer.renderImage(index, scale, colour(page) ? ImageType.RGB : ImageType.GRAY));
                    pages.read(index, recognise(gray, filename, deadline, turn));
                } catch (OcrException e) {
                    if (!(pages.optional(index) && e.reason() == OcrException.Reason.TIMEOUT)) {
                        throw e;
                    }
                    // A page read only to look for the foot ran past the file's budget: the pages read stand.
                    break;
                }
                longest = Math.max(longest, System.nanoTime() - start);
            }
            return pages.text();
        }
    }

    /**
     * Whether the file's budget leaves time for a page read only to look for the foot ({@link ScanPages}): twice the
     * longest page read so far (a page may be read twice, turned), so that such a page does not make the file fail for
     * want of time.
     */
    private static boolean timeFor(long deadline, long longest) {
        return deadline - System.nanoTime() > 2 * longest;
    }

    /** A picture stamped into a blank of the first page's header: where it stands and the digits read in it. */
    record StampRead(boolean left, Integer digits) {}

    /**
     * The digits of the pictures an e-office system stamped into the blanks of the first page's header ({@link
     * PictureStamps}), left to right, each read as one word of digits; empty, without waiting for a Tesseract run,
     * when the page has none.
     */
    List<StampRead> readStamps(Path file, String filename, ExtractionPool.Turn turn) throws IOException {
        requireAvailable(filename);
        long deadline = System.nanoTime() + properties.fileTimeout().toNanos();
        List<PictureStamps.Stamp> stamps;
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
            if (document.getNumberOfPages() == 0) {
                return List.of();
            }
            stamps = PictureStamps.on(document, document.getPage(0));
        }
        if (stamps.isEmpty()) {
            return List.of();
        }
        List<StampRead> read = new java.util.ArrayList<>(stamps.size());
        try (Slot slot = slot(turn, filename, deadline)) {
            Path picture = Files.createTempFile("ocr-stamp-", ".bmp");
            try {
                for (PictureStamps.Stamp stamp : stamps) {
                    checkDeadline(deadline, filename);
                    write(stamp.picture(), picture);
                    String digits = turn.givenBackFor(() -> run(picture, filename, deadline, digitsWord()));
                    read.add(new StampRead(stamp.left(), PictureStamps.digits(digits)));
                }
            } finally {
                deleteQuietly(picture);
            }
        }
        return read;
    }

    /**
     * One word of digits: a stamp holds a number or a day, nothing else. Read as a word (page segmentation 8), not as a
     * line (7), which found no text in a lone digit.
     */
    private List<String> digitsWord() {
        return List.of("-l", properties.languages(), "--psm", "8", "-c", "tessedit_char_whitelist=0123456789");
    }

    /**
     * The resolution to draw a page at: the configured one, or a scanned picture's own when it is lower (but not
     * under {@link #MIN_DPI}), since drawing a 200 dpi scan at 300 dpi blows its specks up into marks Tesseract reads.
     */
    private double dpi(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        double widthInches = page.getCropBox().getWidth() / 72.0;
        if (resources == null || !(widthInches > 0)) {
            return properties.dpi();
        }
        double scanned = 0;
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                scanned = Math.max(scanned, image.getWidth() / widthInches);
            }
        }
        return scanned > 0 ? Math.min(properties.dpi(), Math.max(MIN_DPI, scanned)) : properties.dpi();
    }

    /** The text of a PNG, JPEG or TIFF picture, outside any pool's turn (tests, tools). */
    String readImage(Path file, String filename) throws IOException {
        return readImage(file, filename, ExtractionPool.Turn.none());
    }

    /**
     * The text of a PNG, JPEG or TIFF picture (of a TIFF, the same pages as of a PDF), within the file's turn but for
     * the waits and runs.
     */
    String readImage(Path file, String filename, ExtractionPool.Turn turn) throws IOException {
        requireAvailable(filename);
        long deadline = System.nanoTime() + properties.fileTimeout().toNanos();
        try (Slot slot = slot(turn, filename, deadline)) {
            return readImage(file, filename, turn, deadline);
        }
    }

    private String readImage(Path file, String filename, ExtractionPool.Turn turn, long deadline) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new OcrException(Reason.FAILED, filename, "No image reader for " + filename);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                ScanPages pages = new ScanPages(pageCount(reader), properties.maxPages());
                long longest = 0;
                for (int index = pages.next(); index >= 0; index = pages.next()) {
                    if (pages.optional(index) && !timeFor(deadline, longest)) {
                        break;
                    }
                    long start = System.nanoTime();
                    int width = reader.getWidth(index);
                    int height = reader.getHeight(index);
                    if ((long) width * height > MAX_SOURCE_PIXELS) {
                        throw new OcrException(
                                Reason.TOO_LARGE,
                                filename,
                                "The picture " + filename + " declares " + width + " x " + height + " pixels");
                    }
                    // Whole source pixels are skipped, so a huge picture is never decoded at its full size.
                    int step = (int) Math.ceil(1 / Math.min(1, scale(width, height, 1)));
                    ImageReadParam param = reader.getDefaultReadParam();
                    param.setSourceSubsampling(step, step, 0, 0);
                    checkDeadline(deadline, filename);
                    try {
                        pages.read(
                                index,
                                recognise(ScanCleaner.gray(reader.read(index, param)), filename, deadline, turn));
                    } catch (OcrException e) {
                        if (!(pages.optional(index) && e.reason() == OcrException.Reason.TIMEOUT)) {
                            throw e;
                        }
                        // A page read only to look for the foot ran past the file's budget: the pages read stand.
                        break;
                    }
                    longest = Math.max(longest, System.nanoTime() - start);
                }
                text.append(pages.text());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof OcrException ocr) {
                throw ocr;
            }
            if (e instanceof ExtractionLimitException limit) {
                throw limit;
            }
            throw new OcrException(Reason.FAILED, filename, "Undecodable image " + filename + ": " + e);
        }
        return text.toString();
    }

    /**
     * How many pages the picture has, counted up to {@link #MAX_IMAGE_PAGES}: the reader's own full count follows a
     * TIFF's chain of directories to its end, and a chain that loops back has none (a 200-byte file kept a core busy
     * and the heap growing). A longer file is read as if it ended there.
     */
    static int pageCount(ImageReader reader) throws IOException {
        int known = reader.getNumImages(false);
        if (known >= 0) {
            return Math.min(known, MAX_IMAGE_PAGES);
        }
        int pages = 0;
        try {
            while (pages < MAX_IMAGE_PAGES) {
                reader.getWidth(pages);
                pages++;
            }
        } catch (IndexOutOfBoundsException past) {
            // One past the last page.
        }
        return pages;
    }

    /** The scale that draws a w × h picture at {@code wanted}, smaller when it would exceed the size bounds. */
    private double scale(double width, double height, double wanted) {
        if (!(width > 0) || !(height > 0)) {
            return 0;
        }
        double byArea = Math.sqrt(properties.maxPixels() / (width * height));
        double bySide = MAX_SIDE / Math.max(width, height);
        return Math.min(wanted, Math.min(byArea, bySide));
    }

    /** Whether any picture drawn on the page has colour (a seal in red ink), by its colour space, not decoded. */
    private static boolean colour(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        if (resources == null) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image
                    && !image.isStencil()
                    && image.getColorSpace().getNumberOfComponents() >= 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads one page: its contrast stretched, straightened (ADR 0054) and recognised. When that reading does not show
     * an upright page ({@link OcrLayout#readUpright}), Tesseract's orientation detection is asked how far to turn it,
     * and a turned page is read again (ADR 0054, amendment of 2026-12-01): most scans stand upright, and asking every
     * page cost as much CPU as reading it. The better of the two readings is kept (amendment of session 13).
     */
    private String recognise(BufferedImage gray, String filename, long deadline, ExtractionPool.Turn turn)
            throws IOException {
        Path picture = Files.createTempFile("ocr-page-", ".bmp");
        try {
            // Contrast first: orientation detection and the skew's threshold both misread a faded, grainy page.
            BufferedImage page = gray;
            ScanCleaner.normalise(page);
            String asItStands = straightenedAndRead(page, picture, filename, deadline, turn);
            if (!orientable || OcrLayout.readUpright(asItStands)) {
                return OcrLayout.text(asItStands);
            }
            int rotate = orientation(page, picture, filename, deadline, turn);
            if (rotate == 0) {
                return OcrLayout.text(asItStands);
            }
            String turned = straightenedAndRead(ScanCleaner.turned(page, rotate), picture, filename, deadline, turn);
            // The turned page's reading replaces the first only when it does not read worse, by the measure that found
            // the first wanting: orientation detection, sure of itself, still turns a page that merely read poorly.
            boolean keepFirst = OcrLayout.legibility(asItStands).betterThan(OcrLayout.legibility(turned));
            return OcrLayout.text(keepFirst ? asItStands : turned);
        } finally {
            deleteQuietly(picture);
        }
    }

    /** Tesseract's TSV of a page straightened by its skew, written to {@code picture} and read as words with boxes. */
    private String straightenedAndRead(
            BufferedImage page, Path picture, String filename, long deadline, ExtractionPool.Turn turn)
            throws IOException {
        BufferedImage straight = page;
        double skew = ScanCleaner.skew(straight);
        if (Math.abs(skew) >= ScanCleaner.MIN_SKEW) {
            straight = ScanCleaner.rotated(straight, -skew);
        }
        write(straight, picture);
        // Words with their boxes rather than Tesseract's text: the page is laid out from where they stand.
        return turn.givenBackFor(() -> run(picture, filename, deadline, recognition()));
    }

    /**
     * The page handed to Tesseract as an uncompressed 8-bit BMP, which Leptonica reads natively: Tesseract reads the
     * same words from it as from a PNG (the same TSV), and writing a page of 8 megapixels costs a few tens of
     * milliseconds instead of the most of a second PNG's compression took (ADR 0054, amendment of session 13).
     */
    private static void write(BufferedImage page, Path picture) throws IOException {
        if (!ImageIO.write(page, "bmp", picture.toFile())) {
            throw new IOException("No BMP writer for a picture of type " + page.getType());
        }
    }

    private List<String> recognition() {
        return List.of(
                "-l",
                properties.languages(),
                "--psm",
                Integer.toString(properties.pageSegmentationMode()),
                "-c",
                "preserve_interword_spaces=1",
                "tsv");
    }

    /**
     * How far clockwise the page must be turned to stand upright (0, 90, 180 or 270), by Tesseract's orientation and
     * script detection on a copy of at most {@link #OSD_SIDE} pixels a side; 0 when it cannot tell or is unsure.
     */
    private int orientation(BufferedImage page, Path picture, String filename, long deadline, ExtractionPool.Turn turn)
            throws IOException {
        double shrink = Math.min(1, (double) OSD_SIDE / Math.max(page.getWidth(), page.getHeight()));
        BufferedImage sample = page;
        if (shrink < 1) {
            sample = new BufferedImage(
                    Math.max(1, (int) (page.getWidth() * shrink)),
                    Math.max(1, (int) (page.getHeight() * shrink)),
                    BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D graphics = sample.createGraphics();
            graphics.setRenderingHint(
                    java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(page, 0, 0, sample.getWidth(), sample.getHeight(), null);
            graphics.dispose();
        }
        write(sample, picture);
        String answer;
        try {
            answer = turn.givenBackFor(() -> run(picture, filename, deadline, List.of("-l", "osd", "--psm", "0")));
        } catch (OcrException e) {
            if (e.reason() != Reason.FAILED) {
                throw e;
            }
            // Too few letters to tell ("Too few characters. Skipping this page"): read the page as it is, which takes
            // the turn the failed run did not take back.
            log.debug("No orientation found for a page of {}: {}", filename, e.getMessage());
            turn.takeBack();
            return 0;
        }
        log.debug("Orientation of a page of {}: {}", filename, answer.replace('\n', ' '));
        return rotation(answer);
    }

    /** The turn Tesseract's {@code --psm 0} report asks for, when it is sure enough of it; else 0. */
    static int rotation(String report) {
        java.util.regex.Matcher rotate =
                java.util.regex.Pattern.compile("(?m)^Rotate: (\\d+)").matcher(report);
        java.util.regex.Matcher confidence = java.util.regex.Pattern.compile("(?m)^Orientation confidence: ([0-9.]+)")
                .matcher(report);
        if (!rotate.find() || !confidence.find()) {
            return 0;
        }
        int degrees = Integer.parseInt(rotate.group(1));
        double sure = Double.parseDouble(confidence.group(1));
        return degrees % 90 == 0 && sure >= MIN_ORIENTATION_CONFIDENCE ? degrees % 360 : 0;
    }

    /** A file's slot among those recognised at once, given back when closed. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits for a slot within the file's budget with the file's turn given back meanwhile, so that a page is drawn
     * only when its run is near: pictures never pile up in the heap behind Tesseract, whatever the number waiting.
     */
    private Slot slot(ExtractionPool.Turn turn, String filename, long deadline) throws IOException {
        boolean[] taken = {false};
        boolean held = false;
        try {
            turn.givenBackFor(() -> {
                try {
                    if (!runs.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        throw new OcrException(
                                Reason.BUSY, filename, "No OCR run free within the budget of " + filename);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OcrException(Reason.BUSY, filename, "Interrupted while waiting to read " + filename);
                }
                taken[0] = true;
                return null;
            });
            held = true;
            return runs::release;
        } finally {
            // The slot came but the turn did not come back: the file gives up, and the slot too.
            if (taken[0] && !held) {
                runs.release();
            }
        }
    }

    /**
     * One Tesseract run over one picture, within the file's slot (held by the caller) and the page's and file's
     * budgets.
     */
    String run(Path picture, String filename, long deadline, List<String> options) throws IOException {
        Path output = null;
        Path errors = null;
        Process process = null;
        try {
            long budget = Math.min(properties.pageTimeout().toNanos(), deadline - System.nanoTime());
            checkDeadline(deadline, filename);
            output = Files.createTempFile("ocr-text-", ".txt");
            errors = Files.createTempFile("ocr-errors-", ".txt");
            List<String> command =
                    new java.util.ArrayList<>(List.of(properties.command(), picture.toString(), "stdout"));
            command.addAll(options);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile())
                    .redirectInput(Redirect.from(nullDevice()));
            // One thread per run: the pool, not OpenMP, decides how many cores OCR takes.
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            process = builder.start();
            if (!process.waitFor(budget, TimeUnit.NANOSECONDS)) {
                kill(process);
                throw new OcrException(
                        Reason.TIMEOUT, filename, "OCR of a page of " + filename + " overran its budget");
            }
            if (process.exitValue() != 0) {
                throw new OcrException(
                        Reason.FAILED,
                        filename,
                        "Tesseract exited with " + process.exitValue() + " on " + filename + ": " + head(errors));
            }
            return head(output);
        } catch (InterruptedException e) {
            // The run must not outlive the slot it was started in: more runs than slots would share the cores.
            killAfterInterrupt(process);
            Thread.currentThread().interrupt();
            throw new OcrException(Reason.TIMEOUT, filename, "Interrupted while reading " + filename);
        } finally {
            deleteQuietly(output);
            deleteQuietly(errors);
        }
    }

    private static void killAfterInterrupt(Process process) {
        if (process == null) {
            return;
        }
        try {
            kill(process);
        } catch (InterruptedException again) {
            // Killed all the same; only the wait for its end was cut short.
        }
    }

    /** Gives up drawing a page when the file's budget is spent: a page of millions of operators must not hang. */
    static final class BudgetedRenderer extends PDFRenderer {

        private final long deadline;

        private final String filename;

        /** What the pages and the forms drawn may unpack to, across the pages read. */
        final PdfContentBudget budget = new PdfContentBudget();

        BudgetedRenderer(PDDocument document, long deadline, String filename) {
            super(document);
            this.deadline = deadline;
            this.filename = filename;
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new BoundedPageDrawer(parameters, document, budget, () -> checkDeadline(deadline, filename));
        }
    }

    private void requireAvailable(String filename) {
        if (!available) {
            throw new OcrException(Reason.UNAVAILABLE, filename, "No OCR for the scan " + filename);
        }
    }

    private static void checkDeadline(long deadline, String filename) {
        if (deadline - System.nanoTime() <= 0) {
            throw new OcrException(Reason.TIMEOUT, filename, "OCR of " + filename + " overran its budget");
        }
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    /** The start of a file a run wrote, as much as the field rules ever read. */
    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(DocumentText.MAX_CHARS * 2), StandardCharsets.UTF_8);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Temporary file {} left behind", file, e);
        }
    }
}
