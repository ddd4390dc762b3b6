package vn.congvan.attachment;

import java.io.IOException;
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
 */
public class BoundedTextStripper extends PDFTextStripper {

    /**
     * The most glyphs a page may draw: a page of 4-point text holds a few tens of thousands. PDFBox keeps every glyph
     * of a page with its position until the page ends; three million on one page (a 90 kB PDF) ran a 512 MB portal
     * out of heap.
     */
    public static final int MAX_GLYPHS_PER_PAGE = 100_000;

    private final PdfContentBudget budget = new PdfContentBudget();

    private int glyphs;

    @Override
    public void processPage(PDPage page) throws IOException {
        // PDFBox passes every page here and reads only those in the range.
        if (getCurrentPageNo() >= getStartPage() && getCurrentPageNo() <= getEndPage()) {
            budget.page(page);
            glyphs = 0;
        }
        super.processPage(page);
    }

    @Override
    public void showForm(PDFormXObject form) throws IOException {
        budget.spend(form.getCOSObject());
        super.showForm(form);
    }

    /** An annotation's appearance, when a reader draws it (PDFBox's stripper does not), is paid for as a form is. */
    @Override
    public void showAnnotation(PDAnnotation annotation) throws IOException {
        PDAppearanceStream appearance = getAppearance(annotation);
        if (appearance != null) {
            budget.spend(appearance.getCOSObject());
        }
        super.showAnnotation(annotation);
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
        super.processTextPosition(position);
    }

    /** Unchecked, to leave PDFBox's loop over the glyphs of a string. */
    private static final class TooManyGlyphs extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
