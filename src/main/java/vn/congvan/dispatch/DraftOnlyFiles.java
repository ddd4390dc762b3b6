package vn.congvan.dispatch;

import org.springframework.stereotype.Component;
import vn.congvan.attachment.FileChangeRule;

/**
 * The dispatch's answer to the attachment module: files change only on drafts
 * ({@link Dispatch#requireFilesChangeable}). The status is read with a query rather than from an entity this
 * transaction may have loaded earlier, because the attachment module asks under the lock a publication also takes:
 * only a fresh read sees a publication that committed while the upload was being received.
 */
@Component
class DraftOnlyFiles implements FileChangeRule {

    private final DispatchRepository dispatches;

    DraftOnlyFiles(DispatchRepository dispatches) {
        this.dispatches = dispatches;
    }

    @Override
    public void requireChangeable(Long dispatchId) {
        Dispatch.requireFilesChangeable(
                dispatchId,
                dispatches.findStatus(dispatchId).orElseThrow(() -> new DispatchNotFoundException(dispatchId)));
    }
}
