package vn.congvan.organization;

import java.time.LocalDate;
import java.util.UUID;

/** Test data: units and groups with codes no other test uses, so tests never depend on each other's order. */
public final class Units {

    private Units() {}

    /** A code that is new every time: a prefix and eight random hex digits. */
    public static String uniqueCode(String prefix) {
        return (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase();
    }

    public static UnitDetails details(String name) {
        return new UnitDetails(name, null, null, null);
    }

    /** A fresh root for one test's units, so that they do not mix with the demo tree. */
    public static UnitSummary root(OrganizationAdministration administration, String name) {
        return administration.createUnit(null, UnitKind.OTHER, uniqueCode("T"), details(name), null);
    }

    public static UnitSummary child(OrganizationAdministration administration, UnitSummary parent, String name) {
        return administration.createUnit(parent.id(), UnitKind.OTHER, uniqueCode("T"), details(name), null);
    }

    public static UnitSummary ward(
            OrganizationAdministration administration, UnitSummary parent, String name, LocalDate validFrom) {
        return administration.createUnit(
                parent.id(),
                UnitKind.GRASSROOTS_PARTY_COMMITTEE,
                uniqueCode("W"),
                new UnitDetails(name, name, "ĐU", name.replace("Đảng ủy ", "")),
                validFrom);
    }
}
