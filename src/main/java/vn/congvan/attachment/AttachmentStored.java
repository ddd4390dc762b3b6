package vn.congvan.attachment;

import org.springframework.modulith.NamedInterface;

/** A file was attached to a dispatch (published within the transaction that stored it). */
@NamedInterface("events")
public record AttachmentStored(Long attachmentId, Long dispatchId, String contentType) {}
