package vn.congvan.attachment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDFBox's text stripper within bounds a hostile PDF cannot push: the drawing it unpacks ({@link PdfContentBudget})
 * and the glyphs it keeps for a page ({@link #MAX_GLYPHS_PER_PAGE}). Past either, the reading stops with an {@link
 * IOException}; a form past the budget is left out (PDFBox skips a form it cannot draw).
 *
 * <p>Read {@link #asSeen() as seen}, a page is read with what its annotations draw over it (ADR 0044, amendments): a
 * Vietnamese e-office system issues a signed dispatch by stamping its number and day into the blanks left for them, as
 * the appearances of signature fields, which PDFBox's stripper leaves out. The appearances of the annotations a reader
 * sees ({@link SeenAnnotations}) are drawn after the page, at their place, and hide what lies under them ({@link
 * Overprint}).
 */
public class BoundedTextStripper extends PDFTextStripper {

    /**
     * The most glyphs a page may draw: a page of 4-point text holds a few tens of thousands. PDFBox keeps every glyph
     * of a page with its position until the page ends; three million on one page (a 90 kB PDF) ran a 512 MB portal
     * out of heap.
     */
    public static final int MAX_GLYPHS_PER_PAGE = 100_000;

    private final PdfContentBudget budget = new PdfContentBudget();

    private final boolean asSeen;

    private int glyphs;

    /** The glyphs of the page being read that annotations' appearances drew (identity: PDFBox's positions). */
    private final Set<TextPosition> stamped = Collections.newSetFromMap(new IdentityHashMap<>());

    private boolean stamping;

    /**
     * The words of the line (or, for a reader that writes no line separators, the page) being written on a page with
     * stamps, {@code null} for a separator between two.
     */
    private final List<Word> held = new ArrayList<>();

    /** Reads the pages' own drawing, without their annotations (the signer's block search, ADR 0053). */
    public BoundedTextStripper() {
        this(false);
    }

    /** @param asSeen whether a page is read with its annotations drawn over it, as a reader sees it */
    protected BoundedTextStripper(boolean asSeen) {
        this.asSeen = asSeen;
    }

    /** A stripper that reads each page as a reader sees it: the search index's text (ADR 0067, amendment). */
    public static BoundedTextStripper asSeen() {
        return new BoundedTextStripper(true);
    }

    @Override
    public void processPage(PDPage page) throws IOException {
        // PDFBox passes every page here and reads only those in the range.
        if (getCurrentPageNo() >= getStartPage() && getCurrentPageNo() <= getEndPage()) {
            budget.page(page);
            glyphs = 0;
            stamped.clear();
            held.clear();
        }
        super.processPage(page);
    }

    /** Once the page is drawn and before its glyphs are put into words and lines, its annotations are drawn over it. */
    @Override
    protected void writePage() throws IOException {
        if (asSeen) {
            stamping = true;
            try {
                for (PDAnnotation annotation : SeenAnnotations.on(document, getCurrentPage())) {
                    showAnnotation(annotation);
                }
            } finally {
                stamping = false;
            }
            if (!stamped.isEmpty() && !getSortByPosition()) {
                Overprint.place(charactersByArticle, stamped::contains);
            }
        }
        super.writePage();
    }

    /**
     * A word as PDFBox puts the page's glyphs into words. On a page with stamps the words are held until their line
     * (or the page) ends, and written without the glyphs hidden under the stamps: hidden only once PDFBox has put the
     * glyphs into words, so that a glyph taken away leaves no gap that would split a word. Readers that read as seen
     * override {@link #writeWord}.
     */
    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        if (stamped.isEmpty()) {
            writeWord(text, positions);
        } else {
            held.add(new Word(text, positions));
        }
    }

    @Override
    protected void writeWordSeparator() throws IOException {
        if (stamped.isEmpty()) {
            super.writeWordSeparator();
        } else {
            held.add(null);
        }
    }

    @Override
    protected void writeLineSeparator() throws IOException {
        writeHeld();
        super.writeLineSeparator();
    }

    @Override
    protected void writePageEnd() throws IOException {
        writeHeld();
        super.writePageEnd();
    }

    /** A paragraph's last line ends without a line separator: its words are written before the paragraph's end. */
    @Override
    protected void writeParagraphEnd() throws IOException {
        writeHeld();
        super.writeParagraphEnd();
    }

    /** So does an article's (a bead's) last line, before the next article's first words. */
    @Override
    protected void endArticle() throws IOException {
        writeHeld();
        super.endArticle();
    }

    /** A word of the page, its glyphs those a reader sees (the stamps' letters among them). */
    protected void writeWord(String text, List<TextPosition> positions) throws IOException {
        super.writeString(text, positions);
    }

    /** The words held, each less what the stamps hide; a word left empty is left out with the separator after it. */
    private void writeHeld() throws IOException {
        if (held.isEmpty()) {
            return;
        }
        List<TextPosition> written = new ArrayList<>();
        for (Word word : held) {
            if (word != null) {
                written.addAll(word.positions());
            }
        }
        Set<TextPosition> hidden = Overprint.hidden(written, stamped::contains);
        boolean wordBefore = false;
        boolean separated = false;
        for (Word word : held) {
            if (word == null) {
                separated = wordBefore;
                continue;
            }
            List<TextPosition> kept = new ArrayList<>(word.positions().size());
            StringBuilder text = new StringBuilder();
            for (TextPosition position : word.positions()) {
                if (!hidden.contains(position)) {
                    kept.add(position);
                    text.append(position.getUnicode() == null ? "" : position.getUnicode());
                }
            }
            if (kept.isEmpty()) {
                continue;
            }
            if (separated) {
                super.writeWordSeparator();
                separated = false;
            }
            writeWord(kept.size() == word.positions().size() ? word.text() : text.toString(), kept);
            wordBefore = true;
        }
        held.clear();
    }

    private record Word(String text, List<TextPosition> positions) {}

    /** Whether an annotation's appearance drew the glyph, on the page being read. */
    protected final boolean stamped(TextPosition position) {
        return stamped.contains(position);
    }

    @Override
    public void showForm(PDFormXObject form) throws IOException {
        budget.spend(form.getCOSObject());
        super.showForm(form);
    }

    @Override
    protected void processAnnotation(PDAnnotation annotation, PDAppearanceStream appearance) throws IOException {
        SeenAnnotations.pay(budget, appearance);
        super.processAnnotation(annotation, appearance);
    }

    @Override
    public void showTransparencyGroup(PDTransparencyGroup group) throws IOException {
        budget.spend(group.getCOSObject());
        super.showTransparencyGroup(group);
    }

    @Override
    protected void showText(byte[] string) throws IOException {
        try {
            super.showText(string);
        } catch (TooManyGlyphs full) {
            // Thrown as an I/O error, which PDFBox passes on.
            throw new IOException("A page of the PDF draws more than " + MAX_GLYPHS_PER_PAGE + " glyphs", full);
        }
    }

    @Override
    protected void processTextPosition(TextPosition position) {
        if (++glyphs > MAX_GLYPHS_PER_PAGE) {
            throw new TooManyGlyphs();
        }
        if (stamping) {
            stamped.add(position);
        }
        super.processTextPosition(position);
    }

    /** Unchecked, to leave PDFBox's loop over the glyphs of a string. */
    private static final class TooManyGlyphs extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
