package vn.congvan.organization;

/** A unit found by name, with the names of its ancestors from the root ("Thành ủy … › Quận ủy Quận 1"). */
public record UnitMatch(UnitSummary unit, String path) {}
