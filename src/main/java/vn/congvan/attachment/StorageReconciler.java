package vn.congvan.attachment;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes stored files that no attachment row claims: the files of uploads whose transaction never committed
 * (a crash between moving the file into place and the commit). A grace period keeps it away from uploads that are
 * still under way.
 */
@Component
class StorageReconciler {

    private static final Logger log = LoggerFactory.getLogger(StorageReconciler.class);

    private static final int BATCH = 500;

    private final AttachmentStorage storage;

    private final AttachmentRepository attachments;

    private final Clock clock;

    private final Duration grace;

    StorageReconciler(
            AttachmentStorage storage,
            AttachmentRepository attachments,
            Clock clock,
            @Value("${congvan.attachment.reconcile-grace:PT1H}") Duration grace) {
        this.storage = storage;
        this.attachments = attachments;
        this.clock = clock;
        this.grace = grace;
    }

    /** Also the clean-up after a crash: the first run after a start removes what the killed process left. */
    @Scheduled(
            initialDelayString = "${congvan.attachment.reconcile-first-after:PT10M}",
            fixedDelayString = "${congvan.attachment.reconcile-every:PT6H}")
    void reconcileScheduled() {
        try {
            reconcile(grace);
        } catch (IOException ex) {
            log.warn("Storage reconciliation failed", ex);
        }
    }

    /** Answers how many unclaimed files were removed. */
    int reconcile(Duration grace) throws IOException {
        Instant cutoff = clock.instant().minus(grace);
        int removed = storage.purgeStagingBefore(cutoff);
        try (Stream<String> keys = storage.keysStoredBefore(cutoff)) {
            List<String> batch = new ArrayList<>(BATCH);
            for (String key : (Iterable<String>) keys::iterator) {
                batch.add(key);
                if (batch.size() == BATCH) {
                    removed += removeUnclaimed(batch);
                    batch.clear();
                }
            }
            removed += removeUnclaimed(batch);
        }
        if (removed > 0) {
            log.info("Removed {} stored files that no attachment claimed", removed);
        }
        return removed;
    }

    private int removeUnclaimed(List<String> keys) throws IOException {
        if (keys.isEmpty()) {
            return 0;
        }
        Set<String> claimed = new HashSet<>(attachments.claimedKeys(keys));
        // The files of units' reports live in the same storage (ADR 0034).
        claimed.addAll(attachments.claimedByReports(keys.toArray(String[]::new)));
        // And the signed copies of published files (ADR 0047).
        claimed.addAll(attachments.claimedBySignedCopies(keys.toArray(String[]::new)));
        int removed = 0;
        for (String key : keys) {
            if (!claimed.contains(key)) {
                storage.delete(key);
                removed++;
            }
        }
        return removed;
    }
}
