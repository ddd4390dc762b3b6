package vn.congvan.organization;

/** The unit {@code successorId} took over the work of the ended unit {@code predecessorId} (a merger or a split). */
public record UnitSuccession(Long predecessorId, Long successorId) {}
