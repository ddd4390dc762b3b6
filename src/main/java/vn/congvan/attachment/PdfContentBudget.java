package vn.congvan.attachment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * How much drawing a PDF may make its reader decode. PDFBox unpacks a content stream whole into memory before it reads
 * an operator of it, whatever the stream cache: a 600 kB PDF whose page unpacks to 600 MB ran a 512 MB portal out of
 * heap and killed its connection thread. So each content stream (a page's, and a form's every time it is drawn) is
 * first unpacked into a counter, never kept, and the reading of a document stops with an {@link IOException} once its
 * pages and forms together would unpack to more than {@link #MAX_DECODED} bytes. A printed dispatch unpacks to tens
 * of kilobytes a page.
 */
public final class PdfContentBudget {

    /** Far above the drawing of twenty pages of a dispatch, and small enough for a few readers at once in 512 MB. */
    public static final long MAX_DECODED = 64L << 20;

    private long left;

    /** Each stream is counted once, however often it is drawn; the count is spent every time. */
    private final Map<COSStream, Long> sizes = new IdentityHashMap<>();

    public PdfContentBudget() {
        this(MAX_DECODED);
    }

    PdfContentBudget(long bytes) {
        this.left = bytes;
    }

    /** Spends what the page's own content streams unpack to. */
    public void page(PDPage page) throws IOException {
        COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        if (contents instanceof COSStream stream) {
            spend(stream);
        } else if (contents instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSStream stream) {
                    spend(stream);
                }
            }
        }
    }

    /** Spends what a stream about to be drawn (a page's content, a form) unpacks to. */
    public void spend(COSStream stream) throws IOException {
        Long size = sizes.get(stream);
        if (size == null) {
            size = decodedSize(stream, left);
            sizes.put(stream, size);
        }
        left -= size;
        if (left < 0) {
            throw new IOException("The PDF's drawing unpacks to more than " + MAX_DECODED + " bytes");
        }
    }

    /**
     * Refuses a picture PDFBox would unpack beyond what a scan needs: it unpacks a picture's stream whole before it
     * subsamples it (a 390 kB PDF of a 20 000 × 20 000 gray picture ran a 512 MB portal out of heap), and a JPEG, JPEG
     * 2000, JBIG2 or fax codec gets the stream as its filters before it left it; a JBIG2 stream's own declared sizes are
     * read too ({@link Jbig2Headers}, ADR 0076). Each picture is checked by itself, with its masks, which PDFBox unpacks
     * with it: its memory is let go once it is drawn.
     */
    public static void image(PDImageXObject image) throws IOException {
        picture(image);
        // PDFBox unpacks a picture's masks with it, by the same codecs.
        PDImageXObject mask = image.getMask();
        if (mask != null) {
            picture(mask);
        }
        PDImageXObject softMask = image.getSoftMask();
        if (softMask != null) {
            picture(softMask);
        }
    }

    private static void picture(PDImageXObject image) throws IOException {
        long pixels = (long) image.getWidth() * image.getHeight();
        if (pixels > MAX_IMAGE_PIXELS) {
            throw new IOException("A picture of the PDF declares " + pixels + " pixels");
        }
        if (decodedSize(image.getStream().getCOSObject(), MAX_IMAGE_DECODED) > MAX_IMAGE_DECODED) {
            throw new IOException("A picture of the PDF unpacks to more than " + MAX_IMAGE_DECODED + " bytes");
        }
        // A JBIG2 stream declares its own page, regions and symbols, whatever /Width and /Height say (ADR 0076).
        Jbig2Headers.check(image);
    }

    /** An A3 page scanned at 600 dpi has 70 million pixels. */
    static final long MAX_IMAGE_PIXELS = 300_000_000L;

    /** An A4 page scanned at 600 dpi in colour without loss unpacks to 104 MB. */
    static final long MAX_IMAGE_DECODED = 160L << 20;

    /** Filters that decode pictures themselves (and subsample them): the counting stops before them. */
    static final java.util.Set<COSName> CODECS = java.util.Set.of(
            COSName.DCT_DECODE,
            COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE,
            COSName.JBIG2_DECODE,
            COSName.CCITTFAX_DECODE,
            COSName.CCITTFAX_DECODE_ABBREVIATION);

    /**
     * What the stream unpacks to, counted up to just over {@code limit}. A filter that fails on broken data counts
     * what it unpacked before: PDFBox reads such a stream as far as it goes, and so may the reader.
     */
    static long decodedSize(COSStream stream, long limit) throws IOException {
        List<COSName> filters = filters(stream.getFilters());
        for (int i = 0; i < filters.size(); i++) {
            if (CODECS.contains(filters.get(i))) {
                filters = filters.subList(0, i);
                break;
            }
        }
        Counter counter = new Counter(limit);
        InputStream in = stream.createRawInputStream();
        try {
            for (int i = 0; i < filters.size(); i++) {
                Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
                if (i == filters.size() - 1) {
                    filter.decode(in, counter, stream, i);
                } else {
                    // A chain of filters (rare) is unpacked stage by stage, each stage bounded as the last one.
                    Bounded stage = new Bounded(limit);
                    filter.decode(in, stage, stream, i);
                    in.close();
                    in = new ByteArrayInputStream(stage.toByteArray());
                }
            }
            if (filters.isEmpty()) {
                in.transferTo(counter);
            }
        } catch (Counter.Exceeded | Bounded.Exceeded exceeded) {
            return limit + 1;
        } catch (IOException broken) {
            // Unknown filter or damaged data: counted as far as it unpacked.
        } finally {
            in.close();
        }
        return counter.count > limit ? limit + 1 : counter.count;
    }

    static List<COSName> filters(COSBase filters) {
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSName name) {
            names.add(name);
        } else if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Counts bytes written and throws past its limit, so that the filter stops unpacking. */
    private static final class Counter extends OutputStream {

        private final long limit;

        private long count;

        Counter(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            add(1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            add(length);
        }

        private void add(long bytes) throws Exceeded {
            count += bytes;
            if (count > limit) {
                throw new Exceeded();
            }
        }

        static final class Exceeded extends IOException {
            private static final long serialVersionUID = 1L;
        }
    }

    /** One stage of a chain of filters, kept in memory up to the limit. */
    private static final class Bounded extends ByteArrayOutputStream {

        private final long limit;

        Bounded(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            check(1);
            super.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            check(length);
            super.write(bytes, offset, length);
        }

        private void check(int more) {
            if ((long) count + more > limit) {
                throw new Exceeded();
            }
        }

        static final class Exceeded extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
    }
}
