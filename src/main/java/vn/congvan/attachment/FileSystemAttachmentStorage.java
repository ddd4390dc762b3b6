package vn.congvan.attachment;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Keeps files under {@code <root>/objects/ab/cd/<key>}, where the key is 128 random bits. Content is received
 * into {@code <root>/staging}, synced, and renamed into place, so a crash never leaves a half-written file under
 * a key.
 */
@Component
@ConditionalOnProperty(name = "congvan.attachment.storage", havingValue = "filesystem", matchIfMissing = true)
class FileSystemAttachmentStorage implements AttachmentStorage {

    static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

    private static final int BUFFER_SIZE = 64 * 1024;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path objects;

    private final Path staging;

    private final Path spool;

    FileSystemAttachmentStorage(AttachmentProperties properties) throws IOException {
        Path root = properties.storageRoot().toAbsolutePath().normalize();
        this.objects = Files.createDirectories(root.resolve("objects"));
        this.staging = Files.createDirectories(root.resolve("staging"));
        this.spool = Files.createDirectories(spool(properties));
    }

    /**
     * Where the servlet container spools multipart requests (see {@link UploadSpoolConfiguration}): a directory of
     * the temporary area named after the store, the same at every start, so that what a killed process left there
     * is found and removed with the staging files. It stays off the store's disk: when that is full, the request
     * still arrives whole, and the clerk is told the store is full rather than refused as a forged request (the
     * form's CSRF token is a field of the very body that could not be spooled).
     */
    static Path spool(AttachmentProperties properties) {
        String root = properties.storageRoot().toAbsolutePath().normalize().toString();
        String name = "congvan-upload-spool-"
                + HexFormat.of()
                        .formatHex(sha256().digest(root.getBytes(StandardCharsets.UTF_8)))
                        .substring(0, 12);
        return Path.of(System.getProperty("java.io.tmpdir")).resolve(name);
    }

    /**
     * Leaves no empty spool directory behind a clean stop (the tests start many stores); one with parts in it stays
     * for the reconciler of the next start.
     */
    @PreDestroy
    void removeEmptySpool() {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException ex) {
            // Not empty, or already gone with the temporary area.
        }
    }

    @Override
    public StagedFile stage(InputStream content, long maxBytes) throws IOException {
        return stageInto(staging, content, maxBytes, this::openStaging);
    }

    /** Where received bytes are written; a test puts a disk that fills up in between. */
    interface StagingOpener {
        OutputStream open(Path file) throws IOException;
    }

    /**
     * Receives content into a new file of {@code staging}, counting and hashing it, telling a full disk apart from a
     * client that stopped sending; shared with the S3 storage, which stages on local disk too.
     */
    static StagedFile stageInto(Path staging, InputStream content, long maxBytes) throws IOException {
        return stageInto(staging, content, maxBytes, Files::newOutputStream);
    }

    private static StagedFile stageInto(Path staging, InputStream content, long maxBytes, StagingOpener opener)
            throws IOException {
        Path file = createStagingFile(staging);
        MessageDigest sha256 = sha256();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(opener.open(file), sha256)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            int read;
            while ((read = receive(content, buffer)) != -1) {
                size += read;
                if (size > maxBytes) {
                    throw new FileTooLargeException(maxBytes);
                }
                out.write(buffer, 0, read);
            }
        } catch (ReceiveFailure ex) {
            Files.deleteIfExists(file);
            throw ex.getCause();
        } catch (IOException ex) {
            Files.deleteIfExists(file);
            throw whenFull(staging, ex);
        } catch (RuntimeException ex) {
            Files.deleteIfExists(file);
            throw ex;
        }
        return new StagedFile(file, size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Reads from the client; its failures (an aborted upload) are told apart from the disk's. */
    private static int receive(InputStream content, byte[] buffer) throws ReceiveFailure {
        try {
            return content.read(buffer);
        } catch (IOException ex) {
            throw new ReceiveFailure(ex);
        }
    }

    private static final class ReceiveFailure extends IOException {

        ReceiveFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private static Path createStagingFile(Path staging) throws IOException {
        try {
            return Files.createTempFile(staging, "upload-", ".part");
        } catch (IOException ex) {
            throw whenFull(staging, ex);
        }
    }

    /** Where the received bytes go; a test puts a disk that fills up in between. */
    OutputStream openStaging(Path file) throws IOException {
        return Files.newOutputStream(file);
    }

    @Override
    public String commit(StagedFile staged) throws IOException {
        try {
            return moveIntoPlace(staged);
        } catch (IOException ex) {
            throw whenFull(staging, ex);
        }
    }

    private String moveIntoPlace(StagedFile staged) throws IOException {
        try (FileChannel channel = FileChannel.open(staged.path(), StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        String key = newKey();
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException ex) {
            Files.move(staged.path(), target);
        }
        syncDirectory(target.getParent());
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    @Override
    public Optional<Path> localFile(String key) {
        Path path = pathOf(key);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
        for (String variant : List.of(Thumbnails.VARIANT, Thumbnails.FAILED_VARIANT)) {
            Files.deleteIfExists(derivedFile(key, variant));
        }
    }

    @Override
    public Path derivedFile(String key, String variant) {
        if (!variant.matches("[a-z0-9-]+\\.[a-z]+")) {
            throw new IllegalArgumentException("Not a variant name: " + variant);
        }
        Path file = pathOf(key);
        return file.resolveSibling(file.getFileName() + "." + variant);
    }

    @Override
    public Stream<String> keysStoredBefore(Instant cutoff) throws IOException {
        return Files.walk(objects, 3)
                .filter(path -> KEY.matcher(path.getFileName().toString()).matches())
                .filter(path -> modifiedBefore(path, cutoff))
                .map(path -> path.getFileName().toString());
    }

    @Override
    public int purgeStagingBefore(Instant cutoff) throws IOException {
        return purgeBefore(staging, cutoff) + purgeBefore(spool, cutoff);
    }

    static int purgeBefore(Path directory, Instant cutoff) throws IOException {
        int removed = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> modifiedBefore(path, cutoff)).toList()) {
                if (Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * The failure as a {@link StorageFullException} if the disk is full. Java reports ENOSPC only as the system's
     * text ("No space left on device", "Disk quota exceeded"), so the free space of the store decides as well.
     */
    static IOException whenFull(Path staging, IOException ex) {
        if (ex instanceof StorageFullException) {
            return ex;
        }
        String reason = ex instanceof FileSystemException fs ? fs.getReason() : ex.getMessage();
        boolean full = reason != null
                && (reason.contains("No space left on device") || reason.contains("Disk quota exceeded"));
        if (!full) {
            try {
                full = Files.getFileStore(staging).getUsableSpace() < BUFFER_SIZE;
            } catch (IOException unknown) {
                // The store cannot even say how much room it has: report the original failure.
            }
        }
        return full ? new StorageFullException(ex) : ex;
    }

    static boolean modifiedBefore(Path path, Instant cutoff) {
        try {
            return Files.isRegularFile(path)
                    && Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
        } catch (IOException ex) {
            return false;
        }
    }

    /** Makes the new directory entry itself durable, so that a power cut after the move cannot lose the file. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ex) {
            // Some file systems (and platforms) cannot open a directory for syncing; the file itself is synced.
        }
    }

    /** 128 random bits in hex: a key says nothing of the file or of the person who sent it. */
    static String newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private Path pathOf(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return objects.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
    }
}
