package vn.congvan.extraction;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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
            PDImageXObject image = LosslessFactory.createFromImage(document, scan);
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
                PDImageXObject image = LosslessFactory.createFromImage(document, scan);
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
            float size = 12;
            float width = PDRectangle.A4.getWidth() - 120;
            PDPageContentStream content = null;
            float y = 0;
            try {
                for (String raw : text.replace("\t", "    ").lines().toList()) {
                    for (String line : wrap(raw.stripTrailing(), font, size, width)) {
                        if (content == null || y < 60) {
                            if (content != null) {
                                content.close();
                            }
                            PDPage page = new PDPage(PDRectangle.A4);
                            document.addPage(page);
                            content = new PDPageContentStream(document, page);
                            y = PDRectangle.A4.getHeight() - 60;
                        }
                        if (!line.isBlank()) {
                            left(content, font, size, 60, y, line);
                        }
                        y -= size * 1.35f;
                    }
                }
            } finally {
                if (content != null) {
                    content.close();
                }
            }
            document.save(out);
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
        try {
            BufferedImage clean = new PDFRenderer(document).renderImageWithDPI(index, 200, ImageType.GRAY);
            BufferedImage scan = new BufferedImage(clean.getWidth(), clean.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D graphics = scan.createGraphics();
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, scan.getWidth(), scan.getHeight());
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.rotate(Math.toRadians(0.5), scan.getWidth() / 2.0, scan.getHeight() / 2.0);
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
