package vn.congvan.attachment;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * What a JBIG2 picture declares it will make its decoder hold, read from its segment headers before the decoder sees
 * it (ADR 0076). A JBIG2 stream names its own page size, the size of each region it draws, and the counts of symbols
 * and patterns it defines, none of which need agree with the picture's /Width and /Height: a few dozen bytes can ask
 * jbig2-imageio for a page of 100 000 × 100 000 pixels. The headers are read here by hand, in one pass that never keeps
 * what it read, because the library's own segment parser allocates from what it parses (a referred-to count of 2^29 in
 * a 9-byte header makes it ask for gigabytes before it reads a byte more). The stream is read as PDFBox hands it to
 * the decoder: the /JBIG2Globals stream, then the picture's, as one.
 *
 * <p>Each declared bitmap (page, striped page, region, pattern dictionary, halftone grid) must stay within the
 * picture's own pixels (twice them, and a megapixel of slack for tiny pictures) and {@link
 * PdfContentBudget#MAX_IMAGE_PIXELS}; all of them together within twice that (a page and three regions its size,
 * since the bound is already twice the picture: the decoder spends some 40 ns a pixel); the symbols, patterns, placed
 * symbols, segments and references within counts far above a scanned page's. What cannot be bounded from headers —
 * the size of each symbol and the instances of an aggregate symbol, decoded from the coded data — is said in the ADR.
 */
final class Jbig2Headers {

    /** A scanner's page has a handful of segments (page, symbol dictionary, text region, generic region, end). */
    static final int MAX_SEGMENTS = 4096;

    /** References from one segment to earlier ones, all segments together. */
    static final int MAX_REFERENCES = 1 << 16;

    /**
     * Symbols (and halftone patterns) defined in all: a page of text has a few hundred distinct shapes, a dictionary
     * shared by a hundred pages tens of thousands.
     */
    static final long MAX_SYMBOLS = 1 << 18;

    /**
     * Symbols placed by text regions in all: a dense A4 page has some five thousand characters, a dense A3 page at
     * 600 dpi some twenty thousand.
     */
    static final long MAX_INSTANCES = 1 << 17;

    /** A region may place one symbol per this many of its pixels (a character of body text covers hundreds)... */
    static final long PIXELS_PER_INSTANCE = 16;

    /** ...and, however small, this many. */
    static final long MIN_INSTANCES_PER_REGION = 4096;

    /** The longest custom Huffman table (type 53) read: the standard tables have at most a few dozen lines. */
    static final long MAX_TABLE_BYTES = 4096;

    /** Pixels every picture may declare whatever its size: a 1024 × 1024 bitmap, 128 kB. */
    static final long SLACK = 1 << 20;

    private static final long UNKNOWN = 0xffffffffL;

    private static final int[] FILE_HEADER = {0x97, 0x4A, 0x42, 0x32, 0x0D, 0x0A, 0x1A, 0x0A};

    private final long limit;

    private long total;

    private int segments;

    private int references;

    private long symbols;

    private long instances;

    private long largestPattern;

    /** Per page association: the striped pages' widths, and the end-of-stripe row that ends each. */
    private final Map<Long, Long> stripedWidths = new HashMap<>();

    private final Map<Long, Long> stripeEnds = new HashMap<>();

    private Jbig2Headers(long limit) {
        this.limit = limit;
    }

    /** Refuses a /JBIG2Decode picture whose stream declares more than its pixels allow; any other picture passes. */
    static void check(PDImageXObject image) throws IOException {
        COSStream stream = image.getCOSObject();
        List<COSName> filters = PdfContentBudget.filters(stream.getFilters());
        int index = filters.indexOf(COSName.JBIG2_DECODE);
        if (index < 0) {
            return;
        }
        long pixels = (long) Math.max(0, image.getWidth()) * Math.max(0, image.getHeight());
        Jbig2Headers headers = new Jbig2Headers(Math.min(PdfContentBudget.MAX_IMAGE_PIXELS, 2 * pixels + SLACK));
        COSStream globals = globals(stream, index);
        InputStream shared = globals == null ? InputStream.nullInputStream() : open(globals);
        // The bytes the codec gets: the raw stream, or what the filters before it unpack (counted by the caller).
        InputStream own;
        try {
            own = index == 0
                    ? stream.createRawInputStream()
                    : image.getStream().createInputStream(List.of(COSName.JBIG2_DECODE.getName()));
        } catch (IOException | RuntimeException e) {
            shared.close();
            throw e;
        }
        try (InputStream in = new BufferedInputStream(new SequenceInputStream(shared, own))) {
            headers.read(in);
        }
        headers.finish();
    }

    /** The /JBIG2Globals stream of the filter's parameters, as PDFBox finds it. */
    private static COSStream globals(COSStream stream, int index) {
        COSBase parameters = stream.getDictionaryObject(COSName.DECODE_PARMS, COSName.DP);
        if (parameters instanceof COSArray array) {
            parameters = index < array.size() ? array.getObject(index) : null;
        }
        return parameters instanceof COSDictionary dictionary ? dictionary.getCOSStream(COSName.JBIG2_GLOBALS) : null;
    }

    /**
     * The globals as PDFBox unpacks them whole for the decoder: refused when they unpack beyond what a picture may, or
     * through a picture codec (a JPEG's pixels are no JBIG2 segments, and would escape the count).
     */
    private static InputStream open(COSStream globals) throws IOException {
        for (COSName filter : PdfContentBudget.filters(globals.getFilters())) {
            if (PdfContentBudget.CODECS.contains(filter)) {
                throw new IOException("A JBIG2 picture's globals are packed with " + filter.getName());
            }
        }
        if (PdfContentBudget.decodedSize(globals, PdfContentBudget.MAX_IMAGE_DECODED)
                > PdfContentBudget.MAX_IMAGE_DECODED) {
            throw new IOException(
                    "A JBIG2 picture's globals unpack to more than " + PdfContentBudget.MAX_IMAGE_DECODED + " bytes");
        }
        return globals.createInputStream();
    }

    /** Reads one stream of JBIG2 segments as the decoder maps it (ISO/IEC 14492, 7.2, D.4; the embedded format). */
    private void read(InputStream in) throws IOException {
        byte[] first = new byte[FILE_HEADER.length];
        in.mark(FILE_HEADER.length);
        if (in.readNBytes(first, 0, first.length) == first.length && fileHeader(first)) {
            // A PDF must not carry the file header (ISO 32000-1, 7.4.7); the decoder honours one, so it is read too.
            int flags = u8(in);
            if ((flags & 1) == 0) {
                throw new IOException("A JBIG2 picture is organised for random access");
            }
            if ((flags & 2) == 0) {
                u32(in);
            }
        } else {
            in.reset();
        }
        while (true) {
            // The decoder stops where fewer than four bytes are left, and after an end-of-file segment.
            in.mark(4);
            if (in.readNBytes(4).length < 4) {
                return;
            }
            in.reset();
            if (++segments > MAX_SEGMENTS) {
                throw refused("more than " + MAX_SEGMENTS + " segments");
            }
            if (!segment(in)) {
                return;
            }
        }
    }

    /** Reads one segment's header and the start of its data; false when the decoder reads no further. */
    private boolean segment(InputStream in) throws IOException {
        long number = u32(in);
        if (number > Integer.MAX_VALUE) {
            // The decoder reads it as a negative number, and its references with the wrong width.
            throw refused("a segment number of " + number);
        }
        int flags = u8(in);
        int type = flags & 0x3f;
        int countAndRetention = u8(in);
        long referred = countAndRetention >>> 5;
        if (referred > 4) {
            referred = ((long) (countAndRetention & 0x1f) << 24) | (u8(in) << 16) | (u8(in) << 8) | u8(in);
            // References point to earlier segments; the decoder sizes its arrays by the count before reading them.
            if (referred >= segments || references + referred > MAX_REFERENCES) {
                throw refused("a segment referring to " + referred + " segments");
            }
            header(in, (referred + 8) >> 3);
        }
        references += (int) referred;
        header(in, referred * (number > 65536 ? 4 : number > 256 ? 2 : 1));
        long page = (flags & 0x40) != 0 ? u32(in) : u8(in);
        long length = u32(in);
        long read = data(in, type, page, length);
        if (length == UNKNOWN || type == 51) {
            // The decoder takes an unknown length to the end of the stream.
            return false;
        }
        return skip(in, length - read);
    }

    /** Reads what a segment's data declares; how many bytes of the data it read. */
    private long data(InputStream in, int type, long page, long length) throws IOException {
        switch (type) {
            case 48 -> {
                // Page information (7.4.8): width, height, resolutions, flags, striping.
                need(length, 19);
                long width = u32(in);
                long height = u32(in);
                u32(in);
                u32(in);
                u8(in);
                boolean striped = (u16(in) & 0x8000) != 0;
                if (striped && height == UNKNOWN) {
                    stripedWidths.merge(page, width, Math::max);
                } else {
                    bitmap("page", width, height);
                }
                return 19;
            }
            case 50 -> {
                // End of stripe (7.4.10): a striped page is as high as its last stripe's last row.
                need(length, 4);
                stripeEnds.merge(page, u32(in) + 1, Math::max);
                return 4;
            }
            case 0 -> {
                return symbolDictionary(in, length);
            }
            case 16 -> {
                // Pattern dictionary (7.4.4): GRAYMAX + 1 patterns of HDPW × HDPH, decoded side by side.
                need(length, 7);
                u8(in);
                long patternWidth = u8(in);
                long patternHeight = u8(in);
                long patterns = u32(in) + 1;
                count(patterns);
                largestPattern = Math.max(largestPattern, patternWidth * patternHeight);
                bitmap("pattern dictionary", times(patterns, patternWidth), patternHeight);
                return 7;
            }
            case 4, 6, 7 -> {
                return textRegion(in, length);
            }
            case 20, 22, 23 -> {
                // Halftone region (7.4.5): the region, then a grid of gray values, each cell an int and a bit a plane,
                // each drawn with a pattern.
                need(length, 26);
                region(in);
                u8(in);
                long cells = times(u32(in), u32(in));
                spend("halftone grid of " + cells + " cells", cells, Math.max(64, largestPattern));
                return 26;
            }
            case 36, 38, 39, 40, 42, 43 -> {
                // Generic and refinement regions (7.4.6, 7.4.7): the region's bitmap, decoded pixel by pixel.
                need(length, 17);
                region(in);
                return 17;
            }
            case 53 -> {
                // A custom Huffman table (7.4.13): the decoder adds one code a line until the table's range is covered,
                // two bits a line at the least, so a long table of a huge range fills the heap line by line. Scanners
                // use the standard tables; a table longer than any real one is refused.
                if (length == UNKNOWN || length > MAX_TABLE_BYTES) {
                    throw refused("a code table of more than " + MAX_TABLE_BYTES + " bytes");
                }
                return 0;
            }
            default -> {
                return 0;
            }
        }
    }

    private long symbolDictionary(InputStream in, long length) throws IOException {
        // Symbol dictionary (7.4.2): flags, adaptive template pixels, then the exported and new symbol counts.
        need(length, 2);
        int flags = u16(in);
        boolean huffman = (flags & 1) != 0;
        boolean aggregate = (flags & 2) != 0;
        int template = (flags >>> 10) & 3;
        boolean refinementTemplate = (flags & 0x1000) != 0;
        long read = 2;
        long at = (huffman ? 0 : template == 0 ? 8 : 2) + (aggregate && !refinementTemplate ? 4 : 0);
        need(length, read + at + 8);
        header(in, at);
        long exported = u32(in);
        long defined = u32(in);
        count(Math.max(exported, defined));
        return read + at + 8;
    }

    private long textRegion(InputStream in, long length) throws IOException {
        // Text region (7.4.3): the region, flags, Huffman flags, refinement template pixels, placed symbols.
        need(length, 19);
        long pixels = region(in);
        int flags = u16(in);
        boolean huffman = (flags & 1) != 0;
        boolean refinement = (flags & 2) != 0;
        boolean refinementTemplate = (flags & 0x8000) != 0;
        long more = (huffman ? 2 : 0) + (refinement && !refinementTemplate ? 4 : 0);
        need(length, 19 + more + 4);
        header(in, more);
        long placed = u32(in);
        // Each placed symbol is drawn into the region: a region holds at most one symbol per few pixels of it, so
        // that the placing cannot cost more than the region's bitmap many times over.
        if (placed > Math.max(MIN_INSTANCES_PER_REGION, pixels / PIXELS_PER_INSTANCE)) {
            throw refused(placed + " placed symbols in a region of " + pixels + " pixels");
        }
        instances += placed;
        if (instances > MAX_INSTANCES) {
            throw refused("more than " + MAX_INSTANCES + " placed symbols");
        }
        return 19 + more + 4;
    }

    /** Region segment information (7.4.1): width, height, place, flags; the region's pixels. */
    private long region(InputStream in) throws IOException {
        long width = u32(in);
        long height = u32(in);
        u32(in);
        u32(in);
        u8(in);
        bitmap("region", width, height);
        return times(width, height);
    }

    private void count(long defined) throws IOException {
        symbols += defined;
        if (symbols > MAX_SYMBOLS) {
            throw refused("more than " + MAX_SYMBOLS + " symbols or patterns");
        }
    }

    private void bitmap(String what, long width, long height) throws IOException {
        spend(what + " of " + width + " × " + height, width, height);
    }

    /** Counts a bitmap against the picture's pixels, each by itself and all together. */
    private void spend(String what, long width, long height) throws IOException {
        long pixels = times(width, height);
        if (pixels > limit) {
            throw refused("a " + what + " (more than " + limit + " pixels)");
        }
        total += pixels;
        if (total > 2 * limit) {
            throw refused("bitmaps of more than " + 2 * limit + " pixels in all");
        }
    }

    /** The product of two counts, or {@link Long#MAX_VALUE} when it would not fit. */
    private static long times(long a, long b) {
        long product = a * b;
        return Math.multiplyHigh(a, b) != 0 || product < 0 ? Long.MAX_VALUE : product;
    }

    private void finish() throws IOException {
        for (Map.Entry<Long, Long> striped : stripedWidths.entrySet()) {
            bitmap("striped page", striped.getValue(), stripeEnds.getOrDefault(striped.getKey(), 0L));
        }
    }

    private static void need(long length, long bytes) throws IOException {
        if (length < bytes) {
            throw refused("a segment cut short");
        }
    }

    private static IOException refused(String what) {
        return new IOException("A JBIG2 picture of the PDF declares " + what);
    }

    private static boolean fileHeader(byte[] first) {
        for (int i = 0; i < FILE_HEADER.length; i++) {
            if ((first[i] & 0xff) != FILE_HEADER[i]) {
                return false;
            }
        }
        return true;
    }

    /** Skips bytes of a segment's header or of the fields read from its data, which the decoder reads. */
    private static void header(InputStream in, long bytes) throws IOException {
        if (!skip(in, bytes)) {
            throw new EOFException("A JBIG2 picture of the PDF is cut short in a segment header");
        }
    }

    /** Skips a segment's data; false when the stream ends first (the decoder then reads no more segments). */
    private static boolean skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    return false;
                }
                skipped = 1;
            }
            left -= skipped;
        }
        return true;
    }

    private static int u8(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("A JBIG2 picture of the PDF is cut short in a segment header");
        }
        return b;
    }

    private static int u16(InputStream in) throws IOException {
        return (u8(in) << 8) | u8(in);
    }

    private static long u32(InputStream in) throws IOException {
        return ((long) u16(in) << 16) | u16(in);
    }
}
