package vn.congvan.delivery;

/** One recipient unit in a dispatch's ledger. */
public record LedgerLine(Unit unit, DeliveryStatus status) {

    /** The recipient unit as the ledger names it. */
    public record Unit(Long id, String code, String name, String shortName) {}
}
