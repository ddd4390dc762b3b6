package vn.congvan.incoming;

import java.io.InputStream;

/** A scanned file of a document registered by hand, as uploaded. */
public record IncomingFile(String originalFilename, InputStream content) {}
