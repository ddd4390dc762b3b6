package vn.congvan.attachment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keeps files as objects {@code <prefix><key>} of an S3-compatible bucket (ADR 0020), so that several instances of
 * the portal share them without a shared file system. Uploads are received into a local staging directory (they are
 * counted, hashed, scanned and inspected there) and then sent: in one request up to the multipart threshold, in parts
 * read from the staged file beyond it, so that no file is ever held whole in memory. Ranges are asked of the server.
 * Derived files (thumbnails) are a cache on this instance's disk, drawn again by any instance that lacks them.
 */
class S3AttachmentStorage implements AttachmentStorage {

    private static final Logger log = LoggerFactory.getLogger(S3AttachmentStorage.class);

    private static final String CONTENT_TYPE = "application/octet-stream";

    private final S3Client s3;

    private final String bucket;

    private final String prefix;

    private final long multipartThreshold;

    private final long partSize;

    private final Path staging;

    private final Path derived;

    S3AttachmentStorage(S3Client s3, S3StorageProperties properties, AttachmentProperties attachment)
            throws IOException {
        if (properties.bucket() == null || properties.bucket().isBlank()) {
            throw new IllegalStateException("congvan.attachment.s3.bucket is required with the S3 storage");
        }
        this.s3 = s3;
        this.bucket = properties.bucket();
        this.prefix = properties.prefix();
        this.partSize = Math.max(properties.partSize().toBytes(), 5L * 1024 * 1024);
        this.multipartThreshold = Math.max(properties.multipartThreshold().toBytes(), partSize);
        Path root = attachment.storageRoot().toAbsolutePath().normalize();
        this.staging = Files.createDirectories(root.resolve("staging"));
        this.derived = Files.createDirectories(root.resolve("derived"));
    }

    @Override
    public StagedFile stage(InputStream content, long maxBytes) throws IOException {
        return FileSystemAttachmentStorage.stageInto(staging, content, maxBytes);
    }

    @Override
    public String commit(StagedFile staged) throws IOException {
        String key = FileSystemAttachmentStorage.newKey();
        String object = objectOf(key);
        long size = Files.size(staged.path());
        try {
            if (size <= multipartThreshold) {
                s3.putObject(
                        put -> put.bucket(bucket)
                                .key(object)
                                .contentType(CONTENT_TYPE)
                                .contentLength(size),
                        RequestBody.fromFile(staged.path()));
            } else {
                uploadInParts(staged.path(), object, size);
            }
        } catch (SdkException ex) {
            throw new IOException("Could not store " + key + " in bucket " + bucket, ex);
        }
        Files.deleteIfExists(staged.path());
        return key;
    }

    private void uploadInParts(Path file, String object, long size) throws IOException {
        String uploadId = s3.createMultipartUpload(
                        create -> create.bucket(bucket).key(object).contentType(CONTENT_TYPE))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += partSize, number++) {
                long from = offset;
                long length = Math.min(partSize, size - offset);
                int partNumber = number;
                // Each attempt (the SDK retries) reads its slice of the staged file afresh.
                String etag = s3.uploadPart(
                                part -> part.bucket(bucket)
                                        .key(object)
                                        .uploadId(uploadId)
                                        .partNumber(partNumber)
                                        .contentLength(length),
                                RequestBody.fromContentProvider(() -> slice(file, from, length), length, CONTENT_TYPE))
                        .eTag();
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(etag)
                        .build());
            }
            s3.completeMultipartUpload(complete -> complete.bucket(bucket)
                    .key(object)
                    .uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
        } catch (SdkException | UncheckedSliceException ex) {
            try {
                s3.abortMultipartUpload(
                        abort -> abort.bucket(bucket).key(object).uploadId(uploadId));
            } catch (SdkException abortFailed) {
                ex.addSuppressed(abortFailed);
            }
            throw ex;
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return open(key, 0);
    }

    @Override
    public InputStream open(String key, long offset) throws IOException {
        String object = objectOf(key);
        try {
            return s3.getObject(get -> {
                get.bucket(bucket).key(object);
                if (offset > 0) {
                    get.range("bytes=" + offset + "-");
                }
            });
        } catch (NoSuchKeyException ex) {
            throw (IOException) new NoSuchFileException(key).initCause(ex);
        } catch (SdkException ex) {
            throw new IOException("Could not read " + key + " from bucket " + bucket, ex);
        }
    }

    /** Never local: downloads stream from the bucket, and PDFBox and clamd get a temporary copy. */
    @Override
    public Optional<Path> localFile(String key) {
        objectOf(key);
        return Optional.empty();
    }

    @Override
    public void delete(String key) throws IOException {
        String object = objectOf(key);
        try {
            s3.deleteObject(delete -> delete.bucket(bucket).key(object));
        } catch (SdkException ex) {
            throw new IOException("Could not delete " + key + " from bucket " + bucket, ex);
        }
        for (String variant : List.of(Thumbnails.VARIANT, Thumbnails.FAILED_VARIANT)) {
            Files.deleteIfExists(derivedFile(key, variant));
        }
    }

    @Override
    public Path derivedFile(String key, String variant) {
        if (!variant.matches("[a-z0-9-]+\\.[a-z]+")) {
            throw new IllegalArgumentException("Not a variant name: " + variant);
        }
        objectOf(key);
        Path directory = derived.resolve(key.substring(0, 2)).resolve(key.substring(2, 4));
        try {
            Files.createDirectories(directory);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return directory.resolve(key + "." + variant);
    }

    @Override
    public Stream<String> keysStoredBefore(Instant cutoff) throws IOException {
        try {
            // Listed a page at a time as the stream is read.
            return s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents().stream()
                    .filter(object -> object.lastModified().isBefore(cutoff))
                    .map(S3Object::key)
                    .map(object -> object.substring(prefix.length()))
                    .filter(key -> FileSystemAttachmentStorage.KEY.matcher(key).matches());
        } catch (SdkException ex) {
            throw new IOException("Could not list bucket " + bucket, ex);
        }
    }

    /** Local staging files, and uploads in parts that a crash left unfinished in the bucket. */
    @Override
    public int purgeStagingBefore(Instant cutoff) throws IOException {
        int removed = FileSystemAttachmentStorage.purgeBefore(staging, cutoff);
        try {
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(
                            list -> list.bucket(bucket).prefix(prefix))
                    .uploads()) {
                if (upload.initiated() != null && upload.initiated().isBefore(cutoff)) {
                    s3.abortMultipartUpload(
                            abort -> abort.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                    removed++;
                }
            }
        } catch (SdkException ex) {
            // Not every S3-compatible server lists uploads; a lifecycle rule of the bucket can clean them instead.
            log.warn("Could not list unfinished uploads of bucket {}: {}", bucket, ex.getMessage());
        }
        return removed;
    }

    private String objectOf(String key) {
        if (!FileSystemAttachmentStorage.KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return prefix + key;
    }

    private static InputStream slice(Path file, long from, long length) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(from);
            return new Limited(in, length);
        } catch (IOException ex) {
            throw new UncheckedSliceException(ex);
        }
    }

    private static final class UncheckedSliceException extends RuntimeException {

        UncheckedSliceException(IOException cause) {
            super(cause);
        }
    }

    /** At most {@code remaining} bytes of the stream beneath. */
    private static final class Limited extends FilterInputStream {

        private long remaining;

        Limited(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read();
            if (read != -1) {
                remaining--;
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
