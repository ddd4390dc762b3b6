package vn.congvan.organization;

import java.time.LocalDate;

/**
 * What it takes to register a unit. {@code parentCode} is null for a root; {@code shortName} is the name printed
 * on a document's header under the parent's name ("BAN TUYÊN GIÁO" under "QUẬN ỦY QUẬN 1").
 */
public record NewUnit(
        String code,
        String parentCode,
        UnitKind kind,
        String name,
        String shortName,
        String symbolCode,
        String placeName,
        LocalDate validFrom) {}
