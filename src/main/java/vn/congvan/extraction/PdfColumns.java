package vn.congvan.extraction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.TextPosition;
import vn.congvan.attachment.Baselines;
import vn.congvan.attachment.BoundedTextStripper;

/**
 * A PDF's text in reading order, whatever order its writer drew it in (ADR 0055). The header and the foot of a
 * dispatch are two-column tables without borders: printed, the issuer and the motto, "Số" and the date line, "Nơi
 * nhận" and the signer share baselines, and a plain left-to-right reading mixes them ("QUẬN ỦY QUẬN 1 ĐẢNG CỘNG SẢN
 * VIỆT NAM"). Here the glyphs are put into lines by position, each line cut into segments at wide gaps; a line of two
 * segments starts a band, which takes in the lines above and below it that none of whose segments crosses the band's
 * gutter; a band is read column after column, everything else line after line. Bounded against hostile files as
 * {@link BoundedTextStripper} is.
 *
 * <p>The page is read as it is seen, with what its annotations draw over it (ADR 0044, amendments of 2026-12-01): a
 * Vietnamese e-office system issues a signed dispatch by stamping its number and day into the blanks left for them,
 * as the appearances of signature fields laid over the gaps, which PDFBox's stripper leaves out. The stripper it
 * extends draws them ({@link BoundedTextStripper#asSeen()}: the annotations a reader sees, at their place, hiding what
 * lies under them on the same line); here their letters are counted.
 */
final class PdfColumns extends BoundedTextStripper {

    /** A gap wider than this many times the font size separates two columns, not two words. */
    private static final float COLUMN_GAP = 1.2f;

    /** Lines further apart than this many times the page's usual leading are two paragraphs. */
    private static final float PARAGRAPH_GAP = 1.25f;

    /** The narrowest free space, in font sizes, still taken as the gutter between two columns. */
    private static final float MIN_GUTTER = 0.3f;

    /** Lines further apart than this many times the font size do not belong to the same band. */
    private static final float BAND_LEADING = 2.0f;

    private final StringBuilder text = new StringBuilder();

    private final List<Chunk> page = new ArrayList<>();

    /**
     * The most glyphs of a page laid out. A dense A4 page of 8-point text has about 10,000; a page drawing hundreds of
     * thousands (a few kilobytes of PDF can) took seconds to lay out, and only the header and the foot are needed.
     * A page drawing more than {@link BoundedTextStripper#MAX_GLYPHS_PER_PAGE} is refused before it is laid out.
     */
    static final int MAX_LAID_OUT_GLYPHS = 30_000;

    private final Budget budget;

    private int glyphs;

    /** Letters drawn by annotations: a signed scan's stamp is no text layer ({@link DocumentText.PdfText#scanned}). */
    private long stampLetters;

    /** Pages after this one up to {@link #skippedUpTo} are not read (the middle of a long document). */
    private int skippedAfter = Integer.MAX_VALUE;

    private int skippedUpTo = Integer.MAX_VALUE;

    private PdfColumns(Budget budget) {
        super(true);
        this.budget = budget;
        setSortByPosition(true);
    }

    static String text(PDDocument document, int pages) throws IOException {
        return text(document, pages, Budget.unlimited());
    }

    static String text(PDDocument document, int pages, Budget budget) throws IOException {
        return text(document, pages, 0, budget);
    }

    /** The first {@code pages} pages and then the {@code lastPages} last ones, those between left out. */
    static String text(PDDocument document, int pages, int lastPages, Budget budget) throws IOException {
        return read(document, pages, lastPages, budget).text();
    }

    /** As {@link #text(PDDocument, int, int, Budget)}, with how many of its letters annotations drew. */
    static Layer read(PDDocument document, int pages, int lastPages, Budget budget) throws IOException {
        PdfColumns stripper = new PdfColumns(budget);
        int total = document.getNumberOfPages();
        stripper.skippedAfter = pages;
        stripper.skippedUpTo = Math.max(pages, total - lastPages);
        stripper.setEndPage(lastPages > 0 ? total : pages);
        stripper.getText(document);
        return new Layer(stripper.text.toString(), stripper.stampLetters);
    }

    /** A PDF's text in reading order and the number of its letters drawn by annotations' appearances. */
    record Layer(String text, long stampLetters) {}

    @Override
    public void processPage(PDPage pdPage) throws IOException {
        if (getCurrentPageNo() > skippedAfter && getCurrentPageNo() <= skippedUpTo) {
            return;
        }
        super.processPage(pdPage);
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        // Unchecked, so that PDFBox's handling of broken operators does not swallow it.
        budget.check();
        super.processOperator(operator, operands);
    }

    @Override
    protected void writeWord(String string, List<TextPosition> positions) {
        if (glyphs >= MAX_LAID_OUT_GLYPHS) {
            return;
        }
        glyphs += positions.size();
        // The letters stamps put into the text, counted as they are kept (not as drawn): a glyph PDFBox drops as drawn
        // twice, or one past the bounds, must not be taken off the page's own letters.
        for (TextPosition position : positions) {
            if (stamped(position) && position.getUnicode() != null) {
                stampLetters += position.getUnicode()
                        .codePoints()
                        .filter(Character::isLetter)
                        .count();
            }
        }
        // Glyphs closer than a column gap make one chunk; a wide gap inside PDFBox's word splits it.
        List<TextPosition> current = new ArrayList<>();
        for (TextPosition position : positions) {
            if (!current.isEmpty()) {
                TextPosition last = current.get(current.size() - 1);
                float gap = position.getXDirAdj() - (last.getXDirAdj() + last.getWidthDirAdj());
                if (gap > COLUMN_GAP * Baselines.size(last)) {
                    page.add(Chunk.of(current, this::glyph));
                    current = new ArrayList<>();
                }
            }
            current.add(position);
        }
        if (!current.isEmpty()) {
            page.add(Chunk.of(current, this::glyph));
        }
    }

    @Override
    protected void writeWordSeparator() {}

    @Override
    protected void writeLineSeparator() {}

    @Override
    protected void startPage(PDPage pdPage) {
        page.clear();
        glyphs = 0;
    }

    @Override
    protected void endPage(PDPage pdPage) {
        if (text.length() < DocumentText.MAX_CHARS) {
            read(withoutPageNumber(lines(page), getCurrentPageNo()));
        }
        page.clear();
    }

    /**
     * The page less its number: the top or the bottom line of the page when it is that page's number in the file and
     * nothing else (NĐ 30 prints it alone, centred at the top of each page from the second). Read as text, a number
     * alone between two pages cannot be told from an item; here the page it stands on says what it is (r15's "33"
     * between "Nơi nhận:" and the list that goes on at the top of page 33).
     */
    private static List<Line> withoutPageNumber(List<Line> lines, int number) {
        if (lines.size() < 2) {
            return lines;
        }
        String own = Integer.toString(number);
        List<Line> kept = new ArrayList<>(lines);
        if (kept.get(kept.size() - 1).is(own)) {
            kept.remove(kept.size() - 1);
        }
        if (kept.get(0).is(own)) {
            kept.remove(0);
        }
        return kept;
    }

    /**
     * Chunks on one baseline ({@link Baselines}, as the stamps laid over the page are told), left to right, merged into
     * segments where the gap between them is a word's.
     */
    private static List<Line> lines(List<Chunk> chunks) {
        // Left to right first: the grouping's sort by baseline is stable, so a line's first chunk (whose size sets how
        // far down the line reaches) is its leftmost of the highest baseline.
        List<Chunk> sorted = new ArrayList<>(chunks);
        sorted.sort(Comparator.comparingDouble(Chunk::x0));
        List<Line> lines = new ArrayList<>();
        for (List<Chunk> line : Baselines.lines(sorted, Chunk::y, Chunk::size)) {
            lines.add(Line.of(line));
        }
        return lines;
    }

    private void read(List<Line> lines) {
        // First the bands, each grown from a line of two segments over its neighbours, so that a band's top line
        // that has only one column (the motto a little higher than the issuer) still joins it. The gutter is the
        // free space between the columns, narrowed by each line taken in: a long "Nơi nhận" item reaching past the
        // middle of the first line's gap still leaves room between it and the signer's block.
        int[] band = new int[lines.size()];
        float[] gutters = new float[lines.size() + 1];
        // A band is the run of lines from its first to its last; read once per band, not once per line of the page.
        int[] ends = new int[lines.size() + 1];
        int bands = 0;
        for (int i = 0; i < lines.size(); i++) {
            float[] gutter = lines.get(i).gap();
            if (band[i] != 0 || gutter == null) {
                continue;
            }
            bands++;
            band[i] = bands;
            float leading = BAND_LEADING * lines.get(i).size();
            for (int j = i - 1;
                    j >= 0
                            && band[j] == 0
                            && lines.get(j + 1).y() - lines.get(j).y() < leading;
                    j--) {
                float[] narrowed = lines.get(j).free(gutter);
                if (narrowed == null) {
                    break;
                }
                gutter = narrowed;
                band[j] = bands;
            }
            int end = i + 1;
            while (end < lines.size()
                    && band[end] == 0
                    && lines.get(end).y() - lines.get(end - 1).y() < leading) {
                float[] narrowed = lines.get(end).free(gutter);
                if (narrowed == null) {
                    break;
                }
                gutter = narrowed;
                band[end] = bands;
                end++;
            }
            gutters[bands] = (gutter[0] + gutter[1]) / 2;
            ends[bands] = end;
        }
        boolean[] read = new boolean[bands + 1];
        float paragraph = PARAGRAPH_GAP * usualLeading(lines);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0
                    && (band[i] == 0 || band[i] != band[i - 1])
                    && lines.get(i).y() - lines.get(i - 1).y() > paragraph) {
                // A paragraph's spacing, as the text of the same document typed has a blank line there: the
                // subject's last line and the body's first are not one title.
                emit("");
            }
            if (band[i] == 0) {
                emit(lines.get(i).text());
            } else if (!read[band[i]]) {
                read[band[i]] = true;
                for (boolean left : new boolean[] {true, false}) {
                    for (int j = i; j < ends[band[i]]; j++) {
                        String side = lines.get(j).side(gutters[band[i]], left);
                        if (!side.isEmpty()) {
                            emit(side);
                        }
                    }
                }
            }
        }
    }

    /** The median distance between consecutive baselines of the page: the leading of its body text. */
    private static float usualLeading(List<Line> lines) {
        List<Float> gaps = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            float gap = lines.get(i).y() - lines.get(i - 1).y();
            if (gap > 0) {
                gaps.add(gap);
            }
        }
        if (gaps.isEmpty()) {
            return Float.MAX_VALUE;
        }
        gaps.sort(Float::compare);
        return gaps.get(gaps.size() / 2);
    }

    private void emit(String line) {
        text.append(line).append('\n');
    }

    /**
     * A glyph's text; a glyph of a TCVN3 capitals font (".VnTimeH") is the capital it draws, whatever small letter's
     * code (or small Latin letter) it carries (ADR 0068). The other legacy fonts are left to {@link LegacyEncoding#repair}, which reads them
     * line by line: VNI's marks are glyphs of their own, and TCVN3's case is told by the word.
     */
    private String glyph(TextPosition position) {
        String unicode = position.getUnicode();
        org.apache.pdfbox.pdmodel.font.PDFont font = position.getFont();
        if (unicode == null || font == null) {
            return unicode;
        }
        if (font != lastFont) {
            // Once per change of font, not per glyph: a font's name is as long as the file makes it.
            lastFont = font;
            capitals = LegacyEncoding.ofFont(font.getName()) == LegacyEncoding.Scheme.TCVN3_CAPITALS;
        }
        return capitals ? LegacyEncoding.byFontName(unicode, LegacyEncoding.Scheme.TCVN3_CAPITALS) : unicode;
    }

    /** The font of the glyph before, and whether it is a TCVN3 capitals font. */
    private org.apache.pdfbox.pdmodel.font.PDFont lastFont;

    private boolean capitals;

    private record Chunk(String text, float x0, float x1, float y, float size) {

        static Chunk of(List<TextPosition> positions, java.util.function.Function<TextPosition, String> glyph) {
            StringBuilder text = new StringBuilder();
            positions.forEach(position -> text.append(glyph.apply(position)));
            TextPosition first = positions.get(0);
            TextPosition last = positions.get(positions.size() - 1);
            return new Chunk(
                    text.toString(),
                    first.getXDirAdj(),
                    last.getXDirAdj() + last.getWidthDirAdj(),
                    first.getYDirAdj(),
                    Baselines.size(first));
        }

        Chunk withText(String other) {
            return new Chunk(other, x0, x1, y, size);
        }
    }

    /** One baseline's segments, left to right. */
    private record Line(List<Chunk> segments) {

        static Line of(List<Chunk> chunks) {
            List<Chunk> sorted = new ArrayList<>(chunks);
            sorted.sort(Comparator.comparingDouble(Chunk::x0));
            List<Chunk> segments = new ArrayList<>();
            // The segment being joined, its text built once: a line of many words is not copied once per word.
            StringBuilder text = new StringBuilder();
            Chunk last = null;
            for (Chunk chunk : sorted) {
                if (last != null && chunk.x0() - last.x1() <= COLUMN_GAP * Math.max(last.size(), chunk.size())) {
                    boolean spaced = !text.isEmpty() && text.charAt(text.length() - 1) == ' ';
                    if (!(spaced || chunk.text().startsWith(" "))) {
                        text.append(' ');
                    }
                    text.append(chunk.text());
                    last = new Chunk(
                            "",
                            last.x0(),
                            Math.max(last.x1(), chunk.x1()),
                            last.y(),
                            Math.max(last.size(), chunk.size()));
                    continue;
                }
                if (last != null) {
                    segments.add(last.withText(text.toString()));
                }
                text.setLength(0);
                text.append(chunk.text());
                last = chunk;
            }
            if (last != null) {
                segments.add(last.withText(text.toString()));
            }
            return new Line(List.copyOf(segments));
        }

        float y() {
            return segments.get(0).y();
        }

        /** Whether the line is this text alone. */
        boolean is(String text) {
            return segments.size() == 1 && segments.get(0).text().strip().equals(text);
        }

        float size() {
            return (float) segments.stream().mapToDouble(Chunk::size).max().orElse(12);
        }

        /** The widest gap between two segments, from the end of one to the start of the next; null for one segment. */
        float[] gap() {
            float[] gap = null;
            for (int i = 1; i < segments.size(); i++) {
                float from = segments.get(i - 1).x1();
                float to = segments.get(i).x0();
                if (to > from && (gap == null || to - from > gap[1] - gap[0])) {
                    gap = new float[] {from, to};
                }
            }
            return gap;
        }

        /**
         * The widest part of a gutter that no segment of this line covers, if it is still as wide as a space of the
         * line's font; null when the line runs across the gutter.
         */
        float[] free(float[] gutter) {
            float[] widest = null;
            float from = gutter[0];
            for (Chunk segment : segments) {
                if (segment.x1() <= from || segment.x0() >= gutter[1]) {
                    continue;
                }
                if (segment.x0() > from && (widest == null || segment.x0() - from > widest[1] - widest[0])) {
                    widest = new float[] {from, segment.x0()};
                }
                from = Math.max(from, segment.x1());
            }
            if (gutter[1] > from && (widest == null || gutter[1] - from > widest[1] - widest[0])) {
                widest = new float[] {from, gutter[1]};
            }
            return widest != null && widest[1] - widest[0] >= MIN_GUTTER * size() ? widest : null;
        }

        String side(float gutter, boolean left) {
            StringBuilder side = new StringBuilder();
            for (Chunk segment : segments) {
                if ((segment.x1() < gutter) == left) {
                    if (!side.isEmpty()) {
                        side.append(' ');
                    }
                    side.append(segment.text().strip());
                }
            }
            return side.toString();
        }

        String text() {
            StringBuilder line = new StringBuilder();
            for (Chunk segment : segments) {
                if (!line.isEmpty()) {
                    line.append(' ');
                }
                line.append(segment.text().strip());
            }
            return line.toString();
        }
    }
}
