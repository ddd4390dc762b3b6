package vn.congvan.delivery;

import vn.congvan.organization.UnitSummary;

/** One recipient unit in a dispatch's ledger. */
public record LedgerLine(UnitSummary unit, DeliveryStatus status) {
}
