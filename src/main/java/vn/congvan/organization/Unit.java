package vn.congvan.organization;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * A body that issues or receives dispatches (đơn vị). Parent and predecessor are kept as ids: the tree is walked
 * through {@link OrganizationDirectory}, never by loading object graphs.
 * <p>
 * A unit is never deleted: when it ceases to exist it is {@linkplain #end ended} and stays in the tree, because
 * dispatches stay attributed to it. {@code validTo} is the first day on which the unit no longer exists, so a
 * successor created by a merger starts on its predecessors' {@code validTo}.
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

    /** Every unit this one took over from (unit_succession); {@link #predecessorId} is kept when there is one. */
    @ElementCollection
    @CollectionTable(name = "unit_succession", joinColumns = @JoinColumn(name = "successor_id"))
    @Column(name = "predecessor_id")
    private Set<Long> predecessorIds = new LinkedHashSet<>();

    protected Unit() {}

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

    /** Changes the names: {@code shortName} is what documents print under the parent; blank means the name. */
    void rename(String name, String shortName) {
        this.name = requireText(name, "name");
        this.shortName = shortName == null || shortName.isBlank() ? this.name : shortName.strip();
    }

    /** Changes the symbol code used in dispatch numbers ("BTGQU") and the place name printed before the date. */
    void changePrintedDetails(String symbolCode, String placeName) {
        this.symbolCode = blankToNull(symbolCode);
        this.placeName = blankToNull(placeName);
    }

    /**
     * Moves this unit under {@code newParent}, or makes it a root when {@code newParent} is null.
     * {@code ownSubtree} holds this unit's id and the ids of all its descendants: a unit cannot sit under any of them.
     */
    void moveUnder(Unit newParent, Collection<Long> ownSubtree) {
        if (newParent != null && (newParent.id.equals(id) || ownSubtree.contains(newParent.id))) {
            throw new OrganizationRuleException("parentId", "organization.unit.move.cycle");
        }
        this.parentId = newParent == null ? null : newParent.id;
    }

    /**
     * Ends this unit's validity: from {@code on} it no longer exists. A {@code successor}, if given, takes over its
     * work (a merger names the same successor for each merged unit) and must itself exist on that day.
     */
    void end(LocalDate on, Unit successor) {
        end(on, successor == null ? List.of() : List.of(successor));
    }

    /**
     * Ends this unit with several successors: a unit split among new ones (a ward divided between two merged wards)
     * passes its work to each of them.
     */
    void end(LocalDate on, List<Unit> successors) {
        Objects.requireNonNull(on, "on");
        if (validTo != null) {
            throw new OrganizationRuleException("validTo", "organization.unit.end.already");
        }
        if (validFrom != null && on.isBefore(validFrom)) {
            throw new OrganizationRuleException("validTo", "organization.unit.end.beforeStart");
        }
        for (Unit successor : successors) {
            if (successor.id.equals(id)) {
                throw new OrganizationRuleException("successorId", "organization.unit.end.selfSuccessor");
            }
            if (!successor.isActiveOn(on)) {
                throw new OrganizationRuleException("successorId", "organization.unit.end.successorInactive");
            }
        }
        successors.forEach(successor -> successor.takeOverFrom(this));
        this.validTo = on;
    }

    private void takeOverFrom(Unit predecessor) {
        predecessorIds.add(predecessor.id);
        // predecessor_id names the sole predecessor; after a merger the link table alone tells them all.
        this.predecessorId = predecessorIds.size() == 1 ? predecessor.id : null;
    }

    boolean isActiveOn(LocalDate day) {
        return isActive(validFrom, validTo, day);
    }

    static boolean isActive(LocalDate validFrom, LocalDate validTo, LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || day.isBefore(validTo));
    }

    /** The version the caller last saw must be the current one, or someone else changed the unit meanwhile. */
    void checkVersion(long expected) {
        if (version != expected) {
            throw new ObjectOptimisticLockingFailureException(Unit.class, id);
        }
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

    long getVersion() {
        return version;
    }

    UnitSummary toSummary() {
        return new UnitSummary(
                id, parentId, kind, code, name, shortName, symbolCode, placeName, validFrom, validTo, predecessorId);
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
