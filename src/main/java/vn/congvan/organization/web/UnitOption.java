package vn.congvan.organization.web;

import vn.congvan.organization.UnitTreeEntry;

/** A unit offered in a picker, with its depth in the tree for indenting. */
public record UnitOption(Long id, String name, String code, int depth, boolean active) {

    /** No-break spaces: browsers keep them at the start of an option, where they drop ordinary ones. */
    private static final String INDENT = "\u00a0\u00a0\u00a0";

    static UnitOption of(UnitTreeEntry entry, boolean active) {
        return new UnitOption(entry.unit().id(), entry.unit().name(), entry.unit().code(), entry.depth(), active);
    }

    /** The name indented by depth, for a select's options, where no CSS can indent. */
    public String indentedName() {
        return INDENT.repeat(depth) + name;
    }
}
