package vn.congvan.organization.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.util.UriComponentsBuilder;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitBranch;
import vn.congvan.organization.UnitMatch;

/**
 * A unit field of an administration form (a parent, a successor, the members of a group) as a lazy, searchable
 * tree instead of a list of every unit: the first levels, the units already chosen that the tree does not show, and
 * the units found by name. Deeper branches come from {@link UnitChoiceController}, so the page does not grow with the
 * number of units. {@code name} is the form field, also used as the prefix of ids; {@code single}: radio buttons and a
 * "none" choice, else checkboxes; {@code activeOnly}: ended units are not offered; {@code excluded}: a unit left out
 * with its whole branch (the unit being moved).
 */
public record UnitChoice(
        String name,
        boolean single,
        boolean activeOnly,
        Long excluded,
        UnitBranch tree,
        List<UnitMatch> chosenElsewhere,
        Set<Long> chosen,
        List<UnitMatch> matches,
        String query,
        boolean browsed) {

    static final int PAGE = 50;

    static final int BUDGET = 60;

    static final int OPEN_DEPTH = 3;

    static final int SEARCH_LIMIT = 50;

    /** Where tree.js asks for a branch; the query string carries what the server needs to render it alike. */
    public String source() {
        return query("/quan-tri/don-vi/chon").build().toUriString();
    }

    public String searchSource() {
        return query("/quan-tri/don-vi/chon/tim").build().toUriString();
    }

    private UriComponentsBuilder query(String path) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path)
                .queryParam("ten", name)
                .queryParam("kieu", single ? "mot" : "nhieu");
        if (activeOnly) {
            builder.queryParam("hieu-luc", "true");
        }
        if (excluded != null) {
            builder.queryParam("tru", excluded);
        }
        return builder;
    }

    /** The input type of the boxes. */
    public String type() {
        return single ? "radio" : "checkbox";
    }

    /** Whether the "none" choice is ticked: a single choice with nothing chosen. */
    public boolean none() {
        return chosen.isEmpty();
    }

    /**
     * The field as a page shows it, with {@code chosen} ticked; {@code navigation} (a form posted back without
     * JavaScript) opens a branch or lists the units found. {@code excludedBranch}: the excluded unit and its
     * descendants, left out of the units found.
     */
    static UnitChoice of(
            OrganizationDirectory directory,
            String name,
            boolean single,
            boolean activeOnly,
            Long excluded,
            Set<Long> excludedBranch,
            Set<Long> chosen,
            UnitNavigation navigation) {
        boolean opens = navigation.opens(name);
        UnitBranch tree = without(
                directory.openTree(
                        activeOnly,
                        PAGE,
                        BUDGET,
                        OPEN_DEPTH,
                        opens ? navigation.unitId() : null,
                        opens ? navigation.offset() : 0),
                excluded);
        List<UnitMatch> matches =
                navigation.searches(name) ? found(directory, navigation.query(), activeOnly, excludedBranch) : null;
        Set<Long> shown = new HashSet<>();
        collect(tree, shown);
        if (matches != null) {
            matches.forEach(match -> shown.add(match.unit().id()));
        }
        // Each chosen unit gets one box on the page: in the tree or the results if shown there, else in this list.
        List<Long> elsewhere =
                chosen.stream().filter(id -> id != null && !shown.contains(id)).toList();
        return new UnitChoice(
                name,
                single,
                activeOnly,
                excluded,
                tree,
                directory.withPaths(elsewhere),
                Set.copyOf(chosen.stream().filter(id -> id != null).toList()),
                matches,
                navigation.searches(name) ? navigation.query() : "",
                opens || matches != null);
    }

    /** Units found by name, those of {@code excludedBranch} left out. */
    static List<UnitMatch> found(
            OrganizationDirectory directory, String query, boolean activeOnly, Set<Long> excludedBranch) {
        return directory.search(query, activeOnly, SEARCH_LIMIT).stream()
                .filter(match -> !excludedBranch.contains(match.unit().id()))
                .toList();
    }

    /** The branch without the excluded unit: its own branch cannot be opened then, so none of it is offered. */
    static UnitBranch without(UnitBranch branch, Long excluded) {
        if (excluded == null) {
            return branch;
        }
        return new UnitBranch(
                branch.parentId(),
                branch.nodes().stream()
                        .filter(node -> !node.unit().id().equals(excluded))
                        .map(node -> node.open()
                                ? new UnitBranch.Node(
                                        node.unit(), node.childCount(), without(node.children(), excluded))
                                : node)
                        .toList(),
                branch.nextOffset(),
                branch.more());
    }

    private static void collect(UnitBranch branch, Set<Long> ids) {
        branch.nodes().forEach(node -> {
            ids.add(node.unit().id());
            if (node.open()) {
                collect(node.children(), ids);
            }
        });
    }
}
