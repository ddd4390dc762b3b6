package vn.congvan.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where attachment bytes live. Files are kept under random keys, never under a name a client chose; the database
 * keeps what is known about them. Implementations stream: no file is ever held whole in memory.
 */
public interface AttachmentStorage {

    /** Streams the content into a staging file, counting and hashing it, and stops past {@code maxBytes}. */
    StagedFile stage(InputStream content, long maxBytes) throws IOException;

    /** Makes a staged file durable under a new random key (written, synced, then moved into place). */
    String commit(StagedFile staged) throws IOException;

    InputStream open(String key) throws IOException;

    /** The content from {@code offset} on (a byte range); a remote storage is asked for those bytes only. */
    default InputStream open(String key, long offset) throws IOException {
        InputStream in = open(key);
        try {
            in.skipNBytes(offset);
        } catch (IOException | RuntimeException ex) {
            in.close();
            throw ex;
        }
        return in;
    }

    /**
     * The file as a path on this machine, for libraries that read files (PDFBox, clamd): the stored file itself
     * where the storage is local, otherwise a temporary copy that closing the answer removes.
     */
    default LocalCopy copyToLocal(String key) throws IOException {
        Optional<Path> local = localFile(key);
        if (local.isPresent()) {
            return new LocalCopy(local.get(), false);
        }
        Path temporary = Files.createTempFile("congvan-attachment-", ".tmp");
        try (InputStream in = open(key)) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.NoSuchFileException ex) {
            Files.deleteIfExists(temporary);
            // Said plainly, because the message lands in job records that staff read (text extraction, scans).
            throw new java.io.FileNotFoundException("Stored file " + key + " is missing");
        } catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(temporary);
            throw ex;
        }
        return new LocalCopy(temporary, true);
    }

    /** The file on the local file system, for zero-copy transfers; empty where the storage is not local. */
    Optional<Path> localFile(String key);

    void delete(String key) throws IOException;

    /**
     * Where a file derived from a stored one (such as its first page as an image) is kept beside it, named by
     * {@code variant}; the caller writes it there once and serves it from there afterwards.
     */
    Path derivedFile(String key, String variant);

    /** Keys of the files stored before {@code cutoff}; the stream must be closed. */
    Stream<String> keysStoredBefore(Instant cutoff) throws IOException;

    /**
     * Removes staging files (and spooled request parts) left before {@code cutoff} by uploads that never finished,
     * such as those of a process that was killed; answers how many.
     */
    int purgeStagingBefore(Instant cutoff) throws IOException;
}
