package vn.congvan.dispatch;

/**
 * A recipient fetched a file of a dispatch sent to one of their units (the inbox's file path), about to be served:
 * the delivery ledger records the download. Published in the request's thread, before the bytes go out.
 *
 * @param copyId the id of the stamped copy issued (ADR 0043); null when the original was served
 */
public record DispatchFileDownloaded(Long dispatchId, Long attachmentId, Viewer viewer, String copyId) {

    /** A download of the original file. */
    public DispatchFileDownloaded(Long dispatchId, Long attachmentId, Viewer viewer) {
        this(dispatchId, attachmentId, viewer, null);
    }
}
