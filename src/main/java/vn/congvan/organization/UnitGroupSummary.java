package vn.congvan.organization;

import java.util.Set;

/** A group of units as other modules see it. */
public record UnitGroupSummary(Long id, String code, String name, String description, Set<Long> memberUnitIds) {}
