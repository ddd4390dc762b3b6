package vn.congvan.attachment;

import java.time.Instant;

/**
 * A file sent with a unit's report, as pages and the ZIP of all reports see it. The storage key stays inside the
 * module.
 *
 * @param revision the version of the report the file came with
 */
public record ReportFileView(
        Long id,
        Long reportId,
        int revision,
        String originalFilename,
        String contentType,
        long size,
        String sha256,
        Instant createdAt) {

    /** "245 KB", "1,2 MB", as for a dispatch's files. */
    public String sizeLabel() {
        return asAttachment().sizeLabel();
    }

    /** The same file in the shape the download code serves; a report file is never shown inline. */
    AttachmentView asAttachment() {
        return new AttachmentView(
                id,
                null,
                0,
                originalFilename,
                AttachmentKind.OTHER,
                originalFilename,
                contentType,
                size,
                sha256,
                null,
                createdAt,
                ScanState.CLEAN,
                null);
    }
}
