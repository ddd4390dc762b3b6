package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile XML inside a DOCX or an ODT: what the JDK's parser would hold whole in memory, or check in time that grows
 * with the square of what a small file holds, is refused as a damaged file before it is parsed (review of ADR 0055).
 */
class MarkupLimitsTests {

    private static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    private static final String ODF = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";

    @TempDir
    Path directory;

    @Test
    void refusesAMarkupLongerThanAnyDocumentHolds() throws IOException {
        // Each held whole by the parser: 250 MB of any of them (a 3 MB DOCX) ran a 512 MB portal out of heap.
        String letters = "a";
        long size = 2L * MarkupLimits.MAX_MARKUP;
        List<InputStream> documents = List.of(
                docx("<w:p w:x=\"", letters, size, "\"/>"),
                docx("<!--", letters, size, "-->"),
                docx("<?pi ", letters, size, "?>"),
                docx("<w:p><w:r><w:t><![CDATA[", letters, size, "]]></w:t></w:r></w:p>"),
                docx("<w:p", " ", size, "/>"));
        int i = 0;
        for (InputStream document : documents) {
            Path docx = directory.resolve("markup-" + i++ + ".docx");
            zip(docx, "word/document.xml", document);
            assertThatThrownBy(() -> DocumentText.of(docx, DocumentText.DOCX)).isInstanceOf(IOException.class);
        }
        Path odt = directory.resolve("comment.odt");
        zip(odt, "content.xml", odt("<!--", letters, size, "-->"));
        assertThatThrownBy(() -> DocumentText.of(odt, DocumentText.ODT)).isInstanceOf(IOException.class);
    }

    @Test
    void refusesAnElementWithThousandsOfNamespaces() throws IOException {
        // The parser checks each declaration against every one before it on the element: 400 000 (a 2 MB DOCX) took
        // a minute.
        StringBuilder declarations = new StringBuilder();
        for (int i = 0; i <= MarkupLimits.MAX_ATTRIBUTES; i++) {
            declarations.append(" xmlns:n").append(i).append("=\"u").append(i).append('"');
        }
        Path file = directory.resolve("namespaces.docx");
        writeDocx(file, "<w:p" + declarations + "><w:r><w:t>Số: 12/UBND</w:t></w:r></w:p>");
        assertThatThrownBy(() -> DocumentText.of(file, DocumentText.DOCX)).isInstanceOf(IOException.class);
    }

    @Test
    void refusesADoctype() throws IOException {
        // None is written by a word processor; its internal subset is held whole, however long.
        Path file = directory.resolve("doctype.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!-- nothing -->]><w:document " + W
                            + "><w:body><w:p><w:r><w:t>Số: 12/UBND</w:t></w:r></w:p></w:body></w:document>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> DocumentText.of(file, DocumentText.DOCX)).isInstanceOf(IOException.class);
    }

    @Test
    void readsMarkupAsWordAndLibreOfficeWriteIt() throws IOException {
        // A root with Word's forty namespaces, a text box's drawing of 200 kB in an attribute, '>' and '<' where XML
        // allows them (in quotes, comments, instructions, CDATA), and text far longer than any markup limit.
        StringBuilder namespaces = new StringBuilder(" " + W);
        for (int i = 0; i < 40; i++) {
            namespaces
                    .append(" xmlns:n")
                    .append(i)
                    .append("=\"urn:x:")
                    .append(i)
                    .append('"');
        }
        String body = "<w:p><w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\" o:gfxdata=\""
                + "UEsDBBQ".repeat(30_000) + "\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" title='a > b'/>"
                + "</w:pict></w:r></w:p><!-- <w:p> > --><?mso-application progid=\"Word.Document\" a>b?>"
                + "<w:p><w:r><w:t>Số: 12/UBND-VP</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t><![CDATA[V/v <ngân sách> ]]]]></w:t></w:r></w:p>"
                + "<w:p><w:r><w:t>" + "chữ ".repeat(MarkupLimits.MAX_MARKUP / 2) + "</w:t></w:r></w:p>";
        Path file = directory.resolve("word.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document" + namespaces
                            + "><w:body>" + body + "</w:body></w:document>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        String text = DocumentText.of(file, DocumentText.DOCX);
        assertThat(text).startsWith("\nSố: 12/UBND-VP\nV/v <ngân sách> ]]\nchữ chữ ");

        Path odt = directory.resolve("libre.odt");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(odt))) {
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " + ODF
                            + " office:version=\"1.3\"><office:body><office:text><text:p>Kính gửi: "
                            + "<text:span text:style-name=\"T1\">Sở Nội vụ</text:span></text:p>"
                            + "</office:text></office:body></office:document-content>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(DocumentText.of(odt, DocumentText.ODT)).isEqualTo("Kính gửi: Sở Nội vụ\n");
    }

    private static void writeDocx(Path file, String body) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<w:document " + W + "><w:body>" + body + "</w:body></w:document>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static InputStream docx(String before, String repeated, long size, String after) {
        return document("<w:document " + W + "><w:body>" + before, repeated, size, after + "</w:body></w:document>");
    }

    private static InputStream odt(String before, String repeated, long size, String after) {
        return document(
                "<office:document-content " + ODF + "><office:body><office:text>" + before,
                repeated,
                size,
                after + "</office:text></office:body></office:document-content>");
    }

    /** A document made as it is read, so that the test holds none of it in memory. */
    private static InputStream document(String before, String repeated, long size, String after) {
        byte[] block = repeated.repeat(8192).getBytes(StandardCharsets.UTF_8);
        InputStream middle = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(Math.min(length, block.length), left);
                System.arraycopy(block, 0, buffer, offset, n);
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(
                new SequenceInputStream(
                        new ByteArrayInputStream(("<?xml version=\"1.0\"?>" + before).getBytes(StandardCharsets.UTF_8)),
                        middle),
                new ByteArrayInputStream(after.getBytes(StandardCharsets.UTF_8)));
    }

    private static void zip(Path file, String entry, InputStream content) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file));
                InputStream in = content) {
            zip.putNextEntry(new ZipEntry(entry));
            in.transferTo(zip);
            zip.closeEntry();
        }
    }
}
