package vn.congvan.attachment;

import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A file received, counted, hashed, scanned for malware, inspected and stored under a random key before any lock or
 * transaction of the write that records it is taken (ADR 0070): the slow part of an upload, done while nothing is
 * held. It is recorded with {@link Attachments#attachToIncomingEntry(Long, PreparedFile)} or
 * {@link ReportFiles#attach(Long, int, PreparedFile)}; if that never happens, or
 * its transaction rolls back, its bytes are removed (on close, or with the rollback). A process killed in between
 * leaves bytes that no row claims, which {@link StorageReconciler} removes after its grace period.
 */
public final class PreparedFile implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PreparedFile.class);

    private enum State {
        STORED,
        ATTACHED,
        GONE
    }

    private final AttachmentStorage storage;

    private final String key;

    private final String title;

    private final AttachmentKind kind;

    private final String filename;

    private final String contentType;

    private final long size;

    private final String sha256;

    private final Integer pageCount;

    private final ScanState scanState;

    private volatile State state = State.STORED;

    PreparedFile(
            AttachmentStorage storage,
            String key,
            String title,
            AttachmentKind kind,
            String filename,
            ContentInspector.Inspection inspection,
            StagedFile staged,
            ScanState scanState) {
        this.storage = storage;
        this.key = key;
        this.title = title;
        this.kind = kind;
        this.filename = filename;
        this.contentType = inspection.contentType();
        this.pageCount = inspection.pageCount();
        this.size = staged.size();
        this.sha256 = staged.sha256();
        this.scanState = scanState;
    }

    /** The cleaned name of the file, as it is kept and shown. */
    public String filename() {
        return filename;
    }

    public long size() {
        return size;
    }

    String key() {
        return key;
    }

    /** The row of a dispatch's file (with {@code dispatchId}) or of an entry's (null, set by the caller). */
    Attachment toAttachment(Long dispatchId, int position, Instant now) {
        return new Attachment(
                dispatchId,
                position,
                FileNames.title(title, filename),
                kind,
                filename,
                contentType,
                size,
                sha256,
                key,
                pageCount,
                now,
                scanState);
    }

    ScanState scanState() {
        return scanState;
    }

    String contentType() {
        return contentType;
    }

    String sha256() {
        return sha256;
    }

    /**
     * Claims the bytes for the row the current transaction is about to write: from now on that transaction decides
     * whether they stay (kept on commit, removed on rollback). A transaction whose outcome is unknown (a commit that
     * failed on the way back may have written the row) leaves them to {@link StorageReconciler}, which removes them
     * after its grace period if no row claims them: removing them here could leave a row without its file.
     */
    void claim() {
        if (state != State.STORED) {
            throw new IllegalStateException("File " + filename + " was already attached or discarded");
        }
        state = State.ATTACHED;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    delete();
                }
            }
        });
    }

    /** Removes the bytes unless a row was written for them (then its transaction decides). */
    @Override
    public void close() {
        if (state == State.STORED) {
            delete();
        }
    }

    private void delete() {
        state = State.GONE;
        try {
            storage.delete(key);
        } catch (IOException ex) {
            log.warn("Could not remove file {} that was not registered; the reconciler will", key, ex);
        }
    }
}
