package vn.congvan.api;

import java.time.Instant;
import java.util.List;
import vn.congvan.delivery.DeliveryStatus;
import vn.congvan.delivery.ReportView;

/** One inbox item in full: the dispatch, where the unit stands with it and its report, if it sent one. */
record ApiDelivery(ApiDispatchDetail dispatch, Status status, Report report) {

    /** Where the unit stands with the dispatch. */
    record Status(
            Long unitId,
            Instant deliveredAt,
            Instant viewedAt,
            Instant downloadedAt,
            Instant acknowledgedAt,
            String acknowledgedBy) {

        static Status of(DeliveryStatus status) {
            return new Status(
                    status.unitId(),
                    status.deliveredAt(),
                    status.firstViewedAt(),
                    status.firstDownloadedAt(),
                    status.acknowledgedAt(),
                    status.acknowledgedBy());
        }
    }

    /** The unit's report: its latest text, its version and the names of all its files. */
    record Report(
            int revision, String body, Instant submittedAt, String submittedBy, boolean onTime, List<String> files) {

        Report {
            files = List.copyOf(files);
        }

        static Report of(ReportView report) {
            return report == null
                    ? null
                    : new Report(
                            report.revision(),
                            report.body(),
                            report.submittedAt(),
                            report.submittedBy(),
                            report.onTime(),
                            report.files().stream()
                                    .map(file -> file.originalFilename())
                                    .toList());
        }
    }
}
