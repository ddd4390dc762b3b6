package vn.congvan.attachment;

/** A file was attached to a dispatch (published within the transaction that stored it). */
public record AttachmentStored(Long attachmentId, Long dispatchId, String contentType) {
}
