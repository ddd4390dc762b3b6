package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.congvan.attachment.AttachmentRejectedException.Reason;

/**
 * A TIFF's directories are read before an image reader opens the file (ADR 0067): what a writer makes passes; a
 * directory that names the same bytes over and over, which the JDK's reader read four bytes a system call for minutes,
 * is a damaged file.
 */
class TiffDirectoriesTests {

    @TempDir
    Path directory;

    private final ContentInspector inspector = new ContentInspector();

    @Test
    void theTiffsAWriterMakesPass() throws IOException {
        Path single = write("mot.tif", TestFiles.tiff());
        Path pages = write("ba-trang.tiff", threePages());

        assertThat(inspector.inspectScan(single, "mot.tif").contentType()).isEqualTo(ContentInspector.TIFF);
        assertThat(inspector.inspectScan(pages, "ba-trang.tiff").contentType()).isEqualTo(ContentInspector.TIFF);
    }

    /**
     * A readable 4 × 4 picture of 1 MB whose directory gives its strip offsets 50 times, 250,000 of them each: the
     * JDK's reader read 12.5 million values a system call each before it took the picture (the same picture of 4 MB
     * giving a million offsets 300 times held the request three minutes; a directory may have 65,535 entries).
     */
    @Test
    void aDirectoryNamingTheSameValuesOverAndOverIsADamagedScan() throws IOException {
        Path file = write("lap.tif", repeatedStripOffsets(50, 250_000));

        assertThatThrownBy(() -> inspector.inspectScan(file, "lap.tif"))
                .isInstanceOfSatisfying(
                        AttachmentRejectedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.CORRUPT));
    }

    @Test
    void theFillFormsRefuseItBeforeOcrReadsIt() throws IOException {
        Path file = write("lap.tif", repeatedStripOffsets(50, 250_000));
        UploadChecks checks = new UploadChecks(
                inspector,
                new AttachmentProperties(directory, DataSize.ofMegabytes(50), DataSize.ofMegabytes(200), 0, false));

        assertThatThrownBy(() -> checks.check(file, "lap.tif"))
                .isInstanceOfSatisfying(
                        AttachmentRejectedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.CORRUPT));
    }

    /**
     * A chain of directories that loops back to a first page naming most of the file: OCR reads it again for each of
     * the hundred pages it counts. The first page alone is readable.
     */
    @Test
    void aChainLoopingBackOnALargeDirectoryIsADamagedScan() throws IOException {
        byte[] tiff = repeatedStripOffsets(1, 250_000);
        int entries = ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN).getShort(8);
        ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN).putInt(10 + 12 * entries, 8);
        Path file = write("vong.tif", tiff);

        assertThatThrownBy(() -> inspector.inspectScan(file, "vong.tif"))
                .isInstanceOfSatisfying(
                        AttachmentRejectedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.CORRUPT));
    }

    @Test
    void theSamePictureWithItsStripOffsetsOncePasses() throws IOException {
        Path file = write("mot-lan.tif", repeatedStripOffsets(1, 16));

        assertThatCode(() -> inspector.inspectScan(file, "mot-lan.tif")).doesNotThrowAnyException();
    }

    /**
     * A 4 × 4 grey picture, uncompressed, in one strip, its strip offsets given {@code times} times with
     * {@code offsets} values each (all pointing at the pixels after the header), padded to hold them.
     */
    static byte[] repeatedStripOffsets(int times, int offsets) {
        int[][] fields = {
            {256, 3, 1, 4}, // ImageWidth
            {257, 3, 1, 4}, // ImageLength
            {258, 3, 1, 8}, // BitsPerSample
            {259, 3, 1, 1}, // Compression: none
            {262, 3, 1, 1}, // PhotometricInterpretation: black is zero
            {277, 3, 1, 1}, // SamplesPerPixel
            {278, 3, 1, 4}, // RowsPerStrip: one strip
        };
        int entries = fields.length + times + 1;
        int values = 8 + 2 + entries * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(values + offsets * 4).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort(8, (short) entries);
        int at = 10;
        for (int[] field : fields) {
            at = entry(tiff, at, field[0], field[1], field[2], field[3]);
        }
        for (int i = 0; i < times; i++) {
            // StripOffsets: each value 0, the header's bytes read as pixels (the picture's content does not matter).
            at = entry(tiff, at, 273, 4, offsets, values);
        }
        // StripByteCounts, as many: zeros (the offsets past the first name no strip of the picture).
        entry(tiff, at, 279, 4, offsets, values);
        return tiff.array();
    }

    private static int entry(ByteBuffer tiff, int at, int tag, int type, int count, int value) {
        tiff.putShort(at, (short) tag).putShort(at + 2, (short) type).putInt(at + 4, count);
        if (type == 3 && count == 1) {
            tiff.putShort(at + 8, (short) value);
        } else {
            tiff.putInt(at + 8, value);
        }
        return at + 12;
    }

    private static byte[] threePages() throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < 3; i++) {
                writer.writeToSequence(
                        new IIOImage(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), null, null), null);
            }
            writer.endWriteSequence();
            out.flush();
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }
}
