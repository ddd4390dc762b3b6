package vn.congvan.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes received into the storage's staging area, counted and hashed on the way in, not yet in place. It is
 * committed with {@link AttachmentStorage#commit(StagedFile)}; closing it removes whatever was not committed.
 */
public record StagedFile(Path path, long size, String sha256) implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
