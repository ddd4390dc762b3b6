package vn.congvan.attachment;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * PDFBox's page drawer within the bounds a hostile PDF cannot push, for every renderer of the portal (thumbnails, OCR):
 * forms, transparency groups and annotation appearances count against the document's {@link PdfContentBudget} each
 * time they are drawn, a picture is checked against its limits before PDFBox unpacks it whole, and the caller's check
 * (a deadline) runs before each operator. The check throws unchecked, so that PDFBox's handling of broken operators
 * does not swallow it. The annotations drawn are those a reader sees, as the text readers take them ({@link
 * SeenAnnotations}).
 */
public final class BoundedPageDrawer extends PageDrawer {

    private final PdfContentBudget budget;

    private final Runnable check;

    public BoundedPageDrawer(
            PageDrawerParameters parameters, PDDocument document, PdfContentBudget budget, Runnable check)
            throws IOException {
        super(parameters);
        this.budget = budget;
        this.check = check;
        // PDFBox offers each annotation of the page to the filter (the renderer's filter is not passed to a drawer a
        // subclass makes); only those a reader sees pass, at most SeenAnnotations' few of the page's first entries.
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        SeenAnnotations.on(document, parameters.getPage()).forEach(annotation -> seen.add(annotation.getCOSObject()));
        // Removed once let through: an annotation the page lists again is drawn once, as the text reader reads it.
        setAnnotationFilter(annotation -> seen.remove(annotation.getCOSObject()));
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        check.run();
        super.processOperator(operator, operands);
    }

    @Override
    public void showForm(PDFormXObject form) throws IOException {
        budget.spend(form.getCOSObject());
        super.showForm(form);
    }

    @Override
    public void drawImage(PDImage image) throws IOException {
        if (image instanceof PDImageXObject picture) {
            PdfContentBudget.image(picture);
            // A JBIG2 picture's symbols are sized only by decoding it: one such decoding at a time (ADR 0076).
            Jbig2Decodes.oneAtATime(picture, () -> {
                super.drawImage(image);
                return null;
            });
            return;
        } else if (image instanceof PDInlineImage inline
                && inline.getFilters().contains(COSName.JBIG2_DECODE.getName())) {
            // Not allowed inline (ISO 32000-1, 8.9.7), and its declared sizes would go unread (ADR 0076).
            throw new IOException("An inline picture of the PDF is packed with JBIG2");
        }
        super.drawImage(image);
    }

    @Override
    public void showTransparencyGroup(PDTransparencyGroup group) throws IOException {
        budget.spend(group.getCOSObject());
        super.showTransparencyGroup(group);
    }

    @Override
    protected void processAnnotation(PDAnnotation annotation, PDAppearanceStream appearance) throws IOException {
        check.run();
        SeenAnnotations.pay(budget, appearance);
        super.processAnnotation(annotation, appearance);
    }
}
