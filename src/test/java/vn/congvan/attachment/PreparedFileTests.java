package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/** What becomes of a prepared file's bytes as the transaction that records it ends (ADR 0070). */
class PreparedFileTests {

    @TempDir
    Path root;

    FileSystemAttachmentStorage storage;

    @BeforeEach
    void setUp() throws IOException {
        storage = new FileSystemAttachmentStorage(
                new AttachmentProperties(root, DataSize.ofMegabytes(1), DataSize.ofMegabytes(2), 600, true));
        TransactionSynchronizationManager.initSynchronization();
    }

    @AfterEach
    void tearDown() {
        TransactionSynchronizationManager.clearSynchronization();
        storage.removeEmptySpool();
    }

    @Test
    void aRolledBackRecordingRemovesTheBytes() throws IOException {
        PreparedFile file = prepared();
        file.claim();
        complete(TransactionSynchronization.STATUS_ROLLED_BACK);
        file.close();
        assertThat(storage.localFile(file.key())).isEmpty();
    }

    @Test
    void aCommittedRecordingKeepsTheBytes() throws IOException {
        PreparedFile file = prepared();
        file.claim();
        complete(TransactionSynchronization.STATUS_COMMITTED);
        file.close();
        assertThat(storage.localFile(file.key())).isPresent();
    }

    @Test
    void aRecordingWhoseOutcomeIsUnknownKeepsTheBytesForTheReconciler() throws IOException {
        // A commit that failed on the way back (the connection lost) may have written the row: removing its bytes
        // would leave a row without its file. Bytes no row claims are the StorageReconciler's after its grace period.
        PreparedFile file = prepared();
        file.claim();
        complete(TransactionSynchronization.STATUS_UNKNOWN);
        file.close();
        assertThat(storage.localFile(file.key())).isPresent();
    }

    @Test
    void aFileNeverRecordedIsRemovedOnClose() throws IOException {
        PreparedFile file = prepared();
        file.close();
        assertThat(storage.localFile(file.key())).isEmpty();
    }

    private PreparedFile prepared() throws IOException {
        byte[] content = "Công văn".getBytes(StandardCharsets.UTF_8);
        try (StagedFile staged = storage.stage(new ByteArrayInputStream(content), 1024)) {
            String key = storage.commit(staged);
            return new PreparedFile(
                    storage,
                    key,
                    null,
                    null,
                    "cong-van.txt",
                    new ContentInspector.Inspection("text/plain", null),
                    staged,
                    ScanState.CLEAN);
        }
    }

    private static void complete(int status) {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
    }
}
