package vn.congvan.dispatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who may see a dispatch, and its files: the one rule, offered as a predicate for what is in memory and as an SQL
 * condition for queries, so that pages, files, search, inbox and feed cannot drift apart (ADR 0030).
 * <ul>
 * <li>A published public dispatch is for everyone ({@link Audience#PUBLIC}).</li>
 * <li>A published or withdrawn dispatch is for the members of the units it was sent to, and of the units that took
 * their work over ({@link Audience#RECIPIENT}).</li>
 * <li>Every dispatch, drafts included, is for the clerks of its issuing unit ({@link Audience#ISSUER}).</li>
 * <li>Seen every way at once ({@link Audience#ANY}), an administrator also sees every dispatch that is not a
 * draft.</li>
 * <li>A withdrawn dispatch's files are frozen: only its issuer's clerks still fetch them; its page, with the reason,
 * stays for whoever saw it.</li>
 * </ul>
 * For everyone else a dispatch does not exist (404, never 403).
 */
public final class DispatchAccess {

    /**
     * The public rule in JPQL over a {@code Dispatch d}, for the catalogue's and the feed's queries (a constant, as
     * annotations need); {@link #condition} writes the same rule in SQL, and a test holds the two together.
     */
    public static final String PUBLIC_JPQL = "d.visibility = vn.congvan.dispatch.Visibility.PUBLIC"
            + " and d.status = vn.congvan.dispatch.DispatchStatus.PUBLISHED";

    static final String UNITS = "accessUnits";

    static final String CLERK_UNIT = "accessClerkUnit";

    private DispatchAccess() {}

    /**
     * Whether the dispatch was sent to any of the given units: asked only when the answer decides, because the
     * recipients of a dispatch may be thousands of units that are looked up, not loaded (ADR 0026).
     */
    @FunctionalInterface
    public interface SentTo {

        boolean anyOf(Set<Long> unitIds);

        /** Recipients already in hand. */
        static SentTo units(Collection<Long> recipientUnitIds) {
            return unitIds -> recipientUnitIds.stream().anyMatch(unitIds::contains);
        }
    }

    /** Whether the viewer may see the dispatch in that audience's section. */
    public static boolean canSee(
            Viewer viewer,
            Audience audience,
            DispatchStatus status,
            Visibility visibility,
            Long issuerUnitId,
            SentTo sentTo) {
        Objects.requireNonNull(viewer);
        boolean publicOne = status == DispatchStatus.PUBLISHED && visibility == Visibility.PUBLIC;
        boolean issued = viewer.isClerkOf(issuerUnitId);
        // The recipients are only asked about when the viewer receives anything and nothing else decides.
        boolean decided = switch (audience) {
            case PUBLIC, ISSUER -> true;
            case RECIPIENT -> false;
            case ANY -> publicOne || issued || (viewer.administrator() && status != DispatchStatus.DRAFT);
        };
        boolean received = !decided
                && status != DispatchStatus.DRAFT
                && viewer.isRecipient()
                && sentTo.anyOf(viewer.recipientUnitIds());
        return switch (audience) {
            case PUBLIC -> publicOne;
            case RECIPIENT -> received;
            case ISSUER -> issued;
            case ANY -> publicOne || issued || (viewer.administrator() && status != DispatchStatus.DRAFT) || received;
        };
    }

    /** Whether the viewer may fetch the dispatch's files (and their thumbnails) in that audience's section. */
    public static boolean canFetchFiles(
            Viewer viewer,
            Audience audience,
            DispatchStatus status,
            Visibility visibility,
            Long issuerUnitId,
            SentTo sentTo) {
        return canSee(viewer, audience, status, visibility, issuerUnitId, sentTo)
                && (status != DispatchStatus.WITHDRAWN || issuerReads(audience) && viewer.isClerkOf(issuerUnitId));
    }

    /**
     * {@link #canSee} as an SQL condition over the given columns, with its named parameters (prefixed
     * {@code access}). Only the branches that can hold for this viewer are written, so that the planner sees a
     * plain condition (an anonymous visitor's is the public one alone) and never a constant {@code false or ...}.
     */
    public static Condition condition(Viewer viewer, Audience audience, Columns columns) {
        Objects.requireNonNull(viewer);
        List<String> branches = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (audience == Audience.PUBLIC || audience == Audience.ANY) {
            branches.add(
                    columns.status() == null
                            ? columns.visibility() + " = 'PUBLIC'"
                            : "(" + columns.status() + " = 'PUBLISHED' and " + columns.visibility() + " = 'PUBLIC')");
        }
        if ((audience == Audience.ISSUER || audience == Audience.ANY) && viewer.clerkUnitId() != null) {
            branches.add(columns.issuerUnitId() + " = :" + CLERK_UNIT);
            parameters.put(CLERK_UNIT, viewer.clerkUnitId());
        }
        if (audience == Audience.ANY && viewer.administrator()) {
            branches.add(columns.status() == null ? "true" : columns.status() + " <> 'DRAFT'");
        }
        if ((audience == Audience.RECIPIENT || audience == Audience.ANY) && viewer.isRecipient()) {
            String received = columns.recipientUnitIds() != null
                    ? columns.recipientUnitIds() + " && cast(:" + UNITS + " as bigint[])"
                    : "exists (select 1 from dispatch_recipient_units access_r where access_r.dispatch_id = "
                            + columns.id() + " and access_r.unit_ids && cast(:" + UNITS + " as bigint[]))";
            branches.add(
                    columns.status() == null ? received : "(" + columns.status() + " <> 'DRAFT' and " + received + ")");
            parameters.put(UNITS, viewer.recipientUnitIds().stream().sorted().toArray(Long[]::new));
        }
        return new Condition(branches.isEmpty() ? "false" : "(" + String.join(" or ", branches) + ")", parameters);
    }

    /** {@link #canFetchFiles} as an SQL condition, as {@link #condition} writes it. */
    public static Condition filesCondition(Viewer viewer, Audience audience, Columns columns) {
        Condition seen = condition(viewer, audience, columns);
        if (columns.status() == null) {
            return seen;
        }
        String frozen = columns.status() + " <> 'WITHDRAWN'";
        Map<String, Object> parameters = new LinkedHashMap<>(seen.parameters());
        if (issuerReads(audience) && viewer.clerkUnitId() != null) {
            frozen = "(" + frozen + " or " + columns.issuerUnitId() + " = :" + CLERK_UNIT + ")";
            parameters.put(CLERK_UNIT, viewer.clerkUnitId());
        }
        return new Condition("(" + seen.sql() + " and " + frozen + ")", parameters);
    }

    private static boolean issuerReads(Audience audience) {
        return audience == Audience.ISSUER || audience == Audience.ANY;
    }

    /** An SQL condition and the named parameters it uses. */
    public record Condition(String sql, Map<String, Object> parameters) {

        public Condition {
            parameters = Map.copyOf(parameters);
        }
    }

    /**
     * Where a query keeps what the rule reads: SQL expressions (usually {@code alias.column}).
     *
     * @param id the dispatch's id, to find its recipients in {@code dispatch_recipient_units}
     * @param status the status; null where every row is a published dispatch (a read model of published ones)
     * @param visibility the visibility
     * @param issuerUnitId the issuing unit
     * @param recipientUnitIds a {@code bigint[]} of the recipient units where the query's table has one; null to look
     * them up by {@code id}
     */
    public record Columns(String id, String status, String visibility, String issuerUnitId, String recipientUnitIds) {

        /** The {@code dispatch} table under that alias. */
        public static Columns ofDispatchTable(String alias) {
            return new Columns(
                    alias + ".id", alias + ".status", alias + ".visibility", alias + ".issuer_unit_id", null);
        }

        /** A copy of published dispatches only, with the recipients in an array column. */
        public static Columns ofPublishedCopy(
                String id, String visibility, String issuerUnitId, String recipientUnitIds) {
            return new Columns(id, null, visibility, issuerUnitId, Objects.requireNonNull(recipientUnitIds));
        }
    }
}
