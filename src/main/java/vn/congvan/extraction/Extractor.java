package vn.congvan.extraction;

import static vn.congvan.extraction.Patterns.pattern;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import vn.congvan.attachment.FileNames;
import vn.congvan.attachment.UploadChecks;

/**
 * Checks a file by the upload rules, reads its text (by OCR for a scan or an image, ADR 0046; for a PDF whose text
 * layer is garbled, by OCR of its pages too, ADR 0058) and the fields of the document in it (ADR 0044); a bounded
 * number of files at once, each within a time budget (ADR 0058).
 */
@Service
public class Extractor {

    private static final Logger log = LoggerFactory.getLogger(Extractor.class);

    /**
     * What a confidence is multiplied by when the text came from OCR: a rule right on 97 % of typed texts reads a
     * misrecognised letter as faithfully as a right one, so the clerk is asked to look at more fields of a scan.
     */
    static final double OCR_CONFIDENCE = 0.85;

    /** How much of a garbled layer a finding quotes, so that the clerk sees what the file's text said. */
    private static final int QUOTED = 60;

    /** The least a field read from garbled text counts for, against 1 for one read from clean text. */
    static final double GARBLED_FIELD_WORTH = 0.3;

    /** The confidence of a number or a date taken from a garbled layer where OCR read none: to be checked. */
    static final double LAYER_DIGITS_CONFIDENCE = 0.5;

    /** Packages that parse a file's bytes for extraction: an exception raised inside one of them is the file's. */
    private static final List<String> PARSERS = List.of(
            "org.apache.pdfbox.",
            "org.apache.fontbox.",
            "javax.imageio.",
            "com.sun.imageio.",
            "javax.xml.",
            "com.sun.org.apache.xerces.",
            "java.util.zip.",
            "org.apache.poi.");

    /** The platform's own packages, which a parser and our code alike call: they do not tell whose failure it is. */
    private static final List<String> PLATFORM = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private final UploadChecks checks;

    private final TesseractOcr ocr;

    private final OcrProperties properties;

    private final ExtractionPool pool;

    Extractor(UploadChecks checks, TesseractOcr ocr, OcrProperties properties, ExtractionPool pool) {
        this.checks = checks;
        this.ocr = ocr;
        this.properties = properties;
        this.pool = pool;
    }

    /**
     * @throws vn.congvan.attachment.AttachmentRejectedException when the upload rules refuse the file
     * @throws UnreadableFileException when the file is accepted as an attachment but its text cannot be read here
     * @throws OcrException when the file is a scan or an image and its text could not be recognised
     * @throws ExtractionLimitException when no turn came free in time, the reading overran its budget, or the file
     *     unpacks beyond any document
     */
    public Extraction extract(Path file, String filename) throws IOException {
        try (ExtractionPool.Turn turn = pool.take(filename)) {
            return read(file, filename, checks.check(file, filename), turn);
        }
    }

    /** The fields of a file whose type the upload rules found, outside any pool's turn (tests, tools). */
    Extraction read(Path file, String filename, String type) throws IOException {
        return read(file, filename, type, ExtractionPool.Turn.none());
    }

    /**
     * The fields of a file whose type the upload rules found, within a turn of the pool that OCR gives back while it
     * waits for Tesseract and while Tesseract runs.
     */
    Extraction read(Path file, String filename, String type, ExtractionPool.Turn turn) throws IOException {
        if (TesseractOcr.IMAGES.contains(type)) {
            return fromScan(damagedIfBroken(() -> ocr.readImage(file, filename, turn), filename, type), filename, pool);
        }
        if (!DocumentText.readable(type)) {
            throw new UnreadableFileException(filename, type);
        }
        Budget budget = pool.budget(filename);
        if (DocumentText.PDF.equals(type)) {
            LayerReading layer = readLayer(file, filename, type, budget);
            if (layer == null) {
                // A page whose drawing breaks PDFBox or exceeds its budget is a damaged file too, not a server error.
                return fromScan(
                        damagedIfUnreadable(() -> ocr.readPdf(file, filename, turn), filename, type), filename, pool);
            }
            // The layer is judged as DocumentText gives it, legacy fonts converted (ADR 0068): a TCVN3 or VNI layer
            // that reads clean once converted is not sent to OCR.
            if (!layer.quality().garbled()) {
                // A date line left blank and no picture stamped into it: the signature stamp's time (ADR 0080).
                return SigningDate.filled(withPictureStamps(file, filename, layer, turn), layer.signed());
            }
            return reread(file, filename, layer, turn);
        }
        return readMarked(damagedIfUnreadable(() -> DocumentText.of(file, type, budget), filename, type), budget);
    }

    /**
     * The fields of a PDF's text layer and how Vietnamese it reads, or {@code null} for a scan. Only these small values
     * leave the method: a garbled layer's text (up to 400,000 characters, twice) must not stay in the heap while its
     * file waits for a Tesseract slot with its turn given back (ADR 0058).
     */
    private LayerReading readLayer(Path file, String filename, String type, Budget budget) throws IOException {
        DocumentText.PdfText pdf = damagedIfUnreadable(() -> DocumentText.pdf(file, budget), filename, type);
        if (pdf.scanned(properties.minLettersPerPage())) {
            return null;
        }
        String layer = DocumentText.capped(pdf.text());
        // Stripped of its furniture once, for its fields and for its judgement.
        budget.check();
        String kept = FieldReader.stripped(layer);
        Extraction fields = FieldReader.readStripped(kept, budget).withMarks(PageFurniture.marks(layer));
        PictureStamps.BlankDate blankDate = fields.issuedOn() == null ? PictureStamps.blankDate(kept) : null;
        return new LayerReading(
                fields, TextLayer.judgeStripped(kept), quote(layer), blankDate, fields.issuedOn() == null ? layer : "");
    }

    /**
     * What is kept of a PDF's text layer once it has been read: its fields, its quality, the quote of its start, and
     * the month and year of a date line whose day was left blank ({@code null} when the date was read or no such line
     * stands in the header), and the layer itself where the date was not read, for its signature stamps' times.
     */
    private record LayerReading(
            Extraction fields,
            TextLayer.Quality quality,
            String quote,
            PictureStamps.BlankDate blankDate,
            String signed) {}

    /**
     * The layer's fields, with the number and the day an e-office system stamped into their blanks as pictures read by
     * OCR ({@link PictureStamps}); only when a blank is left (a notation without its number, a date line without its
     * day) and OCR is installed. A stamp that cannot be read leaves the blank as the layer has it.
     */
    private Extraction withPictureStamps(Path file, String filename, LayerReading layer, ExtractionPool.Turn turn) {
        Extraction fields = layer.fields();
        boolean numberBlank = fields.number() == null && fields.notation() != null;
        boolean dayBlank = fields.issuedOn() == null && layer.blankDate() != null;
        if (!(numberBlank || dayBlank) || !ocr.available()) {
            return fields;
        }
        try {
            List<TesseractOcr.StampRead> read = ocr.readStamps(file, filename, turn);
            List<Integer> left = new ArrayList<>();
            List<Integer> right = new ArrayList<>();
            for (TesseractOcr.StampRead stamp : read) {
                (stamp.left() ? left : right).add(stamp.digits());
            }
            return PictureStamps.filled(fields, layer.blankDate(), left, right);
        } catch (OcrException | ExtractionLimitException | IOException e) {
            log.info("Pictures stamped into the blanks of {} not read: {}", filename, e.toString());
            return fields;
        } catch (RuntimeException | StackOverflowError failure) {
            if (!brokenReader(failure)) {
                throw failure;
            }
            log.warn("Pictures stamped into the blanks of {} not drawn", filename, failure);
            return fields;
        }
    }

    /**
     * A PDF whose text layer does not read as Vietnamese (a failed recognition, a broken font mapping, ADR 0058): its
     * pages are read by OCR, within OCR's own budgets, and whichever reading gives more fields of better text is kept.
     * Without OCR, or when it fails, the layer's reading stands, with a finding that asks the clerk to check it.
     */
    private Extraction reread(Path file, String filename, LayerReading layer, ExtractionPool.Turn turn) {
        Extraction fromLayer = layer.fields();
        TextLayer.Quality quality = layer.quality();
        Finding.Code kept = Finding.Code.TEXT_LAYER_GARBLED;
        if (ocr.available()) {
            try {
                String recognised = ocr.readPdf(file, filename, turn);
                Extraction fromImages = fromScan(recognised, filename, pool);
                double layerWorth = worth(fromLayer, quality);
                double imagesWorth = worth(fromImages, TextLayer.of(recognised));
                log.info(
                        "Text layer of {} garbled ({}): {} fields from it, {} from OCR of its pages",
                        filename,
                        quality.reason(),
                        fromLayer.fieldsFound(),
                        fromImages.fieldsFound());
                if (fromImages.fieldsFound() > 0 && imagesWorth >= layerWorth) {
                    return withLayerDigits(fromImages, fromLayer)
                            .withFinding(new Finding(Finding.Code.TEXT_LAYER_REREAD, layer.quote()));
                }
            } catch (OcrException | IOException e) {
                log.info(
                        "Text layer of {} garbled ({}) and its pages not recognised: {}",
                        filename,
                        quality.reason(),
                        e.toString());
            } catch (RuntimeException | StackOverflowError failure) {
                // Drawing the pages broke PDFBox: the layer, which PDFBox did read, stands.
                if (!brokenReader(failure)) {
                    throw failure;
                }
                log.warn("Text layer of {} garbled ({}) and its pages not drawn", filename, quality.reason(), failure);
            }
        } else {
            log.info("Text layer of {} garbled ({}); no OCR to read its pages", filename, quality.reason());
        }
        return fromLayer.withFinding(new Finding(kept, layer.quote()));
    }

    /**
     * The OCR's reading of a PDF whose garbled layer it replaces, with the number and the date the layer read where OCR
     * read none (ADR 0058, amendment of session 16): a layer garbled for want of diacritics has its digits right, and a
     * handwritten number or a faint date line that Tesseract misses may be there. Only a blank is filled, and to be
     * checked ({@link #LAYER_DIGITS_CONFIDENCE}): where both read a value and they differ, nothing tells which saw
     * better (a scanner's layer was read from the scanner's own picture, a layer garbled by a broken font mapping has
     * its digits wrong as well), so OCR's stands.
     */
    static Extraction withLayerDigits(Extraction fromImages, Extraction fromLayer) {
        Integer number = fromImages.number() == null ? fromLayer.number() : null;
        LocalDate issuedOn = fromImages.issuedOn() == null ? fromLayer.issuedOn() : null;
        if (number == null && issuedOn == null) {
            return fromImages;
        }
        return fromImages.withStamped(number, issuedOn, LAYER_DIGITS_CONFIDENCE);
    }

    /**
     * What a reading is worth: its fields, each counted by how Vietnamese the text it came from reads, but at least
     * {@link #GARBLED_FIELD_WORTH}: a layer without diacritics still gives a right number and date, so OCR that finds
     * far fewer fields is not preferred to it for its diacritics alone.
     */
    private static double worth(Extraction extraction, TextLayer.Quality quality) {
        return extraction.fieldsFound() * Math.max(GARBLED_FIELD_WORTH, quality.score());
    }

    /** The start of the layer's text, on one line. */
    private static String quote(String layer) {
        String line = pattern("\\s+").matcher(layer.strip()).replaceAll(" ");
        return line.length() > QUOTED ? line.substring(0, QUOTED) + "…" : line;
    }

    /**
     * The upload checks accepted the file's type, so a reader failing inside it means a damaged file (XML cut off, a
     * broken package, a parser thrown off by what the file holds): the clerk is told so, not given a server error.
     */
    private static <T> T damagedIfUnreadable(Reading<T> reading, String filename, String type) {
        try {
            return damagedIfBroken(reading, filename, type);
        } catch (IOException damaged) {
            throw new UnreadableFileException(filename, type, damaged);
        }
    }

    /**
     * The same for a reader that throws an unchecked exception on what the file holds: PDFBox answers a page tree
     * whose kid is a number with an IllegalStateException, an indexed colour space of negative size with a
     * NegativeArraySizeException (a hostile or damaged file, not a fault of the portal). Our own refusals (a bound, a
     * busy OCR) pass unchanged, and so does a failure of our own code: only one raised inside a parser is the file's.
     * An I/O error passes unchanged too (OCR tells its own).
     */
    private static <T> T damagedIfBroken(Reading<T> reading, String filename, String type) throws IOException {
        try {
            return reading.read();
        } catch (RuntimeException | StackOverflowError failure) {
            if (!brokenReader(failure)) {
                throw failure;
            }
            throw damaged(failure, filename, type);
        }
    }

    private static UnreadableFileException damaged(Throwable failure, String filename, String type) {
        // Once, with its stack: a parser's bug met by a genuine file is worth reporting upstream.
        log.warn("Reading {} ({}) broke its parser: answered as a damaged file", filename, type, failure);
        return new UnreadableFileException(filename, type, failure);
    }

    /**
     * Whether an unchecked exception is a parser's failure on the file's content: not one of our own refusals, and
     * raised inside a parser, seen from the first frame of the stack outside the platform (an ArrayList index
     * overrun is PDFBox's failure when PDFBox asked, ours when our code did).
     */
    static boolean brokenReader(Throwable failure) {
        if (failure instanceof ExtractionLimitException
                || failure instanceof OcrException
                || failure instanceof UnreadableFileException) {
            return false;
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            String type = frame.getClassName();
            if (PARSERS.stream().anyMatch(type::startsWith)) {
                return true;
            }
            if (PLATFORM.stream().noneMatch(type::startsWith)) {
                return false;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read() throws IOException;
    }

    /**
     * The same for an uploaded file (the API, the forms that fill themselves from a file): staged in a temporary file
     * that is deleted once read, so that the file is never kept.
     */
    public Extraction extract(MultipartFile file) throws IOException {
        // The client's name for the file as the upload rules clean it (no folder, no control or bidirectional
        // characters, bounded): it goes into logs and problem details.
        String filename = FileNames.clean(file.getOriginalFilename());
        Path staged = Files.createTempFile("trich-xuat-", ".upload");
        try {
            file.transferTo(staged);
            return extract(staged, filename);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /**
     * The fields of recognised text, read within a budget of its own: OCR's time is bounded by OCR's budgets (ADR 0046),
     * and the text it gives is then read like a file's (ADR 0067, amendment of 2026-12-01).
     */
    private static Extraction fromScan(String text, String filename, ExtractionPool pool) {
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new OcrException(OcrException.Reason.NO_TEXT, filename, "No text recognised in " + filename);
        }
        return readMarked(recognised(text), pool.budget(filename)).withConfidenceScaled(OCR_CONFIDENCE);
    }

    /** The fields of a text, with the urgency and secrecy marks printed over it (ADR 0073, amendment). */
    static Extraction readMarked(String text) {
        return readMarked(text, Budget.unlimited());
    }

    /** The same, read within the extraction's budget (ADR 0067). */
    static Extraction readMarked(String text, Budget budget) {
        return SigningDate.filled(FieldReader.read(text, budget).withMarks(PageFurniture.marks(text)), text);
    }

    /**
     * Text recognised by OCR as the field reader gets it: bounded, without specks, the vocabulary of administrative
     * documents and misread numbers put right (ADR 0059); never applied to a text layer or a file's own text.
     */
    static String recognised(String text) {
        return OcrLexicon.correct(FieldReader.withoutOcrSpecks(DocumentText.capped(text)));
    }
}
