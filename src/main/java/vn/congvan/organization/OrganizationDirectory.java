package vn.congvan.organization;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
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

    /** Every unit, by name: for choosing a unit in a form. */
    public List<UnitSummary> allUnits() {
        return units.findAll(Sort.by("name", "id")).stream().map(Unit::toSummary).toList();
    }

    public Optional<UnitSummary> unitByCode(String code) {
        return units.findByCode(code).map(Unit::toSummary);
    }

    public Optional<UnitGroupSummary> groupByCode(String code) {
        return groups.findByCode(code).map(UnitGroup::toSummary);
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
