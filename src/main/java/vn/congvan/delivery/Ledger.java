package vn.congvan.delivery;

import java.util.List;

/** The delivery ledger of one dispatch (sổ theo dõi): a line per recipient unit and the counts. */
public record Ledger(Long dispatchId, List<LedgerLine> lines, int total, int viewed, int downloaded,
        int acknowledged) {

    /** Which lines to show. */
    public enum Filter {
        ALL, NOT_VIEWED, NOT_ACKNOWLEDGED;

        boolean keeps(DeliveryStatus status) {
            return switch (this) {
                case ALL -> true;
                case NOT_VIEWED -> !status.isViewed();
                case NOT_ACKNOWLEDGED -> !status.isAcknowledged();
            };
        }
    }
}
