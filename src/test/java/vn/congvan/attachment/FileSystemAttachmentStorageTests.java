package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
        storage = new FileSystemAttachmentStorage(new AttachmentProperties(root, DataSize.ofMegabytes(1), DataSize.ofMegabytes(2), 600, true));
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
        StagedFile staged = storage.stage(new ByteArrayInputStream(new byte[] { 1, 2, 3 }), 1024);

        staged.close();

        assertThat(staged.path()).doesNotExist();
    }

    @Test
    void refusesKeysThatCouldEscapeTheStorageRoot() {
        assertThatThrownBy(() -> storage.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(storage.localFile("0123456789abcdef0123456789abcdef")).isEmpty();
    }

    private static long filesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String sha256Hex(byte[] content) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
