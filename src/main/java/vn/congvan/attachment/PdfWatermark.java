package vn.congvan.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.springframework.stereotype.Component;

/**
 * Makes the stamped copy of a restricted PDF (ADR 0043): one grey line in the bottom margin of every page naming the
 * unit, the account, the moment and the copy id, and the same facts in the document information, written as an
 * incremental update after the original's bytes, so that the original revision (and any signature over it) stays
 * inside the copy byte for byte. The stored file is only read. A file that cannot be stamped within its budget is
 * refused, never served unstamped.
 */
@Component
class PdfWatermark {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PdfWatermark.class);

    /** Small enough to stay out of the text, large enough to be read on a printout. */
    private static final float FONT_SIZE = 7f;

    /** Distance of the line from the page's bottom and left edges: inside HD 36's 20 mm bottom margin. */
    private static final float INSET = 12f;

    private static final float GREY = 0.45f;

    /** The font with every Vietnamese letter that the portal already ships (ADR 0004). */
    private static final String FONT = "/fonts/LiberationSerif-Regular.ttf";

    private final AttachmentStorage storage;

    private final WatermarkProperties properties;

    private final Semaphore turns;

    private final byte[] font;

    PdfWatermark(AttachmentStorage storage, WatermarkProperties properties) throws IOException {
        this.storage = storage;
        this.properties = properties;
        this.turns = new Semaphore(Math.max(1, properties.concurrent()), true);
        try (InputStream in = PdfWatermark.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IOException("Font " + FONT + " is missing from the classpath");
            }
            this.font = in.readAllBytes();
        }
    }

    /**
     * The stamped copy of the stored PDF, in a temporary file the caller deletes; throws
     * {@link CopyNotStampedException} when no copy can be made.
     */
    Path stamp(String key, CopyStamp stamp) throws IOException {
        long deadline = System.nanoTime() + properties.timeout().toNanos();
        try {
            if (!turns.tryAcquire(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CopyNotStampedException("Too many copies are being stamped", true, null);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new CopyNotStampedException("Interrupted while waiting to stamp", true, ex);
        }
        try {
            return stampWithinBudget(key, stamp, deadline);
        } finally {
            turns.release();
        }
    }

    private Path stampWithinBudget(String key, CopyStamp stamp, long deadline) throws IOException {
        Path copy = Files.createTempFile("stamped-", ".pdf");
        boolean done = false;
        // A stored file that cannot be read now is an error of the request (500), not a file that cannot be stamped.
        try (LocalCopy source = storage.copyToLocal(key)) {
            try (PDDocument document =
                    Loader.loadPDF(source.path().toFile(), IOUtils.createTempFileOnlyStreamCache())) {
                if (document.isEncrypted()) {
                    // Stamping it would mean removing or re-doing its protection: not the portal's to decide.
                    throw new CopyNotStampedException("The PDF is encrypted", false, null);
                }
                if (document.getNumberOfPages() > properties.maxPages()) {
                    throw new CopyNotStampedException(
                            "The PDF has " + document.getNumberOfPages() + " pages", false, null);
                }
                Set<COSDictionary> changed = new HashSet<>();
                PDType0Font type = PDType0Font.load(document, new ByteArrayInputStream(font), true);
                String line = printable(type, stamp.line());
                for (PDPage page : document.getPages()) {
                    if (System.nanoTime() > deadline) {
                        throw new CopyNotStampedException("Stamping took longer than its budget", false, null);
                    }
                    stampPage(document, page, type, line, changed);
                }
                describe(document, stamp, changed);
                try (OutputStream out = Files.newOutputStream(copy)) {
                    document.saveIncremental(out, changed);
                }
                if (System.nanoTime() > deadline) {
                    throw new CopyNotStampedException("Stamping took longer than its budget", false, null);
                }
                done = true;
                return copy;
            } catch (InvalidPasswordException ex) {
                throw new CopyNotStampedException("The PDF is encrypted", false, ex);
            } catch (CopyNotStampedException ex) {
                throw ex;
            } catch (IOException | RuntimeException ex) {
                // Uploads are inspected (ADR 0010), so this is a file PDFBox reads but cannot rewrite: refused, logged.
                log.warn("Could not stamp stored file {}", key, ex);
                throw new CopyNotStampedException("The PDF could not be stamped", false, ex);
            }
        } finally {
            if (!done) {
                Files.deleteIfExists(copy);
            }
        }
    }

    private static void stampPage(
            PDDocument document, PDPage page, PDType0Font font, String line, Set<COSDictionary> changed)
            throws IOException {
        PDRectangle box = page.getCropBox();
        int rotation = Math.floorMod(page.getRotation(), 360);
        boolean sideways = rotation == 90 || rotation == 270;
        float width = sideways ? box.getHeight() : box.getWidth();
        float size = FONT_SIZE;
        float textWidth = font.getStringWidth(line) / 1000f * size;
        if (textWidth > width - 2 * INSET && textWidth > 0) {
            // A narrow page gets a smaller line rather than one that runs off the page.
            size = Math.max(3f, size * (width - 2 * INSET) / textWidth);
        }
        // The page's own resources (inherited ones copied onto it), so that the font is added where the update
        // writes it.
        PDResources resources = page.getResources();
        if (resources == null) {
            resources = new PDResources();
        }
        page.setResources(resources);
        try (PDPageContentStream content =
                new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
            content.saveGraphicsState();
            // Drawn along the bottom of the page as it is shown, whatever its /Rotate.
            content.transform(Matrix.getTranslateInstance(box.getLowerLeftX(), box.getLowerLeftY()));
            switch (rotation) {
                case 90 -> content.transform(new Matrix(0, 1, -1, 0, box.getWidth(), 0));
                case 180 -> content.transform(new Matrix(-1, 0, 0, -1, box.getWidth(), box.getHeight()));
                case 270 -> content.transform(new Matrix(0, -1, 1, 0, 0, box.getHeight()));
                default -> {}
            }
            content.setNonStrokingColor(GREY);
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(INSET, INSET);
            content.showText(line);
            content.endText();
            content.restoreGraphicsState();
        }
        changed.add(page.getCOSObject());
        changed.add(resources.getCOSObject());
        COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
        if (fonts != null) {
            changed.add(fonts);
        }
    }

    /** The same facts where tools read them without looking at the pages. */
    private static void describe(PDDocument document, CopyStamp stamp, Set<COSDictionary> changed) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setCustomMetadataValue("CongvanCopyId", stamp.copyId());
        if (stamp.unitId() != null) {
            info.setCustomMetadataValue("CongvanUnitId", stamp.unitId().toString());
        }
        if (stamp.accountId() != null) {
            info.setCustomMetadataValue("CongvanAccountId", stamp.accountId().toString());
        }
        info.setCustomMetadataValue("CongvanAccount", stamp.username());
        info.setCustomMetadataValue(
                "CongvanIssuedAt", stamp.issuedAt().toOffsetDateTime().toString());
        Calendar now = GregorianCalendar.from(stamp.issuedAt());
        now.setTimeZone(TimeZone.getTimeZone(stamp.issuedAt().getZone()));
        info.setModificationDate(now);
        document.setDocumentInformation(info);
        changed.add(info.getCOSObject());
        changed.add(document.getDocument().getTrailer());
    }

    /** The line in NFC, with any character the font cannot draw replaced, so that no name stops a download. */
    static String printable(PDType0Font font, String line) throws IOException {
        String normalized = Normalizer.normalize(line, Normalizer.Form.NFC);
        StringBuilder printable = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); ) {
            int codePoint = normalized.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            try {
                font.encode(character);
                printable.append(character);
            } catch (IllegalArgumentException ex) {
                printable.append('?');
            }
            i += Character.charCount(codePoint);
        }
        return printable.toString();
    }
}
