package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class PdfWatermarkTests {

    static final CopyStamp STAMP = new CopyStamp(
            "0123456789abcdef0123",
            41L,
            "Đảng ủy phường Sài Gòn",
            7L,
            "saigon",
            ZonedDateTime.of(2026, 11, 30, 14, 5, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh")));

    @TempDir
    Path root;

    FileSystemAttachmentStorage storage;

    PdfWatermark watermark;

    @BeforeEach
    void setUp() throws IOException {
        storage = new FileSystemAttachmentStorage(
                new AttachmentProperties(root, DataSize.ofMegabytes(1), DataSize.ofMegabytes(2), 600, true));
        watermark = new PdfWatermark(storage, new WatermarkProperties(1, Duration.ofSeconds(20), 50));
    }

    @Test
    void everyPageNamesTheUnitTheAccountTheTimeAndTheCopy() throws IOException {
        String key = store(textPdf(3));
        Path copy = watermark.stamp(key, STAMP);
        try (PDDocument document = Loader.loadPDF(copy.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= 3; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document))
                        .contains("Page " + page)
                        .contains("Bản cấp cho: Đảng ủy phường Sài Gòn — tài khoản saigon — 30/11/2026 14:05")
                        .contains("0123456789abcdef0123");
            }
            assertThat(document.getDocumentInformation().getCustomMetadataValue("CongvanCopyId"))
                    .isEqualTo("0123456789abcdef0123");
            assertThat(document.getDocumentInformation().getCustomMetadataValue("CongvanUnitId"))
                    .isEqualTo("41");
            assertThat(document.getDocumentInformation().getCustomMetadataValue("CongvanAccountId"))
                    .isEqualTo("7");
            assertThat(document.getDocumentInformation().getCustomMetadataValue("CongvanIssuedAt"))
                    .isEqualTo("2026-11-30T14:05+07:00");
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @Test
    void theCopyKeepsTheOriginalBytesAsItsFirstRevisionAndTheStoredFileIsUntouched() throws Exception {
        byte[] original = textPdf(2);
        String key = store(original);
        Path copy = watermark.stamp(key, STAMP);
        try {
            byte[] stamped = Files.readAllBytes(copy);
            assertThat(stamped).isNotEqualTo(original).startsWith(original);
            try (var in = storage.open(key)) {
                assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(original));
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @Test
    void aRotatedPageIsStampedToo() throws IOException {
        byte[] rotated;
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            page.setRotation(90);
            document.addPage(page);
            document.save(out);
            rotated = out.toByteArray();
        }
        Path copy = watermark.stamp(store(rotated), STAMP);
        try (PDDocument document = Loader.loadPDF(copy.toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains("tài khoản saigon");
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @Test
    void anEncryptedPdfIsRefused() throws IOException {
        String key = store(TestFiles.encryptedPdf());

        assertThatThrownBy(() -> watermark.stamp(key, STAMP))
                .isInstanceOf(CopyNotStampedException.class)
                .satisfies(refused ->
                        assertThat(((CopyNotStampedException) refused).busy()).isFalse());
    }

    @Test
    void aBrokenPdfIsRefused() throws IOException {
        String key = store(TestFiles.corruptPdf());

        assertThatThrownBy(() -> watermark.stamp(key, STAMP)).isInstanceOf(CopyNotStampedException.class);
    }

    @Test
    void aPdfOverThePageBudgetIsRefused() throws IOException {
        String key = store(TestFiles.pdf(51));

        assertThatThrownBy(() -> watermark.stamp(key, STAMP)).isInstanceOf(CopyNotStampedException.class);
    }

    @Test
    void aCharacterTheFontLacksDoesNotStopTheCopy() throws IOException {
        CopyStamp odd = new CopyStamp(
                "ffff", 1L, "Đơn vị \u4e2d\u6587\n", 2L, "saigon", ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        Path copy = watermark.stamp(store(TestFiles.pdf(1)), odd);
        try (PDDocument document = Loader.loadPDF(copy.toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Đơn vị ??");
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @Test
    void issuedStampsHaveDistinctCopyIds() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(CopyStamp.issue(1L, "A", 2L, "a", now).copyId())
                .hasSize(20)
                .isNotEqualTo(CopyStamp.issue(1L, "A", 2L, "a", now).copyId());
    }

    private String store(byte[] bytes) throws IOException {
        try (StagedFile staged = storage.stage(new ByteArrayInputStream(bytes), bytes.length)) {
            return storage.commit(staged);
        }
    }

    /** A PDF with a line of text on each page, as a document printed from Word has. */
    static byte[] textPdf(int pages) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(helvetica, 12);
                    content.newLineAtOffset(72, 700);
                    content.showText("Page " + i);
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
