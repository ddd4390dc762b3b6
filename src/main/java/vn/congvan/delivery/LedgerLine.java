package vn.congvan.delivery;

import java.time.Instant;

/** One recipient unit in a dispatch's ledger, and its report if it sent one. */
public record LedgerLine(Unit unit, DeliveryStatus status, Report report) {

    /** The recipient unit as the ledger names it. */
    public record Unit(Long id, String code, String name, String shortName) {}

    /** When the unit's report came (first version, latest version), how many versions, and whether on time. */
    public record Report(Instant firstSubmittedAt, Instant submittedAt, int revision, boolean onTime) {}

    public boolean isReported() {
        return report != null;
    }
}
