package vn.congvan.attachment;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The name a file is kept and shown under, made from what the browser sent. A name is shown to every recipient and
 * offered again when they save the file, so it must read as what it is: a right-to-left override
 * ("hoa-don\u202Efdp.exe" shows as "hoa-donexe.pdf") or an invisible character would make it lie about its type.
 * See ADR 0016.
 */
public final class FileNames {

    /** The name used when nothing of the sent name is left. */
    public static final String DEFAULT = "tep";

    /**
     * The most a name takes in UTF-8: what common file systems (ext4, NTFS in practice) allow for one name, and what
     * the column {@code original_filename} holds.
     */
    static final int MAX_BYTES = 255;

    /** An ending longer than this is not an extension worth keeping whole when the name is shortened. */
    private static final int MAX_EXTENSION_BYTES = 16;

    private FileNames() {}

    /**
     * The cleaned name: no folder part (some browsers send one); Unicode NFC, so that "ộ" typed on a Mac and on
     * Windows is one name; no control or format characters (bidirectional overrides and isolates, zero-width
     * characters, NUL, line breaks); runs of white space made one space; at most {@value #MAX_BYTES} bytes of
     * UTF-8, shortened before the extension so that the type still shows; {@value #DEFAULT} if nothing is left.
     */
    public static String clean(String sent) {
        if (sent == null) {
            return DEFAULT;
        }
        String name = Normalizer.normalize(sent, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(name.length());
        boolean space = false;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (c == '/' || c == '\\') {
                // Only the last part of a path is the file's name.
                out.setLength(0);
                space = false;
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (!shown(c)) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(c);
        }
        String cleaned = shorten(out.toString());
        return cleaned.isEmpty() ? DEFAULT : cleaned;
    }

    /** The most a title takes: the column {@code attachment.title}. */
    public static final int MAX_TITLE_LENGTH = 500;

    /**
     * The title shown for a file: the one given, cleaned as a name is (no control or format characters, one space
     * for a run of white space, NFC) but keeping slashes ("2/9" is a date in a title); where none is given, the
     * file's name as given without its extension ("De cuong tuyen truyen 2-9.pdf" gives "De cuong tuyen truyen 2-9").
     */
    public static String title(String given, String filename) {
        String cleaned = title(given);
        if (cleaned.isEmpty()) {
            String name = clean(filename);
            int dot = name.lastIndexOf('.');
            cleaned = cap(dot > 0 ? name.substring(0, dot).strip() : name);
        }
        return cleaned;
    }

    /**
     * A text given as a title (another system's Description) cleaned and cut as {@link #title(String, String)} does;
     * empty when nothing in it is shown.
     */
    public static String title(String given) {
        return cap(given == null ? "" : cleanText(given));
    }

    private static String cap(String cleaned) {
        if (cleaned.length() <= MAX_TITLE_LENGTH) {
            return cleaned;
        }
        // Never half a surrogate pair at the cut.
        int end = Character.isHighSurrogate(cleaned.charAt(MAX_TITLE_LENGTH - 1))
                ? MAX_TITLE_LENGTH - 1
                : MAX_TITLE_LENGTH;
        return cleaned.substring(0, end).strip();
    }

    private static String cleanText(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalized.length());
        boolean space = false;
        for (int i = 0; i < normalized.length(); ) {
            int c = normalized.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (!shown(c)) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(c);
        }
        return out.toString();
    }

    /** Whether a character draws something: controls, format characters, surrogates and unassigned ones do not. */
    private static boolean shown(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    /** Cuts the part before the extension, on a code point boundary, until the whole name fits. */
    static String shorten(String name) {
        if (utf8Length(name) <= MAX_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && utf8Length(name.substring(dot)) <= MAX_EXTENSION_BYTES ? name.substring(dot) : "";
        String base = extension.isEmpty() ? name : name.substring(0, dot);
        int room = MAX_BYTES - utf8Length(extension);
        int end = 0;
        int used = 0;
        while (end < base.length()) {
            int c = base.codePointAt(end);
            int bytes = utf8Length(new String(Character.toChars(c)));
            if (used + bytes > room) {
                break;
            }
            used += bytes;
            end += Character.charCount(c);
        }
        return base.substring(0, end).strip() + extension;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
