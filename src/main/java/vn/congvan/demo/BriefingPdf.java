package vn.congvan.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Typesets a briefing (thông báo nhanh) given as plain text into an A4 PDF, the way the city board circulates it:
 * Times-metric Liberation Serif embedded as a Unicode (Type 0) font, so that every Vietnamese letter renders and
 * is extracted back as the same text; HD 36 margins; justified paragraphs with an indented first line.
 * <p>
 * The text's conventions: the first block is the title; {@code *...*} marks italics; a line such as
 * "I. VỀ TÌNH HÌNH..." or a short "1. Một số kết quả..." is a heading; a line opening with a superscript digit is a
 * footnote; "*" and "* * *" are centred separators.
 */
final class BriefingPdf {

    private static final float MM = 72f / 25.4f;

    private static final float TOP = 20 * MM;

    private static final float BOTTOM = 20 * MM;

    private static final float LEFT = 30 * MM;

    private static final float RIGHT = 15 * MM;

    private static final float BODY_SIZE = 13f;

    private static final float FOOTNOTE_SIZE = 10.5f;

    private static final float LEADING = 1.3f;

    private static final float INDENT = 10 * MM;

    private static final Pattern ROMAN_HEADING = Pattern.compile("^[IVX]+\\.\\s.*");

    private static final Pattern NUMBERED_HEADING = Pattern.compile("^\\d+\\.\\s.*");

    private final PDDocument document = new PDDocument();

    private final PDFont regular;

    private final PDFont bold;

    private final PDFont italic;

    private final PDFont boldItalic;

    private final PDRectangle pageSize = PDRectangle.A4;

    private final float width = pageSize.getWidth() - LEFT - RIGHT;

    private PDPageContentStream content;

    private float y;

    private int pageNumber;

    private BriefingPdf() throws IOException {
        this.regular = font("LiberationSerif-Regular.ttf");
        this.bold = font("LiberationSerif-Bold.ttf");
        this.italic = font("LiberationSerif-Italic.ttf");
        this.boldItalic = font("LiberationSerif-BoldItalic.ttf");
    }

    /** Writes the briefing to {@code out}. */
    static void write(String text, String title, String author, Calendar created, OutputStream out) throws IOException {
        BriefingPdf pdf = new BriefingPdf();
        try (PDDocument document = pdf.document) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(author);
            info.setCreator("congvan");
            info.setCreationDate(created);
            info.setModificationDate(created);
            document.getDocumentCatalog().setLanguage("vi");
            pdf.typeset(Normalizer.normalize(text, Normalizer.Form.NFC));
            document.save(out);
        }
    }

    static Calendar dateOf(int year, int month, int day) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
        calendar.clear();
        calendar.set(year, month - 1, day);
        return calendar;
    }

    private PDFont font(String name) throws IOException {
        try (InputStream in = BriefingPdf.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IOException("Font " + name + " is missing from the classpath");
            }
            return PDType0Font.load(document, in);
        }
    }

    private void typeset(String text) throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder title = new StringBuilder();
        List<String> lines = text.lines().map(String::strip).toList();
        int i = 0;
        while (i < lines.size() && !lines.get(i).isEmpty()) {
            title.append(title.length() > 0 ? "\n" : "").append(lines.get(i++));
        }
        for (; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                blocks.add(lines.get(i));
            }
        }
        newPage();
        for (String titleLine : title.toString().split("\n")) {
            centred(titleLine, bold, 14f);
        }
        y -= BODY_SIZE;
        try {
            for (String block : blocks) {
                if (block.equals("*") || block.equals("* * *")) {
                    y -= BODY_SIZE * 0.4f;
                    centred(block, regular, BODY_SIZE);
                } else if (block.startsWith("¹") || block.startsWith("²") || block.startsWith("³")) {
                    paragraph(block, regular, italic, FOOTNOTE_SIZE, 0);
                } else if (ROMAN_HEADING.matcher(block).matches()
                        || (NUMBERED_HEADING.matcher(block).matches() && block.length() < 90)) {
                    paragraph(block, bold, boldItalic, BODY_SIZE, INDENT);
                } else {
                    paragraph(block, regular, italic, BODY_SIZE, INDENT);
                }
            }
        } finally {
            content.close();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(pageSize);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        pageNumber++;
        y = pageSize.getHeight() - TOP;
        if (pageNumber > 1) {
            // HD 36: pages from the second on are numbered at the top, in the middle.
            String number = String.valueOf(pageNumber);
            float numberWidth = regular.getStringWidth(number) / 1000 * 11f;
            show(number, regular, 11f, LEFT + (width - numberWidth) / 2, pageSize.getHeight() - TOP / 2);
        }
    }

    private void ensureRoom(float lineHeight) throws IOException {
        if (y - lineHeight < BOTTOM) {
            newPage();
        }
    }

    private void centred(String line, PDFont font, float size) throws IOException {
        float lineHeight = size * LEADING;
        ensureRoom(lineHeight);
        y -= lineHeight;
        float lineWidth = font.getStringWidth(line) / 1000 * size;
        show(line, font, size, LEFT + (width - lineWidth) / 2, y);
    }

    /** Lays out one paragraph, justified, with italics where the text marks them with asterisks. */
    private void paragraph(String text, PDFont upright, PDFont slanted, float size, float indent) throws IOException {
        List<Word> words = words(text, upright, slanted, size);
        float space = upright.getStringWidth(" ") / 1000 * size;
        float lineHeight = size * LEADING;
        int start = 0;
        boolean first = true;
        while (start < words.size()) {
            float available = width - (first ? indent : 0);
            float used = words.get(start).width();
            int end = start + 1;
            while (end < words.size() && used + space + words.get(end).width() <= available) {
                used += space + words.get(end).width();
                end++;
            }
            boolean last = end == words.size();
            int gaps = end - start - 1;
            float gap = last || gaps == 0 ? space : space + (available - used) / gaps;
            ensureRoom(lineHeight);
            y -= lineHeight;
            float x = LEFT + (first ? indent : 0);
            for (int w = start; w < end; w++) {
                for (Run run : words.get(w).runs()) {
                    show(run.text(), run.font(), size, x, y);
                    x += run.font().getStringWidth(run.text()) / 1000 * size;
                }
                x += gap;
            }
            start = end;
            first = false;
        }
        y -= size * 0.5f;
    }

    private static List<Word> words(String text, PDFont upright, PDFont slanted, float size) throws IOException {
        List<Word> words = new ArrayList<>();
        boolean inItalics = false;
        for (String token : text.split("\\s+")) {
            List<Run> runs = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            for (char c : token.toCharArray()) {
                if (c == '*') {
                    if (run.length() > 0) {
                        runs.add(new Run(run.toString(), inItalics ? slanted : upright));
                        run.setLength(0);
                    }
                    inItalics = !inItalics;
                } else {
                    run.append(c);
                }
            }
            if (run.length() > 0) {
                runs.add(new Run(run.toString(), inItalics ? slanted : upright));
            }
            if (!runs.isEmpty()) {
                float wordWidth = 0;
                for (Run r : runs) {
                    wordWidth += r.font().getStringWidth(r.text()) / 1000 * size;
                }
                words.add(new Word(runs, wordWidth));
            }
        }
        return words;
    }

    private void show(String text, PDFont font, float size, float x, float atY) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, atY);
        content.showText(text);
        content.endText();
    }

    private record Run(String text, PDFont font) {}

    private record Word(List<Run> runs, float width) {}
}
