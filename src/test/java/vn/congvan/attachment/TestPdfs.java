package vn.congvan.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * The pieces the made-up PDFs of the text readers' tests share (attachment and extraction): a page with text, the
 * fonts they are typed in, and the widgets an e-office system stamps the number and the day with. One builder, so
 * a stamp in one test is the same object as a stamp in another.
 */
public final class TestPdfs {

    private TestPdfs() {}

    /** Helvetica named {@code /F1}, the font the hand-written drawings of the tests select. */
    public static PDResources helvetica() {
        PDResources resources = new PDResources();
        resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        return resources;
    }

    /** Liberation Serif (metrics of Times New Roman, Vietnamese glyphs) embedded in {@code document}. */
    public static PDType0Font serif(PDDocument document) throws IOException {
        try (InputStream font = TestPdfs.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
            return PDType0Font.load(document, font);
        }
    }

    /** An A4 page added to {@code document}, reading "CONG VAN" at its top, with an empty list of annotations. */
    public static PDPage pageWithText(PDDocument document) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.newLineAtOffset(50, 800);
            content.showText("CONG VAN");
            content.endText();
        }
        page.getCOSObject().setItem(COSName.ANNOTS, new COSArray());
        return page;
    }

    /**
     * A signature widget added to the annotations of {@code page}, its left edge at {@code x} and {@code y} the
     * baseline of its text: its normal appearance, {@code width} by 16 points, draws {@code drawing} (operators
     * selecting {@code /F1}) in Helvetica, its text 4 points up.
     */
    public static PDAnnotationWidget stamp(
            PDDocument document, PDPage page, float x, float y, float width, String drawing, boolean hidden)
            throws IOException {
        PDAppearanceStream appearance = new PDAppearanceStream(document);
        appearance.setBBox(new PDRectangle(width, 16));
        appearance.setResources(helvetica());
        try (OutputStream out = appearance.getContentStream().createOutputStream()) {
            out.write((drawing + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        PDAnnotationWidget widget = widget(appearance, new PDRectangle(x, y - 4, width, 16));
        widget.setHidden(hidden);
        widget.getCOSObject().setItem(COSName.FT, COSName.SIG);
        annotations(page).add(widget);
        return widget;
    }

    /** A printed widget over {@code rectangle} whose normal appearance is {@code appearance}, on no page yet. */
    public static PDAnnotationWidget widget(PDAppearanceStream appearance, PDRectangle rectangle) {
        PDAnnotationWidget widget = new PDAnnotationWidget();
        widget.setRectangle(rectangle);
        widget.setPrinted(true);
        PDAppearanceDictionary appearances = new PDAppearanceDictionary();
        appearances.setNormalAppearance(appearance);
        widget.setAppearance(appearances);
        return widget;
    }

    private static COSArray annotations(PDPage page) {
        COSDictionary dictionary = page.getCOSObject();
        COSArray annotations = dictionary.getCOSArray(COSName.ANNOTS);
        if (annotations == null) {
            annotations = new COSArray();
            dictionary.setItem(COSName.ANNOTS, annotations);
        }
        return annotations;
    }
}
