package vn.congvan.dispatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;

/**
 * Reading dispatches. Every method answers only what the viewer may see: the rule is {@link DispatchAccess}'s, asked
 * of the aggregate in memory or written into the query, never of URL patterns.
 */
@Service
@Transactional(readOnly = true)
public class DispatchCatalog {

    private final DispatchRepository dispatches;

    private final DispatchTypeRepository types;

    private final JdbcClient jdbc;

    private final PublicListingRows publicRows;

    private final OrganizationDirectory organization;

    private volatile Map<String, String> documentTypes;

    DispatchCatalog(
            DispatchRepository dispatches,
            DispatchTypeRepository types,
            JdbcClient jdbc,
            PublicListingRows publicRows,
            OrganizationDirectory organization) {
        this.dispatches = dispatches;
        this.types = types;
        this.jdbc = jdbc;
        this.publicRows = publicRows;
        this.organization = organization;
    }

    /** The codes of the types that address their recipients under "Kính gửi" (a công văn, a tờ trình, a giấy mời). */
    public Set<String> typesWithAddressees() {
        return types.findAll().stream()
                .filter(DispatchType::usesAddressees)
                .map(DispatchType::getCode)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The signers of the issuer's latest published dispatches, most recent first, each once: what its drafting form
     * offers, since a unit's documents are signed by the same few people.
     */
    public List<Signer> usualSigners(Long issuerUnitId, int limit) {
        return jdbc.sql("""
                        select signer_competence, signer_authority, signer_position, signer_name
                          from dispatch
                         where issuer_unit_id = ? and status <> 'DRAFT' and signer_name is not null
                         group by signer_competence, signer_authority, signer_position, signer_name
                         order by max(published_at) desc nulls last
                         limit ?
                        """)
                .params(issuerUnitId, limit)
                .query((row, index) -> new Signer(
                        row.getString("signer_competence"),
                        row.getString("signer_authority"),
                        row.getString("signer_position"),
                        row.getString("signer_name")))
                .list();
    }

    /** The dispatch as its page shows it; a draft's number line needs its issuer's symbol, read only then. */
    private DispatchView view(Dispatch dispatch, Dispatch.Links links) {
        String symbol = dispatch.getStatus() == DispatchStatus.DRAFT
                ? organization
                        .unit(dispatch.getIssuerUnitId())
                        .map(UnitSummary::symbolCode)
                        .orElse(null)
                : null;
        return dispatch.toView(links, symbol);
    }

    /**
     * Document types by code, in the order of their names. Only migrations write them (Flyway runs before the portal
     * serves), so they are read once per process: the search page and the registers show them on every view, and a
     * read-only transaction and a query for a list that never changes cost more than the rest of the filter form
     * (ADR 0052). No transaction of its own once read.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<String, String> documentTypes() {
        Map<String, String> known = documentTypes;
        if (known == null) {
            Map<String, String> byCode = new LinkedHashMap<>();
            types.findAll(Sort.by("name")).forEach(type -> byCode.put(type.getCode(), type.getName()));
            known = Collections.unmodifiableMap(byCode);
            documentTypes = known;
        }
        return known;
    }

    /** Published public dispatches, newest first. */
    public Page<DispatchSummary> publicDispatches(Pageable pageable) {
        return dispatches.findPublished(pageable).map(Dispatch::toSummary);
    }

    /**
     * A page of published public dispatches, newest first: the first page, the page after position {@code older}
     * or the page before position {@code newer} (positions as {@link PublicListing} hands them out; one that cannot
     * be read is the first page). One query of size + 1 rows, and no count.
     */
    public PublicListing publicListing(String older, String newer, int size) {
        Optional<PublicListing.Position> after = PublicListing.Position.parse(older);
        Optional<PublicListing.Position> before =
                after.isPresent() ? Optional.empty() : PublicListing.Position.parse(newer);
        List<DispatchSummary> rows;
        boolean more;
        boolean earlier;
        if (before.isPresent()) {
            List<DispatchSummary> found =
                    publicRows.before(before.get().issuedOn(), before.get().id(), size + 1);
            more = true;
            earlier = found.size() > size;
            rows = new ArrayList<>(found.subList(0, Math.min(size, found.size())));
            Collections.reverse(rows);
            if (rows.isEmpty()) {
                return publicListing(null, null, size);
            }
        } else {
            List<DispatchSummary> found = after.isPresent()
                    ? publicRows.after(after.get().issuedOn(), after.get().id(), size + 1)
                    : publicRows.latest(size + 1);
            earlier = after.isPresent();
            more = found.size() > size;
            rows = found.subList(0, Math.min(size, found.size()));
        }
        Optional<String> newerPage =
                earlier && !rows.isEmpty() ? Optional.of(PublicListing.position(rows.get(0))) : Optional.empty();
        Optional<String> olderPage = more && !rows.isEmpty()
                ? Optional.of(PublicListing.position(rows.get(rows.size() - 1)))
                : Optional.empty();
        return new PublicListing(rows, newerPage, olderPage);
    }

    /** The newest published public dispatches (home page, feed): a list, so no count is run. */
    public List<DispatchSummary> latestPublic(int count) {
        return publicRows.latest(count);
    }

    /** A published public dispatch with everything its page shows; empty for anything else. */
    public Optional<DispatchView> publicDispatch(Long id) {
        return visibleDispatch(id, Viewer.anonymous(), Audience.PUBLIC);
    }

    /** The dispatch with everything its page shows, if the viewer may see it in some section. */
    public Optional<DispatchView> visibleDispatch(Long id, Viewer viewer) {
        return visibleDispatch(id, viewer, Audience.ANY);
    }

    /**
     * The dispatch with everything its page shows, if the viewer may see it in that audience's section (an inbox
     * shows what was sent to the member's units, even where the dispatch is also public).
     */
    public Optional<DispatchView> visibleDispatch(Long id, Viewer viewer, Audience audience) {
        return dispatches
                .findWithRecipients(id)
                .filter(dispatch -> isVisible(dispatch, viewer, audience))
                .map(dispatch -> view(dispatch, links(dispatch, viewer)));
    }

    /**
     * A published dispatch regardless of who asks, with the units it was sent to: for read models (search) that
     * apply the same access rule themselves. Never hand its result to a page directly.
     */
    public Optional<IndexableDispatch> publishedForIndexing(Long id) {
        return dispatches
                .findWithRecipients(id)
                .filter(dispatch -> dispatch.getStatus() == DispatchStatus.PUBLISHED)
                .map(dispatch -> new IndexableDispatch(
                        view(dispatch, new Dispatch.Links(null, List.of(), null, List.of())),
                        Set.copyOf(dispatches.findRecipientUnitIds(id))));
    }

    /** When the dispatch was sent and withdrawn, regardless of who asks; empty for a draft or an unknown id. */
    public Optional<SentDispatch> sent(Long id) {
        return dispatches.findById(id).flatMap(Dispatch::toSent);
    }

    /**
     * Which of the given units the dispatch was sent to: one lookup in its frozen recipients, whatever the number of
     * units asked about (a member reads for their unit and the units it took over).
     */
    public Set<Long> sentAmong(Long id, Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        select unit_id from dispatch_recipient_units r, unnest(r.unit_ids) unit_id
                        where r.dispatch_id = :id and unit_id = any (cast(:units as bigint[]))
                        """)
                .param("id", id)
                .param("units", unitIds.stream().sorted().toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    /**
     * Whether the dispatch is restricted to its recipients: its PDFs go to them as stamped copies (ADR 0043). Asked
     * after the access check, so it tells nothing to anyone who may not see the dispatch.
     */
    public boolean isRestricted(Long id) {
        return jdbc.sql("select exists (select 1 from dispatch where id = :id and visibility = 'RESTRICTED')")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /**
     * Whether the viewer may fetch the dispatch's files in that audience's section: one statement with the policy's
     * condition, so that the recipients of a dispatch sent to thousands of units are looked up, not loaded.
     */
    public boolean filesAreFor(Long id, Viewer viewer, Audience audience) {
        DispatchAccess.Condition access =
                DispatchAccess.filesCondition(viewer, audience, DispatchAccess.Columns.ofDispatchTable("d"));
        return jdbc.sql("select exists (select 1 from dispatch d where d.id = :id and " + access.sql() + ")")
                .param("id", id)
                .params(access.parameters())
                .query(Boolean.class)
                .single();
    }

    /**
     * The status of the dispatch if the clerk acts for its issuer; empty otherwise. One lookup, for the clerk's
     * requests that need no more than the right to touch the dispatch (files, actions).
     */
    public Optional<DispatchStatus> statusForIssuingClerk(Long id, Viewer clerk) {
        return dispatches
                .findById(id)
                .filter(dispatch -> dispatch.isIssuedBy(clerk))
                .map(Dispatch::getStatus);
    }

    /** The dispatches an issuing unit drafted or published, most recently changed first. */
    public Page<DispatchSummary> ofIssuer(Long issuerUnitId, Pageable pageable) {
        return dispatches.findByIssuer(issuerUnitId, pageable).map(Dispatch::toSummary);
    }

    /** Summaries by id, in one query; ids that do not exist are left out. */
    public Map<Long, DispatchSummary> summaries(Collection<Long> ids) {
        return dispatches.findByIdIn(ids).stream()
                .map(Dispatch::toSummary)
                .collect(Collectors.toMap(DispatchSummary::id, Function.identity()));
    }

    /**
     * The report deadlines (hạn báo cáo) of those dispatches that ask for a report, by id, in one query: the inbox
     * marks them without loading each dispatch.
     */
    public Map<Long, LocalDate> reportDueDates(Collection<Long> ids) {
        Map<Long, LocalDate> due = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, report_due_on from dispatch where id = any (cast(:ids as bigint[]))"
                            + " and report_due_on is not null")
                    .param("ids", ids.toArray(Long[]::new))
                    .query((row, number) -> Map.entry(row.getLong(1), row.getObject(2, LocalDate.class)))
                    .list()
                    .forEach(entry -> due.put(entry.getKey(), entry.getValue()));
        }
        return due;
    }

    /**
     * What the readers of these dispatches are told after they were sent (withdrawal, published correction or
     * replacement), by id, in one query whatever the number of ids; dispatches with no news are left out. Answers
     * regardless of who asks: callers pass the ids of dispatches their reader may see (an inbox page, the feed).
     */
    public Map<Long, DispatchNotice> notices(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, DispatchNotice> notices = new LinkedHashMap<>();
        jdbc.sql("""
                        select d.id, d.family, d.number, d.symbol, t.name as type_name, d.subject, d.visibility,
                               d.withdrawn_at, d.withdrawal_reason,
                               s.id as s_id, s.family as s_family, s.number as s_number, s.symbol as s_symbol,
                               s.issued_on as s_issued_on, s.issuer_name as s_issuer_name, s.subject as s_subject,
                               s.status as s_status, s.visibility as s_visibility, s.relation as s_relation,
                               s.published_at as s_published_at
                          from dispatch d
                          join dispatch_type t on t.code = d.type_code
                          left join lateral (
                                select n.* from dispatch n
                                 where n.related_id = d.id and n.status = 'PUBLISHED'
                                 order by n.published_at desc, n.id desc limit 1) s on true
                         where d.id = any (cast(:ids as bigint[]))
                           and (d.withdrawn_at is not null or s.id is not null)
                        """)
                .param("ids", ids.stream().distinct().sorted().toArray(Long[]::new))
                .query((row, index) -> {
                    DispatchFamily family = DispatchFamily.valueOf(row.getString("family"));
                    int number = row.getInt("number");
                    String notation = row.wasNull() ? null : family.notation(number, row.getString("symbol"));
                    DispatchReference successor = null;
                    DispatchRelation relation = null;
                    java.time.Instant successorPublishedAt = null;
                    long successorId = row.getLong("s_id");
                    if (!row.wasNull()) {
                        DispatchFamily successorFamily = DispatchFamily.valueOf(row.getString("s_family"));
                        successor = new DispatchReference(
                                successorId,
                                successorFamily.notation(row.getInt("s_number"), row.getString("s_symbol")),
                                row.getObject("s_issued_on", java.time.LocalDate.class),
                                row.getString("s_issuer_name"),
                                row.getString("s_subject"),
                                DispatchStatus.valueOf(row.getString("s_status")),
                                Visibility.valueOf(row.getString("s_visibility")));
                        relation = DispatchRelation.valueOf(row.getString("s_relation"));
                        successorPublishedAt = instant(row, "s_published_at");
                    }
                    return new DispatchNotice(
                            row.getLong("id"),
                            row.getString("type_name"),
                            notation,
                            row.getString("subject"),
                            Visibility.valueOf(row.getString("visibility")),
                            instant(row, "withdrawn_at"),
                            row.getString("withdrawal_reason"),
                            successor,
                            relation,
                            successorPublishedAt);
                })
                .list()
                .forEach(notice -> notices.put(notice.dispatchId(), notice));
        return notices;
    }

    /**
     * The withdrawal notice of a withdrawn dispatch that the viewer could see in that audience's section while it
     * was published (a visitor: a public one; a member: one sent to their units); empty for anything else, which
     * stays a 404.
     */
    public Optional<DispatchNotice> withdrawal(Long id, Viewer viewer, Audience audience) {
        return dispatches
                .findById(id)
                .filter(dispatch -> dispatch.getStatus() == DispatchStatus.WITHDRAWN)
                .filter(dispatch -> dispatch.wasVisibleTo(
                        viewer,
                        audience,
                        units -> !sentAmong(dispatch.getId(), units).isEmpty()))
                .map(dispatch -> notices(List.of(id), viewer, audience).get(id));
    }

    /**
     * As {@link #notices(Collection)}, for one reader in one section: a successor the reader may not open there (a
     * replacement sent to other units only) is left out, its number and subject being none of theirs, and a notice
     * left with nothing to tell goes.
     */
    public Map<Long, DispatchNotice> notices(Collection<Long> ids, Viewer viewer, Audience audience) {
        Map<Long, DispatchNotice> readable = new LinkedHashMap<>();
        Map<Long, Boolean> opens = new java.util.HashMap<>();
        notices(ids).forEach((id, notice) -> {
            DispatchNotice kept = notice;
            if (notice.hasSuccessor()
                    && !opens.computeIfAbsent(
                            notice.successor().id(),
                            successor -> dispatches
                                    .findById(successor)
                                    .filter(other -> isVisible(other, viewer, audience))
                                    .isPresent())) {
                kept = notice.withoutSuccessor();
            }
            if (kept.isNews()) {
                readable.put(id, kept);
            }
        });
        return readable;
    }

    /** The units the dispatch was sent to (its frozen recipients), for notices to all of them; empty for a draft. */
    public List<Long> recipientUnitIds(Long id) {
        return dispatches.findRecipientUnitIds(id);
    }

    /**
     * Public dispatches with news (withdrawn, or corrected or replaced by a published one), the most recently changed
     * first: the feed carries them as updated entries.
     */
    public List<DispatchSummary> recentlyChangedPublic(int limit) {
        return publicRows.changed(limit);
    }

    private static java.time.Instant instant(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        java.time.OffsetDateTime value = row.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private Dispatch.Links links(Dispatch dispatch, Viewer viewer) {
        DispatchReference forwards = visibleReference(dispatch.getForwardsId(), viewer);
        DispatchReference related = visibleReference(dispatch.getRelatedId(), viewer);
        return new Dispatch.Links(
                forwards,
                visible(dispatches.findByForwardsIdOrderByIssuedOnAscIdAsc(dispatch.getId()), viewer),
                related,
                visible(dispatches.findByRelatedIdOrderByIdAsc(dispatch.getId()), viewer));
    }

    private DispatchReference visibleReference(Long id, Viewer viewer) {
        return id == null
                ? null
                : dispatches
                        .findById(id)
                        .filter(other -> isVisible(other, viewer, Audience.ANY))
                        .map(Dispatch::toReference)
                        .orElse(null);
    }

    private List<DispatchReference> visible(List<Dispatch> candidates, Viewer viewer) {
        return candidates.stream()
                .filter(other -> isVisible(other, viewer, Audience.ANY))
                .map(Dispatch::toReference)
                .toList();
    }

    /**
     * The policy asked of the aggregate; whether the dispatch was sent to one of the viewer's units is looked up in
     * its frozen recipients only when that decides (they may be thousands of units, never loaded; ADR 0026).
     */
    private boolean isVisible(Dispatch dispatch, Viewer viewer, Audience audience) {
        return dispatch.isVisibleTo(
                viewer, audience, units -> !sentAmong(dispatch.getId(), units).isEmpty());
    }
}
