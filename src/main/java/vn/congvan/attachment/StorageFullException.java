package vn.congvan.attachment;

import java.io.IOException;

/**
 * The file store has no room left for an upload. A fault of the server, not of the file: the clerk can do nothing
 * but tell an administrator, so it is answered with 507 Insufficient Storage, and nothing of the upload is kept.
 */
public class StorageFullException extends IOException {

    public StorageFullException(IOException cause) {
        super("No space left in the file store", cause);
    }
}
