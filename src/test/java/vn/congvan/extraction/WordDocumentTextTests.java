package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.attachment.OleFiles;

/**
 * A Word 97-2003 document (.doc), which clerks still receive, fills the form like a DOCX (ADR 0065): its main text
 * through the same bounded path, fields as their results, the heading's table cells one after the other; a container
 * that passes the upload rules but is no readable document is a damaged file, and a huge text stream a refused one.
 */
class WordDocumentTextTests {

    /** The sample's heading as Word 97 keeps it: a two-cell table, a field for the page, a soft line break. */
    private static final String SAMPLE = "QUẬN ỦY QUẬN 1\rBAN TUYÊN GIÁO\r*\u0007ĐẢNG CỘNG SẢN VIỆT NAM\r"
            + "Quận 1, ngày 12 tháng 7 năm 2023\u0007\u0007"
            + "Số 65-CV/BTGQU\r"
            + "Về việc gửi tài liệu Thông báo nhanh\u000bkết quả Hội nghị\r"
            + "Kính gửi: Các chi bộ cơ sở\r"
            + "Trang \u0013 PAGE \\* MERGEFORMAT \u00141\u0015\r"
            + "Nơi nhận:\r- Như trên,\r- Lưu.\r"
            + "T/M BAN TUYÊN GIÁO\rTRƯỞNG BAN\r\u0001\rNguyễn Trung Châu Tuyên\r";

    @TempDir
    Path directory;

    @Test
    void theTextOfAWord97DocumentIsReadLikeADocx() throws IOException {
        Path file = write("65-CV-BTGQU.doc", OleFiles.wordDocumentWithText(SAMPLE, 0));

        String text = DocumentText.of(file, DocumentText.DOC);

        assertThat(text)
                .contains("QUẬN ỦY QUẬN 1\nBAN TUYÊN GIÁO\n*\nĐẢNG CỘNG SẢN VIỆT NAM\n")
                .contains("Thông báo nhanh\nkết quả")
                .contains("Trang 1\n")
                .doesNotContain("PAGE")
                .doesNotContain("MERGEFORMAT")
                .doesNotContainPattern("[\\u0000-\\u0008\\u000b-\\u001f]");
    }

    @Test
    void theFieldsOfAWord97DocumentAreReadThroughTheExtractor() throws IOException {
        Path file = write("65-CV-BTGQU.doc", OleFiles.wordDocumentWithText(SAMPLE, 0));

        Extraction read = extractor().read(file, "65-CV-BTGQU.doc", DocumentText.DOC);

        assertThat(read.number()).isEqualTo(65);
        assertThat(read.notation()).isEqualTo("CV/BTGQU");
        assertThat(read.issuedOn()).isEqualTo(java.time.LocalDate.of(2023, 7, 12));
        assertThat(read.issuer()).isEqualTo("BAN TUYÊN GIÁO");
        assertThat(read.signer().fullName()).isEqualTo("Nguyễn Trung Châu Tuyên");
    }

    @Test
    void aContainerThatPassesTheUploadRulesButHoldsNoDocumentIsADamagedFile() throws IOException {
        // A "WordDocument" stream with a FIB header and nothing behind it: what the upload rules check, no more.
        Path file = write("rong.doc", OleFiles.wordDocument());

        assertThatThrownBy(() -> extractor().read(file, "rong.doc", DocumentText.DOC))
                .isInstanceOfSatisfying(UnreadableFileException.class, damaged -> {
                    assertThat(damaged.damaged()).isTrue();
                    assertThat(damaged.messageKey()).isEqualTo("extraction.problem.damaged");
                });
    }

    @Test
    void aTextStreamLargerThanAnyDocumentsIsRefusedBeforeItIsRead() throws IOException {
        Path file = write(
                "lon.doc", OleFiles.wordDocumentWithText("Số 1-CV/BTG\r", (int) DocumentText.MAX_WORD_STREAM_BYTES));

        assertThatThrownBy(() -> extractor().read(file, "lon.doc", DocumentText.DOC))
                .isInstanceOfSatisfying(
                        ExtractionLimitException.class,
                        limit -> assertThat(limit.reason()).isEqualTo(ExtractionLimitException.Reason.OVERSIZED));
    }

    /**
     * A .doc of 2 MB whose piece table names its one megabyte of text five hundred times: HWPF copied every piece
     * and a 512 MB server ran out of memory.
     */
    @Test
    void aPieceTableNamingTheSameTextOverAndOverIsADamagedFile() throws IOException {
        Path file = write("lap.doc", OleFiles.wordDocumentWithRepeatedPieces("Số 1-CV/BTG\r".repeat(80_000), 500));

        assertDamaged(file, "lap.doc");
    }

    /** Eighty structures of the FIB each naming the whole table stream of 8 MB: HWPF copied each one. */
    @Test
    void structuresNamingTheWholeTableStreamOverAndOverAreADamagedFile() throws IOException {
        Path file = write(
                "bang.doc",
                OleFiles.wordDocumentWithStructuresOverTheTable(
                        "Số 1-CV/BTG\r", (int) DocumentText.MAX_WORD_STREAM_BYTES - 4096));

        assertDamaged(file, "bang.doc");
    }

    /**
     * A formatting table naming one page of a hundred runs 99,000 times (POI refuses a table of more than 100,000
     * entries): HWPF made ten million runs and a 512 MB server ran out of memory.
     */
    @Test
    void aFormattingPageNamedOverAndOverIsADamagedFile() throws IOException {
        Path file = write(
                "dinhdang.doc", OleFiles.wordDocumentWithRepeatedFormattingPage("Số 1-CV/BTG\r".repeat(10), 99_000));

        assertDamaged(file, "dinhdang.doc");
    }

    /** Sections naming one list of 32 KB of properties 99,000 times: HWPF copied and parsed 3 GB of them. */
    @Test
    void sectionPropertiesNamedOverAndOverAreADamagedFile() throws IOException {
        Path file = write(
                "phan.doc", OleFiles.wordDocumentWithRepeatedSectionProperties("Số 1-CV/BTG\r".repeat(10), 99_000));

        assertDamaged(file, "phan.doc");
    }

    @Test
    void aDocumentWithASectionOfItsOwnIsRead() throws IOException {
        Path file =
                write("phan.doc", OleFiles.wordDocumentWithRepeatedSectionProperties("Số 1-CV/BTG\r".repeat(10), 1));

        assertThat(DocumentText.of(file, DocumentText.DOC)).startsWith("Số 1-CV/BTG\nSố 1-CV/BTG\n");
    }

    /**
     * 16,000 pages of runs, each named once, whose 101 runs all lie over the same 2,000 characters: HWPF made 1.6
     * million runs, more than 256 MB for one file of 8 MB.
     */
    @Test
    void formattingRunsOverEachOtherAreADamagedFile() throws IOException {
        Path file = write("chong.doc", OleFiles.wordDocumentWithRunsOverEachOther("Số 1-CV/BTG\r".repeat(160), 16_000));

        assertDamaged(file, "chong.doc");
    }

    @Test
    void aDocumentWithAFormattingPageIsRead() throws IOException {
        Path file =
                write("dinhdang.doc", OleFiles.wordDocumentWithRepeatedFormattingPage("Số 1-CV/BTG\r".repeat(10), 1));

        assertThat(DocumentText.of(file, DocumentText.DOC)).startsWith("Số 1-CV/BTG\nSố 1-CV/BTG\n");
    }

    private static void assertDamaged(Path file, String name) {
        assertThatThrownBy(() -> extractor().read(file, name, DocumentText.DOC))
                .isInstanceOfSatisfying(
                        UnreadableFileException.class,
                        damaged -> assertThat(damaged.damaged()).isTrue());
    }

    @Test
    void atMostTheKeptCharactersOfAWordTextAreMadePlain() {
        String text = DocumentText.wordText("a\r".repeat(DocumentText.MAX_CHARS));

        assertThat(text.length()).isLessThanOrEqualTo(DocumentText.MAX_CHARS + 1);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }

    private static Extractor extractor() {
        Duration budget = Duration.ofMinutes(2);
        OcrProperties properties = new OcrProperties(
                OcrProperties.Mode.OFF, "tesseract", "vie", 4, 1, budget, budget, 3, 300, 12_000_000, 40);
        ExtractionProperties bounds =
                new ExtractionProperties(1, Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofSeconds(30));
        return new Extractor(null, new TesseractOcr(properties), properties, new ExtractionPool(bounds));
    }
}
