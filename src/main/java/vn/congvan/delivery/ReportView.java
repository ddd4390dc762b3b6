package vn.congvan.delivery;

import java.time.Instant;
import java.util.List;
import vn.congvan.attachment.ReportFileView;

/**
 * A recipient unit's report (báo cáo) on a dispatch: the latest text, the files of every version, and when each
 * version was sent. Whether it came on time is decided by the first version.
 */
public record ReportView(
        Long id,
        Long dispatchId,
        Long unitId,
        int revision,
        String body,
        Instant firstSubmittedAt,
        Instant submittedAt,
        String submittedBy,
        boolean onTime,
        List<ReportFileView> files,
        List<Revision> revisions) {

    public ReportView {
        files = List.copyOf(files);
        revisions = List.copyOf(revisions);
    }

    /** One version as it was sent; the latest first in {@link #revisions()}. */
    public record Revision(int revision, String body, Instant submittedAt, String submittedBy) {}
}
