package vn.congvan.attachment;

import java.io.IOException;
import java.io.StringWriter;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Finds the signer's block of a document (ADR 0053): the lines "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", the blank space
 * where the signer signs, and the signer's name, on the last pages. The organisation's signature goes over that space
 * as NĐ 30/2020 Phụ lục I draws it. Coordinates are those of the page as shown (rotation applied, origin at the top
 * left of the crop box, y downwards), which is how PDFBox reports text positions.
 */
final class SignerBlocks {

    /** Competence markers as typed and as OCR or habit writes them: T/M, T/U, TM., K/T, KT., Q., T/L, TL., TUQ. */
    private static final Pattern COMPETENCE = Pattern.compile(
            "^(T\\s*/\\s*M|T\\s*/\\s*U|TM\\.?|K\\s*/\\s*T|KT\\.|Q\\.|T\\s*/\\s*L|TL\\.|TUQ\\.?|T\\.M|K\\.T)(\\s|$)");

    /** How many pages from the end are searched: a signer's block sits on the last page, rarely across a break. */
    private static final int PAGES = 2;

    /**
     * The most lines a signer's title runs over ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", each of which a
     * narrow column may wrap), and no more are joined to it: each is looked for among all the page's segments, so a
     * page of many close lines below a competence marker would otherwise be searched once per line.
     */
    private static final int TITLE_LINES = 6;

    /** The signing space assumed when no name line is found under the signer's title lines. */
    private static final float DEFAULT_GAP = 60f;

    private SignerBlocks() {}

    /**
     * The signing space of the signer's block, on the last page that has one of the two last pages; empty when none
     * can be told apart.
     */
    static Optional<Spot> find(PDDocument document, SignerHints signer) throws IOException {
        int pages = document.getNumberOfPages();
        for (int page = pages - 1; page >= Math.max(0, pages - PAGES); page--) {
            Optional<Spot> spot = findOn(document, page, signer);
            if (spot.isPresent()) {
                return spot;
            }
        }
        return Optional.empty();
    }

    private static Optional<Spot> findOn(PDDocument document, int page, SignerHints signer) throws IOException {
        List<Segment> segments = segments(document, page);
        Segment name = null;
        String wanted = normal(signer.fullName());
        if (!wanted.isEmpty()) {
            name = segments.stream()
                    .filter(segment -> segment.normal.contains(wanted))
                    .max(Comparator.comparingDouble(Segment::top))
                    .orElse(null);
        }
        Segment title;
        if (name != null) {
            Segment below = name;
            title = segments.stream()
                    .filter(segment -> segment.bottom() <= below.top() && below.top() - segment.bottom() < 300f)
                    .filter(segment -> segment.overlaps(below))
                    .max(Comparator.comparingDouble(Segment::bottom))
                    .orElse(null);
            if (title == null) {
                return Optional.of(spot(page, name, name.top() - DEFAULT_GAP, name.top()));
            }
            return Optional.of(spot(page, title.union(name), title.bottom(), name.top()));
        }
        List<String> titles = signer.titles().stream()
                .map(SignerBlocks::normal)
                .filter(text -> !text.isEmpty())
                .toList();
        title = segments.stream()
                .filter(segment -> COMPETENCE.matcher(segment.normal).find()
                        || titles.stream().anyMatch(segment.normal::equals))
                .max(Comparator.comparingDouble(Segment::top))
                .orElse(null);
        if (title == null) {
            return Optional.empty();
        }
        // The title may run on over a few lines ("K/T TRƯỞNG BAN" then "PHÓ TRƯỞNG BAN"): the block ends at the
        // first gap wider than a line.
        Segment block = title;
        Segment next = nextBelow(segments, block);
        for (int lines = 1;
                lines < TITLE_LINES && next != null && next.top() - block.bottom() < next.height();
                lines++) {
            block = block.union(next);
            next = nextBelow(segments, block);
        }
        if (next != null && next.top() - block.bottom() < 3 * DEFAULT_GAP) {
            return Optional.of(spot(page, block.union(next), block.bottom(), next.top()));
        }
        return Optional.of(spot(page, block, block.bottom(), block.bottom() + DEFAULT_GAP));
    }

    private static Segment nextBelow(List<Segment> segments, Segment above) {
        return segments.stream()
                .filter(segment -> segment.top() >= above.bottom() - 1f && segment.overlaps(above))
                .filter(segment -> segment != above && segment.top() > above.top())
                .min(Comparator.comparingDouble(Segment::top))
                .orElse(null);
    }

    private static Spot spot(int page, Segment columns, float top, float bottom) {
        return new Spot(page, columns.left(), top, columns.right() - columns.left(), Math.max(0f, bottom - top));
    }

    /**
     * The page's text as segments: runs of words on one line, split where a wide gap separates two columns (the
     * "Nơi nhận" list on the left and the signer's block on the right share their lines).
     */
    private static List<Segment> segments(PDDocument document, int page) throws IOException {
        List<Word> words = new ArrayList<>();
        PDFTextStripper stripper = new BoundedTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                if (text.isBlank() || positions.isEmpty()) {
                    return;
                }
                float left = Float.MAX_VALUE;
                float right = -Float.MAX_VALUE;
                float top = Float.MAX_VALUE;
                float bottom = -Float.MAX_VALUE;
                for (TextPosition position : positions) {
                    left = Math.min(left, position.getXDirAdj());
                    right = Math.max(right, position.getXDirAdj() + position.getWidthDirAdj());
                    float height = Math.max(position.getHeightDir(), position.getFontSizeInPt() * 0.7f);
                    top = Math.min(top, position.getYDirAdj() - height);
                    bottom = Math.max(bottom, position.getYDirAdj());
                }
                words.add(new Word(text, left, top, right, bottom));
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        stripper.writeText(document, new StringWriter());
        words.sort(Comparator.comparingDouble(Word::bottom).thenComparingDouble(Word::left));
        List<Segment> segments = new ArrayList<>();
        List<Word> line = new ArrayList<>();
        for (Word word : words) {
            if (!line.isEmpty() && Math.abs(line.get(0).bottom() - word.bottom()) > 2f) {
                split(line, segments);
                line.clear();
            }
            line.add(word);
        }
        split(line, segments);
        return segments;
    }

    private static void split(List<Word> line, List<Segment> segments) {
        line.sort(Comparator.comparingDouble(Word::left));
        StringBuilder text = new StringBuilder();
        Word first = null;
        Word last = null;
        float top = Float.MAX_VALUE;
        for (Word word : line) {
            float size = word.bottom() - word.top();
            if (last != null && word.left() - last.right() > 3 * size) {
                segments.add(new Segment(normal(text.toString()), first.left(), top, last.right(), last.bottom()));
                text.setLength(0);
                first = null;
                top = Float.MAX_VALUE;
            }
            if (first == null) {
                first = word;
            }
            text.append(text.isEmpty() ? "" : " ").append(word.text());
            top = Math.min(top, word.top());
            last = word;
        }
        if (first != null) {
            segments.add(new Segment(normal(text.toString()), first.left(), top, last.right(), last.bottom()));
        }
    }

    /** Upper case, composed, one space between words: "Nguyễn  văn A" and "NGUYỄN VĂN A" match. */
    static String normal(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .replaceAll("\\s+", " ")
                .strip()
                .toUpperCase(Locale.ROOT);
    }

    /** What the dispatch says of its signer: the title lines ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN") and the name. */
    record SignerHints(List<String> titles, String fullName) {

        SignerHints {
            titles = titles == null
                    ? List.of()
                    : titles.stream().filter(title -> title != null).toList();
        }
    }

    /** The signing space on a page as shown: its left, top, width and height in points. */
    record Spot(int page, float left, float top, float width, float height) {}

    private record Word(String text, float left, float top, float right, float bottom) {}

    private record Segment(String normal, float left, float top, float right, float bottom) {

        float height() {
            return bottom - top;
        }

        boolean overlaps(Segment other) {
            return left < other.right && other.left < right;
        }

        Segment union(Segment other) {
            return new Segment(
                    normal + " " + other.normal,
                    Math.min(left, other.left),
                    Math.min(top, other.top),
                    Math.max(right, other.right),
                    Math.max(bottom, other.bottom));
        }
    }
}
