package vn.congvan.dispatch;

import java.time.LocalDate;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.UnitDetails;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * Test data: an issuer of a test's own, a Party committee (a new root with the term 2020-2025) and its board that
 * numbers with the symbol BTGQU, so that the numbers it takes and the units it reaches depend on no other test.
 */
public final class Issuers {

    /** The numbering series of the committee's term. */
    public static final String SERIES = "NK 2020-2025";

    private Issuers() {}

    public static Issuer partyBoard(
            OrganizationAdministration administration, DispatchManagement management, String label) {
        UnitSummary committee = administration.createUnit(
                null,
                UnitKind.PARTY_COMMITTEE,
                Units.uniqueCode("QU"),
                new UnitDetails("Quận ủy " + label, "Quận ủy " + label, "QU", label),
                null);
        management.registerPartyTerm(committee.id(), "2020-2025", LocalDate.of(2020, 10, 1), null);
        UnitSummary board = administration.createUnit(
                committee.id(),
                UnitKind.PARTY_BOARD,
                Units.uniqueCode("BTG"),
                new UnitDetails("Ban Tuyên giáo Quận ủy " + label, "Ban Tuyên giáo", "BTGQU", label),
                null);
        return new Issuer(committee, board);
    }

    /** The committee, under which a test puts the wards it addresses, and the board that issues. */
    public record Issuer(UnitSummary committee, UnitSummary board) {}
}
