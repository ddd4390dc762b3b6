package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class FileSystemAttachmentStorageTests {

    @TempDir
    Path root;

    FileSystemAttachmentStorage storage;

    @BeforeEach
    void setUp() throws IOException {
        storage = new FileSystemAttachmentStorage(
                new AttachmentProperties(root, DataSize.ofMegabytes(1), DataSize.ofMegabytes(2), 600, true));
    }

    @AfterEach
    void removeSpool() {
        storage.removeEmptySpool();
    }

    @Test
    void stagesWhileCountingAndHashingThenCommitsUnderARandomKey() throws IOException {
        byte[] content = "Thông báo nhanh".getBytes(StandardCharsets.UTF_8);

        String key;
        try (StagedFile staged = storage.stage(new ByteArrayInputStream(content), 1024)) {
            assertThat(staged.size()).isEqualTo(content.length);
            assertThat(staged.sha256()).isEqualTo(sha256Hex(content));
            key = storage.commit(staged);
        }

        assertThat(key).matches("[0-9a-f]{32}");
        assertThat(storage.localFile(key)).hasValueSatisfying(path -> {
            assertThat(path).startsWith(root.resolve("objects")).hasFileName(key);
            assertThat(path.toString()).doesNotContain("Thông");
        });
        try (InputStream in = storage.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(filesIn(root.resolve("staging"))).isZero();
    }

    @Test
    void stopsReadingPastTheLimitAndKeepsNothing() {
        byte[] content = new byte[2048];

        assertThatThrownBy(() -> storage.stage(new ByteArrayInputStream(content), 1024))
                .isInstanceOf(FileTooLargeException.class);
        assertThat(filesIn(root.resolve("staging"))).isZero();
    }

    @Test
    void closingAnUncommittedStagedFileRemovesIt() throws IOException {
        StagedFile staged = storage.stage(new ByteArrayInputStream(new byte[] {1, 2, 3}), 1024);

        staged.close();

        assertThat(staged.path()).doesNotExist();
    }

    @Test
    void aDiskThatFillsUpMidUploadFailsItAsStorageFullAndKeepsNothingOfIt() throws IOException {
        FileSystemAttachmentStorage full =
                new FileSystemAttachmentStorage(
                        new AttachmentProperties(root, DataSize.ofMegabytes(1), DataSize.ofMegabytes(2), 600, true)) {
                    @Override
                    OutputStream openStaging(Path file) throws IOException {
                        return new DiskWithRoomFor(Files.newOutputStream(file), 100_000, file);
                    }
                };

        assertThatThrownBy(() -> full.stage(new ByteArrayInputStream(new byte[300_000]), 1_000_000))
                .isInstanceOf(StorageFullException.class)
                .hasRootCauseInstanceOf(FileSystemException.class);
        assertThat(filesIn(root.resolve("staging"))).isZero();
        assertThat(filesIn(root.resolve("objects"))).isZero();
    }

    @Test
    void aClientThatStopsSendingIsNotTakenForAFullDisk() {
        InputStream aborted = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset by peer");
            }
        };

        assertThatThrownBy(() -> storage.stage(aborted, 1024))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(StorageFullException.class)
                .hasMessage("Connection reset by peer");
        assertThat(filesIn(root.resolve("staging"))).isZero();
    }

    @Test
    void partsTheContainerSpooledBeforeAKillArePurgedWithTheStagingFiles() throws IOException {
        Path spooled = Files.writeString(
                FileSystemAttachmentStorage.spool(new AttachmentProperties(
                                root, DataSize.ofMegabytes(1), DataSize.ofMegabytes(2), 600, true))
                        .resolve("upload_0a1b_00000001.tmp"),
                "half");

        assertThat(storage.purgeStagingBefore(java.time.Instant.now().plusSeconds(1)))
                .isEqualTo(1);
        assertThat(spooled).doesNotExist();
    }

    @Test
    void refusesKeysThatCouldEscapeTheStorageRoot() {
        assertThatThrownBy(() -> storage.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(storage.localFile("0123456789abcdef0123456789abcdef")).isEmpty();
    }

    /** A disk that accepts so many bytes and then answers as Linux does when it is full (ENOSPC). */
    private static final class DiskWithRoomFor extends FilterOutputStream {

        private long room;

        private final Path file;

        DiskWithRoomFor(OutputStream out, long room, Path file) {
            super(out);
            this.room = room;
            this.file = file;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > room) {
                throw new FileSystemException(file.toString(), null, "No space left on device");
            }
            room -= length;
            out.write(bytes, offset, length);
        }
    }

    private static long filesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String sha256Hex(byte[] content) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
