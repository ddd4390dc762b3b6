package vn.congvan.dispatch.web;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitBranch;
import vn.congvan.organization.UnitGroupSummary;
import vn.congvan.organization.UnitMatch;

/**
 * What a drafter picks recipients from: the groups, and per list (addressees, distribution) a picker that shows the
 * first levels of the unit tree, the units already chosen that the tree does not show, and the units found by name.
 * Deeper branches load on demand, so the form does not grow with the number of units.
 */
record RecipientChoices(List<UnitGroupSummary> groups, Map<String, Picker> pickers) {

    /** Units per branch and at most this many units opened on the form's first rendering, per picker. */
    static final int PAGE = 100;

    static final int BUDGET = 60;

    /** Roots and their children are shown open, budget permitting. */
    static final int OPEN_DEPTH = 3;

    static final int SEARCH_LIMIT = 50;

    static final List<String> ROLES = List.of("addressee", "distribution");

    static RecipientChoices of(OrganizationDirectory organization, DispatchForm form, Navigation navigation) {
        UnitBranch usual = null;
        Map<String, Picker> pickers = new LinkedHashMap<>();
        for (String role : ROLES) {
            UnitBranch tree;
            if (navigation.opens(role)) {
                tree = organization.openTree(true, PAGE, BUDGET, OPEN_DEPTH, navigation.unitId(), navigation.offset());
            } else {
                if (usual == null) {
                    usual = organization.openTree(true, PAGE, BUDGET, OPEN_DEPTH, null, 0);
                }
                tree = usual;
            }
            List<UnitMatch> matches =
                    navigation.searches(role) ? organization.search(navigation.query(), true, SEARCH_LIMIT) : null;
            Set<Long> chosenIds = "addressee".equals(role) ? form.getAddresseeUnits() : form.getDistributionUnits();
            // Each chosen unit gets one checkbox on the page: in the tree or the results if shown there, else here.
            Set<Long> shown = new HashSet<>();
            collect(tree, shown);
            if (matches != null) {
                matches.forEach(match -> shown.add(match.unit().id()));
            }
            List<Long> elsewhere =
                    chosenIds.stream().filter(id -> !shown.contains(id)).toList();
            pickers.put(
                    role,
                    new Picker(
                            tree,
                            organization.withPaths(elsewhere),
                            matches,
                            navigation.searches(role) ? navigation.query() : "",
                            navigation.opens(role) || matches != null));
        }
        return new RecipientChoices(organization.allGroups(), pickers);
    }

    private static void collect(UnitBranch branch, Set<Long> ids) {
        branch.nodes().forEach(node -> {
            ids.add(node.unit().id());
            if (node.open()) {
                collect(node.children(), ids);
            }
        });
    }

    /**
     * One list's picker: the tree as first shown, the chosen units outside it (with their path), the units found by
     * name (null when no search was made), the text searched, and whether the picker is shown unfolded.
     */
    record Picker(UnitBranch tree, List<UnitMatch> chosen, List<UnitMatch> matches, String query, boolean open) {}

    /**
     * What a form posted back without JavaScript asks the picker to show: a branch opened ({@code mo} =
     * "role:unitId:offset", the unit empty for the roots) or a search ({@code tim} = role, the text in
     * {@code q-role}). Anything malformed shows the usual picker.
     */
    record Navigation(String role, Long unitId, int offset, String query) {

        static final Navigation NONE = new Navigation(null, null, 0, null);

        static Navigation open(String value) {
            String[] parts = value == null ? new String[0] : value.split(":", -1);
            if (parts.length != 3 || !ROLES.contains(parts[0])) {
                return NONE;
            }
            try {
                Long unit = parts[1].isEmpty() ? null : Long.valueOf(parts[1]);
                return new Navigation(parts[0], unit, Math.max(0, Integer.parseInt(parts[2])), null);
            } catch (NumberFormatException ex) {
                return NONE;
            }
        }

        static Navigation search(String role, String query) {
            return ROLES.contains(role) && query != null && !query.isBlank()
                    ? new Navigation(role, null, 0, query.strip())
                    : NONE;
        }

        boolean opens(String role) {
            return role.equals(this.role) && query == null;
        }

        boolean searches(String role) {
            return role.equals(this.role) && query != null;
        }
    }
}
