package vn.congvan.organization;

import java.time.LocalDate;

/** A unit as other modules see it. */
public record UnitSummary(
        Long id,
        Long parentId,
        UnitKind kind,
        String code,
        String name,
        String shortName,
        String symbolCode,
        String placeName,
        LocalDate validFrom,
        LocalDate validTo,
        Long predecessorId) {}
