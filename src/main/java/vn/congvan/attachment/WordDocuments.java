package vn.congvan.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Set;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import vn.congvan.attachment.AttachmentRejectedException.Reason;

/**
 * Tells a Word 97-2003 document (.doc) from the other OLE2 compound files that share its magic bytes (Excel
 * 97-2003, an encrypted Office Open XML package, any OLE2 file), from what is inside the container, never from the
 * name (ADR 0037). A .doc has a stream "WordDocument" that starts with the File Information Block, whose first two
 * bytes are 0xA5EC ([MS-DOC] 2.5.2). A document with a VBA project (the storage "Macros") or encrypted (the FIB's
 * fEncrypted bit) is refused, as a PDF with JavaScript is (ADR 0016). Every stream is read to its end, so that a
 * damaged container is refused rather than circulated.
 */
final class WordDocuments {

    static final String WORD_STREAM = "WordDocument";

    /** wIdent of the File Information Block, little-endian on disk. */
    static final int FIB_IDENT = 0xA5EC;

    /** fEncrypted: bit 8 of the FIB's flags at offset 0x0A. */
    private static final int FIB_ENCRYPTED = 0x0100;

    /** Where Word keeps a document's VBA project; Excel's is "_VBA_PROJECT_CUR". */
    private static final Set<String> MACRO_STORAGES = Set.of("Macros", "_VBA_PROJECT_CUR", "_VBA_PROJECT");

    private WordDocuments() {}

    /**
     * The type of an OLE2 file if it is a Word document the portal takes ({@link ContentInspector#DOC}); otherwise
     * the reason it is refused.
     *
     * @param namedOfficeOpenXml whether the name ends in .docx or .xlsx (an encrypted package then is a protected
     * document, not a foreign type)
     */
    static String inspect(Path file, String filename, boolean namedOfficeOpenXml) {
        try (POIFSFileSystem container = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryEntry root = container.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
                throw new AttachmentRejectedException(
                        filename, namedOfficeOpenXml ? Reason.ENCRYPTED : Reason.TYPE_NOT_ALLOWED);
            }
            if (!root.hasEntryCaseInsensitive(WORD_STREAM)
                    || !(root.getEntryCaseInsensitive(WORD_STREAM) instanceof DocumentEntry word)
                    || !startsWithFib(word)) {
                throw new AttachmentRejectedException(
                        filename,
                        "doc".equals(ContentInspector.extension(filename))
                                ? Reason.NOT_A_WORD_DOCUMENT
                                : Reason.TYPE_NOT_ALLOWED);
            }
            if (encrypted(word)) {
                throw new AttachmentRejectedException(filename, Reason.ENCRYPTED);
            }
            for (String storage : MACRO_STORAGES) {
                if (root.hasEntryCaseInsensitive(storage)) {
                    throw new AttachmentRejectedException(filename, Reason.DOC_MACROS);
                }
            }
            readWhole(root);
            return ContentInspector.DOC;
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof AttachmentRejectedException rejected) {
                throw rejected;
            }
            throw new AttachmentRejectedException(filename, Reason.CORRUPT);
        }
    }

    private static boolean startsWithFib(DocumentEntry word) throws IOException {
        if (word.getSize() < 32) {
            return false;
        }
        try (DocumentInputStream in = new DocumentInputStream(word)) {
            return in.readUShort() == FIB_IDENT;
        }
    }

    private static boolean encrypted(DocumentEntry word) throws IOException {
        try (DocumentInputStream in = new DocumentInputStream(word)) {
            in.skipNBytes(0x0A);
            return (in.readUShort() & FIB_ENCRYPTED) != 0;
        }
    }

    /** Reads every stream to its end: a chain of blocks that is cut or loops makes POI throw. */
    private static void readWhole(DirectoryEntry directory) throws IOException {
        for (Entry entry : directory) {
            if (entry instanceof DirectoryEntry child) {
                readWhole(child);
            } else if (entry instanceof DocumentEntry document) {
                try (InputStream in = new DocumentInputStream(document)) {
                    // Only whether it reads to the end.
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        }
    }
}
