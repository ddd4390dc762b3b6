package vn.congvan.attachment;

import java.time.Instant;
import java.util.Locale;

/** An attachment as pages and other modules see it. The storage key stays inside the module. */
public record AttachmentView(
        Long id,
        Long dispatchId,
        int position,
        String title,
        AttachmentKind kind,
        String originalFilename,
        String contentType,
        long size,
        String sha256,
        Integer pageCount,
        Instant createdAt,
        ScanState scanState,
        String scanSignature) {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** "245 KB", "1,2 MB": sizes as a Vietnamese reader writes them. */
    public String sizeLabel() {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return Math.round(size / 1024.0) + " KB";
        }
        return String.format(VIETNAMESE, "%.1f MB", size / (1024.0 * 1024.0));
    }

    /** Whether the file may be shown or downloaded (ADR 0015). */
    public boolean servable() {
        return scanState.servable();
    }

    public boolean isPdf() {
        return "application/pdf".equals(contentType);
    }
}
