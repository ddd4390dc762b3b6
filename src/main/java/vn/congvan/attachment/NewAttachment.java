package vn.congvan.attachment;

/** The description of a file being attached; its content comes as a stream beside it. */
public record NewAttachment(Long dispatchId, String title, AttachmentKind kind, String originalFilename) {}
