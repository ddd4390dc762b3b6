package vn.congvan.delivery;

import org.springframework.data.domain.Page;

/**
 * The delivery ledger of one dispatch (sổ theo dõi): one page of its lines, as filtered, and the counts of the whole
 * ledger, whatever the filter.
 */
public record Ledger(
        Long dispatchId,
        Page<LedgerLine> lines,
        int total,
        int viewed,
        int downloaded,
        int acknowledged,
        int reported,
        int late) {

    /** Units that have sent no report yet (ADR 0034). */
    public int notReported() {
        return total - reported;
    }

    /** Lines per page: a few hundred KB of HTML at most, however many units a dispatch went to. */
    public static final int PAGE_SIZE = 100;

    /** Which lines to show. */
    public enum Filter {
        ALL("true"),
        NOT_VIEWED("d.first_viewed_at is null"),
        VIEWED("d.first_viewed_at is not null"),
        DOWNLOADED("d.first_downloaded_at is not null"),
        NOT_ACKNOWLEDGED("d.acknowledged_at is null"),
        ACKNOWLEDGED("d.acknowledged_at is not null"),
        // The report filters, shown for a dispatch that asks for reports (r is the unit's report, if any).
        REPORTED("r.id is not null"),
        LATE("r.id is not null and not r.on_time"),
        NOT_REPORTED("r.id is null");

        /** The condition on the delivery row {@code d}; constant text, never built from the request. */
        final String condition;

        Filter(String condition) {
            this.condition = condition;
        }

        /** Whether the filter is about reports, so only offered where reports are asked for. */
        public boolean aboutReports() {
            return this == REPORTED || this == LATE || this == NOT_REPORTED;
        }
    }
}
