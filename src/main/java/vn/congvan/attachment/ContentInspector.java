package vn.congvan.attachment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import vn.congvan.attachment.AttachmentRejectedException.Reason;

/**
 * Learns what a staged file really is from its bytes, never from its name or the client's word, and refuses what
 * the portal does not circulate: other types, files whose name claims another type, corrupt or encrypted files.
 * Tika's magic detection tells the family (PDF, ZIP, OpenDocument, PNG, JPEG, OLE2); an Office Open XML package is
 * told apart (DOCX or XLSX) by the part at its heart, and every file is opened once to prove it is whole.
 */
@Component
class ContentInspector {

    static final String PDF = "application/pdf";

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final String ODT = "application/vnd.oasis.opendocument.text";

    /** Word 97-2003 (.doc): an OLE2 compound file with a "WordDocument" stream (ADR 0037). */
    static final String DOC = "application/msword";

    static final String PNG = "image/png";

    static final String JPEG = "image/jpeg";

    /** The types accepted, with the file-name endings each may carry. */
    static final Map<String, Set<String>> ACCEPTED = Map.of(
            PDF,
            Set.of("pdf"),
            DOCX,
            Set.of("docx"),
            XLSX,
            Set.of("xlsx"),
            ODT,
            Set.of("odt"),
            DOC,
            Set.of("doc"),
            PNG,
            Set.of("png"),
            JPEG,
            Set.of("jpg", "jpeg"));

    /**
     * TIFF, which scanners save: kept as a scan of an incoming entry (ADR 0065), not taken as a dispatch's own upload
     * (browsers do not show it); a forward carries the scan by reference, downloaded rather than shown.
     */
    static final String TIFF = "image/tiff";

    /** What Tika's magic detection calls any OLE2 compound file: Word 97-2003, Excel 97-2003, an encrypted package. */
    static final String OLE2 = "application/x-tika-msoffice";

    private final Tika tika = new Tika();

    String detectType(Path file) throws IOException {
        String detected;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            detected = tika.detect(in);
        }
        if ("application/zip".equals(detected) || "application/x-tika-ooxml".equals(detected)) {
            return officeOpenXmlType(file).orElse(detected);
        }
        return detected;
    }

    /** Inspects a staged upload: answers its type and, for a PDF, its page count; refuses what is not accepted. */
    Inspection inspect(Path file, String filename) throws IOException {
        if (Files.size(file) == 0) {
            throw new AttachmentRejectedException(filename, Reason.EMPTY);
        }
        String type = detectType(file);
        if (OLE2.equals(type)
                || "application/msword".equals(type)
                || "application/x-tika-ooxml-protected".equals(type)) {
            type = WordDocuments.inspect(file, filename, namedOfficeOpenXml(filename));
        }
        if (!ACCEPTED.containsKey(type)) {
            // A package that says it is a Word or Excel file but cannot be opened as one is damaged, not foreign.
            boolean brokenPackage = ("application/zip".equals(type) || "application/x-tika-ooxml".equals(type))
                    && namedOfficeOpenXml(filename);
            throw new AttachmentRejectedException(filename, brokenPackage ? Reason.CORRUPT : Reason.TYPE_NOT_ALLOWED);
        }
        if (!ACCEPTED.get(type).contains(extension(filename))) {
            throw new AttachmentRejectedException(filename, Reason.MISLABELLED);
        }
        Integer pages = null;
        switch (type) {
            case PDF -> pages = pdfPages(file, filename);
            case DOCX, XLSX, ODT -> requireWholeZip(file, filename);
            case DOC -> {
                // Opened whole by WordDocuments above.
            }
            default -> requireReadableImage(file, filename);
        }
        return new Inspection(type, pages);
    }

    /**
     * Inspects a scan of a document received on paper: what {@link #inspect} accepts, and TIFF (named .tif or .tiff,
     * opened as an image like a PNG or JPEG) (ADR 0065).
     */
    Inspection inspectScan(Path file, String filename) throws IOException {
        if (Files.size(file) > 0 && TIFF.equals(detectType(file))) {
            String extension = extension(filename);
            if (!extension.equals("tif") && !extension.equals("tiff")) {
                throw new AttachmentRejectedException(filename, Reason.MISLABELLED);
            }
            TiffDirectories.requireBounded(file, filename);
            requireReadableImage(file, filename);
            return new Inspection(TIFF, null);
        }
        return inspect(file, filename);
    }

    /**
     * Pages of a PDF, read with a file-backed cache so that a large PDF is not pulled into memory. The file must end
     * with a cross-reference where its trailer says, and no object of it may hold active content (ADR 0016).
     */
    private int pdfPages(Path file, String filename) {
        try {
            if (!PdfActiveContent.endsWithCrossReference(file)) {
                throw new AttachmentRejectedException(filename, Reason.PDF_TRUNCATED);
            }
        } catch (IOException ex) {
            throw new AttachmentRejectedException(filename, Reason.CORRUPT);
        }
        try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            // Looked at before the encryption is refused, so that a file opened with an empty password names what
            // it carries.
            Optional<Reason> active = PdfActiveContent.find(document.getDocument());
            if (active.isPresent()) {
                throw new AttachmentRejectedException(filename, active.get());
            }
            if (document.isEncrypted()) {
                throw new AttachmentRejectedException(filename, Reason.ENCRYPTED);
            }
            if (document.getNumberOfPages() == 0) {
                throw new AttachmentRejectedException(filename, Reason.CORRUPT);
            }
            return document.getNumberOfPages();
        } catch (InvalidPasswordException ex) {
            throw new AttachmentRejectedException(filename, Reason.ENCRYPTED);
        } catch (IOException | PdfActiveContent.TooManyObjects ex) {
            throw new AttachmentRejectedException(filename, Reason.CORRUPT);
        }
    }

    private static Optional<String> officeOpenXmlType(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("word/document.xml") != null) {
                return Optional.of(DOCX);
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return Optional.of(XLSX);
            }
            return Optional.empty();
        } catch (IOException ex) {
            return Optional.empty();
        }
    }

    /**
     * Every entry of the package must be readable to its end: a truncated or damaged package is refused. Reading
     * stops once the package has unpacked to more than {@link #unpackLimit} bytes, so that a "zip bomb" cannot keep
     * the request busy writing gigabytes through the inflater.
     */
    static void requireWholeZip(Path file, String filename) throws IOException {
        long limit = unpackLimit(Files.size(file));
        long unpacked = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] buffer = new byte[8192];
            Iterator<? extends ZipEntry> entries = zip.entries().asIterator();
            while (entries.hasNext()) {
                try (InputStream in = zip.getInputStream(entries.next())) {
                    // Reading through checks each entry's CRC.
                    for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                        unpacked += read;
                        if (unpacked > limit) {
                            throw new AttachmentRejectedException(filename, Reason.UNPACKS_TOO_LARGE);
                        }
                    }
                }
            }
        } catch (IOException ex) {
            throw new AttachmentRejectedException(filename, Reason.CORRUPT);
        }
    }

    /**
     * How far an Office package may unpack: a hundred times its size (real documents stay far below), at least
     * 16 MB, at most 512 MB.
     */
    static long unpackLimit(long packedSize) {
        return Math.min(512L << 20, Math.max(16L << 20, packedSize * 100));
    }

    /** Reads the image's header and dimensions (not its pixels: a large image is not decoded into memory). */
    private static void requireReadableImage(Path file, String filename) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new AttachmentRejectedException(filename, Reason.CORRUPT);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                if (reader.getWidth(0) <= 0 || reader.getHeight(0) <= 0) {
                    throw new AttachmentRejectedException(filename, Reason.CORRUPT);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof AttachmentRejectedException rejected) {
                throw rejected;
            }
            throw new AttachmentRejectedException(filename, Reason.CORRUPT);
        }
    }

    /** Whether the name is that of an Office Open XML document (the formats whose protected form is OLE2). */
    private static boolean namedOfficeOpenXml(String filename) {
        String extension = extension(filename);
        return extension.equals("docx") || extension.equals("xlsx");
    }

    static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    record Inspection(String contentType, Integer pageCount) {}
}
