package vn.congvan.organization;

import java.text.Collator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the tree from all units at once (there are a few thousand at most), so a tree costs one query whatever its
 * depth. Order: depth-first, siblings by name in Vietnamese alphabetical order (Đ after D, Ư after U).
 */
final class UnitTree {

    static final Comparator<String> VIETNAMESE = vietnamese();

    private UnitTree() {}

    static List<UnitTreeEntry> of(Collection<UnitSummary> units) {
        Map<Long, UnitSummary> byId = new HashMap<>();
        units.forEach(unit -> byId.put(unit.id(), unit));
        Map<Long, List<UnitSummary>> children = new HashMap<>();
        List<UnitSummary> roots = new ArrayList<>();
        for (UnitSummary unit : units) {
            if (unit.parentId() == null || !byId.containsKey(unit.parentId())) {
                roots.add(unit);
            } else {
                children.computeIfAbsent(unit.parentId(), parent -> new ArrayList<>())
                        .add(unit);
            }
        }
        Comparator<UnitSummary> byName =
                Comparator.comparing(UnitSummary::name, VIETNAMESE).thenComparing(UnitSummary::code);
        children.values().forEach(siblings -> siblings.sort(byName));
        roots.sort(byName);

        List<UnitTreeEntry> entries = new ArrayList<>(units.size());
        Set<Long> visited = new HashSet<>();
        walk(roots, children, entries, visited);
        if (visited.size() < byId.size()) {
            // Only a cycle in parent_id leaves units unvisited; show them as roots rather than hide them.
            List<UnitSummary> stranded = new ArrayList<>(
                    units.stream().filter(u -> !visited.contains(u.id())).toList());
            stranded.sort(byName);
            walk(stranded, children, entries, visited);
        }
        return List.copyOf(entries);
    }

    private static void walk(
            List<UnitSummary> roots,
            Map<Long, List<UnitSummary>> children,
            List<UnitTreeEntry> entries,
            Set<Long> visited) {
        Deque<UnitTreeEntry> stack = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(new UnitTreeEntry(roots.get(i), 0));
        }
        while (!stack.isEmpty()) {
            UnitTreeEntry entry = stack.pop();
            if (!visited.add(entry.unit().id())) {
                continue;
            }
            entries.add(entry);
            List<UnitSummary> kids = children.getOrDefault(entry.unit().id(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(new UnitTreeEntry(kids.get(i), entry.depth() + 1));
            }
        }
    }

    private static Comparator<String> vietnamese() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        collator.setStrength(Collator.TERTIARY);
        // Collator is not thread-safe; the tree is built on request threads.
        return (left, right) -> {
            synchronized (collator) {
                return collator.compare(left, right);
            }
        };
    }
}
