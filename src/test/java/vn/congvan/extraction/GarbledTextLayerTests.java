package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PDF whose text layer does not say what its pages show is read from its pages by OCR (ADR 0058); one whose layer
 * is right is not. The tests that read fields use the installed Tesseract and fail, not skip, without it (.ci/run
 * installs it); those that count runs use a stand-in.
 */
class GarbledTextLayerTests {

    @TempDir
    Path directory;

    @Test
    void aScanWhoseInvisibleLayerLostItsDiacriticsIsReadFromItsPicture() throws IOException {
        // The usual "OCR'd scan": the page's picture, and over it in invisible text (render mode 3) what a failed
        // recognition made of it.
        Path pdf = write("ocr-da-hong.pdf", invisibleLayerOverTheScan(withoutDiacritics(sampleText())));

        Extraction extraction = extractor(tesseract()).read(pdf, "ocr-da-hong.pdf", DocumentText.PDF);

        assertThat(extraction.layoutFindings().get(0).code()).isEqualTo(Finding.Code.TEXT_LAYER_REREAD);
        assertThat(extraction.layoutFindings().get(0).detail()).startsWith("QUAN UY QUAN 1");
        assertFromThePicture(extraction);
    }

    @Test
    void aPageWhoseFontMapsItsGlyphsToPrivateUseCodesIsReadFromWhatItDraws() throws IOException {
        // Glyph codes are not letters: under 40 letters a page, the layer is taken for a scan's (ADR 0046).
        Path pdf = write("font-hong.pdf", withGlyphCodesForText(Scans.samplePage()));
        assertThat(TextLayer.of(DocumentText.pdf(pdf).text()).garbled()).isTrue();

        Extraction extraction = extractor(tesseract()).read(pdf, "font-hong.pdf", DocumentText.PDF);

        assertFromThePicture(extraction);
    }

    @Test
    void aRightTextLayerIsReadAsItIsWithoutAnyRecognition() throws IOException {
        Path runs = directory.resolve("runs");
        Path pdf = write("dung.pdf", Scans.samplePage());

        Extraction extraction = extractor(counting(runs)).read(pdf, "dung.pdf", DocumentText.PDF);

        assertThat(runs).doesNotExist();
        assertThat(extraction).isEqualTo(FieldReader.read(DocumentText.of(pdf, DocumentText.PDF)));
        assertThat(extraction.layoutFindings())
                .extracting(Finding::code)
                .doesNotContain(Finding.Code.TEXT_LAYER_REREAD, Finding.Code.TEXT_LAYER_GARBLED);
    }

    @Test
    void aLayerTypedInALegacyVietnameseFontIsReadFromTheLayerWithoutAnyRecognition() throws IOException {
        // A standard font's WinAnsi carries the legacy codes as they are, as Word's PDF of a .VnTime document does
        // (ADR 0068): once converted the layer is clean, so it is not sent to OCR.
        Extraction unicode = FieldReader.read(sampleText());
        for (String encoding : List.of("TCVN3", "VNI")) {
            Path runs = directory.resolve("runs-" + encoding);
            String legacy = encoding.equals("VNI") ? LegacyFonts.vni(sampleText()) : LegacyFonts.tcvn3(sampleText());
            Path pdf = write(encoding + ".pdf", invisibleLayerOverTheScan(legacy));
            assertThat(TextLayer.of(legacy).garbled()).isTrue();

            Extraction extraction = extractor(counting(runs)).read(pdf, encoding + ".pdf", DocumentText.PDF);

            assertThat(runs).as(encoding).doesNotExist();
            assertThat(extraction.layoutFindings())
                    .extracting(Finding::code)
                    .doesNotContain(Finding.Code.TEXT_LAYER_REREAD, Finding.Code.TEXT_LAYER_GARBLED);
            assertThat(extraction.number()).isEqualTo(65);
            assertThat(extraction.notation()).isEqualTo("CV/BTGQU");
            assertThat(extraction.issuer()).isEqualTo(unicode.issuer()).isEqualTo("BAN TUYÊN GIÁO");
            assertThat(extraction.issuerParent()).isEqualTo("QUẬN ỦY QUẬN 1");
            assertThat(extraction.signer().fullName()).isEqualTo("Nguyễn Trung Châu Tuyên");
            assertThat(extraction.subject()).isEqualTo(unicode.subject());
        }
    }

    @Test
    void aGarbledLayerIsRecognisedAndTheBetterReadingKept() throws IOException {
        Path runs = directory.resolve("runs");
        Path pdf = write("ocr-da-hong.pdf", invisibleLayerOverTheScan(withoutDiacritics(sampleText())));

        // The stand-in recognises nothing useful: the layer's reading, with its fields, is the better one.
        Extraction extraction = extractor(counting(runs)).read(pdf, "ocr-da-hong.pdf", DocumentText.PDF);

        assertThat(runs).exists();
        assertThat(extraction.number()).isEqualTo(65);
        assertThat(extraction.layoutFindings().get(0).code()).isEqualTo(Finding.Code.TEXT_LAYER_GARBLED);
    }

    @Test
    void withoutOcrAGarbledLayerIsReadAsItIsAndTheClerkIsToldToCheck() throws IOException {
        Path pdf = write("ocr-da-hong.pdf", invisibleLayerOverTheScan(withoutDiacritics(sampleText())));
        TesseractOcr off = new TesseractOcr(properties(OcrProperties.Mode.OFF, "tesseract"));

        Extraction extraction = extractor(off).read(pdf, "ocr-da-hong.pdf", DocumentText.PDF);

        assertThat(extraction.number()).isEqualTo(65);
        assertThat(extraction.layoutFindings().get(0).code()).isEqualTo(Finding.Code.TEXT_LAYER_GARBLED);
        assertThat(extraction.layoutFindings().get(0).detail()).startsWith("QUAN UY QUAN 1");
    }

    private static void assertFromThePicture(Extraction extraction) {
        assertThat(extraction.number()).isEqualTo(65);
        assertThat(extraction.notation()).isEqualTo("CV/BTGQU");
        // One accent of the issuer is misread on some renderings (TUYỂN), as on scans (ADR 0054); its diacritics come
        // from the picture all the same.
        assertThat(extraction.issuer()).startsWith("BAN TUY").endsWith("N GIÁO");
        assertThat(extraction.issuerParent()).isEqualTo("QUẬN ỦY QUẬN 1");
        assertThat(extraction.place()).isEqualTo("Quận 1");
        assertThat(extraction.signer().fullName()).isEqualTo("Nguyễn Trung Châu Tuyên");
        // Read from OCR: the confidences are a scan's.
        assertThat(extraction.confidence().get("number")).isLessThan(0.9);
    }

    private Extractor extractor(TesseractOcr ocr) {
        ExtractionProperties bounds =
                new ExtractionProperties(1, Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofSeconds(30));
        return new Extractor(null, ocr, properties(OcrProperties.Mode.ON, "tesseract"), new ExtractionPool(bounds));
    }

    private static TesseractOcr tesseract() {
        // Mode "on" refuses to start without the program and its Vietnamese data: this fails, it is not skipped.
        return new TesseractOcr(properties(OcrProperties.Mode.ON, "tesseract"));
    }

    /** A stand-in for Tesseract that notes each run in {@code runs} and recognises a line without fields. */
    private TesseractOcr counting(Path runs) throws IOException {
        Path script = directory.resolve("fake-tesseract");
        Files.writeString(
                script,
                "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo 'List of available languages (1):'; echo vie;"
                        + " exit 0; fi\necho run >> '" + runs + "'\necho 'trang'\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return new TesseractOcr(properties(OcrProperties.Mode.ON, script.toString()));
    }

    private static OcrProperties properties(OcrProperties.Mode mode, String command) {
        Duration budget = Duration.ofMinutes(2);
        return new OcrProperties(mode, command, "vie", 4, 1, budget, budget, 3, 300, 12_000_000, 40);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }

    static String sampleText() {
        try (PDDocument document = Loader.loadPDF(Scans.samplePage())) {
            return PdfColumns.text(document, 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String withoutDiacritics(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('đ', 'd')
                .replace('Đ', 'D')
                .replaceAll("[^\\x20-\\x7E\\n]", "-");
    }

    /** The sample's scan as a PDF, with {@code text} drawn over it line by line in invisible text. */
    static byte[] invisibleLayerOverTheScan(String text) throws IOException {
        try (PDDocument document = Loader.loadPDF(Scans.sampleImagePdf());
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = document.getPage(0);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            try (PDPageContentStream content =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                float y = 800;
                for (String line : text.split("\n")) {
                    if (!line.isBlank()) {
                        content.beginText();
                        content.setRenderingMode(RenderingMode.NEITHER);
                        content.setFont(font, 12);
                        content.newLineAtOffset(60, y);
                        content.showText(line.strip());
                        content.endText();
                    }
                    y -= 16;
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /**
     * The typeset page with each font's ToUnicode map replaced by one that sends every glyph to a private-use code:
     * the page draws the same letters, its text layer is glyph numbers.
     */
    private static byte[] withGlyphCodesForText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDResources resources = document.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                COSStream map = document.getDocument().createCOSStream();
                try (OutputStream cmap = map.createOutputStream()) {
                    cmap.write(privateUseCMap().getBytes(StandardCharsets.US_ASCII));
                }
                resources.getFont(name).getCOSObject().setItem(COSName.TO_UNICODE, map);
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String privateUseCMap() {
        StringBuilder ranges = new StringBuilder();
        List<Integer> blocks = java.util.stream.IntStream.range(0, 25).boxed().toList();
        for (int block : blocks) {
            ranges.append(String.format("<%02X00> <%02XFF> <%04X>%n", block, block, 0xE000 + block * 0x100));
        }
        return "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
                + blocks.size() + " beginbfrange\n" + ranges + "endbfrange\n"
                + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    }
}
