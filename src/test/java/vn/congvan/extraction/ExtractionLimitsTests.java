package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.extraction.ExtractionLimitException.Reason;

/** Every reading of a file is bounded (ADR 0058): in number at once, in time, and in what a file may unpack to. */
class ExtractionLimitsTests {

    @TempDir
    Path directory;

    @Test
    void whenEveryTurnIsTakenTheNextFileIsRefusedAsBusyNotQueuedWithoutEnd() throws Exception {
        ExtractionPool pool = pool(1);
        Extractor extractor = new Extractor(null, null, null, pool);
        Path text = Files.writeString(directory.resolve("cv.txt"), "Số: 12/UBND-VP", StandardCharsets.UTF_8);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // Another clerk's file holds the only turn until the test lets it go.
            Future<?> held = other.submit(() -> {
                try (ExtractionPool.Turn turn = pool.take("other.pdf")) {
                    holding.countDown();
                    release.await();
                }
                return null;
            });
            holding.await();

            assertThatThrownBy(() -> extractor.extract(text, "cv.txt"))
                    .isInstanceOfSatisfying(
                            ExtractionLimitException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.BUSY));

            release.countDown();
            held.get();
        } finally {
            release.countDown();
            other.shutdownNow();
        }
        // The turn came back: the next file is read.
        assertThat(pool.turns.availablePermits()).isEqualTo(1);
        try (ExtractionPool.Turn turn = pool.take("cv.txt")) {
            assertThat(extractor.read(text, "cv.txt", DocumentText.TEXT).number())
                    .isEqualTo(12);
        }
    }

    @Test
    void aFormFilledWithoutScriptIsToldInVietnameseThatTheServerIsBusy() throws Exception {
        ExtractionPool pool = pool(1);
        FormReading forms = new FormReading(new Extractor(null, null, null, pool), ExtractionProblemTests.messages());
        pool.turns.acquire();
        try {
            FormReading.Reading reading = forms.read(
                    new org.springframework.mock.web.MockMultipartFile(
                            "tep", "cv.txt", "text/plain", "Số: 12/UBND-VP".getBytes(StandardCharsets.UTF_8)),
                    java.util.Locale.ROOT);

            assertThat(reading.failed()).isTrue();
            assertThat(reading.problem()).contains("đang đọc nhiều tệp khác").contains("\"cv.txt\"");
        } finally {
            pool.turns.release();
        }
    }

    @Test
    void aFileThatFailsGivesItsTurnBack() throws IOException {
        ExtractionPool pool = pool(1);
        Extractor extractor = new Extractor(null, null, null, pool);
        Path text = Files.writeString(directory.resolve("cv.txt"), "Số: 12/UBND-VP", StandardCharsets.UTF_8);

        // The upload checks (absent here) fail inside the turn.
        assertThatThrownBy(() -> extractor.extract(text, "cv.txt")).isInstanceOf(NullPointerException.class);
        assertThat(pool.turns.availablePermits()).isEqualTo(1);
    }

    @Test
    void readingAPdfsTextLayerStopsWhenItsBudgetIsSpent() throws IOException {
        Path pdf = Files.write(directory.resolve("cv.pdf"), Scans.samplePage());

        assertThatThrownBy(() -> DocumentText.pdf(pdf, Budget.of(Duration.ZERO, "cv.pdf")))
                .isInstanceOfSatisfying(
                        ExtractionLimitException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        assertThat(DocumentText.pdf(pdf, Budget.of(Duration.ofMinutes(5), "cv.pdf"))
                        .text())
                .contains("Số 65-CV/BTGQU");
    }

    @Test
    void readingADocxOrOdtStopsWhenItsBudgetIsSpent() throws IOException {
        Path docx = zip("cv.docx", "word/document.xml", documentXml("<w:p><w:r><w:t>Số: 12/UBND-VP</w:t></w:r></w:p>"));

        assertThatThrownBy(() -> DocumentText.of(docx, DocumentText.DOCX, Budget.of(Duration.ZERO, "cv.docx")))
                .isInstanceOfSatisfying(
                        ExtractionLimitException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        assertThat(DocumentText.of(docx, DocumentText.DOCX, Budget.of(Duration.ofMinutes(5), "cv.docx")))
                .contains("Số: 12/UBND-VP");
    }

    /**
     * A text file has no reader that checks the clock: its legacy repair and its field reading must (ADR 0067,
     * amendment of 2026-12-01). A spent budget stops it; before, the file was read to the end whatever the budget.
     */
    @Test
    void readingATextFilesFieldsStopsWhenItsBudgetIsSpent() throws IOException {
        Path text = Files.writeString(directory.resolve("cv.txt"), "Số: 12/UBND-VP\nKính gửi: Sở Nội vụ");
        Extractor spent = new Extractor(
                null,
                null,
                null,
                new ExtractionPool(
                        new ExtractionProperties(1, Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(30))));

        assertThatThrownBy(() -> spent.read(text, "cv.txt", DocumentText.TEXT))
                .isInstanceOfSatisfying(
                        ExtractionLimitException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        assertThat(new Extractor(null, null, null, pool(1))
                        .read(text, "cv.txt", DocumentText.TEXT)
                        .number())
                .isEqualTo(12);
    }

    /** The repair of legacy lines checks its budget at every line, counted, not timed. */
    @Test
    void repairingLegacyLinesChecksTheBudgetAtEveryLine() {
        String tcvn3 = "Ban Tuyªn gi¸o TØnh ñy\n".repeat(2_000);

        assertThatThrownBy(() -> LegacyEncoding.repair(tcvn3, Budget.ofChecks(1_999, "cv.txt")))
                .isInstanceOfSatisfying(
                        ExtractionLimitException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        assertThat(LegacyEncoding.repair(tcvn3, Budget.ofChecks(10_000, "cv.txt")))
                .isEqualTo(LegacyEncoding.repair(tcvn3))
                .startsWith("Ban Tuyên giáo Tỉnh ủy\n");
    }

    /**
     * The field reader checks its budget between its passes and at every line it cuts, not once before it starts:
     * a budget of a thousand checks is spent on a text of a few thousand lines, and the same reading with budget to
     * spare finds what it finds without one.
     */
    @Test
    void readingFieldsChecksTheBudgetAsItGoes() {
        String text = "Số: 12/UBND-VP\nKính gửi: Sở Nội vụ\n" + "Nội dung của văn bản.\n".repeat(5_000);

        assertThatThrownBy(() -> FieldReader.read(text, Budget.ofChecks(1_000, "cv.txt")))
                .isInstanceOfSatisfying(
                        ExtractionLimitException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        assertThatThrownBy(() -> FieldReader.read("Số: 12/UBND-VP", Budget.ofChecks(1, "cv.txt")))
                .isInstanceOf(ExtractionLimitException.class);
        assertThat(FieldReader.read(text, Budget.ofChecks(100_000, "cv.txt"))).isEqualTo(FieldReader.read(text));
    }

    @Test
    void aDocxThatUnpacksToMoreThanAnyDocumentIsRefusedAsOversized() throws IOException {
        // 42 MB of bookmarks, deflated to about 40 KB: no text, so the text limit never stops the reading.
        Path bomb = zip("bomb.docx", "word/document.xml", documentXml("<w:bookmarkEnd/>".repeat(3_000_000)));

        assertThatThrownBy(
                        () -> DocumentText.of(bomb, DocumentText.DOCX, Budget.of(Duration.ofMinutes(5), "bomb.docx")))
                .isInstanceOfSatisfying(ExtractionLimitException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.OVERSIZED);
                    assertThat(e.filename()).isEqualTo("bomb.docx");
                });
    }

    @Test
    void aZipThatUnderstatesItsEntrysSizeIsStoppedWhereItsBytesPassTheLimit() throws IOException {
        Path bomb = zip("bomb.odt", "content.xml", odtXml("<office:forms/>".repeat(3_000_000)));
        understateSizes(bomb);

        assertThatThrownBy(() -> DocumentText.of(bomb, DocumentText.ODT, Budget.of(Duration.ofMinutes(5), "bomb.odt")))
                .isInstanceOfSatisfying(
                        ExtractionLimitException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OVERSIZED));
    }

    @Test
    void xmlNestedDeeperThanAnyDocumentIsRefusedAsOversized() throws IOException {
        String nested = "<w:sdt>".repeat(20_000) + "</w:sdt>".repeat(20_000);
        Path docx = zip("deep.docx", "word/document.xml", documentXml(nested));
        Path odt = zip("deep.odt", "content.xml", odtXml("<text:span>".repeat(20_000) + "</text:span>".repeat(20_000)));

        assertThatThrownBy(
                        () -> DocumentText.of(docx, DocumentText.DOCX, Budget.of(Duration.ofMinutes(5), "deep.docx")))
                .isInstanceOfSatisfying(
                        ExtractionLimitException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OVERSIZED));
        assertThatThrownBy(() -> DocumentText.of(odt, DocumentText.ODT, Budget.of(Duration.ofMinutes(5), "deep.odt")))
                .isInstanceOfSatisfying(
                        ExtractionLimitException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OVERSIZED));
    }

    @Test
    void onlyTheHeadOfAPlainTextFileIsReadAndACharacterCutAtItsEndIsDropped() throws IOException {
        // "ệ" is three bytes: after one "a", the limit falls inside a character. Past the head, bytes that are not
        // UTF-8 at all: reading the whole file would refuse it as damaged.
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write('a');
        content.write("ệ".repeat(DocumentText.MAX_TEXT_BYTES / 3).getBytes(StandardCharsets.UTF_8));
        content.write(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFF});
        Path text = Files.write(directory.resolve("long.txt"), content.toByteArray());

        String read = DocumentText.of(text, DocumentText.TEXT);

        assertThat(read).startsWith("aệệ").hasSize(DocumentText.MAX_CHARS).doesNotContain("\uFFFD");
    }

    @Test
    void aPageDrawingMoreGlyphsThanAnyPageHasIsLaidOutOnlyAsFarAsTheLimit() throws IOException {
        Path pdf = Files.write(directory.resolve("dense.pdf"), densePage(600, 100));

        String text = DocumentText.pdf(pdf).text();

        assertThat(text.codePoints().filter(Character::isLetter).count())
                .isLessThanOrEqualTo(PdfColumns.MAX_LAID_OUT_GLYPHS + 100L)
                .isGreaterThan(PdfColumns.MAX_LAID_OUT_GLYPHS / 2L);
    }

    private static ExtractionPool pool(int turns) {
        return new ExtractionPool(new ExtractionProperties(
                turns, Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofSeconds(30)));
    }

    private static String documentXml(String body) {
        return "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body
                + "</w:body></w:document>";
    }

    private static String odtXml(String body) {
        return "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>" + body
                + "</office:text></office:body></office:document-content>";
    }

    private Path zip(String name, String entry, String xml) throws IOException {
        Path file = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(xml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /** Writes 1 000 as the uncompressed size of every entry in the zip's central directory, as a forged zip would. */
    private static void understateSizes(Path zip) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= bytes.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) {
                buffer.putInt(i + 24, 1_000);
            }
        }
        Files.write(zip, bytes);
    }

    /** One page of {@code lines} lines of {@code letters} letters each, in a 1-point font. */
    private static byte[] densePage(int lines, int letters) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            String line = "x".repeat(letters);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 0.5f);
                content.newLineAtOffset(10, 830);
                for (int i = 0; i < lines; i++) {
                    content.showText(line);
                    content.newLineAtOffset(0, -0.55f);
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
