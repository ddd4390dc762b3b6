package vn.congvan.organization.web;

import java.time.LocalDate;

import vn.congvan.organization.UnitTreeEntry;

/** A unit offered in a picker, with its depth in the tree for indenting; {@code active}: not ended by today. */
public record UnitOption(Long id, String name, String code, int depth, boolean active) {

    /** No-break spaces: browsers keep them at the start of an option, where they drop ordinary ones. */
    private static final String INDENT = "\u00a0\u00a0\u00a0";

    /** A unit that starts later (a ward created for 1 July) counts as active: it can already be chosen. */
    static UnitOption of(UnitTreeEntry entry, LocalDate today) {
        LocalDate validTo = entry.unit().validTo();
        return new UnitOption(entry.unit().id(), entry.unit().name(), entry.unit().code(), entry.depth(),
                validTo == null || today.isBefore(validTo));
    }

    /** The name indented by depth, for a select's options, where no CSS can indent. */
    public String indentedName() {
        return INDENT.repeat(depth) + name;
    }
}
