package vn.congvan.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the tree a branch at a time, for pages that must not grow with the number of units. Siblings are ordered
 * as {@link UnitTree} orders them (Vietnamese alphabetical order, which PostgreSQL's collations do not promise),
 * so a branch's ids and names are sorted here and only the page's units are read whole.
 */
@Component
class UnitBranches {

    private static final String ACTIVE = " and (u.valid_from is null or u.valid_from <= :today)"
            + " and (u.valid_to is null or u.valid_to > :today)";

    private final NamedParameterJdbcTemplate jdbc;

    private final UnitRepository units;

    UnitBranches(NamedParameterJdbcTemplate jdbc, UnitRepository units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** The ids of a unit's children (or of the roots), in tree order. */
    List<Long> childIds(Long parentId, LocalDate activeOn) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("parent", parentId).addValue("today", activeOn);
        String sql = "select u.id, u.name, u.code from unit u where "
                + (parentId == null ? "u.parent_id is null" : "u.parent_id = :parent")
                + (activeOn == null ? "" : ACTIVE);
        List<Sibling> siblings = new ArrayList<>(jdbc.query(
                sql, parameters, (row, n) -> new Sibling(row.getLong(1), row.getString(2), row.getString(3))));
        siblings.sort(Comparator.comparing(Sibling::name, UnitTree.VIETNAMESE).thenComparing(Sibling::code));
        return siblings.stream().map(Sibling::id).toList();
    }

    /** How many children (active ones only, when {@code activeOn} is given) each of the units has; leaves are absent. */
    Map<Long, Integer> childCounts(Collection<Long> ids, LocalDate activeOn) {
        Map<Long, Integer> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        jdbc.query(
                "select u.parent_id, count(*) from unit u where u.parent_id in (:ids)"
                        + (activeOn == null ? "" : ACTIVE) + " group by u.parent_id",
                new MapSqlParameterSource("ids", ids).addValue("today", activeOn),
                row -> {
                    counts.put(row.getLong(1), row.getInt(2));
                });
        return counts;
    }

    /** The units, in the order of the ids. */
    List<UnitSummary> summaries(List<Long> ids) {
        Map<Long, UnitSummary> byId = new HashMap<>();
        units.findAllById(ids).forEach(unit -> byId.put(unit.getId(), unit.toSummary()));
        return ids.stream().map(byId::get).filter(unit -> unit != null).toList();
    }

    /**
     * Units whose name contains the text, compared without diacritics or case (unaccent maps đ to d), by name;
     * at most {@code limit}. The trigram index of V29 serves the "contains" match.
     */
    List<Long> search(String text, LocalDate activeOn, int limit) {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.queryForList(
                "select u.id from unit u"
                        + " where lower(immutable_unaccent(u.name)) like lower(immutable_unaccent(:pattern))"
                        + (activeOn == null ? "" : ACTIVE)
                        + " order by lower(immutable_unaccent(u.name)), u.id limit :limit",
                new MapSqlParameterSource("pattern", pattern)
                        .addValue("today", activeOn)
                        .addValue("limit", limit),
                Long.class);
    }

    /** For each unit, its ancestors from the root down (the unit itself not included). One query. */
    Map<Long, List<UnitSummaryName>> ancestors(Collection<Long> ids) {
        Map<Long, List<UnitSummaryName>> paths = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return paths;
        }
        // The depth bound keeps a cycle in parent_id (which the administration forbids) from looping forever.
        jdbc.query("""
                with recursive up (leaf, id, parent_id, name, depth) as (
                    select u.id, u.id, u.parent_id, u.name, 0 from unit u where u.id in (:ids)
                    union all
                    select up.leaf, p.id, p.parent_id, p.name, up.depth + 1
                    from unit p join up on p.id = up.parent_id where up.depth < 64
                )
                select leaf, id, name from up where depth > 0 order by leaf, depth desc""", new MapSqlParameterSource("ids", ids), row -> {
            paths.computeIfAbsent(row.getLong(1), leaf -> new ArrayList<>())
                    .add(new UnitSummaryName(row.getLong(2), row.getString(3)));
        });
        return paths;
    }

    /** The id and name of an ancestor. */
    record UnitSummaryName(Long id, String name) {}

    private record Sibling(Long id, String name, String code) {}
}
