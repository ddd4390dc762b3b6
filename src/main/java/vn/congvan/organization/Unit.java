package vn.congvan.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A body that issues or receives dispatches (đơn vị). Parent and predecessor are kept as ids: the tree is walked
 * through {@link OrganizationDirectory}, never by loading object graphs.
 */
@Entity
@Table(name = "unit")
class Unit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    private Long parentId;

    @Enumerated(EnumType.STRING)
    private UnitKind kind;

    private String code;

    private String name;

    private String shortName;

    private String symbolCode;

    private String placeName;

    private LocalDate validFrom;

    private LocalDate validTo;

    private Long predecessorId;

    @Column(updatable = false)
    private Instant createdAt;

    protected Unit() {
    }

    Unit(NewUnit spec, Long parentId, Instant now) {
        this.parentId = parentId;
        this.kind = Objects.requireNonNull(spec.kind());
        this.code = Objects.requireNonNull(spec.code());
        this.name = Objects.requireNonNull(spec.name());
        this.shortName = spec.shortName() != null ? spec.shortName() : spec.name();
        this.symbolCode = spec.symbolCode();
        this.placeName = spec.placeName();
        this.validFrom = spec.validFrom();
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    Long getParentId() {
        return parentId;
    }

    UnitSummary toSummary() {
        return new UnitSummary(id, parentId, kind, code, name, shortName, symbolCode, placeName, validFrom, validTo,
                predecessorId);
    }
}
