package vn.congvan.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The text of a file in the order its writer put it down: PDFBox in content-stream order (a Word-made PDF writes the
 * header band's left column before its right one, as the rules expect), POI for DOCX (table cells separated by tabs),
 * the paragraphs of an ODT's content.xml, and plain text as UTF-8.
 */
final class DocumentText {

    static final String PDF = "application/pdf";

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static final String ODT = "application/vnd.oasis.opendocument.text";

    static final String TEXT = "text/plain";

    /** Enough for the header, the body and the foot of any dispatch; appendices beyond it are not read. */
    static final int MAX_CHARS = 400_000;

    private DocumentText() {}

    static boolean readable(String contentType) {
        return PDF.equals(contentType)
                || DOCX.equals(contentType)
                || ODT.equals(contentType)
                || TEXT.equals(contentType);
    }

    static String of(Path file, String contentType) throws IOException {
        String text = switch (contentType) {
            case PDF -> pdf(file).text();
            case DOCX -> docx(file);
            case ODT -> odt(file);
            case TEXT -> Files.readString(file, StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(contentType);
        };
        return capped(text);
    }

    static String capped(String text) {
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }

    static PdfText pdf(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(false);
            int pages = Math.min(document.getNumberOfPages(), 20);
            stripper.setEndPage(pages);
            return new PdfText(stripper.getText(document), pages);
        }
    }

    /** The text layer of the first {@code pages} pages of a PDF. */
    record PdfText(String text, int pages) {

        /**
         * Whether the pages are pictures: a scan has no text layer, or only a few letters (a page number, a stamp's
         * caption, what a scanner's own recognition made of the margin).
         */
        boolean scanned(int minLettersPerPage) {
            long letters = text.codePoints().filter(Character::isLetter).count();
            return letters < (long) minLettersPerPage * Math.max(1, pages);
        }
    }

    private static String docx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                XWPFDocument document = new XWPFDocument(in);
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    private static String odt(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry content = zip.getEntry("content.xml");
            if (content == null) {
                return "";
            }
            try (InputStream in = zip.getInputStream(content)) {
                return odtText(in);
            }
        }
    }

    /** Paragraphs and headings each on a line, tabs and table cells as a column gap; no DTD, no external entity. */
    static String odtText(InputStream content) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(content, "UTF-8");
            while (reader.hasNext() && text.length() < MAX_CHARS) {
                int event = reader.next();
                if (event == XMLStreamConstants.CHARACTERS) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "tab" -> text.append('\t');
                        case "s" -> text.append(' ');
                        case "line-break" -> text.append('\n');
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "p", "h" -> text.append('\n');
                        case "table-cell" -> text.append('\t');
                        default -> {}
                    }
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw new IOException("Unreadable content.xml", e);
        }
        return text.toString();
    }
}
