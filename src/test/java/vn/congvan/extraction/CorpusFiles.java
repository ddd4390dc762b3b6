package vn.congvan.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * The files a clerk would drop, made from a corpus document laid out as {@link CorpusLayout} reads it: a DOCX as the
 * Word template of NĐ 30 has it (borderless two-column tables for the header and the foot, the subject's continuation
 * on soft line breaks), the same as an ODT, and a PDF printed from it with the columns side by side on the same
 * baselines, either written cell by cell (as Word writes a table) or line by line across both columns (as many
 * printers and converters write a page).
 */
final class CorpusFiles {

    private static final float LEFT = 57;

    private static final float MIDDLE = 255;

    private static final float RIGHT = 555;

    private CorpusFiles() {}

    /**
     * How the file's text is typed: Unicode in Times New Roman, or a legacy encoding (ADR 0068) in its font, the
     * capitals' lines in its capitals font.
     */
    record Typing(java.util.function.UnaryOperator<String> encode, String font, String capitalsFont) {

        static final Typing UNICODE = new Typing(text -> text, "Times New Roman", "Times New Roman");

        String font(String line) {
            return upperCase(line) ? capitalsFont : font;
        }
    }

    static byte[] docx(CorpusLayout layout) {
        return docx(layout, Typing.UNICODE);
    }

    static byte[] docx(CorpusLayout layout, Typing typing) {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : layout.before()) {
                text(document.createParagraph(), line, false, false, 13, typing);
            }
            if (layout.hasHeader()) {
                XWPFTable header = borderless(document.createTable(2, 2));
                cell(header.getRow(0).getCell(0), layout.topLeft(), true, typing);
                cell(header.getRow(0).getCell(1), layout.topRight(), true, typing);
                cell(header.getRow(1).getCell(0), layout.numberLeft(), false, typing);
                cell(header.getRow(1).getCell(1), layout.dateRight(), false, typing);
            }
            for (String line : layout.body()) {
                XWPFParagraph paragraph = document.createParagraph();
                paragraph.setAlignment(ParagraphAlignment.BOTH);
                text(paragraph, line, false, false, 14, typing);
            }
            if (layout.hasFoot()) {
                XWPFTable foot = borderless(document.createTable(1, 2));
                cell(foot.getRow(0).getCell(0), layout.footLeft(), false, typing);
                cell(foot.getRow(0).getCell(1), layout.footRight(), true, typing);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFTable borderless(XWPFTable table) {
        table.setTopBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setBottomBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setWidth("100%");
        return table;
    }

    /**
     * One paragraph per line, centred; a line that goes on with lower case (a subject running over two lines) is put
     * on a soft line break of the paragraph before, as a clerk types it with Shift+Enter.
     */
    private static void cell(XWPFTableCell cell, List<String> lines, boolean bold, Typing typing) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        boolean first = true;
        for (String line : lines) {
            String stripped = line.strip();
            if (!first && !stripped.isEmpty() && Character.isLowerCase(stripped.charAt(0))) {
                XWPFRun run = paragraph.createRun();
                run.addBreak();
                style(run, false, true, 12, typing.font(stripped));
                run.setText(typing.encode().apply(stripped));
                continue;
            }
            if (!first) {
                paragraph = cell.addParagraph();
                paragraph.setAlignment(ParagraphAlignment.CENTER);
            }
            text(paragraph, stripped, bold && upperCase(stripped), stripped.startsWith("V"), 13, typing);
            first = false;
        }
    }

    private static void text(
            XWPFParagraph paragraph, String line, boolean bold, boolean italic, int size, Typing typing) {
        XWPFRun run = paragraph.createRun();
        style(run, bold, italic, size, typing.font(line));
        run.setText(typing.encode().apply(line.replace("\t", "    ")));
    }

    private static void style(XWPFRun run, boolean bold, boolean italic, int size, String font) {
        run.setFontFamily(font);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
    }

    private static boolean upperCase(String line) {
        String letters = line.replaceAll("[^\\p{L}]", "");
        return !letters.isEmpty() && letters.equals(letters.toUpperCase(java.util.Locale.ROOT));
    }

    static byte[] odt(CorpusLayout layout) {
        StringBuilder body = new StringBuilder();
        layout.before().forEach(line -> body.append(paragraph(line)));
        if (layout.hasHeader()) {
            body.append("<table:table table:name=\"Header\"><table:table-column table:number-columns-repeated=\"2\"/>")
                    .append(row(layout.topLeft(), layout.topRight()))
                    .append(row(layout.numberLeft(), layout.dateRight()))
                    .append("</table:table>");
        }
        layout.body().forEach(line -> body.append(paragraph(line)));
        if (layout.hasFoot()) {
            body.append("<table:table table:name=\"Foot\"><table:table-column table:number-columns-repeated=\"2\"/>")
                    .append(row(layout.footLeft(), layout.footRight()))
                    .append("</table:table>");
        }
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" office:version=\"1.3\">"
                + "<office:body><office:text>" + body + "</office:text></office:body></office:document-content>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                + " manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\""
                + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = DocumentText.ODT.getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(List<String> left, List<String> right) {
        StringBuilder row = new StringBuilder("<table:table-row>");
        for (List<String> lines : List.of(left, right)) {
            row.append("<table:table-cell office:value-type=\"string\">");
            if (lines.isEmpty()) {
                row.append("<text:p/>");
            }
            lines.forEach(line -> row.append(paragraph(line)));
            row.append("</table:table-cell>");
        }
        return row.append("</table:table-row>").toString();
    }

    private static String paragraph(String line) {
        String escaped = line.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\t", "<text:tab/>")
                .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
        return "<text:p>" + escaped + "</text:p>";
    }

    /** How a PDF writer orders the glyphs of a table in its content stream. */
    enum Order {
        /** Cell after cell, as Word prints a table. */
        CELLS,
        /** Baseline after baseline across both columns, as many printers and converters do. */
        LINES
    }

    static byte[] pdf(CorpusLayout layout, Order order) {
        return pdf(layout, order, null);
    }

    /**
     * The same with the text layer written in a legacy encoding (ADR 0068): each piece laid out as its Unicode text
     * and shown as its legacy codes squeezed to the same width, as a legacy font draws its marks over the letter.
     */
    static byte[] pdf(CorpusLayout layout, Order order, java.util.function.UnaryOperator<String> encode) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Fonts fonts = new Fonts(document);
            Pages pages = new Pages(document, fonts, encode);
            pages.paragraphs(fonts.regular, 12, layout.before(), LEFT, RIGHT, false);
            if (layout.hasHeader()) {
                List<Glyphs> band = new ArrayList<>();
                float top = pages.y;
                float leftEnd = column(band, fonts, layout.topLeft(), LEFT, MIDDLE, top, true);
                float rightEnd = column(band, fonts, layout.topRight(), MIDDLE, RIGHT, top, true);
                float second = Math.min(leftEnd, rightEnd) - 6;
                float numberEnd = column(band, fonts, layout.numberLeft(), LEFT, MIDDLE, second, false);
                float dateEnd = column(band, fonts, layout.dateRight(), MIDDLE, RIGHT, second, false);
                pages.draw(band, order);
                pages.y = Math.min(numberEnd, dateEnd) - 22;
            }
            pages.paragraphs(fonts.regular, 14, layout.body(), LEFT + 28, RIGHT, true);
            if (layout.hasFoot()) {
                pages.room(160);
                List<Glyphs> band = new ArrayList<>();
                float top = pages.y - 6;
                float leftEnd = column(band, fonts, layout.footLeft(), LEFT, MIDDLE + 40, top, false);
                float rightEnd = column(band, fonts, layout.footRight(), MIDDLE + 40, RIGHT, top, true);
                pages.draw(band, order);
                pages.y = Math.min(leftEnd, rightEnd) - 14;
            }
            pages.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lays one cell's lines out, centred and wrapped to the cell; returns the baseline under the last. */
    private static float column(
            List<Glyphs> band, Fonts fonts, List<String> lines, float from, float to, float top, boolean header)
            throws IOException {
        float y = top;
        boolean recipients = false;
        for (String line : lines) {
            String text = fonts.printable(line.strip());
            if (text.isEmpty()) {
                y -= 7;
                continue;
            }
            boolean upper = upperCase(text);
            PDFont font = fonts.regular;
            float size = 13;
            boolean centred = true;
            if (text.startsWith("Nơi nhận")) {
                font = fonts.boldItalic;
                size = 12;
                centred = false;
                recipients = true;
            } else if (recipients && text.matches("^[-–+•].*")) {
                size = 11;
                centred = false;
            } else if (DATE_LINE.matcher(text).matches() || text.startsWith("V")) {
                font = fonts.italic;
                size = 12;
            } else if (upper && header) {
                font = fonts.bold;
                size = 12.5f;
            }
            for (String part : wrap(font, size, text, to - from - 6)) {
                float width = font.getStringWidth(part) / 1000 * size;
                float x = centred ? (from + to - width) / 2 : from + 3;
                band.add(new Glyphs(font, size, x, y, part));
                y -= size * 1.25f;
            }
        }
        return y;
    }

    private static final java.util.regex.Pattern DATE_LINE =
            java.util.regex.Pattern.compile(".*ngày\\s*\\d{1,2}\\s*tháng.*năm\\s*\\d{4}.*");

    private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private record Glyphs(PDFont font, float size, float x, float y, String text) {}

    private static final class Fonts {

        final PDFont regular;

        final PDFont bold;

        final PDFont italic;

        final PDFont boldItalic;

        private final Map<Integer, Boolean> known = new HashMap<>();

        Fonts(PDDocument document) throws IOException {
            regular = load(document, "Regular");
            bold = load(document, "Bold");
            italic = load(document, "Italic");
            boldItalic = load(document, "BoldItalic");
        }

        private static PDFont load(PDDocument document, String style) throws IOException {
            try (InputStream in = CorpusFiles.class.getResourceAsStream("/fonts/LiberationSerif-" + style + ".ttf")) {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
                // No glyph substitution: PDFBox's pass for Latin ligatures compiles a pattern for every string shown
                // (a tenth of the typesetting's CPU), and the text of a dispatch needs no ligature.
                font.setEnableGsub(false);
                return PDType0Font.load(document, font, true);
            }
        }

        /** The text without what the fonts cannot draw (controls, a web page's odd symbols). */
        String printable(String text) {
            StringBuilder kept = new StringBuilder();
            text.replace('\t', ' ').replace('\u00a0', ' ').codePoints().forEach(point -> {
                boolean drawable = known.computeIfAbsent(point, this::drawable);
                if (drawable) {
                    kept.appendCodePoint(point);
                }
            });
            return kept.toString().replaceAll(" {2,}", " ").strip();
        }

        private boolean drawable(int point) {
            if (Character.isISOControl(point)) {
                return false;
            }
            try {
                String character = new String(Character.toChars(point));
                for (PDFont font : List.of(regular, bold, italic, boldItalic)) {
                    font.encode(character);
                }
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** A4 pages filled from the top, a new page when the current one is full. */
    private static final class Pages {

        private final PDDocument document;

        private final Fonts fonts;

        private PDPageContentStream content;

        float y;

        private final java.util.function.UnaryOperator<String> encode;

        Pages(PDDocument document, Fonts fonts, java.util.function.UnaryOperator<String> encode) throws IOException {
            this.document = document;
            this.fonts = fonts;
            this.encode = encode;
            // Null: Unicode, shown as laid out.
            newPage();
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - 57;
        }

        void room(float height) throws IOException {
            if (y - height < 57) {
                newPage();
            }
        }

        void paragraphs(PDFont font, float size, List<String> lines, float indent, float right, boolean justify)
                throws IOException {
            for (String line : lines) {
                String text = fonts.printable(line);
                if (text.isEmpty()) {
                    y -= size * 0.5f;
                    continue;
                }
                boolean first = true;
                for (String part : wrap(font, size, text, right - (first ? indent : LEFT))) {
                    room(size * 1.4f);
                    show(font, size, first ? indent : LEFT, y, part);
                    y -= size * 1.4f;
                    first = false;
                }
            }
        }

        void draw(List<Glyphs> band, Order order) throws IOException {
            List<Glyphs> sorted = new ArrayList<>(band);
            if (order == Order.LINES) {
                sorted.sort(Comparator.comparingDouble((Glyphs glyphs) -> -glyphs.y())
                        .thenComparingDouble(Glyphs::x));
            }
            float lowest = (float) band.stream().mapToDouble(Glyphs::y).min().orElse(y);
            float shift = 0;
            if (lowest < 57) {
                float top = y;
                newPage();
                shift = y - top;
            }
            for (Glyphs glyphs : sorted) {
                show(glyphs.font(), glyphs.size(), glyphs.x(), glyphs.y() + shift, glyphs.text());
            }
        }

        private void show(PDFont font, float size, float x, float at, String text) throws IOException {
            String shown = encode == null ? text : encode.apply(text);
            content.beginText();
            content.setFont(font, size);
            if (encode != null) {
                float width = font.getStringWidth(shown);
                content.setHorizontalScaling(width > 0 ? 100 * font.getStringWidth(text) / width : 100);
            }
            content.newLineAtOffset(x, at);
            content.showText(shown);
            content.endText();
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }
}
