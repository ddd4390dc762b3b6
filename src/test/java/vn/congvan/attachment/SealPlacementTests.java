package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.congvan.attachment.PdfSealer.Placement;
import vn.congvan.attachment.PdfSealer.Seal;
import vn.congvan.attachment.SignerBlocks.SignerHints;

/**
 * ADR 0053: the organisation's visible signature lands where NĐ 30/2020 Phụ lục I puts it: over the left third of the
 * signer's signature on the main document, at the top right of the first page of an attached document (or when no
 * signer's block is found), upright and inside the page as shown whatever the page's rotation and boxes. Positions are
 * checked on the page as PDFBox renders it (rotation applied), against the text as PDFBox reads it, not through the
 * sealer's own arithmetic; every signed copy still verifies and keeps the original as its prefix.
 */
class SealPlacementTests {

    private static final String ORGANIZATION = "Ban Tuyên giáo Quận ủy Quận 1";

    private static final SignerHints SIGNER =
            new SignerHints(List.of("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"), "Nguyễn Văn An");

    @TempDir
    Path directory;

    @Test
    void onTheMainDocumentTheSealCoversTheLeftThirdOfTheSignersSignatureOnTheLastPage() throws IOException {
        Page plain = new Page(0, PDRectangle.A4, PDRectangle.A4);
        byte[] original = document(plain, 2, true);

        Signed signed = sign(original, new Seal(ORGANIZATION, "65-CV/BTGQU", SIGNER));

        assertThat(signed.placement()).isEqualTo(Placement.OVER_SIGNER);
        assertThat(signed.page()).isEqualTo(1);
        Block block = signerBlock(signed.bytes(), 1);
        Ink red = signed.red();
        // Between the title lines and the name, where the signer signs.
        assertThat((red.top() + red.bottom()) / 2f).isBetween(block.titleBottom(), block.nameTop());
        // Its right edge about a third into the signing space, from the left.
        float third = block.left() + (block.right() - block.left()) / 3f;
        assertThat(red.right()).isBetween(third - 12f, third + 12f);
        assertThat(red.left()).isLessThan(block.left());
        assertThat(red.upright()).isTrue();
    }

    @Test
    void theSignersBlockIsFoundByItsCompetenceLineWhenTheNameIsNotKnown() throws IOException {
        byte[] original = document(new Page(0, PDRectangle.A4, PDRectangle.A4), 1, true);

        Signed signed = sign(original, new Seal(ORGANIZATION, "65-CV/BTGQU", new SignerHints(List.of(), null)));

        assertThat(signed.placement()).isEqualTo(Placement.OVER_SIGNER);
        Block block = signerBlock(signed.bytes(), 0);
        assertThat((signed.red().top() + signed.red().bottom()) / 2f).isBetween(block.titleBottom(), block.nameTop());
    }

    @Test
    void anAttachedDocumentIsSignedAtTheTopRightOfItsFirstPageWithTheNumberAndNotation() throws IOException {
        byte[] original = document(new Page(0, PDRectangle.A4, PDRectangle.A4), 2, true);

        Signed signed = sign(original, new Seal(ORGANIZATION, "65-CV/BTGQU", null));

        assertThat(signed.placement()).isEqualTo(Placement.TOP_RIGHT);
        assertThat(signed.page()).isZero();
        assertTopRight(signed.red(), PDRectangle.A4.getWidth());
        assertThat(appearanceText(signed.bytes())).contains("65-CV/BTGQU").doesNotContain("Tuyên giáo");
    }

    @Test
    void aMainDocumentWithoutASignersBlockIsSignedAtTheTopRightOfItsFirstPage() throws IOException {
        byte[] original = document(new Page(0, PDRectangle.A4, PDRectangle.A4), 2, false);

        Signed signed = sign(original, new Seal(ORGANIZATION, "65-CV/BTGQU", SIGNER));

        assertThat(signed.placement()).isEqualTo(Placement.TOP_RIGHT);
        assertThat(signed.page()).isZero();
        assertTopRight(signed.red(), PDRectangle.A4.getWidth());
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void onARotatedPageWithOffsetBoxesTheSealIsUprightOverTheSignersSignature(int rotation) throws IOException {
        // The crop box is offset inside a larger media box: the box must follow what a reader shows.
        Page page = new Page(rotation, new PDRectangle(0, 0, 1000, 1000), new PDRectangle(40, 70, 595, 842));
        byte[] original = document(page, 2, true);

        Signed signed = sign(original, new Seal(ORGANIZATION, "65-CV/BTGQU", SIGNER));

        assertThat(signed.placement()).isEqualTo(Placement.OVER_SIGNER);
        Block block = signerBlock(signed.bytes(), 1);
        Ink red = signed.red();
        assertThat((red.top() + red.bottom()) / 2f).isBetween(block.titleBottom(), block.nameTop());
        float third = block.left() + (block.right() - block.left()) / 3f;
        assertThat(red.right()).isBetween(third - 12f, third + 12f);
        assertThat(red.upright()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void onARotatedPageAnAttachedDocumentIsSignedUprightAtTheTopRightAsShown(int rotation) throws IOException {
        Page page = new Page(rotation, new PDRectangle(0, 0, 1000, 1000), new PDRectangle(40, 70, 595, 842));
        byte[] original = document(page, 1, false);

        Signed signed = sign(original, new Seal(ORGANIZATION, "65-CV/BTGQU", null));

        // The page shown is A4 upright whatever its rotation (a turned page has a landscape crop box).
        assertTopRight(signed.red(), 595f);
        assertThat(signed.red().upright()).isTrue();
    }

    @Test
    void withTheUnitsSealPictureTheSealIsDrawnAtItsOwnSizeOverTheLeftThirdOfTheSignature() throws IOException {
        Path png = seal(directory.resolve("seal.png"), 240, true);
        SigningKeys.SealImage image = SigningKeys.SealImage.read("KY", png);
        // No resolution in the file: a seal 36 mm across.
        assertThat(image.width()).isCloseTo(36f * 72f / 25.4f, org.assertj.core.data.Offset.offset(0.5f));
        byte[] original = document(new Page(0, PDRectangle.A4, PDRectangle.A4), 1, true);

        Signed signed = sign(original, new Seal(ORGANIZATION, "65-CV/BTGQU", SIGNER), image);

        assertThat(signed.placement()).isEqualTo(Placement.OVER_SIGNER);
        Block block = signerBlock(signed.bytes(), 0);
        Ink red = signed.red();
        float third = block.left() + (block.right() - block.left()) / 3f;
        assertThat(red.right()).isBetween(third - 6f, third + 2f);
        // The ring is drawn a few pixels inside the picture's edge.
        assertThat(red.right() - red.left()).isBetween(image.width() - 8f, image.width() + 1f);
        assertThat(appearanceText(signed.bytes()).replaceAll("\\s+", " "))
                .contains("Cơ quan, tổ chức: Ban Tuyên giáo Quận ủy Quận 1")
                .contains("Thời gian ký:")
                .contains("30.11.2026 14:05:09 +07:00");
    }

    @Test
    void aSealPictureThatCannotBeDrawnStopsTheStart() throws IOException {
        Path opaque = seal(directory.resolve("opaque.png"), 240, false);
        Path notPng = Files.write(
                directory.resolve("seal.png.txt"), "không phải ảnh".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TestSigningKeys.Keys keys = TestSigningKeys.get();

        for (Path bad : List.of(opaque, notPng, directory.resolve("missing.png"))) {
            SigningProperties properties = new SigningProperties(
                    java.util.Map.of(
                            "KY", new SigningProperties.UnitKey(keys.keystore(), TestSigningKeys.PASSWORD, null, bad)),
                    null);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SigningKeys(properties))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("seal-image");
        }
        SigningProperties good = new SigningProperties(
                java.util.Map.of(
                        "KY",
                        new SigningProperties.UnitKey(
                                keys.keystore(),
                                TestSigningKeys.PASSWORD,
                                null,
                                seal(directory.resolve("ok.png"), 240, true))),
                null);
        assertThat(new SigningKeys(good).of("ky").orElseThrow().seal()).isNotNull();
    }

    /** A round red seal, on a transparent background or on white. */
    private static Path seal(Path file, int size, boolean transparent) throws IOException {
        BufferedImage image =
                new BufferedImage(size, size, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = image.createGraphics();
        try {
            if (!transparent) {
                graphics.setColor(java.awt.Color.WHITE);
                graphics.fillRect(0, 0, size, size);
            }
            graphics.setColor(new java.awt.Color(220, 0, 0));
            graphics.setStroke(new java.awt.BasicStroke(size / 20f));
            graphics.drawOval(size / 20, size / 20, size - size / 10, size - size / 10);
            graphics.fillOval(size / 3, size / 3, size / 3, size / 3);
        } finally {
            graphics.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void assertTopRight(Ink red, float shownWidth) {
        assertThat(red.top()).isBetween(0f, 30f);
        assertThat(red.right()).isBetween(shownWidth - 80f, shownWidth - 2f);
        assertThat(red.left()).isGreaterThan(shownWidth / 2f);
        // Wider than high: a box turned a quarter would be the other way round.
        assertThat(red.right() - red.left()).isGreaterThan(red.bottom() - red.top());
    }

    private Signed sign(byte[] original, Seal seal) throws IOException {
        return sign(original, seal, null);
    }

    private Signed sign(byte[] original, Seal seal, SigningKeys.SealImage image) throws IOException {
        Path source = Files.write(directory.resolve("original.pdf"), original);
        Path target = directory.resolve("signed.pdf");
        TestSigningKeys.Keys keys = TestSigningKeys.get();
        Placement placement = new PdfSealer()
                .sign(
                        source,
                        target,
                        new SigningKeys.SigningKey(
                                "KY",
                                keys.unit().keys().getPrivate(),
                                keys.unit().chain(),
                                image),
                        seal,
                        ZonedDateTime.of(2026, 11, 30, 14, 5, 9, 0, ZoneId.of("Asia/Ho_Chi_Minh")));
        byte[] signed = Files.readAllBytes(target);
        // The upload is the signed revision's prefix, and the signature holds by the portal's own verification.
        assertThat(Arrays.copyOf(signed, original.length)).isEqualTo(original);
        assertThat(PdfSignatureVerifier.verify(
                        target, Set.of(new TrustAnchor(keys.ca().certificate(), null))))
                .singleElement()
                .satisfies(found -> {
                    assertThat(found.verdict()).isEqualTo(SignatureVerdict.VALID);
                    assertThat(found.coversWholeFile()).isTrue();
                });
        try (PDDocument document = Loader.loadPDF(signed)) {
            int page = -1;
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                if (document.getPage(i).getAnnotations().stream()
                        .anyMatch(
                                annotation -> annotation instanceof PDAnnotationWidget widget && isSignature(widget))) {
                    assertThat(page).as("one page carries the signature").isEqualTo(-1);
                    page = i;
                }
            }
            assertThat(page).isNotNegative();
            PDPage carrying = document.getPage(page);
            PDAnnotationWidget widget = carrying.getAnnotations().stream()
                    .filter(PDAnnotationWidget.class::isInstance)
                    .map(PDAnnotationWidget.class::cast)
                    .filter(SealPlacementTests::isSignature)
                    .findFirst()
                    .orElseThrow();
            PDRectangle rect = widget.getRectangle();
            PDRectangle crop = carrying.getCropBox();
            // The widget's /Rect lies inside the visible page.
            assertThat(rect.getLowerLeftX()).isGreaterThanOrEqualTo(crop.getLowerLeftX());
            assertThat(rect.getLowerLeftY()).isGreaterThanOrEqualTo(crop.getLowerLeftY());
            assertThat(rect.getUpperRightX()).isLessThanOrEqualTo(crop.getUpperRightX());
            assertThat(rect.getUpperRightY()).isLessThanOrEqualTo(crop.getUpperRightY());
            return new Signed(signed, placement, page, red(new PDFRenderer(document).renderImage(page, SCALE)));
        }
    }

    static boolean isSignature(PDAnnotationWidget widget) {
        COSDictionary field = widget.getCOSObject().containsKey(COSName.FT)
                ? widget.getCOSObject()
                : widget.getCOSObject().getCOSDictionary(COSName.PARENT);
        return field != null && COSName.SIG.equals(field.getCOSName(COSName.FT));
    }

    /** Rendered at 216 dpi, so that 7 pt text leaves ink enough to tell which way it reads. */
    private static final float SCALE = 3f;

    /** The red ink of the rendered page, in points of the page as shown. */
    private static Ink red(BufferedImage image) {
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (isRed(image.getRGB(x, y))) {
                    left = Math.min(left, x);
                    top = Math.min(top, y);
                    right = Math.max(right, x);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        assertThat(right).as("red ink on the page").isNotNegative();
        // Inside the frame the text starts at the top left: more ink in the upper and the left halves when upright.
        int inset = (int) (4 * SCALE);
        long upper = 0;
        long lower = 0;
        long leftHalf = 0;
        long rightHalf = 0;
        int middleX = (left + right) / 2;
        int middleY = (top + bottom) / 2;
        for (int y = top + inset; y <= bottom - inset; y++) {
            for (int x = left + inset; x <= right - inset; x++) {
                if (isRed(image.getRGB(x, y))) {
                    if (y < middleY) {
                        upper++;
                    } else {
                        lower++;
                    }
                    if (x < middleX) {
                        leftHalf++;
                    } else {
                        rightHalf++;
                    }
                }
            }
        }
        return new Ink(
                left / SCALE,
                top / SCALE,
                (right + 1) / SCALE,
                (bottom + 1) / SCALE,
                upper > lower && leftHalf > rightHalf);
    }

    private static boolean isRed(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r > 150 && r - g > 60 && r - b > 60;
    }

    /** Where the signer's title lines end and the name begins, as PDFBox reads the page shown. */
    static Block signerBlock(byte[] pdf, int page) throws IOException {
        List<Word> words = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                float left = Float.MAX_VALUE;
                float right = -Float.MAX_VALUE;
                float top = Float.MAX_VALUE;
                float baseline = -Float.MAX_VALUE;
                for (TextPosition position : positions) {
                    left = Math.min(left, position.getXDirAdj());
                    right = Math.max(right, position.getXDirAdj() + position.getWidthDirAdj());
                    top = Math.min(top, position.getYDirAdj() - position.getFontSizeInPt() * 0.7f);
                    baseline = Math.max(baseline, position.getYDirAdj());
                }
                words.add(new Word(
                        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC),
                        left,
                        top,
                        right,
                        baseline));
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            stripper.writeText(document, new StringWriter());
        }
        List<Word> title = words.stream()
                .filter(word -> word.text().contains("TRƯỞNG BAN"))
                .toList();
        List<Word> name = words.stream()
                .filter(word -> word.text().startsWith("Nguyễn Văn"))
                .toList();
        assertThat(title).isNotEmpty();
        assertThat(name).isNotEmpty();
        List<Word> all = new ArrayList<>(title);
        all.addAll(name);
        return new Block(
                (float) all.stream().mapToDouble(Word::left).min().orElseThrow(),
                (float) all.stream().mapToDouble(Word::right).max().orElseThrow(),
                (float) title.stream().mapToDouble(Word::baseline).max().orElseThrow(),
                (float) name.stream().mapToDouble(Word::top).min().orElseThrow());
    }

    /** The text of the signature's appearance, as a reader shows it once the form is flattened into the page. */
    static String appearanceText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.getDocumentCatalog().getAcroForm().flatten();
            return new PDFTextStripper().getText(document);
        }
    }

    /**
     * A document of {@code pages} pages whose text reads upright on pages turned by {@code rotation}; the last page
     * ends, when {@code withSigner}, with a signer's block on the right and "Nơi nhận" on the left, as NĐ 30 lays
     * them out.
     */
    private static byte[] document(Page layout, int pages, boolean withSigner) throws IOException {
        return document(layout, pages, withSigner ? "Nguyễn Văn An" : null);
    }

    /** The same with the signer's name given; no signer's block when it is null. */
    static byte[] document(Page layout, int pages, String signerName) throws IOException {
        try (PDDocument document = new PDDocument();
                InputStream fontFile =
                        SealPlacementTests.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf");
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(document, fontFile);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(layout.media());
                page.setCropBox(layout.crop());
                page.setRotation(layout.rotation());
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.transform(upright(layout));
                    write(content, font, 13, 85, 60, "Nội dung trang " + (i + 1) + " của văn bản.");
                    write(content, font, 13, 85, 80, "Đề nghị các đơn vị triển khai thực hiện.");
                    if (signerName != null && i == pages - 1) {
                        write(content, font, 12, 85, 420, "Nơi nhận:");
                        write(content, font, 11, 85, 436, "- Như trên,");
                        write(content, font, 11, 85, 450, "- Lưu VP.");
                        write(content, font, 13, 350, 420, "K/T TRƯỞNG BAN");
                        write(content, font, 13, 345, 436, "PHÓ TRƯỞNG BAN");
                        write(content, font, 13, 355, 520, signerName);
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Text at ({@code x}, {@code top}) of the page as shown, top-down. */
    private static void write(
            PDPageContentStream content, PDType0Font font, float size, float x, float top, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, SHOWN_HEIGHT - top);
        content.showText(text);
        content.endText();
    }

    /** The A4 page shown, in points: what the layout above is written for. */
    private static final float SHOWN_HEIGHT = 842f;

    /**
     * Maps the page as shown (y up, origin at its bottom left) to the page's space, for a crop box of A4 turned by the
     * page's rotation: written as a page-making tool would, so that the text reads upright to a reader.
     */
    private static Matrix upright(Page layout) {
        PDRectangle crop = layout.crop();
        float llx = crop.getLowerLeftX();
        float lly = crop.getLowerLeftY();
        float w = crop.getWidth();
        float h = crop.getHeight();
        // The shown page is 595 × 842 whatever the rotation: a turned page has a landscape crop box.
        return switch (layout.rotation()) {
            case 90 -> new Matrix(0, 1, -1, 0, llx + w, lly);
            case 180 -> new Matrix(-1, 0, 0, -1, llx + w, lly + h);
            case 270 -> new Matrix(0, -1, 1, 0, llx, lly + h);
            default -> new Matrix(1, 0, 0, 1, llx, lly);
        };
    }

    /** A page's rotation, media box and crop box; for a turned page the crop box is taken landscape. */
    record Page(int rotation, PDRectangle media, PDRectangle crop) {

        Page {
            if (rotation % 180 != 0) {
                crop = new PDRectangle(crop.getLowerLeftX(), crop.getLowerLeftY(), crop.getHeight(), crop.getWidth());
            }
        }
    }

    private record Signed(byte[] bytes, Placement placement, int page, Ink red) {}

    private record Ink(float left, float top, float right, float bottom, boolean upright) {}

    record Block(float left, float right, float titleBottom, float nameTop) {}

    private record Word(String text, float left, float top, float right, float baseline) {}
}
