package vn.congvan.attachment;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * One JBIG2 picture decoded at a time in the whole portal. {@link Jbig2Headers} bounds every bitmap a JBIG2 stream
 * declares, but not the size of each symbol a symbol dictionary codes inside its data (ADR 0076): a few bytes may ask
 * the decoder for one symbol of hundreds of megabytes, which the heap grants while the picture decodes. Two such
 * pictures decoded at once (two uploads, or an upload and a thumbnail) could together take the heap the rest of the
 * portal needs; one at a time, the worst is one picture's. Other pictures do not wait.
 */
public final class Jbig2Decodes {

    /** How long a decoding waits for the one before it: longer than the worst picture within the bounds takes. */
    static final long WAIT_SECONDS = 60;

    private static final Semaphore ONE = new Semaphore(1, true);

    private Jbig2Decodes() {}

    /** A decoding of a picture that may throw what PDFBox throws. */
    @FunctionalInterface
    public interface Decoding<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code decoding} of {@code image}: at once for a picture without JBIG2 (in itself or its masks), else after
     * the JBIG2 decoding running now has ended.
     *
     * @throws IOException when the wait overran {@link #WAIT_SECONDS} or was interrupted, or the decoding failed
     */
    public static <T> T oneAtATime(PDImageXObject image, Decoding<T> decoding) throws IOException {
        if (!packed(image)) {
            return decoding.run();
        }
        try {
            if (!ONE.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("Another JBIG2 picture was still being decoded after " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to decode a JBIG2 picture");
        }
        try {
            return decoding.run();
        } finally {
            ONE.release();
        }
    }

    /** Whether the picture or one of its masks is packed with JBIG2 (PDFBox decodes the masks with the picture). */
    static boolean packed(PDImageXObject image) throws IOException {
        return jbig2(image) || jbig2(image.getMask()) || jbig2(image.getSoftMask());
    }

    private static boolean jbig2(PDImageXObject image) {
        return image != null
                && PdfContentBudget.filters(image.getCOSObject().getFilters()).contains(COSName.JBIG2_DECODE);
    }

    /** Whether a decoding waits for the one running now (tests). */
    static boolean waiting() {
        return ONE.hasQueuedThreads();
    }

    /** Takes the one decoding's place, as a decoding running now would (tests). */
    static void hold() throws InterruptedException {
        ONE.acquire();
    }

    /** Gives the place back (tests). */
    static void letGo() {
        ONE.release();
    }
}
