package vn.congvan.organization;

import java.text.Collator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    /** Every unit, parents before their children, siblings by name. */
    public List<UnitSummary> allUnits() {
        List<UnitSummary> all = units.findAll().stream().map(Unit::toSummary).toList();
        Map<Long, List<UnitSummary>> children = new HashMap<>();
        all.forEach(unit -> children.computeIfAbsent(unit.parentId(), parent -> new ArrayList<>()).add(unit));
        List<UnitSummary> ordered = new ArrayList<>(all.size());
        addDepthFirst(children, null, ordered);
        return ordered;
    }

    private static void addDepthFirst(Map<Long, List<UnitSummary>> children, Long parentId, List<UnitSummary> out) {
        List<UnitSummary> siblings = new ArrayList<>(children.getOrDefault(parentId, List.of()));
        siblings.sort(Comparator.comparing(UnitSummary::name, Collator.getInstance(Locale.forLanguageTag("vi"))));
        for (UnitSummary unit : siblings) {
            out.add(unit);
            addDepthFirst(children, unit.id(), out);
        }
    }

    /** Units by id, in one query; ids that do not exist are left out. */
    public Map<Long, UnitSummary> unitsById(Collection<Long> ids) {
        Map<Long, UnitSummary> byId = new HashMap<>();
        units.findAllById(ids).forEach(unit -> byId.put(unit.getId(), unit.toSummary()));
        return byId;
    }

    public List<UnitGroupSummary> allGroups() {
        return groups.findAll().stream().map(UnitGroup::toSummary)
                .sorted(Comparator.comparing(UnitGroupSummary::name)).toList();
    }

    /** The given units and every member of the given groups (not their descendants). */
    public Set<Long> resolveRecipients(Set<Long> unitIds, Set<Long> groupIds) {
        Set<Long> resolved = new LinkedHashSet<>(unitIds);
        groups.findAllById(groupIds).forEach(group -> resolved.addAll(group.toSummary().memberUnitIds()));
        return resolved;
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
