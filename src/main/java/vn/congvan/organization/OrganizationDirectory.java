package vn.congvan.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organization module's API: the unit tree and the groups of units. */
@Service
@Transactional(readOnly = true)
public class OrganizationDirectory {

    private final UnitRepository units;

    private final UnitGroupRepository groups;

    private final Clock clock;

    OrganizationDirectory(UnitRepository units, UnitGroupRepository groups, Clock clock) {
        this.units = units;
        this.groups = groups;
        this.clock = clock;
    }

    public Optional<UnitSummary> unit(Long id) {
        return units.findById(id).map(Unit::toSummary);
    }

    public Optional<UnitSummary> unitByCode(String code) {
        return units.findByCode(code).map(Unit::toSummary);
    }

    public Optional<UnitGroupSummary> groupByCode(String code) {
        return groups.findByCode(code).map(UnitGroup::toSummary);
    }

    /** Units by id, in one query; ids that do not exist are left out. */
    public Map<Long, UnitSummary> unitsById(Collection<Long> ids) {
        Map<Long, UnitSummary> byId = new HashMap<>();
        units.findAllById(ids).forEach(unit -> byId.put(unit.getId(), unit.toSummary()));
        return byId;
    }

    public Optional<UnitGroupSummary> group(Long id) {
        return groups.findById(id).map(UnitGroup::toSummary);
    }

    /** Every unit, ended ones included, in tree order: depth-first, siblings by name. One query. */
    public List<UnitSummary> allUnits() {
        return tree().stream().map(UnitTreeEntry::unit).toList();
    }

    /** Every unit, ended ones included, in tree order with its depth, for indented lists and pickers. One query. */
    public List<UnitTreeEntry> tree() {
        return UnitTree.of(units.findAll().stream().map(Unit::toSummary).toList());
    }

    /** Every group with its members, by name. One query. */
    public List<UnitGroupSummary> allGroups() {
        return groups.findAllWithMembers().stream()
                .map(UnitGroup::toSummary)
                .sorted(Comparator.comparing(UnitGroupSummary::name, UnitTree.VIETNAMESE))
                .toList();
    }

    /** Every recorded succession (which ended unit was taken over by which), for all units. One query. */
    public List<UnitSuccession> successions() {
        return units.findSuccessions();
    }

    /**
     * The units a dispatch addressed to these units and groups reaches: the units themselves and every current
     * member of the groups. Descendants are not included, nor are ended units filtered out: the caller decides.
     */
    public Set<Long> resolveRecipients(Set<Long> unitIds, Set<Long> groupIds) {
        Set<Long> recipients = new LinkedHashSet<>(unitIds);
        if (!groupIds.isEmpty()) {
            recipients.addAll(groups.findMemberUnitIds(groupIds));
        }
        return Set.copyOf(recipients);
    }

    /** Whether the unit exists on that day: from its {@code validFrom} (inclusive) to its {@code validTo} (exclusive). */
    public boolean isActive(UnitSummary unit, LocalDate on) {
        return Unit.isActive(unit.validFrom(), unit.validTo(), on);
    }

    /** The unit's parent, if it has one. */
    public Optional<UnitSummary> parentOf(UnitSummary unit) {
        return unit.parentId() == null ? Optional.empty() : unit(unit.parentId());
    }

    /** Registers a unit unless one with the same code exists; either way answers the unit under that code. */
    @Transactional
    public UnitSummary registerUnit(NewUnit spec) {
        return units.findByCode(spec.code()).orElseGet(() -> {
            Long parentId = spec.parentCode() == null ? null
                    : units.findByCode(spec.parentCode())
                            .orElseThrow(() -> new UnitNotFoundException(spec.parentCode()))
                            .getId();
            return units.save(new Unit(spec, parentId, clock.instant()));
        }).toSummary();
    }

    /** Registers a group with the given members unless one with the same code exists. */
    @Transactional
    public UnitGroupSummary registerGroup(String code, String name, String description, Iterable<String> unitCodes) {
        return groups.findByCode(code).orElseGet(() -> {
            UnitGroup group = new UnitGroup(code, name, description, clock.instant());
            for (String unitCode : unitCodes) {
                group.add(units.findByCode(unitCode).orElseThrow(() -> new UnitNotFoundException(unitCode)).getId());
            }
            return groups.save(group);
        }).toSummary();
    }
}
