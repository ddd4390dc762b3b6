package vn.congvan.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The attachment module's API: attaching files to dispatches and finding them again. */
@Service
@Transactional(readOnly = true)
public class Attachments {

    private static final Logger log = LoggerFactory.getLogger(Attachments.class);

    private final AttachmentRepository attachments;

    private final AttachmentStorage storage;

    private final ContentInspector inspector;

    private final AttachmentProperties properties;

    private final Clock clock;

    Attachments(AttachmentRepository attachments, AttachmentStorage storage, ContentInspector inspector,
            AttachmentProperties properties, Clock clock) {
        this.attachments = attachments;
        this.storage = storage;
        this.inspector = inspector;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the content and records it. The file is received and inspected before it is moved into place, and if
     * the surrounding transaction rolls back the file goes with it: there is never a row without its file.
     */
    @Transactional
    public AttachmentView attach(NewAttachment spec, InputStream content) throws IOException {
        String filename = spec.originalFilename();
        try (StagedFile staged = stage(content, filename)) {
            ContentInspector.Inspection inspection = inspector.inspect(staged.path(), filename);
            if (attachments.totalSize(spec.dispatchId()) + staged.size() > properties.maxTotalSize().toBytes()) {
                throw new AttachmentRejectedException(filename, AttachmentRejectedException.Reason.TOTAL_TOO_LARGE);
            }
            String key = storage.commit(staged);
            deleteOnRollback(key);
            Attachment attachment = new Attachment(spec.dispatchId(), attachments.lastPosition(spec.dispatchId()) + 1,
                    spec.title(), spec.kind(), filename, inspection.contentType(), staged.size(), staged.sha256(),
                    key, inspection.pageCount(), clock.instant());
            return attachments.save(attachment).toView();
        }
    }

    /** Removes a file from a dispatch that is still a draft (the caller checks that it is). */
    @Transactional
    public void remove(Long dispatchId, Long attachmentId) {
        Attachment attachment = attachments.findByIdAndDispatchId(attachmentId, dispatchId)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
        attachments.delete(attachment);
        String key = attachment.getStorageKey();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    storage.delete(key);
                }
                catch (IOException ex) {
                    log.warn("Could not remove file {}; the reconciler will", key, ex);
                }
            }
        });
    }

    private StagedFile stage(InputStream content, String filename) throws IOException {
        try {
            return storage.stage(content, properties.maxFileSize().toBytes());
        }
        catch (FileTooLargeException ex) {
            throw new AttachmentRejectedException(filename, AttachmentRejectedException.Reason.TOO_LARGE);
        }
    }

    public List<AttachmentView> ofDispatch(Long dispatchId) {
        return attachments.findByDispatchIdOrderByPositionAsc(dispatchId).stream().map(Attachment::toView).toList();
    }

    /** The attachments of several dispatches in one query, in the order of the given ids. */
    public Map<Long, List<AttachmentView>> ofDispatches(Collection<Long> dispatchIds) {
        Map<Long, List<AttachmentView>> byDispatch = new LinkedHashMap<>();
        dispatchIds.forEach(id -> byDispatch.put(id, new ArrayList<>()));
        if (!dispatchIds.isEmpty()) {
            for (Attachment attachment : attachments.findByDispatchIdInOrderByDispatchIdAscPositionAsc(dispatchIds)) {
                AttachmentView view = attachment.toView();
                byDispatch.get(view.dispatchId()).add(view);
            }
        }
        return byDispatch;
    }

    public Optional<AttachmentView> ofDispatch(Long dispatchId, Long attachmentId) {
        return attachments.findByIdAndDispatchId(attachmentId, dispatchId).map(Attachment::toView);
    }

    String storageKey(Long attachmentId) {
        return attachments.findById(attachmentId)
                .map(Attachment::getStorageKey)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
    }

    private void deleteOnRollback(String key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        storage.delete(key);
                    }
                    catch (IOException ex) {
                        log.warn("Could not remove file {} of a rolled-back attachment", key, ex);
                    }
                }
            }
        });
    }
}
