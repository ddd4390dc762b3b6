package vn.congvan.extraction;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Hostile files for the readers of the extraction API (review of ADR 0055): writes one, reads it as the API does
 * (DocumentText then FieldReader) and prints how long that took. Run by bench/hostile-extraction.sh.
 *
 * <p>Cases: docx-line N (one paragraph of N letters), odt-line N, docx-deleted MB (MB of deleted tracked text),
 * docx-nested N (N nested elements), docx-comment MB (one comment of MB), docx-namespaces N (N namespaces on one
 * element), pdf-unpacks MB (a page whose drawing unpacks to MB), pdf-glyphs N (one string of N glyphs),
 * pdf-bands N (N two-column lines whose gutters do not line up), pdf-words N (one baseline of N words).
 */
public final class HostileExtraction {

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int n = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("hostile");
        Path file = dir.resolve(kind);
        String type;
        switch (kind) {
            case "docx-line" -> {
                docx(file, "<w:p><w:r><w:t>" + "a".repeat(n) + "</w:t></w:r></w:p>");
                type = DocumentText.DOCX;
            }
            case "docx-deleted" -> {
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                    zip.putNextEntry(new ZipEntry("word/document.xml"));
                    Writer out = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
                    out.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                            + "<w:body><w:p><w:del><w:r><w:delText>");
                    String block = "b".repeat(1 << 20);
                    for (int i = 0; i < n; i++) {
                        out.write(block);
                    }
                    out.write("</w:delText></w:r></w:del></w:p></w:body></w:document>");
                    out.flush();
                    zip.closeEntry();
                }
                type = DocumentText.DOCX;
            }
            case "docx-nested" -> {
                // n elements each inside the one before, never closed: 3 bytes a level.
                docx(file, "<w:p>" + "<x>".repeat(n));
                type = DocumentText.DOCX;
            }
            case "docx-comment" -> {
                // One comment of n MB: the parser holds a comment (a tag, an instruction, CDATA) whole.
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                    zip.putNextEntry(new ZipEntry("word/document.xml"));
                    Writer out = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
                    out.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                            + "<w:body><!--");
                    String block = "c".repeat(1 << 20);
                    for (int i = 0; i < n; i++) {
                        out.write(block);
                    }
                    out.write("--></w:body></w:document>");
                    out.flush();
                    zip.closeEntry();
                }
                type = DocumentText.DOCX;
            }
            case "docx-namespaces" -> {
                // n namespaces declared on one element: the parser checks each against all before it.
                StringBuilder declarations = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    declarations.append(" xmlns:n").append(i).append("=\"u").append(i).append('"');
                }
                docx(file, "<w:p" + declarations + "/>");
                type = DocumentText.DOCX;
            }
            case "pdf-unpacks" -> {
                // A page whose drawing unpacks to n MB of "q Q": PDFBox unpacks a content stream whole.
                try (PDDocument document = new PDDocument()) {
                    PDPage page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    org.apache.pdfbox.cos.COSStream drawing = document.getDocument().createCOSStream();
                    byte[] block = "q Q ".repeat(1 << 18).getBytes(StandardCharsets.US_ASCII);
                    // Deflated here: PDFBox's own filtered stream keeps what it is given until it is closed.
                    drawing.setItem(org.apache.pdfbox.cos.COSName.FILTER, org.apache.pdfbox.cos.COSName.FLATE_DECODE);
                    try (OutputStream out = new java.util.zip.DeflaterOutputStream(drawing.createRawOutputStream())) {
                        for (int i = 0; i < n; i++) {
                            out.write(block);
                        }
                    }
                    page.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.CONTENTS, drawing);
                    document.save(file.toFile());
                }
                type = DocumentText.PDF;
            }
            case "pdf-glyphs" -> {
                // One string of n glyphs: PDFBox keeps every glyph of a page with its position.
                try (PDDocument document = new PDDocument()) {
                    PDPage page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                        content.beginText();
                        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 1);
                        content.newLineAtOffset(10, 10);
                        content.showText("a".repeat(n));
                        content.endText();
                    }
                    document.save(file.toFile());
                }
                type = DocumentText.PDF;
            }
            case "odt-line" -> {
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                    zip.putNextEntry(new ZipEntry("content.xml"));
                    zip.write(("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                                    + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
                                    + "<office:text><text:p>" + "a".repeat(n)
                                    + "</text:p></office:text></office:body></office:document-content>")
                            .getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                type = DocumentText.ODT;
            }
            case "pdf-bands" -> {
                pdf(file, n, false);
                type = DocumentText.PDF;
            }
            case "pdf-words" -> {
                pdf(file, n, true);
                type = DocumentText.PDF;
            }
            default -> throw new IllegalArgumentException(kind);
        }
        long size = Files.size(file);
        long start = System.nanoTime();
        String text;
        try {
            text = DocumentText.of(file, type);
        } catch (java.io.IOException | OutOfMemoryError e) {
            System.out.printf("%s %d: file %d bytes, refused after %.2f s: %s%n", kind, n, size,
                    (System.nanoTime() - start) / 1e9, e);
            return;
        }
        long read = System.nanoTime();
        Extraction extraction = FieldReader.read(text);
        long end = System.nanoTime();
        System.out.printf(
                "%s %d: file %d bytes, text %d chars, DocumentText %.2f s, FieldReader %.2f s (%s)%n",
                kind, n, size, text.length(), (read - start) / 1e9, (end - read) / 1e9, extraction.family());
    }

    private static void docx(Path file, String body) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                            + body + "</w:body></w:document>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    /**
     * One page. Bands: n lines of two one-letter segments each, three points apart at one point high (further than a
     * band's leading), so that every line is a band of its own. Words: one baseline of n two-letter words.
     */
    private static void pdf(Path file, int n, boolean words) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(2000, words ? 100 : 3f * n + 100));
            document.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 1);
                if (words) {
                    // Words set apart by a move, not a space: each is a word of its own to PDFBox, and the gap is
                    // narrower than a column's.
                    content.newLineAtOffset(10, 50);
                    for (int i = 0; i < n; i++) {
                        content.showText("ab");
                        content.newLineAtOffset(1.7f, 0);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        content.setTextMatrix(new org.apache.pdfbox.util.Matrix(1, 0, 0, 1, 10, 3f * i + 50));
                        content.showText("a");
                        content.setTextMatrix(new org.apache.pdfbox.util.Matrix(1, 0, 0, 1, 20, 3f * i + 50));
                        content.showText("b");
                    }
                }
                content.endText();
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                document.save(out);
            }
        }
    }
}
