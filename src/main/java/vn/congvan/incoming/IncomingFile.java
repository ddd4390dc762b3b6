package vn.congvan.incoming;

import java.io.InputStream;
import vn.congvan.attachment.AttachmentKind;

/**
 * A file of a document registered by hand, as uploaded: a scan, or a file of an edXML message, whose description
 * becomes its {@code title} (null: the file's name without its extension) and tells its {@code kind} (a scan is the
 * document itself).
 */
public record IncomingFile(String originalFilename, InputStream content, String title, AttachmentKind kind) {

    public IncomingFile {
        kind = kind == null ? AttachmentKind.DOCUMENT : kind;
    }

    public IncomingFile(String originalFilename, InputStream content, String title) {
        this(originalFilename, content, title, AttachmentKind.DOCUMENT);
    }

    public IncomingFile(String originalFilename, InputStream content) {
        this(originalFilename, content, null);
    }
}
