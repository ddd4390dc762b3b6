package vn.congvan.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to the unit tree and the groups of units. Every change takes the version the
 * administrator saw and fails with an {@link ObjectOptimisticLockingFailureException} when someone else changed the
 * same unit or group in between; a change the rules refuse fails with an {@link OrganizationRuleException}. Every
 * change publishes an {@link OrganizationChanged} event.
 */
@Service
@Transactional
public class OrganizationAdministration {

    private static final String PARENT_UNKNOWN = "organization.unit.parent.unknown";

    static final String UNIT = "UNIT";

    static final String GROUP = "GROUP";

    private final UnitRepository units;

    private final UnitGroupRepository groups;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    OrganizationAdministration(
            UnitRepository units, UnitGroupRepository groups, ApplicationEventPublisher events, Clock clock) {
        this.units = units;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Versioned<UnitSummary> unitForEditing(Long id) {
        Unit unit = unit(id);
        return new Versioned<>(unit.toSummary(), unit.getVersion());
    }

    @Transactional(readOnly = true)
    public Versioned<UnitGroupSummary> groupForEditing(Long id) {
        UnitGroup group = group(id);
        return new Versioned<>(group.toSummary(), group.getVersion());
    }

    /** The unit and all its descendants: where it may not be moved. */
    @Transactional(readOnly = true)
    public Set<Long> subtreeOf(Long id) {
        return Set.copyOf(units.findSubtreeIds(id));
    }

    /** Creates a unit under {@code parentId} (null for a root). The code is stored in upper case and must be new. */
    public UnitSummary createUnit(Long parentId, UnitKind kind, String code, UnitDetails details, LocalDate validFrom) {
        String normalized = Unit.requireText(code, "code").toUpperCase(Locale.ROOT);
        if (units.existsByCode(normalized)) {
            throw new OrganizationRuleException("code", "organization.unit.code.taken");
        }
        String parentCode = parentId == null
                ? null
                : chosenUnit(parentId, "parentId", PARENT_UNKNOWN).getCode();
        Unit unit = new Unit(
                new NewUnit(
                        normalized,
                        parentCode,
                        kind,
                        Unit.requireText(details.name(), "name"),
                        Unit.blankToNull(details.shortName()),
                        Unit.blankToNull(details.symbolCode()),
                        Unit.blankToNull(details.placeName()),
                        validFrom),
                parentId,
                clock.instant());
        try {
            unit = units.saveAndFlush(unit);
        } catch (DataIntegrityViolationException ex) {
            // Another administrator took the code between the check and the insert.
            throw new OrganizationRuleException("code", "organization.unit.code.taken");
        }
        publish(
                UNIT,
                unit.getId(),
                "Tạo đơn vị " + normalized + (parentCode == null ? " ở gốc cây" : " trực thuộc " + parentCode));
        return unit.toSummary();
    }

    /** Renames the unit and changes what documents print of it. */
    public UnitSummary editUnit(Long id, long version, UnitDetails details) {
        Unit unit = unit(id);
        unit.checkVersion(version);
        UnitSummary before = unit.toSummary();
        unit.rename(details.name(), details.shortName());
        unit.changePrintedDetails(details.symbolCode(), details.placeName());
        UnitSummary after = unit.toSummary();
        List<String> changed = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            changed.add("tên");
        }
        if (!before.shortName().equals(after.shortName())) {
            changed.add("tên ngắn");
        }
        if (!Objects.equals(before.symbolCode(), after.symbolCode())) {
            changed.add("ký hiệu");
        }
        if (!Objects.equals(before.placeName(), after.placeName())) {
            changed.add("địa danh");
        }
        if (!changed.isEmpty()) {
            publish(UNIT, id, "Sửa đơn vị " + unit.getCode() + ": " + String.join(", ", changed));
        }
        return after;
    }

    /** Moves the unit under another parent (null: makes it a root); never under itself or its descendants. */
    public UnitSummary moveUnit(Long id, long version, Long newParentId) {
        units.lockTreeShape();
        Unit unit = unit(id);
        unit.checkVersion(version);
        Long oldParentId = unit.getParentId();
        Unit parent = newParentId == null ? null : chosenUnit(newParentId, "parentId", PARENT_UNKNOWN);
        unit.moveUnder(parent, units.findSubtreeIds(id));
        if (!Objects.equals(oldParentId, newParentId)) {
            publish(
                    UNIT,
                    id,
                    "Chuyển đơn vị " + unit.getCode() + " từ " + codeOf(oldParentId) + " sang "
                            + (parent == null ? "gốc cây" : parent.getCode()));
        }
        return unit.toSummary();
    }

    /** Ends the unit's validity from {@code on}; {@code successorId} (optional) names the unit that takes over. */
    public UnitSummary endUnit(Long id, long version, LocalDate on, Long successorId) {
        Unit unit = unit(id);
        unit.checkVersion(version);
        Unit successor = successorId == null
                ? null
                : chosenUnit(successorId, "successorId", "organization.unit.successor.unknown");
        unit.end(on, successor);
        publish(
                UNIT,
                id,
                "Kết thúc đơn vị " + unit.getCode() + " từ ngày "
                        + on.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                        + (successor == null ? "" : ", đơn vị kế thừa " + successor.getCode()));
        return unit.toSummary();
    }

    public UnitGroupSummary createGroup(String code, String name, String description, Set<Long> memberUnitIds) {
        String normalized = Unit.requireText(code, "code").toUpperCase(Locale.ROOT);
        if (groups.existsByCode(normalized)) {
            throw new OrganizationRuleException("code", "organization.group.code.taken");
        }
        UnitGroup group = new UnitGroup(normalized, name, description, clock.instant());
        group.replaceMembers(existing(memberUnitIds));
        try {
            group = groups.saveAndFlush(group);
        } catch (DataIntegrityViolationException ex) {
            throw new OrganizationRuleException("code", "organization.group.code.taken");
        }
        publish(GROUP, group.getId(), "Tạo nhóm " + normalized + " gồm " + memberUnitIds.size() + " đơn vị");
        return group.toSummary();
    }

    /** Renames the group and makes its members exactly {@code memberUnitIds}; sent dispatches are not touched. */
    public UnitGroupSummary editGroup(Long id, long version, String name, String description, Set<Long> memberUnitIds) {
        UnitGroup group = group(id);
        group.checkVersion(version);
        Set<Long> before = group.getMemberUnitIds();
        group.rename(name, description);
        group.replaceMembers(existing(memberUnitIds));
        long added = memberUnitIds.stream()
                .filter(member -> !before.contains(member))
                .count();
        long removed = before.stream()
                .filter(member -> !memberUnitIds.contains(member))
                .count();
        publish(GROUP, id, "Sửa nhóm " + group.getCode() + ": thêm " + added + " đơn vị, bớt " + removed + " đơn vị");
        return group.toSummary();
    }

    /**
     * Deletes a group that no dispatch names. Recipient lines reference groups by a foreign key, so the database
     * refuses to delete one in use; that refusal becomes an {@link OrganizationRuleException}.
     */
    public void deleteGroup(Long id, long version) {
        UnitGroup group = group(id);
        group.checkVersion(version);
        String code = group.getCode();
        groups.delete(group);
        try {
            groups.flush();
        } catch (DataIntegrityViolationException ex) {
            throw new OrganizationRuleException(null, "organization.group.delete.inUse");
        }
        publish(GROUP, id, "Xóa nhóm " + code);
    }

    private Set<Long> existing(Set<Long> unitIds) {
        if (units.findAllById(unitIds).size() != unitIds.size()) {
            throw new OrganizationRuleException("memberUnitIds", "organization.group.members.unknown");
        }
        return unitIds;
    }

    /** A unit picked in a form: one that does not exist (a stale or forged form) is the field's error, not a 404. */
    private Unit chosenUnit(Long id, String field, String messageKey) {
        return units.findById(id).orElseThrow(() -> new OrganizationRuleException(field, messageKey));
    }

    private Unit unit(Long id) {
        return units.findById(id).orElseThrow(() -> new UnitNotFoundException(String.valueOf(id)));
    }

    private UnitGroup group(Long id) {
        return groups.findById(id).orElseThrow(() -> new UnitGroupNotFoundException(id));
    }

    private String codeOf(Long unitId) {
        return unitId == null
                ? "gốc cây"
                : units.findById(unitId).map(Unit::getCode).orElse("#" + unitId);
    }

    private void publish(String subject, Long id, String change) {
        events.publishEvent(new OrganizationChanged(subject, id, change, clock.instant()));
    }
}
