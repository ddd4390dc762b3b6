package vn.congvan.attachment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentMembershipDictionary;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationPopup;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * Which annotations of a page a reader sees, and what drawing them costs: one rule for every reader of the portal that
 * draws them, the text of the fields and of the search index ({@link BoundedTextStripper}) and the pictures of the
 * thumbnails and of OCR ({@link BoundedPageDrawer}), so that the text read and the page drawn agree (ADR 0044 and
 * 0067, amendments). An e-office system stamps a dispatch's number and day into its blanks as the appearances of
 * signature fields; a hostile file may lay thousands of annotations on a page, or hide text in them.
 */
public final class SeenAnnotations {

    /**
     * The most annotations of a page whose appearances are drawn. An e-office system stamps a handful (number, day,
     * one signature per signer); a page of thousands is a hostile file's.
     */
    public static final int MAX_DRAWN = 32;

    /** The most annotations of a page looked at for those: past them, the rest of the page's list is not read. */
    public static final int MAX_LOOKED_AT = 256;

    private SeenAnnotations() {}

    /**
     * The annotations of the page a reader sees, in the page's order (the order they are drawn in): at most {@link
     * #MAX_DRAWN} of the first {@link #MAX_LOOKED_AT} entries of its list, each once however often it is listed.
     */
    public static List<PDAnnotation> on(PDDocument document, PDPage page) throws IOException {
        COSArray annotations = page.getCOSObject().getCOSArray(COSName.ANNOTS);
        if (annotations == null) {
            return List.of();
        }
        List<PDAnnotation> seen = new ArrayList<>();
        // An annotation listed twice is one annotation: taken once, so that a list repeating one stamp draws it once.
        Set<COSDictionary> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        int looked = Math.min(annotations.size(), MAX_LOOKED_AT);
        for (int i = 0; i < looked && seen.size() < MAX_DRAWN; i++) {
            if (annotations.getObject(i) instanceof COSDictionary dictionary && taken.add(dictionary)) {
                PDAnnotation annotation = PDAnnotation.createAnnotation(dictionary);
                if (seen(document, annotation)) {
                    seen.add(annotation);
                }
            }
        }
        return seen;
    }

    /**
     * Shown to a reader on screen: not hidden, not invisible, not a pop-up's note, not in an optional-content layer that
     * is switched off, with a normal appearance of its own. Text no reader sees must not become a field, nor a search
     * hit. The invisible flag is honoured for every type, as pdf.js does (PDF 32000 asks it of unknown types only),
     * and an annotation without an appearance is not drawn (PDFBox would make one up for some types; no reader's
     * viewer needs to).
     */
    static boolean seen(PDDocument document, PDAnnotation annotation) {
        try {
            return !annotation.isHidden()
                    && !annotation.isNoView()
                    && !annotation.isInvisible()
                    && !(annotation instanceof PDAnnotationPopup)
                    && !inLayerSwitchedOff(document, annotation.getOptionalContent())
                    && annotation.getNormalAppearanceStream() != null;
        } catch (RuntimeException malformed) {
            // An appearance or layer entry of the wrong kind ("/AP << /N 5 >>"): PDFBox casts it and fails. Such an
            // annotation is not drawn, and the rest of the page is read as it is.
            return false;
        }
    }

    /**
     * Whether optional content is off in the document's default configuration: a group that is off, or a membership
     * dictionary none of whose groups is on (its default policy, "any on"; other policies are taken as that too).
     */
    private static boolean inLayerSwitchedOff(PDDocument document, PDPropertyList content) {
        if (content == null) {
            return false;
        }
        PDOptionalContentProperties layers = document.getDocumentCatalog().getOCProperties();
        if (layers == null) {
            return false;
        }
        if (content instanceof PDOptionalContentGroup group) {
            return !layers.isGroupEnabled(group);
        }
        if (content instanceof PDOptionalContentMembershipDictionary membership) {
            return membership.getOCGs().stream()
                    .noneMatch(
                            member -> member instanceof PDOptionalContentGroup group && layers.isGroupEnabled(group));
        }
        return false;
    }

    /**
     * Pays for drawing an annotation's appearance from the document's budget, as for a form (PDFBox unpacks it whole),
     * each time it is drawn.
     */
    public static void pay(PdfContentBudget budget, PDAppearanceStream appearance) throws IOException {
        budget.spend(appearance.getCOSObject());
    }
}
