package vn.congvan.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stored file as a path on this machine ({@link AttachmentStorage#copyToLocal(String)}); closing it removes the
 * copy where one was made, never the stored file itself.
 */
public record LocalCopy(Path path, boolean temporary) implements AutoCloseable {

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
