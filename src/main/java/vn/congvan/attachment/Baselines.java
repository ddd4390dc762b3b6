package vn.congvan.attachment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/**
 * Text put into lines by baseline, the one way the PDF readers tell a line: the stamps laid over a page
 * ({@code Overprint}) and the reading order of the extraction ({@code PdfColumns}) must agree on which glyphs stand on
 * one line, or a stamp would hide or join text of a line the reading puts elsewhere. Not PDFBox's lines: those follow
 * the order of drawing, and a stamp is drawn after the whole page.
 */
public final class Baselines {

    /** An item whose baseline is further below its line's first than this many times that one's size starts a line. */
    public static final float SAME_LINE = 0.4f;

    private Baselines() {}

    /** A glyph's size in points: its font size, or its height where the file gives no size (at least 1). */
    public static float size(TextPosition glyph) {
        float size = glyph.getFontSizeInPt();
        return size > 0 ? size : Math.max(glyph.getHeightDir(), 1);
    }

    /** A number an item has, in points: its baseline (the page's y growing downwards) or its font size. */
    @FunctionalInterface
    public interface Measure<T> {

        float of(T item);
    }

    /**
     * The items in lines, top to bottom: sorted by baseline (stably, so items of one baseline keep the order given),
     * each line runs from its first item as far down as {@link #SAME_LINE} times that item's size. The lines are new
     * lists the caller may reorder.
     */
    public static <T> List<List<T>> lines(List<T> items, Measure<T> baseline, Measure<T> size) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingDouble(baseline::of));
        List<List<T>> lines = new ArrayList<>();
        List<T> current = new ArrayList<>();
        T first = null;
        for (T item : sorted) {
            if (first != null && baseline.of(item) - baseline.of(first) > SAME_LINE * size.of(first)) {
                lines.add(current);
                current = new ArrayList<>();
                first = null;
            }
            if (first == null) {
                first = item;
            }
            current.add(item);
        }
        if (!current.isEmpty()) {
            lines.add(current);
        }
        return lines;
    }
}
