package vn.congvan.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.regex.Pattern;

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

    FileSystemAttachmentStorage(AttachmentProperties properties) throws IOException {
        Path root = properties.storageRoot().toAbsolutePath().normalize();
        this.objects = Files.createDirectories(root.resolve("objects"));
        this.staging = Files.createDirectories(root.resolve("staging"));
    }

    @Override
    public StagedFile stage(InputStream content, long maxBytes) throws IOException {
        return stageInto(staging, content, maxBytes);
    }

    /** Receives content into a new file of that directory, counting and hashing it; shared with the S3 storage. */
    static StagedFile stageInto(Path staging, InputStream content, long maxBytes) throws IOException {
        Path file = Files.createTempFile(staging, "upload-", ".part");
        MessageDigest sha256 = sha256();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            int read;
            while ((read = content.read(buffer)) != -1) {
                size += read;
                if (size > maxBytes) {
                    throw new FileTooLargeException(maxBytes);
                }
                out.write(buffer, 0, read);
            }
        }
        catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(file);
            throw ex;
        }
        return new StagedFile(file, size, HexFormat.of().formatHex(sha256.digest()));
    }

    @Override
    public String commit(StagedFile staged) throws IOException {
        try (FileChannel channel = FileChannel.open(staged.path(), StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        String key = newKey();
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException ex) {
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
        return purgeBefore(staging, cutoff);
    }

    static int purgeBefore(Path staging, Instant cutoff) throws IOException {
        int removed = 0;
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.filter(path -> modifiedBefore(path, cutoff)).toList()) {
                if (Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    static boolean modifiedBefore(Path path, Instant cutoff) {
        try {
            return Files.isRegularFile(path) && Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** Makes the new directory entry itself durable, so that a power cut after the move cannot lose the file. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
        catch (IOException ex) {
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
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
    }
}
