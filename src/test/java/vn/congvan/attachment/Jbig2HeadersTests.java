package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JBIG2 pictures whose streams declare more than their /Width and /Height (ADR 0076), each a few dozen hand-built bytes
 * (ISO/IEC 14492, 7.2 to 7.4), refused before jbig2-imageio allocates what they declare; and a real scanner's JBIG2
 * picture, alone and with a globals stream, still passing and decoding.
 */
class Jbig2HeadersTests {

    private static final Path SCAN =
            Path.of("src/test/resources/extraction-real-files/r36-quanlybay-cdcs-150-cv-2025-scan.pdf");

    @Test
    void refusesATinyStreamDeclaringAPageOfTenBillionPixels() {
        // 30 bytes: a page of 100 000 × 100 000 (1.25 GB of bits) for a picture of 100 × 100.
        byte[] stream = segment(0, 48, 1, page(100_000, 100_000, false));
        assertThatThrownBy(() -> PdfContentBudget.image(picture(stream, null, 100, 100)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("page of 100000 × 100000");
    }

    @Test
    void refusesARegionLargerThanItsPage() {
        // The page agrees with the picture; its one generic region is 100 000 × 100 000 (MMR-coded, no data).
        byte[] stream = concat(
                segment(0, 48, 1, page(1000, 1000, false)),
                segment(1, 38, 1, concat(region(100_000, 100_000), new byte[] {1})));
        assertThatThrownBy(() -> PdfContentBudget.image(picture(stream, null, 1000, 1000)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("region of 100000 × 100000");
    }

    @Test
    void refusesAStripedPageWhoseLastStripeEndsFarBelowThePicture() {
        // A page of unknown height grows with its end-of-stripe segments: the last ends at row 10 000 000.
        byte[] striped = concat(
                segment(0, 48, 1, page(1000, 0xffffffffL, true)),
                segment(1, 50, 1, u32(499)),
                segment(2, 50, 1, u32(9_999_999)));
        assertThatThrownBy(() -> PdfContentBudget.image(picture(striped, null, 1000, 1000)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("striped page of 1000 × 10000000");
        // Its stripes ending where the picture does, it passes.
        byte[] fitting = concat(
                segment(0, 48, 1, page(1000, 0xffffffffL, true)),
                segment(1, 50, 1, u32(499)),
                segment(2, 50, 1, u32(999)));
        assertThatCode(() -> PdfContentBudget.image(picture(fitting, null, 1000, 1000)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesGlobalsThatAskTheDecoderForHugeArrays() throws IOException {
        byte[] scan = firstPicture();
        // Nine bytes of globals: a segment (type 62, an extension) referring to 2^29 segments. jbig2-imageio's
        // header parser allocates arrays of that many entries before reading them.
        byte[] references = concat(u32(0), new byte[] {62, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        assertThatThrownBy(() -> PdfContentBudget.image(picture(scan, references, 2472, 3499)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("referring to 536870911 segments");
        // A symbol dictionary (Huffman-coded) declaring 2^30 new symbols: an array of a billion bitmaps.
        byte[] symbols = segment(0, 0, 0, concat(new byte[] {0, 1}, u32(1 << 30), u32(1 << 30)));
        assertThatThrownBy(() -> PdfContentBudget.image(picture(scan, symbols, 2472, 3499)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("symbols");
        // Globals that are a JPEG's pixels, not segments, are not read.
        COSStream jpeg = stream(new byte[] {(byte) 0xff, (byte) 0xd8});
        jpeg.setItem(COSName.FILTER, COSName.DCT_DECODE);
        PDImageXObject image = picture(scan, null, 2472, 3499);
        COSDictionary parameters = new COSDictionary();
        parameters.setItem(COSName.JBIG2_GLOBALS, jpeg);
        image.getCOSObject().setItem(COSName.DECODE_PARMS, parameters);
        assertThatThrownBy(() -> PdfContentBudget.image(image))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("DCTDecode");
    }

    @Test
    void refusesMoreSymbolsThanARegionHasRoomForAndCodeTablesLongerThanAnyReal() {
        // Placing a symbol costs its size whatever the region's: a region places at most one per 16 of its pixels.
        byte[] fits = segment(0, 6, 1, concat(region(1000, 1000), new byte[] {0, 0}, u32(60_000)));
        assertThatCode(() -> PdfContentBudget.image(picture(fits, null, 1000, 1000)))
                .doesNotThrowAnyException();
        byte[] crowded = segment(0, 6, 1, concat(region(1000, 1000), new byte[] {0, 0}, u32(70_000)));
        assertThatThrownBy(() -> PdfContentBudget.image(picture(crowded, null, 1000, 1000)))
                .hasMessageContaining("in a region of");
        // A custom Huffman table: the decoder adds a code per two bits until its range is covered.
        byte[] table = segment(0, 53, 1, new byte[100]);
        assertThatCode(() -> PdfContentBudget.image(picture(table, null, 1000, 1000)))
                .doesNotThrowAnyException();
        byte[] longTable = segment(0, 53, 1, new byte[5000]);
        assertThatThrownBy(() -> PdfContentBudget.image(picture(longTable, null, 1000, 1000)))
                .hasMessageContaining("code table");
    }

    @Test
    void refusesCountsBeyondAnyScanAndStreamsCutShort() {
        // Text regions placing two million symbols; more segments than any page has; a random-access file header;
        // more bitmaps than a page needs; a page information segment shorter than its fields.
        byte[] placed = segment(0, 6, 1, concat(region(1000, 1000), new byte[] {0, 0}, u32(2_000_000)));
        assertThatThrownBy(() -> PdfContentBudget.image(picture(placed, null, 1000, 1000)))
                .hasMessageContaining("placed symbols");
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        for (int i = 0; i <= Jbig2Headers.MAX_SEGMENTS; i++) {
            many.writeBytes(segment(i, 62, 1, new byte[0]));
        }
        assertThatThrownBy(() -> PdfContentBudget.image(picture(many.toByteArray(), null, 1000, 1000)))
                .hasMessageContaining("segments");
        byte[] random = concat(
                new byte[] {(byte) 0x97, 'J', 'B', '2', 0x0d, 0x0a, 0x1a, 0x0a, 0x02},
                segment(0, 48, 1, page(1000, 1000, false)));
        assertThatThrownBy(() -> PdfContentBudget.image(picture(random, null, 1000, 1000)))
                .hasMessageContaining("random access");
        // A page and three regions its size pass; a fourth is more than the picture's pixels allow in all.
        ByteArrayOutputStream regions = new ByteArrayOutputStream();
        regions.writeBytes(segment(0, 48, 1, page(2000, 2000, false)));
        for (int i = 1; i <= 3; i++) {
            regions.writeBytes(segment(i, 38, 1, concat(region(2000, 2000), new byte[] {1})));
        }
        assertThatCode(() -> PdfContentBudget.image(picture(regions.toByteArray(), null, 2000, 2000)))
                .doesNotThrowAnyException();
        regions.writeBytes(segment(4, 38, 1, concat(region(2000, 2000), new byte[] {1})));
        assertThatThrownBy(() -> PdfContentBudget.image(picture(regions.toByteArray(), null, 2000, 2000)))
                .hasMessageContaining("in all");
        byte[] shortPage = segment(0, 48, 1, u32(1000));
        assertThatThrownBy(() -> PdfContentBudget.image(picture(shortPage, null, 1000, 1000)))
                .hasMessageContaining("cut short");
    }

    @Test
    void refusesAHostileMaskOfAGoodPicture() throws IOException {
        // PDFBox decodes a picture's /Mask (a stencil, often JBIG2 in scans) with the picture.
        PDImageXObject image = picture(firstPicture(), null, 2472, 3499);
        COSStream mask = picture(segment(0, 48, 1, page(100_000, 100_000, false)), null, 2472, 3499)
                .getCOSObject();
        mask.setBoolean(COSName.IMAGE_MASK, true);
        mask.removeItem(COSName.COLORSPACE);
        image.getCOSObject().setItem(COSName.MASK, mask);
        assertThatThrownBy(() -> PdfContentBudget.image(image))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("page of 100000 × 100000");
    }

    @Test
    void drawsAPageWithoutItsHostilePictureAndRefusesJbig2Inline() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(100, 100));
            document.addPage(page);
            PDResources resources = new PDResources();
            resources.put(
                    COSName.getPDFName("Im1"),
                    picture(segment(0, 48, 1, page(100_000, 100_000, false)), null, 100, 100));
            page.setResources(resources);
            write(document, page, "q 0 0 0 rg 0 0 100 50 re f Q q 100 0 0 100 0 0 cm /Im1 Do Q");
            // The picture (black where it decoded) is left out as any picture PDFBox cannot draw; the rest of the page,
            // a
            // black lower half, is drawn.
            BufferedImage drawn = new Bounded(document).renderImage(0);
            assertThat(drawn.getRGB(50, 25) & 0xff).isEqualTo(255);
            assertThat(drawn.getRGB(50, 75) & 0xff).isZero();
            // Inline, a real scan's JBIG2 picture (hex-coded so that its bytes cannot end the inline data early).
            write(
                    document,
                    page,
                    "q 100 0 0 100 0 0 cm BI /W 2472 /H 3499 /BPC 1 /CS /G /F [/AHx /JBIG2Decode] ID "
                            + java.util.HexFormat.of().formatHex(firstPicture()) + "> EI Q");
            assertThatThrownBy(() -> new Bounded(document).renderImage(0, 0.1f))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("inline picture");
        }
    }

    private static void write(PDDocument document, PDPage page, String content) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream()) {
            out.write(content.getBytes(StandardCharsets.ISO_8859_1));
        }
        page.getCOSObject().setItem(COSName.CONTENTS, stream);
    }

    /** PDFBox's renderer with the portal's bounded drawer, as thumbnails and OCR draw. */
    private static final class Bounded extends PDFRenderer {

        private final PDDocument document;

        Bounded(PDDocument document) {
            super(document);
            this.document = document;
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new BoundedPageDrawer(parameters, document, new PdfContentBudget(), () -> {});
        }
    }

    @Test
    void aJbig2FileUploadedAsAPictureNeverReachesTheDecoder(@TempDir Path directory) throws IOException {
        // jbig2-imageio answers ImageIO for any stream that starts with the JBIG2 file header; the upload rules take a
        // picture's type from its content first, and a JBIG2 file is no type they accept, whatever its name.
        Path file = directory.resolve("scan.png");
        Files.write(
                file,
                concat(
                        new byte[] {(byte) 0x97, 'J', 'B', '2', 0x0d, 0x0a, 0x1a, 0x0a, 0x01},
                        segment(0, 48, 1, page(100_000, 100_000, false))));
        ContentInspector inspector = new ContentInspector();
        for (String name : new String[] {"scan.png", "scan.tif", "scan.jb2"}) {
            assertThatThrownBy(() -> inspector.inspectScan(file, name))
                    .isInstanceOf(AttachmentRejectedException.class)
                    .extracting(e -> ((AttachmentRejectedException) e).reason())
                    .isEqualTo(AttachmentRejectedException.Reason.TYPE_NOT_ALLOWED);
        }
    }

    @Test
    void aScannersPictureStillPassesAndDecodes() throws IOException {
        byte[] scan = firstPicture();
        // The picture as the scanner wrote it, and after a globals stream of one extension segment (page 0).
        for (byte[] globals : new byte[][] {null, segment(0, 62, 0, new byte[] {0, 0, 0, 0})}) {
            PDImageXObject image = picture(scan, globals, 2472, 3499);
            PdfContentBudget.image(image);
            BufferedImage decoded = image.getImage();
            assertThat(decoded.getWidth()).isEqualTo(2472);
            assertThat(decoded.getHeight()).isEqualTo(3499);
            long black = 0;
            for (int y = 0; y < decoded.getHeight(); y += 7) {
                for (int x = 0; x < decoded.getWidth(); x += 7) {
                    black += (decoded.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
                }
            }
            // A typed page: some ink, mostly paper.
            assertThat(black).isBetween(1000L, 2472L * 3499 / 49 / 5);
        }
    }

    @Test
    void oneJbig2PictureIsDecodedAtATimeAndOtherPicturesDoNotWait() throws Exception {
        PDImageXObject scan = picture(firstPicture(), null, 2472, 3499);
        PDImageXObject other;
        try (PDDocument document = new PDDocument()) {
            other = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(
                    document, new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY));
        }
        assertThat(Jbig2Decodes.packed(scan)).isTrue();
        assertThat(Jbig2Decodes.packed(other)).isFalse();
        Jbig2Decodes.hold(); // a JBIG2 picture being decoded now
        boolean held = true;
        java.util.concurrent.ExecutorService decoder = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            assertThat(Jbig2Decodes.oneAtATime(other, () -> "drawn")).isEqualTo("drawn");
            java.util.concurrent.Future<Integer> second = decoder.submit(
                    () -> Jbig2Decodes.oneAtATime(scan, () -> scan.getImage().getWidth()));
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (!Jbig2Decodes.waiting() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(Jbig2Decodes.waiting())
                    .as("the second JBIG2 decoding waits")
                    .isTrue();
            assertThat(second).isNotDone();
            Jbig2Decodes.letGo();
            held = false;
            assertThat(second.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2472);
        } finally {
            if (held) {
                Jbig2Decodes.letGo(); // the other tests of this JVM must not wait for a failed one
            }
            decoder.shutdownNow();
        }
    }

    /** The raw JBIG2 stream of the real scan's first page (jbig2enc-style: page, symbol dictionary, text region). */
    private static byte[] firstPicture() throws IOException {
        try (PDDocument document = Loader.loadPDF(SCAN.toFile())) {
            PDResources resources = document.getPage(0).getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    assertThat(image.getCOSObject().getFilters()).isEqualTo(COSName.JBIG2_DECODE);
                    try (var in = image.getCOSObject().createRawInputStream()) {
                        return in.readAllBytes();
                    }
                }
            }
        }
        throw new AssertionError("no picture on the scan's first page");
    }

    static PDImageXObject picture(byte[] jbig2, byte[] globals, int width, int height) throws IOException {
        COSStream stream = stream(jbig2);
        stream.setItem(COSName.TYPE, COSName.XOBJECT);
        stream.setItem(COSName.SUBTYPE, COSName.IMAGE);
        stream.setItem(COSName.FILTER, COSName.JBIG2_DECODE);
        stream.setInt(COSName.WIDTH, width);
        stream.setInt(COSName.HEIGHT, height);
        stream.setInt(COSName.BITS_PER_COMPONENT, 1);
        stream.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
        if (globals != null) {
            COSDictionary parameters = new COSDictionary();
            parameters.setItem(COSName.JBIG2_GLOBALS, stream(globals));
            stream.setItem(COSName.DECODE_PARMS, parameters);
        }
        return new PDImageXObject(new PDStream(stream), null);
    }

    private static COSStream stream(byte[] bytes) throws IOException {
        COSStream stream = new COSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            new ByteArrayInputStream(bytes).transferTo(out);
        }
        return stream;
    }

    /** A segment (7.2): number, flags, no references, one-byte page association, data length, data. */
    static byte[] segment(int number, int type, int page, byte[] data) {
        return concat(u32(number), new byte[] {(byte) type, 0, (byte) page}, u32(data.length), data);
    }

    /** Page information (7.4.8): width, height, 300 dpi, flags, striping (a stripe of at most 500 rows). */
    static byte[] page(long width, long height, boolean striped) {
        return concat(
                u32(width),
                u32(height),
                u32(300),
                u32(300),
                new byte[] {0},
                striped ? new byte[] {(byte) 0x81, (byte) 0xf4} : new byte[] {0, 0});
    }

    /** Region segment information (7.4.1) at the page's corner. */
    static byte[] region(long width, long height) {
        return concat(u32(width), u32(height), u32(0), u32(0), new byte[] {0});
    }

    static byte[] u32(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
