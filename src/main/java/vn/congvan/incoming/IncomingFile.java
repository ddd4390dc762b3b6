package vn.congvan.incoming;

import java.io.InputStream;

/**
 * A file of a document registered by hand, as uploaded: a scan, or a file of an edXML message, whose description
 * becomes its {@code title} (null: the file's name without its extension).
 */
public record IncomingFile(String originalFilename, InputStream content, String title) {

    public IncomingFile(String originalFilename, InputStream content) {
        this(originalFilename, content, null);
    }
}
