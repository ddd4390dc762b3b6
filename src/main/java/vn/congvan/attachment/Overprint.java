package vn.congvan.attachment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.pdfbox.text.TextPosition;

/**
 * A page's glyphs as a reader sees them once the annotations' appearances are drawn over it (ADR 0044, amendments): a
 * glyph of the page whose middle lies inside the advance of a stamped glyph that draws something, on the same line,
 * is hidden by it (a space typed into the blank, a draft's day stamped over); a stamped space whose middle lies on a
 * glyph of the page draws nothing there (a stamp of "07   08" laid over "tháng"). Lines are told by baseline
 * ({@link Baselines}, as {@code PdfColumns} tells them), not by PDFBox's words: a stamp and the text under it may fall into neighbouring
 * words (a gap between two digits of the page under one wide stamped glyph).
 */
final class Overprint {

    private Overprint() {}

    /**
     * The glyphs of a stretch of text (a line as PDFBox writes it, or a whole page) that a reader does not see: glyphs
     * of the page under a stamped glyph that draws something, stamped spaces over glyphs of the page. Compared line by
     * line, by baseline.
     */
    static Set<TextPosition> hidden(List<TextPosition> glyphs, Predicate<TextPosition> stamped) {
        List<TextPosition> ink = new ArrayList<>();
        List<TextPosition> typed = new ArrayList<>();
        for (TextPosition glyph : glyphs) {
            if (!stamped.test(glyph)) {
                typed.add(glyph);
            } else if (!blank(glyph)) {
                ink.add(glyph);
            }
        }
        Set<TextPosition> hidden = Collections.newSetFromMap(new IdentityHashMap<>());
        if (typed.size() == glyphs.size()) {
            return hidden;
        }
        Lines stamps = Lines.of(ink);
        Lines page = Lines.of(typed);
        for (TextPosition glyph : glyphs) {
            if (stamped.test(glyph) ? blank(glyph) && page.covers(glyph) : stamps.covers(glyph)) {
                hidden.add(glyph);
            }
        }
        return hidden;
    }

    /**
     * Moves each stamped glyph of a page's articles (PDFBox's lists of the page's glyphs, in the order drawn) next to
     * the glyph of the page it follows on its line, so that a reading in the order of drawing (not sorted by position)
     * has the stamp where the page shows it, not after the page's last line.
     */
    static void place(List<List<TextPosition>> articles, Predicate<TextPosition> stamped) {
        List<TextPosition> typed = new ArrayList<>();
        List<TextPosition> stamps = new ArrayList<>();
        for (List<TextPosition> article : articles) {
            for (TextPosition glyph : article) {
                (stamped.test(glyph) ? stamps : typed).add(glyph);
            }
        }
        if (stamps.isEmpty() || typed.isEmpty()) {
            return;
        }
        Lines page = Lines.of(typed);
        // The stamped glyphs to read just before (the first glyph of a line) or just after a glyph of the page.
        Map<TextPosition, List<TextPosition>> before = new IdentityHashMap<>();
        Map<TextPosition, List<TextPosition>> after = new IdentityHashMap<>();
        Map<TextPosition, Boolean> placed = new IdentityHashMap<>();
        stamps.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
        for (TextPosition stamp : stamps) {
            int line = page.nearest(stamp);
            if (line < 0) {
                continue;
            }
            List<TextPosition> glyphs = page.glyphs.get(line);
            int left = page.lastStartingBefore(line, stamp.getXDirAdj());
            if (left < 0) {
                before.computeIfAbsent(glyphs.get(0), first -> new ArrayList<>())
                        .add(stamp);
            } else {
                after.computeIfAbsent(glyphs.get(left), glyph -> new ArrayList<>())
                        .add(stamp);
            }
            placed.put(stamp, true);
        }
        for (List<TextPosition> article : articles) {
            List<TextPosition> read = new ArrayList<>(article.size());
            for (TextPosition glyph : article) {
                if (placed.containsKey(glyph)) {
                    continue;
                }
                read.addAll(before.getOrDefault(glyph, List.of()));
                read.add(glyph);
                read.addAll(after.getOrDefault(glyph, List.of()));
            }
            article.clear();
            article.addAll(read);
        }
    }

    private static boolean blank(TextPosition glyph) {
        String unicode = glyph.getUnicode();
        return unicode == null || unicode.isBlank();
    }

    /** Glyphs put into lines by baseline, each line's glyphs left to right, asked whether one covers a place. */
    private static final class Lines {

        /** The baseline of each line's first glyph, rising down the page, and its font size. */
        private final float[] baselines;

        private final float[] sizes;

        private final List<List<TextPosition>> glyphs;

        /** Per line: where each glyph starts, and the furthest right any glyph up to it reaches. */
        private final List<float[]> starts;

        private final List<float[]> reach;

        private Lines(List<List<TextPosition>> lines) {
            this.glyphs = lines;
            baselines = new float[lines.size()];
            sizes = new float[lines.size()];
            starts = new ArrayList<>(lines.size());
            reach = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                List<TextPosition> line = lines.get(i);
                line.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
                baselines[i] = line.get(0).getYDirAdj();
                sizes[i] =
                        (float) line.stream().mapToDouble(Baselines::size).max().orElse(1);
                float[] from = new float[line.size()];
                float[] to = new float[line.size()];
                for (int j = 0; j < line.size(); j++) {
                    TextPosition glyph = line.get(j);
                    from[j] = glyph.getXDirAdj();
                    to[j] = Math.max(j > 0 ? to[j - 1] : Float.NEGATIVE_INFINITY, from[j] + glyph.getWidthDirAdj());
                }
                starts.add(from);
                reach.add(to);
            }
        }

        static Lines of(List<TextPosition> glyphs) {
            return new Lines(Baselines.lines(glyphs, TextPosition::getYDirAdj, Baselines::size));
        }

        /** Whether a glyph of a line the glyph stands on covers its middle. */
        boolean covers(TextPosition glyph) {
            float middle = glyph.getXDirAdj() + glyph.getWidthDirAdj() / 2;
            int below = lastAtOrAbove(glyph.getYDirAdj());
            // Only the two lines around the glyph's baseline are asked, so that a page of many lines costs a search
            // per glyph: lines of one size are further apart than SAME_LINE of it.
            for (int line = Math.max(below, 0); line <= below + 1 && line < baselines.length; line++) {
                if (holds(line, glyph)) {
                    int left = lastStartingBefore(line, middle);
                    if (left >= 0 && reach.get(line)[left] > middle) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The line the glyph stands on, the nearer of two; -1 for none. */
        int nearest(TextPosition glyph) {
            int below = lastAtOrAbove(glyph.getYDirAdj());
            int nearest = -1;
            for (int line = Math.max(below, 0); line <= below + 1 && line < baselines.length; line++) {
                if (holds(line, glyph)
                        && (nearest < 0
                                || Math.abs(baselines[line] - glyph.getYDirAdj())
                                        < Math.abs(baselines[nearest] - glyph.getYDirAdj()))) {
                    nearest = line;
                }
            }
            return nearest;
        }

        private boolean holds(int line, TextPosition glyph) {
            return Math.abs(baselines[line] - glyph.getYDirAdj())
                    <= Baselines.SAME_LINE * Math.max(sizes[line], Baselines.size(glyph));
        }

        /** The last line whose baseline is at or above {@code y} (the page's y grows downwards); -1 for none. */
        private int lastAtOrAbove(float y) {
            int low = 0;
            int high = baselines.length - 1;
            int found = -1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (baselines[middle] <= y) {
                    found = middle;
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return found;
        }

        /** The last glyph of a line starting left of {@code x}; -1 for none. */
        int lastStartingBefore(int line, float x) {
            float[] from = starts.get(line);
            int low = 0;
            int high = from.length - 1;
            int found = -1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (from[middle] < x) {
                    found = middle;
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return found;
        }
    }
}
