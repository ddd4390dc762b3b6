package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that throw PDFBox off with an unchecked exception instead of an I/O error (a clerk trial's file answered 500):
 * each is a damaged file, told as such, while a failure of our own code stays a server error.
 */
class BrokenParserTests {

    private static final String CATALOG = "<< /Type /Catalog /Pages 2 0 R >>";

    @TempDir
    Path directory;

    @Test
    void aPageTreeWhoseKidIsANumberIsADamagedFile() throws IOException {
        // PDFBox counts the page, then throws IllegalStateException when asked for it: the text layer is empty, so
        // the file goes to OCR, which breaks on the page.
        Path file = write("cay-trang.pdf", pdf(CATALOG, "<< /Type /Pages /Kids [7] /Count 1 >>"));

        assertThatThrownBy(() -> extractor().read(file, "cay-trang.pdf", DocumentText.PDF))
                .isInstanceOfSatisfying(UnreadableFileException.class, damaged -> {
                    assertThat(damaged.damaged()).isTrue();
                    assertThat(damaged.getCause()).isInstanceOf(IllegalStateException.class);
                    assertThat(damaged.messageKey()).isEqualTo("extraction.problem.damaged");
                });
    }

    @Test
    void aScanWhosePictureHasAColourTableOfNegativeSizeIsADamagedFile() throws IOException {
        Path file = write("bang-mau.pdf", withPicture(""));

        assertThatThrownBy(() -> extractor().read(file, "bang-mau.pdf", DocumentText.PDF))
                .isInstanceOfSatisfying(UnreadableFileException.class, damaged -> {
                    assertThat(damaged.damaged()).isTrue();
                    assertThat(damaged.getCause()).isInstanceOf(NegativeArraySizeException.class);
                });
        // The forms say it in Vietnamese, as for any damaged file.
        assertThat(ExtractionProblemTests.messages()
                        .getMessage("extraction.problem.damaged", new Object[] {"bang-mau.pdf"}, Locale.ROOT))
                .contains("bị hỏng");
    }

    @Test
    void aGarbledLayerOverAPictureThatBreaksPdfBoxIsReadAsItIs() throws IOException {
        // The layer has no diacritics, so its pages are drawn to be read again; drawing them breaks PDFBox. The
        // layer, which PDFBox read, stands, with the finding that asks the clerk to check it.
        Path file = write(
                "lop-chu.pdf",
                withPicture("BT /F1 12 Tf 60 780 Td 14 TL (QUAN UY QUAN 1) Tj T* (BAN TUYEN GIAO) Tj T*"
                        + " (So 65-CV/BTGQU) Tj T* (Quan 1, ngay 12 thang 7 nam 2023) Tj T* (CONG VAN) Tj T*"
                        + " (Ve viec tham gia cuoc thi tim hieu lich su Dang bo quan) Tj T*"
                        + " (Kinh gui cac chi bo co so truc thuoc Quan uy) Tj ET\n"));

        Extraction extraction = extractor().read(file, "lop-chu.pdf", DocumentText.PDF);

        assertThat(extraction.number()).isEqualTo(65);
        assertThat(extraction.layoutFindings()).extracting(Finding::code).contains(Finding.Code.TEXT_LAYER_GARBLED);
    }

    @Test
    void onlyAFailureRaisedInsideAParserIsTheFiles() {
        // What PDFBox threw, directly or through the platform's collections, is the file's failure.
        assertThat(Extractor.brokenReader(thrownAt("org.apache.pdfbox.pdmodel.PDPageTree", "vn.congvan.X")))
                .isTrue();
        assertThat(Extractor.brokenReader(
                        thrownAt("java.util.ArrayList", "org.apache.fontbox.cmap.CMap", "vn.congvan.X")))
                .isTrue();
        assertThat(Extractor.brokenReader(thrownAt("com.sun.org.apache.xerces.internal.impl.XMLScanner")))
                .isTrue();
        // Our own code's failure, even with a parser below it on the stack (a callback PDFBox calls), is a bug.
        assertThat(Extractor.brokenReader(thrownAt(
                        "java.util.ArrayList", "vn.congvan.extraction.PdfColumns", "org.apache.pdfbox.text.X")))
                .isFalse();
        assertThat(Extractor.brokenReader(thrownAt("vn.congvan.extraction.FieldReader")))
                .isFalse();
        // Our own refusals keep their meaning (503 busy, 422 oversized, OCR's reasons).
        ExtractionLimitException limit =
                new ExtractionLimitException(ExtractionLimitException.Reason.BUSY, "cv.pdf", "busy");
        limit.setStackTrace(frames("org.apache.pdfbox.contentstream.PDFStreamEngine"));
        assertThat(Extractor.brokenReader(limit)).isFalse();
    }

    private static RuntimeException thrownAt(String... classes) {
        RuntimeException failure = new IllegalStateException("thrown");
        failure.setStackTrace(frames(classes));
        return failure;
    }

    private static StackTraceElement[] frames(String... classes) {
        return java.util.Arrays.stream(classes)
                .map(type -> new StackTraceElement(type, "run", null, 1))
                .toArray(StackTraceElement[]::new);
    }

    /** A page drawing a picture whose indexed colour space declares -7 entries, under the given text. */
    private static byte[] withPicture(String text) {
        String content = text + "q 100 0 0 100 200 200 cm /Im1 Do Q";
        return pdf(
                CATALOG,
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >>"
                        + " /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /BitsPerComponent 8"
                        + " /ColorSpace [/Indexed /DeviceRGB -7 <00>] /Length 4 >>\nstream\nabcd\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    }

    /** A PDF of the given objects, numbered from 1, with a cross-reference table that finds them. */
    private static byte[] pdf(String... objects) {
        StringBuilder file = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(file.length());
            file.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = file.length();
        file.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> file.append(String.format("%010d 00000 n \n", offset)));
        file.append("trailer\n<< /Size ")
                .append(objects.length + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return file.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }

    /**
     * An extractor whose OCR is a stand-in that recognises a line without fields: PDFBox breaks before any page
     * reaches it, so no Tesseract is needed to draw the page.
     */
    private Extractor extractor() throws IOException {
        Path script = directory.resolve("fake-tesseract");
        Files.writeString(
                script,
                "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo 'List of available languages (1):'; echo vie;"
                        + " exit 0; fi\necho 'trang'\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Duration budget = Duration.ofMinutes(2);
        OcrProperties properties = new OcrProperties(
                OcrProperties.Mode.ON, script.toString(), "vie", 4, 1, budget, budget, 3, 300, 12_000_000, 40);
        ExtractionProperties bounds =
                new ExtractionProperties(1, Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofSeconds(30));
        return new Extractor(null, new TesseractOcr(properties), properties, new ExtractionPool(bounds));
    }
}
