package vn.congvan.dispatch;

/**
 * A recipient fetched a file of a dispatch sent to one of their units (the inbox's file path), about to be served:
 * the delivery ledger records the download. Published in the request's thread, before the bytes go out.
 */
public record DispatchFileDownloaded(Long dispatchId, Long attachmentId, Viewer viewer) {}
