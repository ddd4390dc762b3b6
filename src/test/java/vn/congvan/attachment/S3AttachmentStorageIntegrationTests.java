package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3-compatible storage against a real S3 server (S3Proxy, started by {@link TestS3Proxy}). */
class S3AttachmentStorageIntegrationTests {

    @TempDir
    Path root;

    S3Client s3;

    String bucket;

    S3AttachmentStorage storage;

    @BeforeEach
    void setUp() throws IOException {
        TestS3Proxy proxy = TestS3Proxy.get();
        s3 = proxy.client();
        bucket = proxy.newBucket();
        storage = new S3AttachmentStorage(
                s3,
                new S3StorageProperties(
                        proxy.endpoint(),
                        TestS3Proxy.REGION,
                        bucket,
                        TestS3Proxy.ACCESS_KEY,
                        TestS3Proxy.SECRET_KEY,
                        true,
                        "objects/",
                        DataSize.ofMegabytes(5),
                        DataSize.ofMegabytes(5)),
                new AttachmentProperties(root, DataSize.ofMegabytes(50), DataSize.ofMegabytes(100), 600, true));
    }

    @AfterEach
    void tearDown() {
        s3.close();
    }

    @Test
    void storesUnderARandomKeyAndReadsItBack() throws IOException {
        byte[] content = "Công văn số 12/UBND về việc họp giao ban".getBytes(StandardCharsets.UTF_8);

        String key = store(content);

        assertThat(key).matches("[0-9a-f]{32}");
        assertThat(s3.headObject(head -> head.bucket(bucket).key("objects/" + key))
                        .contentLength())
                .isEqualTo(content.length);
        try (InputStream in = storage.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(storage.localFile(key)).isEmpty();
        try (Stream<Path> staging = Files.list(root.resolve("staging"))) {
            assertThat(staging).isEmpty();
        }
    }

    @Test
    void sendsALargeFileInPartsAndReadsItBackWhole() throws Exception {
        byte[] content = new byte[11 * 1024 * 1024 + 123];
        new Random(20).nextBytes(content);

        String key = store(content);

        assertThat(s3.headObject(head -> head.bucket(bucket).key("objects/" + key))
                        .contentLength())
                .isEqualTo(content.length);
        try (InputStream in = storage.open(key)) {
            assertThat(sha256(in)).isEqualTo(sha256(new ByteArrayInputStream(content)));
        }
        assertThat(s3.listMultipartUploads(list -> list.bucket(bucket)).uploads())
                .isEmpty();
    }

    @Test
    void readsARangeFromTheServer() throws IOException {
        byte[] content = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        String key = store(content);

        try (InputStream in = storage.open(key, 10)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("abcdef");
        }
    }

    @Test
    void givesPdfBoxAndClamdATemporaryLocalCopyThatClosingRemoves() throws IOException {
        byte[] content = "%PDF-1.7 giả".getBytes(StandardCharsets.UTF_8);
        String key = store(content);

        Path copy;
        try (LocalCopy local = storage.copyToLocal(key)) {
            copy = local.path();
            assertThat(local.temporary()).isTrue();
            assertThat(Files.readAllBytes(copy)).isEqualTo(content);
        }
        assertThat(copy).doesNotExist();
    }

    @Test
    void deletesTheObjectAndItsDerivedFiles() throws IOException {
        String key = store("xoá".getBytes(StandardCharsets.UTF_8));
        Path thumbnail = storage.derivedFile(key, Thumbnails.VARIANT);
        Files.write(thumbnail, new byte[] {1});

        storage.delete(key);

        assertThatThrownBy(() -> storage.open(key)).isInstanceOf(NoSuchFileException.class);
        assertThat(thumbnail).doesNotExist();
        storage.delete(key);
    }

    @Test
    void listsTheKeysStoredBeforeACutoffForTheReconciler() throws IOException {
        String first = store("một".getBytes(StandardCharsets.UTF_8));
        String second = store("hai".getBytes(StandardCharsets.UTF_8));
        s3.putObject(
                put -> put.bucket(bucket).key("objects/not-a-key"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x"));

        try (Stream<String> keys = storage.keysStoredBefore(Instant.now().plus(Duration.ofMinutes(1)))) {
            assertThat(keys).containsExactlyInAnyOrder(first, second);
        }
        try (Stream<String> keys = storage.keysStoredBefore(Instant.now().minus(Duration.ofHours(1)))) {
            assertThat(keys).isEmpty();
        }
    }

    @Test
    void purgesStagingFilesOfUploadsThatNeverFinished() throws IOException {
        Path old = Files.write(root.resolve("staging").resolve("upload-1.part"), new byte[] {1});
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Path recent = Files.write(root.resolve("staging").resolve("upload-2.part"), new byte[] {2});

        assertThat(storage.purgeStagingBefore(Instant.now().minus(Duration.ofHours(1))))
                .isEqualTo(1);

        assertThat(old).doesNotExist();
        assertThat(recent).exists();
    }

    @Test
    void refusesKeysThatAreNotItsOwn() {
        assertThatThrownBy(() -> storage.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.delete("objects/x")).isInstanceOf(IllegalArgumentException.class);
    }

    private String store(byte[] content) throws IOException {
        try (StagedFile staged = storage.stage(new ByteArrayInputStream(content), content.length)) {
            assertThat(staged.size()).isEqualTo(content.length);
            return storage.commit(staged);
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) != -1) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
