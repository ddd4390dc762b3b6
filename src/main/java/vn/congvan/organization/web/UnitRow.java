package vn.congvan.organization.web;

import java.util.List;
import vn.congvan.organization.UnitSummary;

/** A line of the unit tree page: the unit, its depth, and the units that took over from it if it has ended. */
public record UnitRow(UnitSummary unit, int depth, List<UnitSummary> successors) {}
