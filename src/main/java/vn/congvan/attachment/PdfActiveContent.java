package vn.congvan.attachment;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import vn.congvan.attachment.AttachmentRejectedException.Reason;

/**
 * What in a PDF can act on its own once a viewer opens it: scripts, launching programs, files carried inside, forms
 * that send data away. Every object of the file is looked at (ADR 0016), not only what the catalog reaches, so that
 * an action hidden in an unreferenced object, an object stream or an incremental update is found as well; names are
 * compared after PDFBox has decoded them ({@code /Java#53cript} is {@code /JavaScript}) and decrypted the file.
 */
final class PdfActiveContent {

    /** Acrobat looks for the end-of-file marker in the last 1024 bytes; so do we. */
    private static final int TAIL = 1024;

    private static final Pattern START_XREF = Pattern.compile("startxref\\s+(\\d{1,19})\\s+%%EOF");

    private static final Pattern XREF_SECTION = Pattern.compile("^(xref|\\d+\\s+\\d+\\s+obj)");

    /** A bound on the objects looked at, far above real documents, so that a crafted file cannot keep us busy. */
    private static final int MAX_OBJECTS = 2_000_000;

    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");

    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");

    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");

    /** An action's type ({@code /S}) and what it is refused as. */
    private static final Map<String, Reason> ACTIONS = Map.of(
            "JavaScript",
            Reason.PDF_JAVASCRIPT,
            "Rendition",
            Reason.PDF_JAVASCRIPT,
            "Launch",
            Reason.PDF_LAUNCH,
            "GoToE",
            Reason.PDF_EMBEDDED_FILE,
            "SubmitForm",
            Reason.PDF_FORM_SUBMISSION,
            "ImportData",
            Reason.PDF_FORM_SUBMISSION);

    /**
     * Keys whose mere presence is refused: script text ({@code /JS}, and a 3D annotation's {@code /OnInstantiate}),
     * the document's script name tree, embedded file trees and file specifications, XFA forms.
     */
    private static final Map<COSName, Reason> KEYS = Map.of(
            COSName.JS,
            Reason.PDF_JAVASCRIPT,
            JAVASCRIPT,
            Reason.PDF_JAVASCRIPT,
            COSName.getPDFName("OnInstantiate"),
            Reason.PDF_JAVASCRIPT,
            COSName.EMBEDDED_FILES,
            Reason.PDF_EMBEDDED_FILE,
            COSName.EF,
            Reason.PDF_EMBEDDED_FILE,
            COSName.XFA,
            Reason.PDF_FORM_SUBMISSION);

    private PdfActiveContent() {}

    /**
     * Whether the file ends as a PDF must: a {@code startxref} and {@code %%EOF} in its last 1024 bytes, with an
     * offset that points at a cross-reference table or stream. PDFBox would otherwise rebuild a file cut short
     * and accept it, and viewers would show whatever part of it they can.
     */
    static boolean endsWithCrossReference(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            int tailLength = (int) Math.min(size, TAIL);
            byte[] tail = new byte[tailLength];
            in.seek(size - tailLength);
            in.readFully(tail);
            Matcher matcher = START_XREF.matcher(new String(tail, StandardCharsets.ISO_8859_1));
            Long offset = null;
            while (matcher.find()) {
                offset = Long.parseLong(matcher.group(1));
            }
            if (offset == null || offset >= size) {
                return false;
            }
            byte[] head = new byte[(int) Math.min(64, size - offset)];
            in.seek(offset);
            in.readFully(head);
            return XREF_SECTION
                    .matcher(new String(head, StandardCharsets.ISO_8859_1).stripLeading())
                    .find();
        }
    }

    /**
     * The most serious active content found in any object of the document, in the order of {@link Reason}'s
     * constants, or empty if there is none.
     */
    static Optional<Reason> find(COSDocument document) {
        Set<Reason> found = EnumSet.noneOf(Reason.class);
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> pending = new ArrayDeque<>();
        pending.push(document.getTrailer());
        for (COSObjectKey key : document.getXrefTable().keySet()) {
            pending.push(document.getObjectFromPool(key));
        }
        while (!pending.isEmpty()) {
            COSBase next = pending.pop();
            if (next instanceof COSObject reference) {
                next = reference.getObject();
            }
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (seen.size() > MAX_OBJECTS) {
                throw new TooManyObjects();
            }
            if (next instanceof COSDictionary dictionary) {
                inspect(dictionary, found);
                dictionary.getValues().forEach(value -> pushContainer(value, pending));
            } else if (next instanceof COSArray array) {
                array.forEach(value -> pushContainer(value, pending));
            }
        }
        return found.stream().findFirst();
    }

    /** Numbers, names and strings hold nothing to look into; only references, dictionaries and arrays are kept. */
    private static void pushContainer(COSBase value, Deque<COSBase> pending) {
        if (value instanceof COSObject || value instanceof COSDictionary || value instanceof COSArray) {
            pending.push(value);
        }
    }

    private static void inspect(COSDictionary dictionary, Set<Reason> found) {
        for (COSName key : dictionary.keySet()) {
            Reason reason = KEYS.get(key);
            if (reason != null) {
                found.add(reason);
            }
        }
        if (dictionary.getDictionaryObject(COSName.S) instanceof COSName action
                && ACTIONS.containsKey(action.getName())) {
            found.add(ACTIONS.get(action.getName()));
        }
        if (EMBEDDED_FILE.equals(dictionary.getDictionaryObject(COSName.TYPE))
                || FILE_ATTACHMENT.equals(dictionary.getDictionaryObject(COSName.SUBTYPE))) {
            found.add(Reason.PDF_EMBEDDED_FILE);
        }
    }

    /** The document has more objects than any real one. */
    static final class TooManyObjects extends RuntimeException {

        TooManyObjects() {
            super("More than " + MAX_OBJECTS + " objects", null, false, false);
        }
    }
}
