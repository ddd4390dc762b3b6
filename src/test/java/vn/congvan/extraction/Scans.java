package vn.congvan.extraction;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A scan of the sample 65-CV/BTGQU made in the test: its first page typeset as the board printed it (header band in
 * two columns, "Kính gửi", body, "Nơi nhận" beside the signature), rendered at 200 dpi in gray, turned by half a
 * degree and sprinkled with specks as a flatbed scanner leaves them; then saved as a PNG, or as a PDF whose only
 * content is that picture (no text layer).
 */
final class Scans {

    private static final float LEFT_CENTRE = 170;

    private static final float RIGHT_CENTRE = 410;

    private Scans() {}

    static byte[] samplePng() {
        return png(scanned(samplePage()));
    }

    static byte[] sampleImagePdf() {
        BufferedImage scan = scanned(samplePage());
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject image = lossless(document, scan);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The typeset page, text layer and all, as the board's PDF would be. */
    static byte[] samplePage() {
        try (PDDocument document = new PDDocument();
                InputStream regularFont = Scans.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf");
                InputStream boldFont = Scans.class.getResourceAsStream("/fonts/LiberationSerif-Bold.ttf");
                InputStream italicFont = Scans.class.getResourceAsStream("/fonts/LiberationSerif-Italic.ttf");
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDFont regular = PDType0Font.load(document, regularFont);
            PDFont bold = PDType0Font.load(document, boldFont);
            PDFont italic = PDType0Font.load(document, italicFont);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                centred(content, regular, 13, LEFT_CENTRE, 790, "QUẬN ỦY QUẬN 1");
                centred(content, bold, 13, LEFT_CENTRE, 774, "BAN TUYÊN GIÁO");
                centred(content, regular, 13, LEFT_CENTRE, 758, "*");
                centred(content, regular, 13, LEFT_CENTRE, 740, "Số 65-CV/BTGQU");
                centred(content, italic, 12, LEFT_CENTRE, 722, "Về việc gửi tài liệu “Thông báo nhanh kết quả");
                centred(content, italic, 12, LEFT_CENTRE, 708, "Hội nghị Ban Chấp hành Đảng bộ thành phố");
                centred(content, italic, 12, LEFT_CENTRE, 694, "lần thứ 21 (khóa XI)”");
                centred(content, bold, 14, RIGHT_CENTRE, 790, "ĐẢNG CỘNG SẢN VIỆT NAM");
                centred(content, italic, 13, RIGHT_CENTRE, 740, "Quận 1, ngày 12 tháng 7 năm 2023");
                float y = 650;
                left(content, regular, 13, 200, y, "Kính gửi:");
                for (String line : List.of(
                        "- Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quận,",
                        "- Cấp ủy cơ sở đảng,",
                        "- Các đồng chí báo cáo viên cấp quận.")) {
                    left(content, regular, 13, 260, y, line);
                    y -= 17;
                }
                y -= 12;
                for (String line : List.of(
                        "        Thực hiện Công văn số 3080-CV/BTGTU ngày 10 tháng 7 năm 2023 của Ban",
                        "Tuyên giáo Thành ủy về gửi tài liệu “Thông báo nhanh kết quả Hội nghị Ban Chấp",
                        "hành Đảng bộ thành phố lần thứ 21 (khóa XI)”;",
                        "        Ban Tuyên giáo Quận ủy gửi các đơn vị tài liệu “Thông báo nhanh kết quả",
                        "Hội nghị Ban Chấp hành Đảng bộ thành phố lần thứ 21 (khóa XI)” do Ban Tuyên",
                        "giáo Thành ủy biên soạn để các đồng chí phổ biến tại địa phương, cơ quan, đơn vị.",
                        "        Trân trọng.")) {
                    left(content, regular, 13, 85, y, line);
                    y -= 19;
                }
                y -= 20;
                left(content, bold, 12, 60, y, "Nơi nhận:");
                left(content, regular, 11, 60, y - 15, "- Như trên;");
                left(content, regular, 11, 60, y - 29, "- Thường trực Quận ủy;");
                left(content, regular, 11, 60, y - 43, "- Lưu Ban Tuyên giáo Quận ủy.");
                centred(content, bold, 13, RIGHT_CENTRE, y - 110, "Nguyễn Trung Châu Tuyên");
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF of pictures only: every page of {@code typeset} scanned as {@link #samplePng()} is. */
    static byte[] imagePdf(byte[] typeset) {
        try (PDDocument source = org.apache.pdfbox.Loader.loadPDF(typeset);
                PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int index = 0; index < source.getNumberOfPages(); index++) {
                BufferedImage scan = scanned(source, index);
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDImageXObject image = lossless(document, scan);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A plain text typeset line by line in 12 pt on A4 pages, long lines wrapped: what a page of the document would
     * carry, without its drawing (the corpus has the texts, not the layouts).
     */
    static byte[] typeset(String text) {
        try (PDDocument document = new PDDocument();
                InputStream regularFont = Scans.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf");
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont font = PDType0Font.load(document, regularFont);
            List<Line> lines = layout(text, font);
            int pages = lines.isEmpty() ? 1 : lines.get(lines.size() - 1).page() + 1;
            for (int index = 0; index < pages; index++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (Line line : lines) {
                        if (line.page() == index && !line.text().isBlank()) {
                            left(content, font, TEXT_SIZE, 60, line.y(), line.text());
                        }
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final float TEXT_SIZE = 12;

    /** A line of a typeset text: its page and its baseline in points from the foot of the page. */
    record Line(int page, float y, String text) {}

    private static List<Line> layout(String text, PDFont font) throws IOException {
        float width = PDRectangle.A4.getWidth() - 120;
        List<Line> lines = new java.util.ArrayList<>();
        int page = -1;
        float y = 0;
        for (String raw : text.replace("\t", "    ").lines().toList()) {
            for (String line : wrap(raw.stripTrailing(), font, TEXT_SIZE, width)) {
                if (page < 0 || y < 60) {
                    page++;
                    y = PDRectangle.A4.getHeight() - 60;
                }
                lines.add(new Line(page, y, line));
                y -= TEXT_SIZE * 1.35f;
            }
        }
        return lines;
    }

    /**
     * Where a seal would be stamped on {@link #typeset} of {@code text}: over the first line holding {@code signer}
     * (the signature is above the name), or over the last lines when the text names no signer.
     */
    static Line sealSpot(String text, String signer) {
        try (PDDocument document = new PDDocument();
                InputStream regularFont = Scans.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
            List<Line> lines = layout(text, PDType0Font.load(document, regularFont)).stream()
                    .filter(line -> !line.text().isBlank())
                    .toList();
            return lines.stream()
                    .filter(line -> signer != null && line.text().contains(signer))
                    .findFirst()
                    .orElse(lines.get(lines.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What happened to a printed page on its way to the portal: what scanners, copiers and phones do to it. */
    enum Condition {
        /** A flatbed at 200 dpi in gray: turned half a degree, specks. */
        FLATBED,
        /** Fed crooked: turned 1 to 3 degrees either way. */
        SKEWED,
        /** Fed sideways or upside down, or photographed so: turned 90, 180 or 270 degrees. */
        TURNED,
        /** 150 dpi gray, saved as a JPEG of quality 0.4, as mail-in scans and e-office uploads are. */
        JPEG,
        /** A faded copy of a copy: gray ink on gray paper, and grain. */
        FADED,
        /** A colour scan whose red round seal covers the signature and the name (a JPEG of quality 0.85). */
        SEALED
    }

    private static final double[] SKEWS = {2.5, -3, 1.5, -2, 3, -1, 2, -2.5};

    /**
     * A PDF of pictures only: every page of {@code typeset} scanned under {@code condition}; {@code variant} picks the
     * angle of a skewed or turned scan, and {@code seal} where a seal goes.
     */
    static byte[] imagePdf(byte[] typeset, Condition condition, int variant, Line seal) {
        try (PDDocument source = org.apache.pdfbox.Loader.loadPDF(typeset);
                PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int index = 0; index < source.getNumberOfPages(); index++) {
                PDImageXObject image = switch (condition) {
                    case FLATBED -> lossless(document, scanned(source, index));
                    case SKEWED ->
                        lossless(document, scanned(source, index, 200, SKEWS[variant % SKEWS.length], false));
                    case TURNED -> lossless(document, quarterTurns(scanned(source, index), 1 + variant % 3));
                    case JPEG ->
                        JPEGFactory.createFromByteArray(document, jpeg(scanned(source, index, 150, 0.5, false), 0.4f));
                    case FADED -> lossless(document, faded(scanned(source, index)));
                    case SEALED -> {
                        BufferedImage scan = scanned(source, index, 200, 0.5, true);
                        if (index == seal.page()) {
                            stamp(scan, 60, seal.y(), 200);
                        }
                        yield JPEGFactory.createFromByteArray(document, jpeg(scan, 0.85f));
                    }
                };
                PDRectangle box = image.getWidth() > image.getHeight()
                        ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                        : PDRectangle.A4;
                PDPage page = new PDPage(box);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 0, 0, box.getWidth(), box.getHeight());
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample page scanned in colour with a red seal over its signature, as a PNG. */
    static byte[] sealedSamplePng() {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(samplePage())) {
            BufferedImage scan = scanned(document, 0, 200, 0.5, true);
            // The name is centred at 410 points, 324 points from the foot of the page (see samplePage).
            stamp(scan, 340, 324, 200);
            return png(scan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sample page as a phone photographs it: in colour, 1.5 degrees off, held sideways (turned 270 degrees), the
     * seal over the signature, saved as a JPEG.
     */
    static byte[] samplePhotoJpeg() {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(samplePage())) {
            BufferedImage scan = scanned(document, 0, 200, 1.5, true);
            stamp(scan, 340, 324, 200);
            return jpeg(quarterTurns(scan, 3), 0.8f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample page scanned in gray at 200 dpi, turned clockwise by {@code degrees}, specked. */
    static BufferedImage sampleScan(double degrees) {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(samplePage())) {
            return scanned(document, 0, 200, degrees, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample page scanned as it came out of a scanner it was fed to sideways, as a PNG. */
    static byte[] turnedSamplePng(int quarterTurns) {
        return png(quarterTurns(scanned(samplePage()), quarterTurns));
    }

    static BufferedImage quarterTurns(BufferedImage image, int turns) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = turns % 2 == 1;
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, image.getType());
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            // The same pixels as getRGB and setRGB give (a gray taken to sRGB and back), a table look-up each.
            byte[] through = Gray.ROUND_TRIP;
            byte[] from = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            byte[] to = ((DataBufferByte) turned.getRaster().getDataBuffer()).getData();
            int tw = turned.getWidth();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    byte value = through[from[y * w + x] & 0xFF];
                    switch (turns % 4) {
                        case 1 -> to[x * tw + (h - 1 - y)] = value;
                        case 2 -> to[(h - 1 - y) * tw + (w - 1 - x)] = value;
                        case 3 -> to[(w - 1 - x) * tw + y] = value;
                        default -> to[y * tw + x] = value;
                    }
                }
            }
            return turned;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                switch (turns % 4) {
                    case 1 -> turned.setRGB(h - 1 - y, x, rgb);
                    case 2 -> turned.setRGB(w - 1 - x, h - 1 - y, rgb);
                    case 3 -> turned.setRGB(y, w - 1 - x, rgb);
                    default -> turned.setRGB(x, y, rgb);
                }
            }
        }
        return turned;
    }

    /**
     * The picture as {@link LosslessFactory} stores it, faster for a gray scan: LosslessFactory writes a gray pixel
     * as its sRGB value ({@code getRGB}) bit by bit; this writes the same values from a table, deflated in one go.
     */
    static PDImageXObject lossless(PDDocument document, BufferedImage image) throws IOException {
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            return LosslessFactory.createFromImage(document, image);
        }
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] stored = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            stored[i] = Gray.SRGB[pixels[i] & 0xFF];
        }
        ByteArrayOutputStream deflated = new ByteArrayOutputStream(pixels.length / 8);
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_SPEED))) {
            out.write(stored);
        }
        return new PDImageXObject(
                document,
                new ByteArrayInputStream(deflated.toByteArray()),
                COSName.FLATE_DECODE,
                image.getWidth(),
                image.getHeight(),
                8,
                PDDeviceGray.INSTANCE);
    }

    /** What Java's colour conversion makes of each gray of a {@code TYPE_BYTE_GRAY} picture. */
    private static final class Gray {

        /** {@code getRGB}'s sRGB value of each gray. */
        static final byte[] SRGB = new byte[256];

        /** The gray that {@code setRGB} stores for that sRGB value. */
        static final byte[] ROUND_TRIP = new byte[256];

        static {
            BufferedImage grays = new BufferedImage(256, 1, BufferedImage.TYPE_BYTE_GRAY);
            BufferedImage back = new BufferedImage(256, 1, BufferedImage.TYPE_BYTE_GRAY);
            for (int gray = 0; gray < 256; gray++) {
                grays.getRaster().setSample(gray, 0, 0, gray);
                int rgb = grays.getRGB(gray, 0);
                SRGB[gray] = (byte) (rgb & 0xFF);
                back.setRGB(gray, 0, rgb);
                ROUND_TRIP[gray] = (byte) back.getRaster().getSample(gray, 0, 0);
            }
        }
    }

    /** Ink lifted to gray 120, paper darkened to gray 200, and a grain of a few grays either way. */
    private static BufferedImage faded(BufferedImage scan) {
        Random grain = new Random(36);
        java.awt.image.WritableRaster raster = scan.getRaster();
        for (int y = 0; y < scan.getHeight(); y++) {
            for (int x = 0; x < scan.getWidth(); x++) {
                double value = 120 + raster.getSample(x, y, 0) * (200 - 120) / 255.0 + grain.nextGaussian() * 16;
                raster.setSample(x, y, 0, (int) Math.max(0, Math.min(255, Math.round(value))));
            }
        }
        return scan;
    }

    /**
     * A round red seal as a Vietnamese body stamps it: two rings, a star, a band of letters, about 36 mm across; its
     * centre a little above the start of the name, so that it covers the signature and part of the name. Ink is
     * multiplied over the page as real ink is: black letters under it stay black. {@code x} and {@code y} are where the
     * signer's name starts, in points from the left and from the foot of the page.
     */
    static void stamp(BufferedImage scan, float x, float y, int dpi) {
        double unit = dpi / 72.0;
        int radius = (int) Math.round(51 * unit);
        int cx = (int) Math.round((x + 55) * unit);
        int cy = (int) Math.round((PDRectangle.A4.getHeight() - y - 30) * unit);
        BufferedImage ink = new BufferedImage(2 * radius + 1, 2 * radius + 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = ink.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, ink.getWidth(), ink.getHeight());
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.BLACK);
        graphics.setStroke(new java.awt.BasicStroke((float) (2.5 * unit)));
        graphics.drawOval(
                (int) (2 * unit), (int) (2 * unit), (int) (2 * radius - 4 * unit), (int) (2 * radius - 4 * unit));
        int inner = (int) Math.round(radius * 0.62);
        graphics.setStroke(new java.awt.BasicStroke((float) (1.2 * unit)));
        graphics.drawOval(radius - inner, radius - inner, 2 * inner, 2 * inner);
        java.awt.geom.Path2D.Double star = new java.awt.geom.Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? radius * 0.3 : radius * 0.12;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            if (i == 0) {
                star.moveTo(radius + r * Math.cos(a), radius + r * Math.sin(a));
            } else {
                star.lineTo(radius + r * Math.cos(a), radius + r * Math.sin(a));
            }
        }
        star.closePath();
        graphics.fill(star);
        graphics.setFont(new java.awt.Font(java.awt.Font.SERIF, java.awt.Font.BOLD, (int) (9 * unit)));
        String band = "ỦY BAN NHÂN DÂN * THÀNH PHỐ * ";
        for (int i = 0; i < band.length(); i++) {
            double a = -Math.PI + i * 2 * Math.PI / band.length();
            java.awt.geom.AffineTransform saved = graphics.getTransform();
            graphics.translate(radius + radius * 0.8 * Math.cos(a), radius + radius * 0.8 * Math.sin(a));
            graphics.rotate(a + Math.PI / 2);
            graphics.drawString(String.valueOf(band.charAt(i)), (float) (-3 * unit), 0);
            graphics.setTransform(saved);
        }
        graphics.dispose();
        // Seal ink: a red that leaves 20 % of green and blue, laid over the page where the stamp is dark.
        for (int row = 0; row < ink.getHeight(); row++) {
            for (int column = 0; column < ink.getWidth(); column++) {
                int px = cx - radius + column;
                int py = cy - radius + row;
                double cover = 1 - ink.getRaster().getSample(column, row, 0) / 255.0;
                if (cover <= 0 || px < 0 || py < 0 || px >= scan.getWidth() || py >= scan.getHeight()) {
                    continue;
                }
                Color under = new Color(scan.getRGB(px, py));
                scan.setRGB(
                        px,
                        py,
                        new Color(
                                        multiply(under.getRed(), 215, cover),
                                        multiply(under.getGreen(), 45, cover),
                                        multiply(under.getBlue(), 55, cover))
                                .getRGB());
            }
        }
    }

    private static int multiply(int under, int ink, double cover) {
        return (int) Math.round(under * (1 - cover + cover * ink / 255.0));
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            javax.imageio.ImageWriter writer =
                    ImageIO.getImageWritersByFormatName("jpeg").next();
            javax.imageio.plugins.jpeg.JPEGImageWriteParam param =
                    new javax.imageio.plugins.jpeg.JPEGImageWriteParam(null);
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
            writer.dispose();
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String line, PDFont font, float size, float width) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ", -1)) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    private static BufferedImage scanned(byte[] pdf) {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return scanned(document, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage scanned(PDDocument document, int index) {
        return scanned(document, index, 200, 0.5, false);
    }

    /**
     * A page drawn at {@code dpi}, turned by {@code degrees} as a sheet lying crooked on the glass is, and sprinkled
     * with specks; in colour (RGB) or gray.
     */
    private static BufferedImage scanned(PDDocument document, int index, int dpi, double degrees, boolean colour) {
        try {
            BufferedImage clean =
                    new PDFRenderer(document).renderImageWithDPI(index, dpi, colour ? ImageType.RGB : ImageType.GRAY);
            BufferedImage scan = new BufferedImage(
                    clean.getWidth(),
                    clean.getHeight(),
                    colour ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D graphics = scan.createGraphics();
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, scan.getWidth(), scan.getHeight());
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.rotate(Math.toRadians(degrees), scan.getWidth() / 2.0, scan.getHeight() / 2.0);
            graphics.drawImage(clean, 0, 0, null);
            graphics.dispose();
            // A fixed seed: the same specks on every run, so a result does not depend on luck.
            Random specks = new Random(65);
            for (int i = 0; i < 1500; i++) {
                int x = specks.nextInt(scan.getWidth() - 2);
                int y = specks.nextInt(scan.getHeight() - 2);
                int gray = 60 + specks.nextInt(80);
                int rgb = new Color(gray, gray, gray).getRGB();
                scan.setRGB(x, y, rgb);
                scan.setRGB(x + 1, y, rgb);
            }
            return scan;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void centred(
            PDPageContentStream content, PDFont font, float size, float centre, float y, String text)
            throws IOException {
        float width = font.getStringWidth(text) / 1000 * size;
        left(content, font, size, centre - width / 2, y, text);
    }

    private static void left(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
