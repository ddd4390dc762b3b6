package vn.congvan.attachment;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans, while scanning is required, the files that are not scanned yet: those the scanner could not take at upload
 * ({@link ScanState#PENDING}) and those stored while scanning was off ({@link ScanState#NOT_SCANNED}). Each file is
 * claimed with {@code for update skip locked} in its own transaction, so two instances never scan the same file. A
 * file found infected keeps its row (the clerk sees why) and loses its bytes once that is committed; every other row
 * naming the same bytes (files by reference, ADR 0033) is infected with it, so none of them is served or retried.
 */
@Component
class ScanRetryWorker {

    private static final Logger log = LoggerFactory.getLogger(ScanRetryWorker.class);

    private final AttachmentRepository attachments;

    private final AttachmentStorage storage;

    private final MalwareScanner scanner;

    private final TransactionTemplate transaction;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    ScanRetryWorker(
            AttachmentRepository attachments,
            AttachmentStorage storage,
            MalwareScanner scanner,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            Clock clock) {
        this.attachments = attachments;
        this.storage = storage;
        this.scanner = scanner;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${congvan.attachment.scan.retry-first-after:PT30S}",
            fixedDelayString = "${congvan.attachment.scan.retry-every:PT1M}")
    void runScheduled() {
        try {
            runPending(50);
        } catch (RuntimeException ex) {
            log.warn("Malware scan retry run failed", ex);
        }
    }

    /**
     * Scans up to {@code limit} files; answers how many were given a verdict. Stops at the first file the scanner
     * cannot take, as the next ones would fare no better.
     */
    int runPending(int limit) {
        if (!scanner.required()) {
            return 0;
        }
        int scanned = 0;
        for (int i = 0; i < limit; i++) {
            Optional<Boolean> result = transaction.execute(status -> scanNext());
            if (result == null || result.isEmpty()) {
                break;
            }
            if (!result.get()) {
                break;
            }
            scanned++;
        }
        return scanned;
    }

    /** Empty when nothing waits; false when the file could not be scanned; true when it has its verdict. */
    private Optional<Boolean> scanNext() {
        Optional<Attachment> next = attachments.nextToScan();
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Attachment attachment = next.get();
        Instant now = clock.instant();
        // Bytes named by several rows (files by reference, ADR 0033) that another row was found infected in are gone
        // or going: this row shares the verdict instead of waiting for bytes that will never come back.
        Optional<String> infectedAlready = attachments.infectedSignature(attachment.getStorageKey());
        if (infectedAlready.isPresent()) {
            attachment.scannedInfected(infectedAlready.get(), now);
            return Optional.of(true);
        }
        ClamdClient.Verdict verdict;
        try (LocalCopy file = storage.copyToLocal(attachment.getStorageKey())) {
            verdict = scanner.scanStored(file.path());
        } catch (IOException ex) {
            log.warn(
                    "Attachment {} is still not scanned: {}",
                    attachment.toView().id(),
                    ex.getMessage());
            attachment.scanAttempted(now);
            return Optional.of(false);
        }
        AttachmentView view = attachment.toView();
        if (verdict.infected()) {
            log.warn(
                    "Attachment {} ({}) of dispatch {} is infected with {}; its file is deleted",
                    view.id(),
                    view.originalFilename(),
                    view.dispatchId(),
                    verdict.signature());
            attachment.scannedInfected(verdict.signature(), now);
            int others = attachments.infectAlsoNamedBy(attachment.getStorageKey(), view.id(), verdict.signature(), now);
            if (others > 0) {
                log.warn("{} other attachments named the same infected file", others);
            }
            deleteAfterCommit(attachment.getStorageKey());
        } else {
            attachment.scannedClean(now);
            // The scans of an incoming entry registered by hand belong to no dispatch and are not indexed.
            if (!attachment.ofIncomingEntry()) {
                events.publishEvent(new AttachmentStored(view.id(), view.dispatchId(), view.contentType()));
            }
        }
        return Optional.of(true);
    }

    private void deleteAfterCommit(String key) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    storage.delete(key);
                } catch (IOException ex) {
                    log.error("Could not delete the infected file {}; delete it by hand", key, ex);
                }
            }
        });
    }
}
