package vn.congvan.organization;

/** A unit in tree order with its depth (0 for a root), for indented lists and pickers. */
public record UnitTreeEntry(UnitSummary unit, int depth) {}
