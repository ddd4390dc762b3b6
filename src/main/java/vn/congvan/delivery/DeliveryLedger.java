package vn.congvan.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.delivery.DeliveryEvent.Kind;
import vn.congvan.dispatch.Audience;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchFileDownloaded;
import vn.congvan.dispatch.DispatchNotice;
import vn.congvan.dispatch.DispatchPublished;
import vn.congvan.dispatch.DispatchSuccessorPublished;
import vn.congvan.dispatch.DispatchSummary;
import vn.congvan.dispatch.DispatchWithdrawn;
import vn.congvan.dispatch.SentDispatch;
import vn.congvan.dispatch.Viewer;

/**
 * The per-unit delivery ledger and the units' inboxes. Lines are written right after the publishing transaction
 * committed, from the recipients it froze (ADR 0026), and a member who comes before them gets the line on the spot;
 * each moment is recorded once, the first time, while every view, download and acknowledgement is still reported
 * as an event.
 */
@Service
@Transactional
public class DeliveryLedger {

    private final DeliveryRepository deliveries;

    private final DispatchCatalog catalog;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final JdbcTemplate jdbc;

    DeliveryLedger(
            DeliveryRepository deliveries,
            DispatchCatalog catalog,
            ApplicationEventPublisher events,
            Clock clock,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The ledger lines of a publication, one statement for all the recipient units, after the publication committed
     * and in a transaction of its own (ADR 0026): the publishing request keeps the frozen recipients (one row) and
     * the event publication registry keeps this event until the lines are written, so a failure or a crash here is
     * retried, never lost. Idempotent: a retried event writes no second line. A withdrawal that committed first is
     * carried onto the new lines; one that comes later finds them (both hold the dispatch's ledger lock).
     */
    @ApplicationModuleListener
    void on(DispatchPublished published) {
        lockLedger(published.dispatchId());
        Long[] unitIds = published.recipientUnitIds().stream().sorted().toArray(Long[]::new);
        jdbc.update("""
                    insert into delivery (dispatch_id, unit_id, delivered_at)
                    select ?, unit_id, ? from unnest(?) as recipient (unit_id)
                    on conflict (dispatch_id, unit_id) do nothing
                    """, insert -> {
            insert.setLong(1, published.dispatchId());
            insert.setTimestamp(2, Timestamp.from(published.sentAt()));
            insert.setArray(3, insert.getConnection().createArrayOf("bigint", unitIds));
        });
        catalog.sent(published.dispatchId())
                .map(SentDispatch::withdrawnAt)
                .ifPresent(at -> deliveries.markWithdrawn(published.dispatchId(), at));
    }

    /**
     * In the withdrawing transaction: one statement however many lines, and no recipient can fetch a file after the
     * withdrawal committed. The line stays in the inbox as a notice, raised to the top.
     */
    @EventListener
    void on(DispatchWithdrawn withdrawn) {
        lockLedger(withdrawn.dispatchId());
        deliveries.markWithdrawn(withdrawn.dispatchId(), withdrawn.at());
    }

    /**
     * The correction or replacement of a dispatch was published: the earlier dispatch's lines rise in the inboxes
     * with the notice (one statement, after the publication committed, retried by the publication registry).
     */
    @ApplicationModuleListener
    void on(DispatchSuccessorPublished published) {
        lockLedger(published.dispatchId());
        deliveries.markNoticed(published.dispatchId(), published.at());
    }

    /** The download of a file from the inbox's file path. */
    @EventListener
    public void on(DispatchFileDownloaded downloaded) {
        record(
                Kind.DOWNLOADED,
                downloaded.dispatchId(),
                downloaded.attachmentId(),
                downloaded.copyId(),
                downloaded.viewer());
    }

    /**
     * What was sent to the member's units (their own and those it took over), the latest delivery or notice first,
     * withdrawn dispatches included as notices; empty for anyone who receives nothing. Three queries a page.
     */
    @Transactional(readOnly = true)
    public Page<InboxItem> inbox(Viewer member, Pageable pageable) {
        if (!member.isRecipient()) {
            return Page.empty(pageable);
        }
        Page<Delivery> page = deliveries.findInbox(member.recipientUnitIds(), pageable);
        List<Long> ids = page.map(Delivery::getDispatchId).getContent();
        Map<Long, DispatchSummary> dispatches = catalog.summaries(ids);
        Map<Long, DispatchNotice> notices = catalog.notices(ids, member, Audience.RECIPIENT);
        Map<Long, LocalDate> due = catalog.reportDueDates(ids);
        Map<List<Long>, Instant> reported = new HashMap<>();
        if (!due.isEmpty()) {
            jdbc.query(
                    "select dispatch_id, unit_id, submitted_at from report where dispatch_id = any(?) and unit_id = any(?)",
                    (RowCallbackHandler) rs -> reported.put(
                            List.of(rs.getLong(1), rs.getLong(2)),
                            rs.getTimestamp(3).toInstant()),
                    due.keySet().toArray(Long[]::new),
                    member.recipientUnitIds().toArray(Long[]::new));
        }
        return page.map(delivery -> new InboxItem(
                dispatches.get(delivery.getDispatchId()),
                delivery.toStatus(),
                due.get(delivery.getDispatchId()),
                reported.get(List.of(delivery.getDispatchId(), delivery.getUnitId())),
                notices.get(delivery.getDispatchId())));
    }

    @Transactional(readOnly = true)
    public long unreadCount(Viewer member) {
        return member.isRecipient() ? deliveries.countUnread(member.recipientUnitIds()) : 0;
    }

    /**
     * Where the member's units stand with the dispatch; empty if it was not sent to any of them. A dispatch sent both
     * to a unit and to one it took over shows the later unit's line. A unit the dispatch was sent to whose line is
     * not written yet (the moment after the publication committed, or a listener waiting for its retry) gets its
     * line now, so that what the member does is recorded all the same (ADR 0026).
     */
    public Optional<DeliveryStatus> statusFor(Long dispatchId, Viewer member) {
        if (member == null || !member.isRecipient()) {
            return Optional.empty();
        }
        Optional<Delivery> line =
                deliveries.findByDispatchIdAndUnitIdInOrderByUnitIdDesc(dispatchId, member.recipientUnitIds()).stream()
                        .findFirst();
        if (line.isPresent()) {
            return line.map(Delivery::toStatus);
        }
        // Locked before the dispatch is read, so that a withdrawal either is read here or finds these lines.
        lockLedger(dispatchId);
        Set<Long> sentTo = catalog.sentAmong(dispatchId, member.recipientUnitIds());
        if (sentTo.isEmpty()) {
            return Optional.empty();
        }
        catalog.sent(dispatchId)
                .ifPresent(sent -> sentTo.forEach(unitId -> jdbc.update(
                        """
                insert into delivery (dispatch_id, unit_id, delivered_at, withdrawn_at, noticed_at)
                values (?, ?, ?, ?, ?)
                on conflict (dispatch_id, unit_id) do nothing
                """,
                        dispatchId,
                        unitId,
                        Timestamp.from(sent.sentAt()),
                        sent.withdrawnAt() == null ? null : Timestamp.from(sent.withdrawnAt()),
                        sent.withdrawnAt() == null ? null : Timestamp.from(sent.withdrawnAt()))));
        return deliveries.findByDispatchIdAndUnitIdInOrderByUnitIdDesc(dispatchId, member.recipientUnitIds()).stream()
                .findFirst()
                .map(Delivery::toStatus);
    }

    /**
     * Serialises the writers of one dispatch's ledger lines with its withdrawal, so that no line escapes a
     * withdrawal (a transaction-scoped advisory lock; the id hashed to the lock's 32-bit key).
     */
    private void lockLedger(Long dispatchId) {
        jdbc.queryForObject(
                "select 1 from (select pg_advisory_xact_lock(8260, hashint8(cast(? as bigint)))) l",
                Integer.class,
                dispatchId);
    }

    public void recordViewed(Long dispatchId, Viewer member) {
        record(Kind.VIEWED, dispatchId, null, null, member);
    }

    public void recordDownloaded(Long dispatchId, Long attachmentId, Viewer member) {
        record(Kind.DOWNLOADED, dispatchId, attachmentId, null, member);
    }

    /** "Xác nhận đã nhận": answers false if the dispatch was not sent to the member's units. */
    public boolean acknowledge(Long dispatchId, Viewer member) {
        return record(Kind.ACKNOWLEDGED, dispatchId, null, null, member);
    }

    /**
     * Records the moment on every line of the dispatch held by the member's units: who took over a unit's work also
     * answers for what was sent to it.
     */
    private boolean record(Kind kind, Long dispatchId, Long attachmentId, String copyId, Viewer member) {
        // Writes the units' lines first if the publication's are not written yet.
        if (statusFor(dispatchId, member).isEmpty()) {
            return false;
        }
        List<Long> units =
                deliveries.findByDispatchIdAndUnitIdInOrderByUnitIdDesc(dispatchId, member.recipientUnitIds()).stream()
                        .map(Delivery::getUnitId)
                        .toList();
        if (units.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        String by = member.username();
        switch (kind) {
            case VIEWED -> deliveries.markViewed(dispatchId, units, now, by);
            case DOWNLOADED -> {
                // A download is also a view: the unit has the text in hand.
                deliveries.markViewed(dispatchId, units, now, by);
                deliveries.markDownloaded(dispatchId, units, now, by);
            }
            case ACKNOWLEDGED -> {
                deliveries.markViewed(dispatchId, units, now, by);
                deliveries.markAcknowledged(dispatchId, units, now, by);
            }
            // A report is a row of its own, written by Reports, which reports the event itself.
            case REPORTED -> throw new IllegalArgumentException("Reports are recorded by Reports.submit");
        }
        units.forEach(
                unitId -> events.publishEvent(new DeliveryEvent(kind, dispatchId, unitId, attachmentId, now, copyId)));
        return true;
    }

    /**
     * One page of the ledger of a dispatch, units in the order of their names (without diacritics), only the lines
     * the filter keeps and, with a {@code unitName}, those whose unit's name contains it with or without diacritics.
     * Three statements, whatever the number of recipients. The caller checks who may read it.
     */
    @Transactional(readOnly = true)
    public Ledger ledger(Long dispatchId, Ledger.Filter filter, String unitName, int page) {
        int[] counts = jdbc.queryForObject(
                """
                select count(*), count(first_viewed_at), count(first_downloaded_at), count(acknowledged_at),
                    count(r.id), count(r.id) filter (where not r.on_time)
                from delivery d left join report r on r.dispatch_id = d.dispatch_id and r.unit_id = d.unit_id
                where d.dispatch_id = ?
                """,
                (rs, row) ->
                        new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)},
                dispatchId);
        String pattern = namePattern(unitName);
        String where = FROM + " where d.dispatch_id = ? and " + filter.condition
                + (pattern == null ? "" : " and lower(immutable_unaccent(u.name)) like ?");
        Object[] parameters = pattern == null ? new Object[] {dispatchId} : new Object[] {dispatchId, pattern};
        // Unfiltered, the page count is the total already counted.
        Integer matching = filter == Ledger.Filter.ALL && pattern == null
                ? Integer.valueOf(counts[0])
                : jdbc.queryForObject("select count(*)" + where, Integer.class, parameters);
        Pageable pageable = PageRequest.of(Math.max(page, 0), Ledger.PAGE_SIZE);
        List<LedgerLine> lines = jdbc.query(
                LINE_COLUMNS + where
                        + " order by lower(immutable_unaccent(u.name)), u.id limit " + Ledger.PAGE_SIZE + " offset "
                        + pageable.getOffset(),
                (rs, row) -> line(rs),
                parameters);
        return new Ledger(
                dispatchId,
                new PageImpl<>(lines, pageable, matching == null ? 0 : matching),
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                counts[4],
                counts[5]);
    }

    /**
     * Hands every line of the ledger that the filter keeps, in the order of the page, to {@code each} as it is read:
     * the rows come from a cursor a few hundred at a time, so an export of ten thousand lines is never held whole.
     */
    @Transactional(readOnly = true)
    public void exportLedger(Long dispatchId, Ledger.Filter filter, String unitName, Consumer<LedgerLine> each) {
        String pattern = namePattern(unitName);
        Object[] parameters = pattern == null ? new Object[] {dispatchId} : new Object[] {dispatchId, pattern};
        jdbc.query(
                LINE_COLUMNS
                        + FROM + " where d.dispatch_id = ? and "
                        + filter.condition + (pattern == null ? "" : " and lower(immutable_unaccent(u.name)) like ?")
                        + " order by lower(immutable_unaccent(u.name)), u.id",
                query -> {
                    query.setFetchSize(500);
                    for (int index = 0; index < parameters.length; index++) {
                        query.setObject(index + 1, parameters[index]);
                    }
                },
                (RowCallbackHandler) rs -> each.accept(line(rs)));
    }

    /**
     * The ledger is a read model over two modules' tables (deliveries here, unit names in organization): joined in
     * the database, so that a page of 100 lines is sorted and filtered by name without loading 10,000 units.
     */
    private static final String LINE_COLUMNS = """
            select d.dispatch_id, d.unit_id, d.delivered_at, d.first_viewed_at, d.first_viewed_by,
                d.first_downloaded_at, d.first_downloaded_by, d.acknowledged_at, d.acknowledged_by, d.withdrawn_at,
                u.code, u.name, u.short_name, d.reminded_at, r.first_submitted_at, r.submitted_at, r.revision, r.on_time
            """;

    /** The lines with their units and, where a unit sent one, its report (ADR 0034). */
    private static final String FROM = """
             from delivery d join unit u on u.id = d.unit_id
                left join report r on r.dispatch_id = d.dispatch_id and r.unit_id = d.unit_id""";

    private static LedgerLine line(ResultSet rs) throws SQLException {
        DeliveryStatus status = new DeliveryStatus(
                rs.getLong(1),
                rs.getLong(2),
                instant(rs, 3),
                instant(rs, 4),
                rs.getString(5),
                instant(rs, 6),
                rs.getString(7),
                instant(rs, 8),
                rs.getString(9),
                instant(rs, 10),
                instant(rs, 14));
        Instant reported = instant(rs, 15);
        return new LedgerLine(
                new LedgerLine.Unit(status.unitId(), rs.getString(11), rs.getString(12), rs.getString(13)),
                status,
                reported == null
                        ? null
                        : new LedgerLine.Report(reported, instant(rs, 16), rs.getInt(17), rs.getBoolean(18)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** "ben nghe" and "Bến Nghé" both find "Đảng ủy phường Bến Nghé"; LIKE's wildcards typed are taken literally. */
    private static String namePattern(String unitName) {
        if (unitName == null || unitName.isBlank()) {
            return null;
        }
        String plain = Normalizer.normalize(unitName.strip().replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return "%" + plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
