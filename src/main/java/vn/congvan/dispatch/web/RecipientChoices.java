package vn.congvan.dispatch.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.congvan.organization.UnitGroupSummary;
import vn.congvan.organization.UnitTreeEntry;

/** What a drafter picks recipients from: the groups, and the unit tree indented by depth. */
record RecipientChoices(List<UnitGroupSummary> groups, List<UnitOption> units) {

    static RecipientChoices of(List<UnitGroupSummary> groups, List<UnitTreeEntry> tree) {
        return new RecipientChoices(groups, tree.stream()
                .map(entry -> new UnitOption(entry.unit().id(), entry.unit().name(), entry.depth())).toList());
    }

    Map<Long, String> groupNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        groups.forEach(group -> names.put(group.id(), group.name()));
        return names;
    }

    Map<Long, String> unitNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        units.forEach(unit -> names.put(unit.id(), unit.name()));
        return names;
    }

    record UnitOption(Long id, String name, int depth) {

        /** The indentation class of the option in the picker. */
        public String indent() {
            return "indent-" + Math.min(depth, 6);
        }
    }
}
