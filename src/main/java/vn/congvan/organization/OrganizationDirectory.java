package vn.congvan.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
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

    private final ZoneId zone;

    private final UnitBranches branches;

    OrganizationDirectory(
            UnitRepository units, UnitGroupRepository groups, Clock clock, ZoneId zone, UnitBranches branches) {
        this.units = units;
        this.groups = groups;
        this.clock = clock;
        this.zone = zone;
        this.branches = branches;
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
     * The units whose work this unit took over, through any chain of successions (a ward merged into one that was
     * merged again): what was sent to them is the unit's business now. One query.
     */
    public Set<Long> predecessorsOf(Long unitId) {
        return unitId == null ? Set.of() : Set.copyOf(units.findPredecessorIds(unitId));
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

    /**
     * The units a dispatch to these units and groups reaches on that day: groups expanded, units that do not exist on
     * that day (groups may still list them) left out. One query, whatever the number of units.
     */
    public Set<Long> activeRecipients(Set<Long> unitIds, Set<Long> groupIds, LocalDate on) {
        if (unitIds.isEmpty() && groupIds.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(units.findActiveRecipientIds(
                unitIds.isEmpty() ? List.of(NO_ID) : unitIds, groupIds.isEmpty() ? List.of(NO_ID) : groupIds, on));
    }

    /** Stands in an empty list of ids (an SQL {@code in ()} is not valid); identities start at 1. */
    private static final Long NO_ID = -1L;

    /** Whether the unit exists on that day: from its {@code validFrom} (inclusive) to its {@code validTo} (exclusive). */
    public boolean isActive(UnitSummary unit, LocalDate on) {
        return Unit.isActive(unit.validFrom(), unit.validTo(), on);
    }

    /** The unit's parent, if it has one. */
    public Optional<UnitSummary> parentOf(UnitSummary unit) {
        return unit.parentId() == null ? Optional.empty() : unit(unit.parentId());
    }

    /**
     * The bodies above the unit, its parent first and the root last, however deep the tree. Two queries. A document's
     * heading names the body above its issuer, which tells apart units of one short name under different parents.
     */
    public List<UnitSummary> ancestorsOf(Long unitId) {
        if (unitId == null) {
            return List.of();
        }
        List<Long> path = branches.ancestors(List.of(unitId)).getOrDefault(unitId, List.of()).stream()
                .map(UnitBranches.UnitSummaryName::id)
                .toList();
        Map<Long, UnitSummary> byId = unitsById(path);
        List<UnitSummary> above = new ArrayList<>();
        for (int index = path.size() - 1; index >= 0; index--) {
            UnitSummary ancestor = byId.get(path.get(index));
            if (ancestor != null) {
                above.add(ancestor);
            }
        }
        return List.copyOf(above);
    }

    /** Registers a unit unless one with the same code exists; either way answers the unit under that code. */
    @Transactional
    public UnitSummary registerUnit(NewUnit spec) {
        return units.findByCode(spec.code())
                .orElseGet(() -> {
                    Long parentId = spec.parentCode() == null
                            ? null
                            : units.findByCode(spec.parentCode())
                                    .orElseThrow(() -> new UnitNotFoundException(spec.parentCode()))
                                    .getId();
                    return units.save(new Unit(spec, parentId, clock.instant()));
                })
                .toSummary();
    }

    /**
     * Ends the unit from {@code on} (the first day it no longer exists), its work passing to each of the successors,
     * unless it has ended already; either way answers the unit. The rules of {@code OrganizationAdministration.endUnit}
     * apply; several successors record a unit split among new ones, which the administration screen cannot.
     */
    @Transactional
    public UnitSummary registerEnd(String code, LocalDate on, List<String> successorCodes) {
        Unit unit = units.findByCode(code).orElseThrow(() -> new UnitNotFoundException(code));
        if (unit.toSummary().validTo() == null) {
            unit.end(
                    on,
                    successorCodes.stream()
                            .map(successor ->
                                    units.findByCode(successor).orElseThrow(() -> new UnitNotFoundException(successor)))
                            .toList());
            units.flush();
        }
        return unit.toSummary();
    }

    /** Registers a group with the given members unless one with the same code exists. */
    @Transactional
    public UnitGroupSummary registerGroup(String code, String name, String description, Iterable<String> unitCodes) {
        return groups.findByCode(code)
                .orElseGet(() -> {
                    UnitGroup group = new UnitGroup(code, name, description, clock.instant());
                    for (String unitCode : unitCodes) {
                        group.add(units.findByCode(unitCode)
                                .orElseThrow(() -> new UnitNotFoundException(unitCode))
                                .getId());
                    }
                    return groups.save(group);
                })
                .toSummary();
    }

    /**
     * One page of a unit's children, or of the roots when {@code parentId} is null, each closed and with its number
     * of children. With {@code activeOnly}, units that have ended or not yet begun are left out, also from the counts.
     */
    public UnitBranch branch(Long parentId, boolean activeOnly, int offset, int limit) {
        LocalDate activeOn = activeOnly ? LocalDate.ofInstant(clock.instant(), zone) : null;
        return toBranch(load(parentId, branches.childIds(parentId, activeOn), Math.max(offset, 0), limit, activeOn));
    }

    /**
     * The tree as a page first shows it, whatever the number of units: the first page of roots, then branches opened
     * breadth first down to {@code openDepth} levels while no more than {@code budget} units are shown. A unit to
     * {@code reveal} is shown with its ancestors open and its own children from {@code revealOffset}; that is how a
     * page without JavaScript walks the tree; then no other branch is opened.
     */
    public UnitBranch openTree(
            boolean activeOnly, int pageSize, int budget, int openDepth, Long reveal, int revealOffset) {
        LocalDate activeOn = activeOnly ? LocalDate.ofInstant(clock.instant(), zone) : null;
        List<Long> chain = new ArrayList<>();
        if (reveal != null && units.existsById(reveal)) {
            branches.ancestors(List.of(reveal))
                    .getOrDefault(reveal, List.of())
                    .forEach(ancestor -> chain.add(ancestor.id()));
            chain.add(reveal);
        }
        DraftBranch roots = loadAround(null, chain, pageSize, reveal == null ? revealOffset : 0, activeOn);
        int shown = roots.nodes.size();
        Deque<DraftNode> queue = new ArrayDeque<>(roots.nodes);
        while (!queue.isEmpty()) {
            DraftNode node = queue.poll();
            boolean forced = chain.contains(node.unit.id());
            // Showing a unit opens the way to it and nothing else, so that the page stays as small as the budget's.
            boolean fits = reveal == null
                    && node.depth < openDepth - 1
                    && shown + Math.min(node.childCount, pageSize) <= budget;
            if (node.childCount == 0 || !(forced || fits)) {
                continue;
            }
            int offset = node.unit.id().equals(reveal) ? revealOffset : 0;
            node.children = loadAround(node.unit.id(), chain, pageSize, offset, activeOn);
            node.children.nodes.forEach(child -> child.depth = node.depth + 1);
            shown += node.children.nodes.size();
            queue.addAll(node.children.nodes);
        }
        return toBranch(roots);
    }

    /** Units whose name contains the text, with or without diacritics, by name, each with its path; at most {@code limit}. */
    public List<UnitMatch> search(String text, boolean activeOnly, int limit) {
        String query = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (query.isEmpty()) {
            return List.of();
        }
        return withPaths(branches.search(query, activeOnly ? LocalDate.ofInstant(clock.instant(), zone) : null, limit));
    }

    /** The units, in the order given, each with the path of its ancestors; ids that do not exist are left out. */
    public List<UnitMatch> withPaths(Collection<Long> ids) {
        List<Long> ordered = List.copyOf(new LinkedHashSet<>(ids));
        Map<Long, List<UnitBranches.UnitSummaryName>> ancestors = branches.ancestors(ordered);
        return branches.summaries(ordered).stream()
                .map(unit -> new UnitMatch(
                        unit,
                        String.join(
                                " › ",
                                ancestors.getOrDefault(unit.id(), List.of()).stream()
                                        .map(UnitBranches.UnitSummaryName::name)
                                        .toList())))
                .toList();
    }

    /** A page of the branch: the one holding the next unit of the chain if that is a child here, so it is shown. */
    private DraftBranch loadAround(Long parentId, List<Long> chain, int pageSize, int offset, LocalDate activeOn) {
        List<Long> ids = branches.childIds(parentId, activeOn);
        int from = offset;
        for (Long link : chain) {
            int index = ids.indexOf(link);
            if (index >= 0 && (index < from || index >= from + pageSize)) {
                from = index - index % pageSize;
            }
        }
        return load(parentId, ids, from, pageSize, activeOn);
    }

    private DraftBranch load(Long parentId, List<Long> ids, int offset, int limit, LocalDate activeOn) {
        int from = Math.min(offset, ids.size());
        int to = Math.min(ids.size(), from + Math.max(limit, 1));
        List<Long> page = ids.subList(from, to);
        Map<Long, Integer> counts = branches.childCounts(page, activeOn);
        DraftBranch branch = new DraftBranch(parentId, to, to < ids.size());
        branches.summaries(page)
                .forEach(unit -> branch.nodes.add(new DraftNode(unit, counts.getOrDefault(unit.id(), 0))));
        return branch;
    }

    private static UnitBranch toBranch(DraftBranch draft) {
        return new UnitBranch(
                draft.parentId,
                draft.nodes.stream()
                        .map(node -> new UnitBranch.Node(
                                node.unit, node.childCount, node.children == null ? null : toBranch(node.children)))
                        .toList(),
                draft.next,
                draft.more);
    }

    /** A branch while {@link #openTree} is still deciding what to open. */
    private static final class DraftBranch {

        final Long parentId;

        final int next;

        final boolean more;

        final List<DraftNode> nodes = new ArrayList<>();

        DraftBranch(Long parentId, int next, boolean more) {
            this.parentId = parentId;
            this.next = next;
            this.more = more;
        }
    }

    private static final class DraftNode {

        final UnitSummary unit;

        final int childCount;

        int depth;

        DraftBranch children;

        DraftNode(UnitSummary unit, int childCount) {
            this.unit = unit;
            this.childCount = childCount;
        }
    }
}
