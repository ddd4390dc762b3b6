package vn.congvan.incoming;

import java.util.List;
import vn.congvan.attachment.PreparedFile;

/**
 * The files of a registration, received, scanned and stored before the register is held (ADR 0070). Closing removes
 * those that no entry recorded: a registration refused under the lock (the same document, a rule) leaves nothing in
 * storage.
 */
public final class PreparedFiles implements AutoCloseable {

    private final List<PreparedFile> files;

    PreparedFiles(List<PreparedFile> files) {
        this.files = List.copyOf(files);
    }

    List<PreparedFile> files() {
        return files;
    }

    @Override
    public void close() {
        files.forEach(PreparedFile::close);
    }
}
