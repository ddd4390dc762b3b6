package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.extraction.OcrException.Reason;

class TesseractOcrTests {

    @TempDir
    Path directory;

    @Test
    void theInstalledTesseractReadsTheVietnameseOfAnUprightScanWithoutAskingItsOrientation() throws IOException {
        // Mode "on" refuses to start without the program and its data, with a message that names what is missing:
        // this test fails (it is not skipped) on a machine without them; .ci/run installs both. The installed
        // Tesseract runs behind a script that notes each run's arguments.
        Path runs = directory.resolve("runs.log");
        TesseractOcr ocr =
                new TesseractOcr(properties(OcrProperties.Mode.ON, noting(runs).toString(), Duration.ofSeconds(60)));
        Files.deleteIfExists(runs);

        String text = ocr.readImage(write("scan.png", Scans.samplePng()), "scan.png");

        assertThat(text).contains("Số 65-CV/BTGQU").contains("ngày 12 tháng 7 năm 2023");
        // An upright page read well is read once: its orientation is not asked (ADR 0054).
        assertThat(Files.readAllLines(runs)).hasSize(1).noneMatch(run -> run.contains("-l osd"));
    }

    @Test
    void aTiffFromAScannerIsReadToo() throws IOException {
        TesseractOcr ocr = new TesseractOcr(properties(OcrProperties.Mode.ON, "tesseract", Duration.ofSeconds(60)));
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(Scans.samplePng()));
        Path tiff = directory.resolve("scan.tif");
        assertThat(ImageIO.write(picture, "tiff", tiff.toFile())).isTrue();

        assertThat(ocr.readImage(tiff, "scan.tif")).contains("Số 65-CV/BTGQU");
    }

    @Test
    void aPageFedSidewaysOrUpsideDownIsAskedItsOrientationTurnedUprightAndReadAgain() throws IOException {
        Path runs = directory.resolve("runs.log");
        TesseractOcr ocr =
                new TesseractOcr(properties(OcrProperties.Mode.ON, noting(runs).toString(), Duration.ofSeconds(60)));
        // Fails, not skipped, without Tesseract's orientation data; .ci/run installs it.
        assertThat(ocr.orientable())
                .as("tesseract --list-langs names osd (Debian: apt-get install tesseract-ocr-osd)")
                .isTrue();

        for (int turns = 1; turns <= 3; turns++) {
            String name = "turned-" + turns + ".png";
            Files.deleteIfExists(runs);
            assertThat(ocr.readImage(write(name, Scans.turnedSamplePng(turns)), name))
                    .as("a page turned %d° clockwise", 90 * turns)
                    .contains("Số 65-CV/BTGQU")
                    .contains("ngày 12 tháng 7 năm 2023");
            // Read, found not upright, asked its orientation, read again turned.
            assertThat(Files.readAllLines(runs))
                    .as("runs for a page turned %d° clockwise", 90 * turns)
                    .hasSize(3)
                    .anyMatch(run -> run.contains("-l osd"))
                    .filteredOn(run -> run.contains("-l vie"))
                    .hasSize(2);
        }
    }

    @Test
    void aReadingShowsAnUprightPageByManyWordsReadWithConfidence() {
        String heading =
                "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";
        StringBuilder sure = new StringBuilder(heading);
        StringBuilder unsure = new StringBuilder(heading);
        StringBuilder few = new StringBuilder(heading);
        for (int i = 0; i < 20; i++) {
            String box = "5\t1\t1\t1\t1\t" + (i + 1) + "\t" + (40 * i) + "\t10\t30\t20\t";
            sure.append(box).append(i % 2 == 0 ? "91.5" : "80").append("\tchữ\n");
            unsure.append(box).append("41").append("\tchữ\n");
            if (i < 5) {
                few.append(box).append("96").append("\tchữ\n");
            }
            // Marks without a letter count for nothing either way.
            unsure.append(box).append("99").append("\t-\n");
        }

        assertThat(OcrLayout.readUpright(sure.toString())).isTrue();
        assertThat(OcrLayout.readUpright(unsure.toString())).isFalse();
        assertThat(OcrLayout.readUpright(few.toString())).isFalse();
        assertThat(OcrLayout.readUpright("Số 65-CV/BTGQU, a reading that is no TSV"))
                .isFalse();
    }

    @Test
    void aRedSealOverTheSignatureIsDroppedSoThatTheNameIsRead() throws IOException {
        TesseractOcr ocr = new TesseractOcr(properties(OcrProperties.Mode.ON, "tesseract", Duration.ofSeconds(60)));

        String text = ocr.readImage(write("sealed.png", Scans.sealedSamplePng()), "sealed.png");

        assertThat(text).contains("Nguyễn Trung Châu Tuyên").contains("Số 65-CV/BTGQU");
    }

    @Test
    void withoutTheProgramAScanIsRefusedAsUnavailable() throws IOException {
        TesseractOcr ocr = new TesseractOcr(properties(
                OcrProperties.Mode.AUTO, directory.resolve("no-tesseract").toString(), Duration.ofSeconds(5)));
        Path scan = write("scan.png", Scans.samplePng());

        assertThat(ocr.available()).isFalse();
        assertThatThrownBy(() -> ocr.readImage(scan, "scan.png"))
                .isInstanceOfSatisfying(
                        OcrException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        assertThatThrownBy(() -> new TesseractOcr(properties(
                        OcrProperties.Mode.ON, directory.resolve("no-tesseract").toString(), Duration.ofSeconds(5))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tesseract-ocr");
    }

    @Test
    void withoutTheVietnameseDataAScanIsRefusedAsUnavailable() throws IOException {
        Path command = script("english-only", "echo 'List of available languages in \"/x\" (1):'; echo eng");

        TesseractOcr ocr =
                new TesseractOcr(properties(OcrProperties.Mode.AUTO, command.toString(), Duration.ofSeconds(5)));

        assertThat(ocr.available()).isFalse();
        assertThatThrownBy(() ->
                        new TesseractOcr(properties(OcrProperties.Mode.ON, command.toString(), Duration.ofSeconds(5))))
                .hasMessageContaining("[vie]")
                .hasMessageContaining("tesseract-ocr-vie");
    }

    @Test
    void aRunThatOverrunsItsPageBudgetIsKilledAndTheFileTimesOut() throws IOException {
        TesseractOcr ocr = new TesseractOcr(
                properties(OcrProperties.Mode.ON, fake("sleep 600").toString(), Duration.ofMillis(300)));
        Path scan = write("scan.png", Scans.samplePng());

        assertThatThrownBy(() -> ocr.readImage(scan, "scan.png"))
                .isInstanceOfSatisfying(
                        OcrException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        // The run's permit came back: the pool is not left short by a killed run.
        assertThat(ocr.runs.availablePermits()).isEqualTo(1);
    }

    @Test
    void whenEveryRunIsTakenForLongerThanTheFileBudgetTheFileGivesUp() throws Exception {
        // Budget enough for the page's cleaning (ADR 0054) on a loaded machine, so that only the held run can exceed
        // it.
        TesseractOcr ocr = new TesseractOcr(
                properties(OcrProperties.Mode.ON, fake("echo 'Số 65-CV/BTGQU'").toString(), Duration.ofSeconds(3)));
        Path scan = write("scan.png", Scans.samplePng());

        ocr.runs.acquire();
        try {
            assertThatThrownBy(() -> ocr.readImage(scan, "scan.png"))
                    .isInstanceOfSatisfying(
                            OcrException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BUSY));
        } finally {
            ocr.runs.release();
        }
        assertThat(ocr.readImage(scan, "scan.png")).contains("Số 65-CV/BTGQU");
    }

    @Test
    void aFailedRunOrAnUndecodablePictureIsAFailure() throws IOException {
        TesseractOcr failing = new TesseractOcr(properties(
                OcrProperties.Mode.ON,
                fake("echo 'Error in pixReadStream' >&2; exit 1").toString(),
                Duration.ofSeconds(5)));
        Path scan = write("scan.png", Scans.samplePng());
        Path broken = write("broken.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});

        assertThatThrownBy(() -> failing.readImage(scan, "scan.png"))
                .isInstanceOfSatisfying(
                        OcrException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED))
                .hasMessageContaining("pixReadStream");
        assertThatThrownBy(() -> failing.readImage(broken, "broken.png"))
                .isInstanceOfSatisfying(
                        OcrException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));
    }

    @Test
    void aScannedPageWithAHugePictureIsDrawnFromASubsampleNotDecodedWhole() throws IOException {
        // 30000 x 30000 pixels (900 million: 900 MB as gray bytes) in a PDF of a few hundred kilobytes. Tesseract gets
        // the page at most 12 megapixels large, so a sample of the picture is all that needs decoding; a few such
        // uploads at once must not take the heap.
        TesseractOcr ocr = new TesseractOcr(
                properties(OcrProperties.Mode.ON, fake("echo 'Số 65-CV/BTGQU'").toString(), Duration.ofSeconds(60)));
        Path bomb = write("bomb.pdf", hugePicturePdf(30_000));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        String text = ocr.readPdf(bomb, "bomb.pdf");

        assertThat(text).contains("Số 65-CV/BTGQU");
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(300L << 20);
    }

    @Test
    void aPictureDeclaringMorePixelsThanAnyScanIsRefusedBeforeItIsDecoded() throws IOException {
        // A PNG of 100000 x 100000 pixels deflates to a few megabytes; inflating it would take minutes of a core
        // before the first page budget is even looked at.
        TesseractOcr ocr = new TesseractOcr(
                properties(OcrProperties.Mode.ON, fake("echo 'Số 65-CV/BTGQU'").toString(), Duration.ofSeconds(60)));
        Path huge = write("huge.png", pngHeader(100_000, 100_000));

        assertThatThrownBy(() -> ocr.readImage(huge, "huge.png"))
                .isInstanceOfSatisfying(
                        OcrException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        // An A3 page scanned at 600 dpi is still read.
        assertThat(ocr.readImage(write("a3.png", pngHeader(7_016, 9_921)), "a3.png"))
                .contains("Số 65-CV/BTGQU");
    }

    /** A gray PNG declaring that size, its pixels all white: only the rows it needs are in the file, deflated. */
    private static byte[] pngHeader(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 1)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(png, "IHDR", header.array());
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflated =
                new DeflaterOutputStream(pixels, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] row = new byte[1 + (width + 7) / 8];
            Arrays.fill(row, 1, row.length, (byte) 0xFF);
            for (int y = 0; y < Math.min(height, 10_000); y++) {
                deflated.write(row);
            }
        }
        chunk(png, "IDAT", pixels.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        png.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(name);
        png.write(data);
        png.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void aTiffWhosePagesLoopBackIsReadAsFarAsItsFirstPagesNotSearchedForItsEnd() throws IOException {
        // A TIFF's pages are a chain of directories: a 200-byte file whose only directory names itself as the next
        // kept the JDK's reader counting pages for a minute of a core.
        TesseractOcr ocr = new TesseractOcr(
                properties(OcrProperties.Mode.ON, fake("echo 'Số 65-CV/BTGQU'").toString(), Duration.ofSeconds(60)));
        Path looped = write("looped.tif", loopedTiff());

        assertThat(ocr.readImage(looped, "looped.tif")).contains("Số 65-CV/BTGQU");
    }

    /** A one-pixel gray TIFF whose single image file directory is also its own next one. */
    private static byte[] loopedTiff() {
        java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(160).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 6);
        entry(tiff, 256, 3, 1); // width
        entry(tiff, 257, 3, 1); // height
        entry(tiff, 258, 3, 8); // bits per sample
        entry(tiff, 262, 3, 1); // black is zero
        entry(tiff, 273, 4, 150); // where the strip is
        entry(tiff, 279, 4, 1); // how long it is
        tiff.putInt(8); // the next directory: this one again
        tiff.put(150, (byte) 0xFF);
        return tiff.array();
    }

    private static void entry(java.nio.ByteBuffer tiff, int tag, int type, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(1).putInt(value);
    }

    /** An A4 page covered by a white one-bit picture of {@code side} x {@code side} pixels, deflated. */
    private static byte[] hugePicturePdf(int side) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            COSStream pixels = document.getDocument().createCOSStream();
            pixels.setItem(COSName.TYPE, COSName.XOBJECT);
            pixels.setItem(COSName.SUBTYPE, COSName.IMAGE);
            pixels.setInt(COSName.WIDTH, side);
            pixels.setInt(COSName.HEIGHT, side);
            pixels.setInt(COSName.BITS_PER_COMPONENT, 1);
            pixels.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            pixels.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            byte[] row = new byte[(side + 7) / 8];
            Arrays.fill(row, (byte) 0xFF);
            try (OutputStream raw = pixels.createRawOutputStream();
                    DeflaterOutputStream deflated =
                            new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
                for (int y = 0; y < side; y++) {
                    deflated.write(row);
                }
            }
            PDImageXObject image = new PDImageXObject(new PDStream(pixels), null);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aPdfWithoutATextLayerIsAScan() throws IOException {
        Path scan = write("scan.pdf", Scans.sampleImagePdf());
        Path typeset = write("typeset.pdf", Scans.samplePage());

        assertThat(DocumentText.pdf(scan).scanned(40)).isTrue();
        assertThat(DocumentText.pdf(typeset).scanned(40)).isFalse();
    }

    @Test
    void specksOfAScanAreDroppedBeforeTheFieldsAreRead() {
        String text = "Về việc gửi tài liệu “Thông báo nhanh kết quả :\n›\nKính gửi: - Cấp ủy cơ sở đảng,\n+\n";

        assertThat(FieldReader.withoutOcrSpecks(text))
                .isEqualTo("Về việc gửi tài liệu “Thông báo nhanh kết quả\n\nKính gửi: - Cấp ủy cơ sở đảng,\n\n");
    }

    /** A stand-in for Tesseract that lists Vietnamese and does {@code body} when asked to read a picture. */
    private Path fake(String body) throws IOException {
        return script(
                "fake-tesseract",
                "if [ \"$1\" = --list-langs ]; then echo 'List of available languages in \"/x\" (1):'; echo vie; exit 0;"
                        + " fi\n" + body);
    }

    /** The installed Tesseract behind a script that appends each run's arguments to {@code runs}. */
    private Path noting(Path runs) throws IOException {
        return script("noting", "echo \"$*\" >> '" + runs + "'\nexec tesseract \"$@\"");
    }

    private Path script(String name, String body) throws IOException {
        Path script = directory.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }

    private static OcrProperties properties(OcrProperties.Mode mode, String command, Duration budget) {
        return new OcrProperties(mode, command, "vie", 4, 1, budget, budget, 3, 300, 12_000_000, 40);
    }
}
