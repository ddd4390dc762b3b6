package vn.congvan.extraction;

import static vn.congvan.extraction.Patterns.pattern;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.LittleEndian;

/**
 * The text of a file in reading order, each cell of a layout table on lines of its own (ADR 0055): a PDF's lines by
 * position, the two-column bands of the header and the foot read column after column ({@link PdfColumns}); a DOCX's
 * and an ODT's paragraphs, soft line breaks and text boxes, table cells one after the other, without deleted tracked
 * changes, field codes or comments; a Word 97-2003 document's main text the same way (ADR 0065); plain text as UTF-8.
 */
final class DocumentText {

    static final String PDF = "application/pdf";

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static final String ODT = "application/vnd.oasis.opendocument.text";

    static final String TEXT = "text/plain";

    /** Word 97-2003, as the upload rules name it once they have opened it as one (ADR 0037). */
    static final String DOC = "application/msword";

    /** Enough for the header, the body and the foot of any dispatch; appendices beyond it are not read. */
    static final int MAX_CHARS = 400_000;

    private DocumentText() {}

    static boolean readable(String contentType) {
        return PDF.equals(contentType)
                || DOCX.equals(contentType)
                || ODT.equals(contentType)
                || DOC.equals(contentType)
                || TEXT.equals(contentType);
    }

    /**
     * The most bytes of XML unpacked from a DOCX's or ODT's content entry. Reading stops at {@link #MAX_CHARS} of
     * text, which Word writes in well under this even heavily formatted (80 bytes of markup a character); a few
     * megabytes of zip can unpack to gigabytes of markup without text (a zip bomb), which would take a core for
     * minutes, and one comment of that size is held whole by the parser.
     */
    static final long MAX_XML_BYTES = 32L * 1024 * 1024;

    /** The deepest nesting of XML elements read; Word's own (tables in tables, text boxes) stays under 40. */
    static final int MAX_XML_DEPTH = 256;

    /** The most bytes of a plain-text file read: {@link #MAX_CHARS} characters of Vietnamese UTF-8 at most. */
    static final int MAX_TEXT_BYTES = MAX_CHARS * 3;

    /**
     * The largest "WordDocument" stream of a Word 97-2003 file read (ADR 0065). POI's HWPF holds the stream and the
     * whole text in memory; a dispatch's stream is tens of kilobytes, and 8 MB is at most 4 million characters of text,
     * ten times {@link #MAX_CHARS}. The pictures' "Data" stream is read whole by HWPF as well (a paragraph's large
     * properties live there too, so it cannot be left out): only the upload limit bounds it.
     */
    static final long MAX_WORD_STREAM_BYTES = 8L * 1024 * 1024;

    /** The most pages of a PDF whose text layer is read. */
    static final int MAX_PDF_PAGES = 20;

    /**
     * Of a PDF longer than {@link #MAX_PDF_PAGES}, how many of those are its last pages: a 45-page Hướng dẫn ends with
     * its Nơi nhận and signer, split over two pages when the signature block breaks (real files r13–r16).
     */
    static final int LAST_PDF_PAGES = 2;

    static String of(Path file, String contentType) throws IOException {
        return of(file, contentType, Budget.unlimited());
    }

    static String of(Path file, String contentType, Budget budget) throws IOException {
        String text = switch (contentType) {
            case PDF -> pdf(file, budget).text();
            case DOCX -> tabColumns(docx(file, budget));
            case ODT -> tabColumns(odt(file, budget));
            case DOC -> tabColumns(doc(file, budget));
            case TEXT -> plainText(file, budget);
            default -> throw new IllegalArgumentException(contentType);
        };
        // Lines typed in a legacy Vietnamese font that no font name gave away (ADR 0068); a PDF's are repaired already.
        // The runs read by their font's name come decomposed (LegacyEncoding.byFontName), so that the scoring leaves
        // them alone; composed again here.
        return capped(
                PDF.equals(contentType)
                        ? text
                        : java.text.Normalizer.normalize(
                                LegacyEncoding.repair(text, budget), java.text.Normalizer.Form.NFC));
    }

    /**
     * The head of a plain-text file, as much as is kept: the file is not read whole (an upload may be tens of
     * megabytes, twice that as Java characters). A character cut at the end is dropped, not taken for damage. The
     * encoding is the one its byte-order mark names (UTF-8, UTF-16), else UTF-8 when the bytes are UTF-8, else
     * Windows-1258, the Vietnamese code page of older Windows offices (its tones are combining marks: composed here).
     */
    static String plainText(Path file) throws IOException {
        return plainText(file, Budget.unlimited());
    }

    private static String plainText(Path file, Budget budget) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAX_TEXT_BYTES + 1);
        }
        boolean cut = head.length > MAX_TEXT_BYTES;
        int length = Math.min(head.length, MAX_TEXT_BYTES);
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            Charset utf16 = head[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            String text = new String(head, 2, (length - 2) & ~1, utf16);
            // A surrogate pair cut in two decodes to a replacement character.
            return cut && text.endsWith("\uFFFD") ? text.substring(0, text.length() - 1) : text;
        }
        int start = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        if (cut) {
            // Back to the start of the character the cut fell in (UTF-8 continuation bytes are 10xxxxxx).
            while (length > start && (head[length] & 0xC0) == 0x80) {
                length--;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(head, start, length - start))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            if (start > 0 || !Charset.isSupported(WINDOWS_VIETNAMESE) || !Charset.isSupported(WESTERN)) {
                throw notUtf8;
            }
            // One byte is one character in these code pages: what is past MAX_CHARS would be cut off anyway, and
            // the legacy reading is scored and converted line by line over all it is given (ADR 0067).
            int bytes = Math.min(head.length, MAX_CHARS);
            String text = java.text.Normalizer.normalize(
                    new String(head, 0, bytes, Charset.forName(WINDOWS_VIETNAMESE)), java.text.Normalizer.Form.NFC);
            // A file saved from a TCVN3 or VNI document has the same single bytes, which Windows-1258 turns into
            // other letters (and composes its tones away): the reading that scores better is kept (ADR 0068).
            String legacy = LegacyEncoding.repair(new String(head, 0, bytes, Charset.forName(WESTERN)), budget);
            return LegacyEncoding.points(legacy) > LegacyEncoding.points(text) ? legacy : text;
        }
    }

    /** Windows' Western code page, in which a document typed in a TCVN3 or VNI font is saved as text. */
    private static final String WESTERN = "windows-1252";

    /** Windows' Vietnamese code page, in which text files of older offices are saved. */
    private static final String WINDOWS_VIETNAMESE = "windows-1258";

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String capped(String text) {
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }

    static PdfText pdf(Path file) throws IOException {
        return pdf(file, Budget.unlimited());
    }

    static PdfText pdf(Path file, Budget budget) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
            int pages = Math.min(document.getNumberOfPages(), MAX_PDF_PAGES);
            // A long document's signer and Nơi nhận are on its last pages: those are read after the first ones.
            int last = document.getNumberOfPages() > MAX_PDF_PAGES ? LAST_PDF_PAGES : 0;
            // A layer typed in a legacy Vietnamese font is converted before it is judged, so that a layer that reads
            // clean once converted is not sent to OCR (ADR 0068).
            // A capitals font's glyphs come decomposed, read by its name already (LegacyEncoding.byFontName).
            PdfColumns.Layer layer = PdfColumns.read(document, pages - last, last, budget);
            return new PdfText(
                    // Some fonts of real Word-printed PDFs map Ư to Ƣ and draw tone marks after the wrong letter;
                    // MisplacedMarks answers NFC.
                    MisplacedMarks.repair(LegacyEncoding.repair(layer.text(), budget)), pages, layer.stampLetters());
        }
    }

    /**
     * The text layer of the first {@code pages} pages of a PDF, with the text its annotations draw over them, and how
     * many of its letters those annotations drew.
     */
    record PdfText(String text, int pages, long stampLetters) {

        /**
         * Whether the pages are pictures: a scan has no text layer, or only a few letters (a page number, a stamp's
         * caption, what a scanner's own recognition made of the margin). The letters of annotations do not count: a
         * scan signed by an e-office system carries its signer's name and time as a stamp, over a page of pixels.
         */
        boolean scanned(int minLettersPerPage) {
            long letters =
                    Math.max(0, text.codePoints().filter(Character::isLetter).count() - stampLetters);
            return letters < (long) minLettersPerPage * Math.max(1, pages);
        }
    }

    /**
     * The main text of a Word 97-2003 document (ADR 0065), read with POI's HWPF from the pieces of its text: the
     * headers, footers, notes and comments are not the document's heading or foot and are left out; a field shows its
     * result, not its code; paragraph, cell and row marks and line and page breaks end a line, so that the cells of
     * the heading's table come one after the other as in a DOCX. The upload rules have opened the container whole
     * and refused macros and encryption before this reads it.
     */
    private static String doc(Path file, Budget budget) throws IOException {
        try (POIFSFileSystem container = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = container.getRoot();
            requireStructuresWithinStreams(root, budget);
            budget.check();
            try (HWPFDocument document = new HWPFDocument(root)) {
                budget.check();
                // A file that names no formatted runs (no font to tell) is read as its plain text.
                boolean formatted = !document.getCharacterTable().getTextRuns().isEmpty();
                Range range = document.getRange();
                return wordText(formatted ? runsText(range, budget) : range.text());
            }
        }
    }

    /**
     * HWPF copies whatever the File Information Block names before anything can be checked, and a hostile .doc names
     * the same bytes many times: a piece table of a few kilobytes naming one megabyte of text five hundred times (a
     * .doc of 2 MB), eighty structures each naming the whole table stream (8 MB), a formatting table naming one page
     * of runs or a section table naming one list of properties 99,000 times each asked for gigabytes and took a
     * 512 MB server to OutOfMemoryError. Word lays its structures side by side, never over each other, so what the
     * FIB names is bounded by the streams it lies in: the pieces together, and the sections' properties together, by
     * the text stream, the structures together by the table stream (a few times over: some are named twice), the
     * formatting pages each once. A file naming more is no document (damaged), refused before HWPF reads it.
     */
    private static void requireStructuresWithinStreams(DirectoryNode root, Budget budget) throws IOException {
        byte[] main = streamBytes(root, "WordDocument", budget);
        // [MS-DOC] 2.5.1: FibBase (32 bytes), csw and FibRgW, cslw and FibRgLw, cbRgFcLcb and the fc/lcb pairs.
        int at = skipCounted(main, skipCounted(main, 32, 2), 4);
        if (at + 2 > main.length) {
            throw new IOException("A cut File Information Block");
        }
        int pairs = LittleEndian.getUShort(main, at);
        int first = at + 2;
        if (pairs <= CLX || first + (long) pairs * 8 > main.length) {
            throw new IOException("A cut File Information Block");
        }
        boolean table1 = (LittleEndian.getShort(main, 0x0A) & 0x0200) != 0;
        byte[] table = streamBytes(root, table1 ? "1Table" : "0Table", budget);
        long structures = 0;
        for (int i = 0; i < pairs; i++) {
            long fc = fcLcb(main, first, i);
            long lcb = lcb(main, first, i);
            // HWPF passes over a structure that lies outside the table stream (fields Word leaves undefined).
            if (fc >= 0 && lcb > 0 && fc + lcb <= table.length) {
                structures += lcb;
            }
        }
        if (structures > STRUCTURE_COPIES * table.length) {
            throw new IOException("The FIB names " + structures + " bytes in a table stream of " + table.length);
        }
        long text = pieceBytes(table, fcLcb(main, first, CLX), lcb(main, first, CLX));
        if (text > main.length) {
            throw new IOException("The piece table names " + text + " bytes of text in a stream of " + main.length);
        }
        for (int bins : new int[] {CHARACTER_RUNS, PARAGRAPH_RUNS}) {
            requirePagesOnce(main, table, fcLcb(main, first, bins), lcb(main, first, bins));
        }
        long properties = sectionBytes(main, table, fcLcb(main, first, SECTIONS), lcb(main, first, SECTIONS));
        if (properties > main.length) {
            throw new IOException("The sections name " + properties + " bytes in a stream of " + main.length);
        }
    }

    /**
     * The bytes of section properties (SEPX in the text stream) the section table (PlcfSed) names: HWPF copies and
     * parses each section's, so that sections naming the same 32 KB of properties 99,000 times asked for 3 GB.
     */
    private static long sectionBytes(byte[] main, byte[] table, int fc, int lcb) throws IOException {
        if (lcb <= 0) {
            return 0;
        }
        if (fc < 0 || (long) fc + lcb > table.length) {
            throw new IOException("The section table lies outside its stream");
        }
        int sections = (lcb - 4) / 16;
        int descriptors = fc + 4 * (sections + 1);
        long bytes = 0;
        for (int i = 0; i < sections; i++) {
            int properties = LittleEndian.getInt(table, descriptors + 12 * i + 2);
            if (properties == -1) {
                // A section without properties of its own.
                continue;
            }
            if (properties < 0 || properties + 2L > main.length) {
                throw new IOException("Section properties outside the text stream");
            }
            bytes += 2 + Math.max(0, LittleEndian.getShort(main, properties));
        }
        return bytes;
    }

    /**
     * How many times over the FIB's structures may cover the table stream: Word names some twice (the "original"
     * style sheet is the style sheet), and what is copied stays a few times the stream, not eighty.
     */
    private static final long STRUCTURE_COPIES = 4;

    /** The indexes among the FIB's fc/lcb pairs (FibRgFcLcb97) of the piece table and the two formatting tables. */
    private static final int CLX = 33;

    private static final int CHARACTER_RUNS = 12;

    private static final int PARAGRAPH_RUNS = 13;

    private static final int SECTIONS = 6;

    /** A page of formatted runs (an FKP) is one sector of the text stream. */
    private static final int PAGE = 512;

    /** The most runs a page holds ([MS-DOC] ChpxFkp.crun: 0x65; a PapxFkp's fewer). */
    private static final int MAX_PAGE_RUNS = 0x65;

    private static int fcLcb(byte[] main, int first, int index) {
        return LittleEndian.getInt(main, first + 8 * index);
    }

    private static int lcb(byte[] main, int first, int index) {
        return LittleEndian.getInt(main, first + 8 * index + 4);
    }

    /** Past a count (16 bits) and that many items of {@code size} bytes. */
    private static int skipCounted(byte[] fib, int at, int size) throws IOException {
        if (at + 2 > fib.length) {
            throw new IOException("A cut File Information Block");
        }
        return at + 2 + LittleEndian.getUShort(fib, at) * size;
    }

    /**
     * A formatting table (PlcBteChpx, PlcBtePapx) names pages of the text stream, each holding up to a hundred runs
     * that HWPF makes objects of: each page is named once, by one table, and lies in the stream; and the runs of all
     * the pages, which Word writes one after the other over the text (a page's last position is the next one's
     * first), lie apart. 16,000 pages whose runs all lay over the same 2,000 characters made 1.6 million runs, 8.5 s
     * and more than 256 MB for one file.
     */
    private static void requirePagesOnce(byte[] main, byte[] table, int fc, int lcb) throws IOException {
        if (lcb <= 0) {
            return;
        }
        if (fc < 0 || (long) fc + lcb > table.length) {
            throw new IOException("A formatting table lies outside its stream");
        }
        java.util.BitSet named = new java.util.BitSet();
        int entries = (lcb - 4) / 8;
        int numbers = fc + 4 * (entries + 1);
        long[] runs = new long[0];
        int count = 0;
        for (int i = 0; i < entries; i++) {
            int page = LittleEndian.getInt(table, numbers + 4 * i) & 0x3FFFFF;
            if ((long) page * PAGE + PAGE > main.length || named.get(page)) {
                throw new IOException("Formatting page " + page + " named twice or outside the text stream");
            }
            named.set(page);
            int at = page * PAGE;
            int pageRuns = Byte.toUnsignedInt(main[at + PAGE - 1]);
            if (pageRuns > MAX_PAGE_RUNS) {
                throw new IOException("A formatting page of " + pageRuns + " runs");
            }
            if (count + pageRuns > runs.length) {
                runs = java.util.Arrays.copyOf(runs, Math.max(2 * runs.length, count + pageRuns));
            }
            for (int run = 0; run < pageRuns; run++) {
                // Start and end, as unsigned positions, in one long: sorted by start, then by end.
                long from = Integer.toUnsignedLong(LittleEndian.getInt(main, at + 4 * run));
                long to = Integer.toUnsignedLong(LittleEndian.getInt(main, at + 4 * run + 4));
                runs[count++] = from << 32 | to;
            }
        }
        java.util.Arrays.sort(runs, 0, count);
        for (int i = 1; i < count; i++) {
            // Runs lie apart: each starts where the one before it ended or later, and at most one is empty there.
            if ((runs[i] >>> 32) < (runs[i - 1] & 0xFFFFFFFFL) || runs[i] == runs[i - 1]) {
                throw new IOException("Formatting runs lie over each other");
            }
        }
    }

    /** A stream of the container, at most {@link #MAX_WORD_STREAM_BYTES}; empty when the container has none. */
    private static byte[] streamBytes(DirectoryNode root, String name, Budget budget) throws IOException {
        if (!root.hasEntryCaseInsensitive(name)
                || !(root.getEntryCaseInsensitive(name) instanceof DocumentEntry entry)) {
            return new byte[0];
        }
        if (entry.getSize() > MAX_WORD_STREAM_BYTES) {
            throw oversized(budget, name + " stream of " + entry.getSize() + " bytes");
        }
        try (InputStream in = root.createDocumentInputStream(entry)) {
            return in.readNBytes((int) MAX_WORD_STREAM_BYTES);
        }
    }

    /**
     * The bytes of text the piece table ([MS-DOC] 2.9.38 Clx: Prc records, then the Pcdt with the PlcPcd) names: each
     * piece's characters, one byte each when its text is compressed (8-bit), else two. Only what the table holds is
     * read; a table that runs past its stream is damaged.
     */
    static long pieceBytes(byte[] table, int fcClx, int lcbClx) throws IOException {
        long end = (long) fcClx + Math.max(0, lcbClx);
        if (fcClx < 0 || end > table.length) {
            throw new IOException("The piece table lies outside its stream");
        }
        int at = fcClx;
        while (at < end && table[at] == 0x01) {
            // A Prc: a property modifier list of cbGrpprl bytes.
            if (at + 3 > end) {
                throw new IOException("A cut property modifier in the piece table");
            }
            at += 3 + Math.max(0, LittleEndian.getShort(table, at + 1));
        }
        if (at + 5 > end || table[at] != 0x02) {
            throw new IOException("No piece table");
        }
        int lcb = LittleEndian.getInt(table, at + 1);
        int plc = at + 5;
        if (lcb < 4 || plc + (long) lcb > table.length) {
            throw new IOException("The piece table lies outside its stream");
        }
        int pieces = (lcb - 4) / 12;
        int descriptors = plc + 4 * (pieces + 1);
        long bytes = 0;
        for (int i = 0; i < pieces; i++) {
            long characters =
                    (long) LittleEndian.getInt(table, plc + 4 * (i + 1)) - LittleEndian.getInt(table, plc + 4 * i);
            boolean compressed = (LittleEndian.getInt(table, descriptors + 8 * i + 2) & 0x40000000) != 0;
            bytes += Math.max(0, characters) * (compressed ? 1 : 2);
        }
        return bytes;
    }

    /**
     * The range's text run by run, a run set in a legacy Vietnamese font (".VnTime", "VNI-Times") converted by its
     * font's name (ADR 0068); cut a little past what is kept, field codes counted.
     */
    private static String runsText(Range range, Budget budget) {
        StringBuilder text = new StringBuilder();
        int runs = range.numCharacterRuns();
        for (int i = 0; i < runs && text.length() <= 2 * MAX_CHARS; i++) {
            if ((i & 1023) == 0) {
                budget.check();
            }
            CharacterRun run = range.getCharacterRun(i);
            String part = run.text();
            LegacyEncoding.Scheme scheme = LegacyEncoding.ofFont(run.getFontName());
            text.append(scheme == null ? part : LegacyEncoding.byFontName(part, scheme));
        }
        return text.toString();
    }

    /** Word's text with its marks made plain: fields as their results, control characters as line ends or nothing. */
    static String wordText(String raw) {
        String text = Range.stripFields(raw);
        StringBuilder plain = new StringBuilder(Math.min(text.length(), MAX_CHARS + 1));
        for (int i = 0; i < text.length() && plain.length() <= MAX_CHARS; i++) {
            char character = text.charAt(i);
            switch (character) {
                // Paragraph end, cell or row end, line break, page or section break, column break.
                case '\r', '\u0007', '\u000b', '\u000c', '\u000e' -> plain.append('\n');
                // A non-breaking hyphen.
                case '\u001e' -> plain.append('-');
                default -> {
                    // Anchors of pictures and notes, an optional hyphen, what is left of a field's marks.
                    if (character >= ' ' || character == '\t' || character == '\n') {
                        plain.append(character);
                    }
                }
            }
        }
        return plain.toString();
    }

    private static String docx(Path file, Budget budget) throws IOException {
        return entryText(file, "word/document.xml", budget, DocumentText::docxText);
    }

    /**
     * The text an entry of a zipped document gives its reader; "" when the package lacks the entry. At most
     * {@link #MAX_XML_BYTES} are unpacked, whatever the entry declares (a zip's sizes are the sender's word).
     */
    private static String entryText(Path file, String entry, Budget budget, XmlText reader) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry content = zip.getEntry(entry);
            if (content == null) {
                return "";
            }
            if (content.getSize() > MAX_XML_BYTES) {
                throw oversized(budget, entry + " declares " + content.getSize() + " bytes");
            }
            boolean[] exceeded = {false};
            // One byte more than the limit may be read, so that an entry of exactly the limit is not refused.
            InputStream unpacked = BoundedInputStream.builder()
                    .setInputStream(zip.getInputStream(content))
                    .setMaxCount(MAX_XML_BYTES + 1)
                    .setOnMaxCount((max, count) -> {
                        exceeded[0] = true;
                        throw new IOException("More than " + MAX_XML_BYTES + " bytes unpacked");
                    })
                    .get();
            try (unpacked) {
                return reader.text(new MarkupLimits(unpacked), budget);
            } catch (IOException | RuntimeException e) {
                // The XML parser wraps what the stream threw: the limit is told as itself, not as damage.
                if (exceeded[0]) {
                    throw oversized(budget, entry + " unpacks to more than " + MAX_XML_BYTES + " bytes");
                }
                throw e;
            }
        }
    }

    private static ExtractionLimitException oversized(Budget budget, String why) {
        return new ExtractionLimitException(
                ExtractionLimitException.Reason.OVERSIZED, budget.filename(), budget.filename() + ": " + why);
    }

    @FunctionalInterface
    private interface XmlText {
        String text(InputStream content, Budget budget) throws IOException;
    }

    /** Counts the depth of the elements read and checks the budget every few thousand events. */
    private static final class Walk {

        private final Budget budget;

        private int depth;

        private int events;

        Walk(Budget budget) {
            this.budget = budget;
        }

        void event(int event) {
            if ((events++ & 4095) == 0) {
                budget.check();
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (++depth > MAX_XML_DEPTH) {
                    throw oversized(budget, "XML nested deeper than " + MAX_XML_DEPTH);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** A reader that reads no DTD and resolves no external entity: the XML comes from an uploaded file. */
    private static XMLStreamReader xmlReader(InputStream content) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(content, "UTF-8");
    }

    /**
     * The text a reader of the document sees: runs' text, tabs, soft line breaks ({@code w:br}, {@code w:cr}) as new
     * lines, a paragraph (in the body, a table cell or a text box) on a line of its own. Left out: text deleted or
     * moved away under tracked changes, field codes (the field's shown result is kept), hidden runs, and the fallback
     * copy of a text box that a reader of the drawing never shows twice.
     */
    static String docxText(InputStream content) throws IOException {
        return docxText(content, Budget.unlimited());
    }

    static String docxText(InputStream content, Budget budget) throws IOException {
        StringBuilder text = new StringBuilder();
        Walk walk = new Walk(budget);
        try {
            XMLStreamReader reader = xmlReader(content);
            int skipped = 0;
            int runs = 0;
            boolean inText = false;
            boolean hidden = false;
            LegacyEncoding.Scheme legacy = null;
            while (reader.hasNext() && text.length() < MAX_CHARS) {
                int event = reader.next();
                walk.event(event);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (skipped > 0 || DOCX_SKIPPED.contains(name)) {
                        skipped++;
                        continue;
                    }
                    switch (name) {
                        case "r" -> {
                            runs++;
                            hidden = false;
                            legacy = null;
                        }
                        case "rFonts" -> {
                            if (runs > 0) {
                                legacy = LegacyEncoding.ofFont(font(reader));
                            }
                        }
                        case "vanish", "webHidden" -> hidden = runs > 0 && !OFF.contains(String.valueOf(value(reader)));
                        case "t" -> inText = runs > 0;
                        case "tab" -> append(text, runs > 0 && !hidden, '\t');
                        case "br", "cr" -> append(text, runs > 0 && !hidden, '\n');
                        case "noBreakHyphen" -> append(text, runs > 0 && !hidden, '-');
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (skipped > 0) {
                        skipped--;
                        continue;
                    }
                    switch (reader.getLocalName()) {
                        case "r" -> runs = Math.max(0, runs - 1);
                        case "t" -> inText = false;
                        case "p" -> text.append('\n');
                        default -> {}
                    }
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                        && skipped == 0
                        && inText
                        && !hidden) {
                    String characters = reader.getText();
                    text.append(legacy == null ? characters : LegacyEncoding.byFontName(characters, legacy));
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw new IOException("Unreadable word/document.xml", e);
        }
        return text.toString();
    }

    /**
     * A header laid out with tab stops instead of a table ("⇥ĐẠI HỌC QUỐC GIA⇥CỘNG HÒA ...", "TRƯỜNG ĐẠI HỌC
     * ...⇥Độc lập - Tự do - Hạnh phúc"): consecutive lines with text on both sides of a tab are read as two columns,
     * the left one first, as a band of a PDF is.
     */
    static String tabColumns(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < lines.length) {
            int end = i;
            while (end < lines.length && TAB_COLUMNS.matcher(lines[end]).matches()) {
                end++;
            }
            if (end == i) {
                out.append(lines[i]);
                if (i < lines.length - 1) {
                    out.append('\n');
                }
                i++;
                continue;
            }
            StringBuilder right = new StringBuilder();
            for (int j = i; j < end; j++) {
                java.util.regex.Matcher columns = TAB_COLUMNS.matcher(lines[j]);
                columns.matches();
                out.append(columns.group(1).strip()).append('\n');
                right.append(columns.group(2).strip()).append('\n');
            }
            out.append(right);
            if (end == lines.length) {
                out.setLength(out.length() - 1);
            }
            i = end;
        }
        return out.toString();
    }

    /**
     * Text, a tab (with the spaces and tabs around it), text: two columns on one line. Possessive, so that a line
     * without two columns is given up after one reading, not once per letter: a paragraph of 40 000 letters took 8 s,
     * one of 400 000 (a DOCX of 700 bytes) more than a minute.
     */
    static final java.util.regex.Pattern TAB_COLUMNS =
            java.util.regex.Pattern.compile("^\\s*+(\\S[^\\t]*+)\\t[\\t ]*+(\\S.*)$");

    /** How a toggle property is switched off (ST_OnOff); Word writes "0". */
    private static final java.util.Set<String> OFF = java.util.Set.of("0", "false", "off");

    /** Elements whose whole content a reader does not see as the document's text. */
    private static final java.util.Set<String> DOCX_SKIPPED =
            java.util.Set.of("del", "moveFrom", "delText", "instrText", "Fallback", "rPrChange", "pPrChange", "tabs");

    private static void append(StringBuilder text, boolean visible, char character) {
        if (visible) {
            text.append(character);
        }
    }

    /** The font a run's {@code w:rFonts} names for Latin text (ascii, else hAnsi). */
    /**
     * The font that draws a run's letters above ASCII: Word draws them in the "hAnsi" font and only the ASCII letters,
     * the same in every legacy encoding, in the "ascii" one. A Unicode run left with ".VnTime" as its ASCII font and a
     * Unicode font for the rest reads right in Word and must not be converted (ADR 0067).
     */
    private static String font(XMLStreamReader reader) {
        String ascii = null;
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String name = reader.getAttributeLocalName(i);
            if ("hAnsi".equals(name)) {
                return reader.getAttributeValue(i);
            }
            if ("ascii".equals(name)) {
                ascii = reader.getAttributeValue(i);
            }
        }
        return ascii;
    }

    private static String value(XMLStreamReader reader) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if ("val".equals(reader.getAttributeLocalName(i))) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    private static String odt(Path file, Budget budget) throws IOException {
        return entryText(file, "content.xml", budget, DocumentText::odtText);
    }

    /**
     * Paragraphs and headings each on a line, table cells one after the other, soft line breaks as new lines; deleted
     * tracked changes, comments and notes left out; no DTD, no external entity.
     */
    static String odtText(InputStream content) throws IOException {
        return odtText(content, Budget.unlimited());
    }

    static String odtText(InputStream content, Budget budget) throws IOException {
        StringBuilder text = new StringBuilder();
        Walk walk = new Walk(budget);
        try {
            XMLStreamReader reader = xmlReader(content);
            int skipped = 0;
            int paragraphs = 0;
            while (reader.hasNext() && text.length() < MAX_CHARS) {
                int event = reader.next();
                walk.event(event);
                if (event == XMLStreamConstants.CHARACTERS) {
                    // Outside a paragraph white space is the file's indentation; inside, a line end is a space.
                    if (skipped == 0 && paragraphs > 0) {
                        text.append(
                                pattern("[\r\n\t]").matcher(reader.getText()).replaceAll(" "));
                    }
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    if (skipped > 0 || ODT_SKIPPED.contains(reader.getLocalName())) {
                        skipped++;
                        continue;
                    }
                    switch (reader.getLocalName()) {
                        case "p", "h" -> paragraphs++;
                        case "tab" -> text.append('\t');
                        case "s" -> text.append(" ".repeat(spaces(reader)));
                        case "line-break" -> text.append('\n');
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (skipped > 0) {
                        skipped--;
                        continue;
                    }
                    switch (reader.getLocalName()) {
                        case "p", "h" -> {
                            paragraphs--;
                            text.append('\n');
                        }
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

    private static final java.util.Set<String> ODT_SKIPPED = java.util.Set.of("tracked-changes", "annotation", "note");

    private static int spaces(XMLStreamReader reader) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if ("c".equals(reader.getAttributeLocalName(i))) {
                try {
                    return Math.max(1, Math.min(Integer.parseInt(reader.getAttributeValue(i)), 100));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
