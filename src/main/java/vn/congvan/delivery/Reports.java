package vn.congvan.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.attachment.PreparedFile;
import vn.congvan.attachment.ReportFileView;
import vn.congvan.attachment.ReportFiles;
import vn.congvan.delivery.DeliveryEvent.Kind;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.Viewer;
import vn.congvan.system.Times;

/**
 * Reports back (báo cáo) and reminders (nhắc), ADR 0034. A dispatch with a deadline (hạn báo cáo) asks each
 * recipient unit for one report: its members send it from the inbox, revise it as often as they need (every version
 * is kept), and the first version decides whether it came on time. The issuer's clerk reminds the units that have not
 * answered; the callers of the issuer's methods have checked that the clerk issued the dispatch.
 */
@Service
@Transactional
public class Reports {

    private final JdbcTemplate jdbc;

    private final DeliveryLedger ledger;

    private final DispatchCatalog catalog;

    private final ReportFiles files;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final ReportProperties properties;

    private final TransactionTemplate transactions;

    Reports(
            JdbcTemplate jdbc,
            DeliveryLedger ledger,
            DispatchCatalog catalog,
            ReportFiles files,
            ApplicationEventPublisher events,
            Clock clock,
            ReportProperties properties,
            TransactionTemplate transactions) {
        this.properties = properties;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.catalog = catalog;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    /** The dispatch's deadline for reports; empty if it asks for none. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> dueOn(Long dispatchId) {
        return Optional.ofNullable(catalog.reportDueDates(List.of(dispatchId)).get(dispatchId));
    }

    /** Today in Vietnam, the calendar of the deadlines. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Times.VIETNAM));
    }

    /**
     * Sends the report of the member's unit, or a new version of it: the text replaces the last one, the files are
     * added to those sent before. Anyone who reads the unit's inbox may send it, as anyone may acknowledge. It also
     * acknowledges the dispatch if nobody of the unit has. A file that is refused refuses the whole version
     * ({@link vn.congvan.attachment.AttachmentRejectedException}), so what the issuer reads is what was meant.
     * A dispatch that was not sent to the member's unit, was withdrawn or asks for no report is not found.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public ReportView submit(Long dispatchId, Viewer member, String body, List<ReportUpload> uploads)
            throws IOException {
        // Not found before any file is received; asked again below, in the transaction.
        ledger.statusFor(dispatchId, member)
                .filter(line -> !line.isWithdrawn())
                .orElseThrow(() -> new DispatchNotFoundException(dispatchId));
        // The files are received, scanned and stored before the report's row is locked (ADR 0070): another version
        // sent meanwhile does not wait for these scans.
        List<PreparedFile> prepared = new ArrayList<>();
        try {
            for (ReportUpload upload : uploads) {
                try (InputStream in = upload.content().getInputStream()) {
                    prepared.add(files.prepare(upload.originalFilename(), in));
                }
            }
            return transactions.execute(transaction -> record(dispatchId, member, body, prepared));
        } finally {
            prepared.forEach(PreparedFile::close);
        }
    }

    private ReportView record(Long dispatchId, Viewer member, String body, List<PreparedFile> prepared) {
        DeliveryStatus status = ledger.statusFor(dispatchId, member)
                .filter(line -> !line.isWithdrawn())
                .orElseThrow(() -> new DispatchNotFoundException(dispatchId));
        LocalDate due = dueOn(dispatchId).orElseThrow(() -> new DispatchNotFoundException(dispatchId));
        Instant now = clock.instant();
        boolean onTime =
                now.isBefore(due.plusDays(1).atStartOfDay(Times.VIETNAM).toInstant());
        String text = body.strip();
        // One row per dispatch and unit; a second sender waits for the first's row lock and makes the next version.
        Map<String, Object> row = jdbc.queryForMap(
                """
                insert into report (dispatch_id, unit_id, revision, body, first_submitted_at, submitted_at, submitted_by,
                    on_time)
                values (?, ?, 1, ?, ?, ?, ?, ?)
                on conflict (dispatch_id, unit_id) do update set revision = report.revision + 1, body = excluded.body,
                    submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by
                returning id, revision
                """,
                dispatchId,
                status.unitId(),
                text,
                Timestamp.from(now),
                Timestamp.from(now),
                member.username(),
                onTime);
        Long reportId = ((Number) row.get("id")).longValue();
        int revision = ((Number) row.get("revision")).intValue();
        jdbc.update(
                "insert into report_revision (report_id, revision, body, submitted_at, submitted_by) values (?, ?, ?, ?, ?)",
                reportId,
                revision,
                text,
                Timestamp.from(now),
                member.username());
        for (PreparedFile file : prepared) {
            files.attach(reportId, revision, file);
        }
        if (!status.isAcknowledged()) {
            ledger.acknowledge(dispatchId, member);
        }
        events.publishEvent(new DeliveryEvent(Kind.REPORTED, dispatchId, status.unitId(), null, now));
        return ofUnit(dispatchId, status.unitId()).orElseThrow();
    }

    /** The report of the member's unit on the dispatch; empty if it has sent none or the dispatch is not theirs. */
    @Transactional(readOnly = true)
    public Optional<ReportView> ofMember(Long dispatchId, Viewer member) {
        return ledger.statusFor(dispatchId, member).flatMap(status -> ofUnit(dispatchId, status.unitId()));
    }

    /** The report a unit sent on the dispatch, with its files and versions. */
    @Transactional(readOnly = true)
    public Optional<ReportView> ofUnit(Long dispatchId, Long unitId) {
        return jdbc
                .query(REPORT_COLUMNS + " where dispatch_id = ? and unit_id = ?", this::view, dispatchId, unitId)
                .stream()
                .findFirst();
    }

    /**
     * Hands every report of the dispatch to {@code each}, in the order of the units' names, with the unit's name, as
     * it is read: the ZIP of all reports is written while the rows come, a few at a time.
     */
    @Transactional(readOnly = true)
    public void forEach(Long dispatchId, Consumer<UnitReport> each) {
        jdbc.query(
                """
                select r.id, r.dispatch_id, r.unit_id, r.revision, r.body, r.first_submitted_at, r.submitted_at,
                    r.submitted_by, r.on_time, u.name as unit_name
                from report r join unit u on u.id = r.unit_id
                where r.dispatch_id = ? order by lower(immutable_unaccent(u.name)), u.id
                """,
                query -> {
                    query.setFetchSize(50);
                    query.setLong(1, dispatchId);
                },
                (RowCallbackHandler) rs -> each.accept(new UnitReport(rs.getString("unit_name"), view(rs, 0))));
    }

    /** The name of a recipient unit, as the ledger shows it (read beside the ledger's lines, ADR 0009). */
    @Transactional(readOnly = true)
    public String unitName(Long unitId) {
        return jdbc.query("select name from unit where id = ?", (rs, n) -> rs.getString(1), unitId).stream()
                .findFirst()
                .orElse("");
    }

    /** A report with the name of the unit that sent it. */
    public record UnitReport(String unitName, ReportView report) {}

    /** The content of a file of the report, to be copied and closed. */
    public InputStream openFile(ReportView report, Long fileId) throws IOException {
        return files.open(report.id(), fileId);
    }

    /**
     * Reminds the units of the dispatch that still owe an answer (all, or only {@code unitId}): with a deadline,
     * those that have not reported; without one, those that have not acknowledged. Withdrawn lines are left alone, and
     * so is a unit reminded (by hand or automatically) less than {@code congvan.reports.remind-again-after} ago: each
     * reminder mails every member of the unit, and a clerk's repeated clicks must not flood them. Clerks reminding the
     * same dispatch at the same moment take turns (an advisory lock on the dispatch), so that both cannot pass the
     * check before either wrote its reminder.
     */
    public Reminding remind(Long dispatchId, Long unitId, Viewer clerk) {
        Instant now = clock.instant();
        Instant recent = now.minus(properties.remindAgainAfter());
        jdbc.query(
                "select pg_advisory_xact_lock(hashtext('congvan.reminders'), hashtext(cast(? as text)))",
                (rs, number) -> null,
                dispatchId);
        String owing = """
                from delivery d join dispatch p on p.id = d.dispatch_id
                    left join report r on r.dispatch_id = d.dispatch_id and r.unit_id = d.unit_id
                where d.dispatch_id = ? and d.withdrawn_at is null
                    and (cast(? as bigint) is null or d.unit_id = ?)
                    and case when p.report_due_on is null then d.acknowledged_at is null else r.id is null end
                """;
        // When each unit owing an answer was last reminded; those reminded lately are left alone below.
        List<Instant> lastReminders = jdbc
                .query(
                        """
                select (select max(a.reminded_at) from reminder a
                    where a.dispatch_id = d.dispatch_id and a.unit_id = d.unit_id)
                """ + owing,
                        (rs, number) -> {
                            Timestamp last = rs.getTimestamp(1);
                            return last == null ? null : last.toInstant();
                        },
                        dispatchId,
                        unitId,
                        unitId)
                .stream()
                .filter(last -> last != null && last.isAfter(recent))
                .toList();
        List<long[]> reminded = jdbc.query(
                """
                insert into reminder (dispatch_id, unit_id, reminded_at, reminded_by, automatic)
                select d.dispatch_id, d.unit_id, ?, ?, false
                """ + owing + """
                    and not exists (select 1 from reminder a
                        where a.dispatch_id = d.dispatch_id and a.unit_id = d.unit_id and a.reminded_at > ?)
                returning id, unit_id
                """,
                (rs, number) -> new long[] {rs.getLong(1), rs.getLong(2)},
                Timestamp.from(now),
                clerk.username(),
                dispatchId,
                unitId,
                unitId,
                Timestamp.from(recent));
        announce(dispatchId, reminded, false, clerk.username(), now);
        Instant nextAllowed = lastReminders.stream()
                .min(Instant::compareTo)
                .map(last -> last.plus(properties.remindAgainAfter()))
                .orElse(null);
        return new Reminding(reminded.size(), lastReminders.size(), nextAllowed, properties.remindAgainAfter());
    }

    /**
     * What "Nhắc" did.
     *
     * @param reminded how many units were reminded now
     * @param tooSoon how many units owing an answer were left alone, having been reminded too lately
     * @param nextAllowedAt the earliest moment one of those may be reminded again; null when none was left alone
     * @param interval the least time between two reminders of one unit about one dispatch
     */
    public record Reminding(int reminded, int tooSoon, Instant nextAllowedAt, Duration interval) {}

    /**
     * The scheduled reminders: every unit that has not reported on a dispatch whose deadline is {@code daysBefore}
     * days away or less (and not past), once per dispatch and unit, at most {@code limit} of them. The unique index
     * on automatic reminders makes a second run, or a second instance running at the same moment, remind nobody
     * twice. Answers how many units were reminded.
     */
    int remindBeforeDeadline(LocalDate today, int daysBefore, int limit) {
        Instant now = clock.instant();
        List<long[]> reminded = jdbc.query(
                """
                insert into reminder (dispatch_id, unit_id, reminded_at, reminded_by, automatic)
                select d.dispatch_id, d.unit_id, ?, null, true
                from delivery d join dispatch p on p.id = d.dispatch_id
                    left join report r on r.dispatch_id = d.dispatch_id and r.unit_id = d.unit_id
                where p.report_due_on between ? and ? and p.status = 'PUBLISHED' and d.withdrawn_at is null
                    and r.id is null
                    and not exists (select 1 from reminder a
                        where a.dispatch_id = d.dispatch_id and a.unit_id = d.unit_id and a.automatic)
                order by d.dispatch_id, d.unit_id
                limit ?
                on conflict (dispatch_id, unit_id) where automatic do nothing
                returning id, dispatch_id, unit_id
                """,
                (rs, number) -> new long[] {rs.getLong(1), rs.getLong(3), rs.getLong(2)},
                Timestamp.from(now),
                today,
                today.plusDays(daysBefore),
                limit);
        reminded.stream()
                .map(row -> row[2])
                .distinct()
                .forEach(dispatchId -> announce(
                        dispatchId,
                        reminded.stream().filter(row -> row[2] == dispatchId).toList(),
                        true,
                        null,
                        now));
        return reminded.size();
    }

    /** Flags the units' inbox lines and tells the other modules (mail, audit), one event per unit. */
    private void announce(Long dispatchId, List<long[]> reminded, boolean automatic, String by, Instant now) {
        if (reminded.isEmpty()) {
            return;
        }
        Long[] unitIds = reminded.stream().map(row -> row[1]).toArray(Long[]::new);
        jdbc.update("update delivery set reminded_at = ? where dispatch_id = ? and unit_id = any(?)", insert -> {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setLong(2, dispatchId);
            insert.setArray(3, insert.getConnection().createArrayOf("bigint", unitIds));
        });
        reminded.forEach(row -> events.publishEvent(new ReminderSent(row[0], dispatchId, row[1], automatic, by, now)));
    }

    private static final String REPORT_COLUMNS = """
            select id, dispatch_id, unit_id, revision, body, first_submitted_at, submitted_at, submitted_by, on_time
            from report""";

    private ReportView view(ResultSet rs, int row) throws SQLException {
        Long id = rs.getLong("id");
        List<ReportView.Revision> revisions = jdbc.query(
                """
                select revision, body, submitted_at, submitted_by from report_revision
                where report_id = ? order by revision desc
                """,
                (r, n) -> new ReportView.Revision(
                        r.getInt(1), r.getString(2), r.getTimestamp(3).toInstant(), r.getString(4)),
                id);
        List<ReportFileView> reportFiles = files.ofReport(id);
        return new ReportView(
                id,
                rs.getLong("dispatch_id"),
                rs.getLong("unit_id"),
                rs.getInt("revision"),
                rs.getString("body"),
                rs.getTimestamp("first_submitted_at").toInstant(),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("submitted_by"),
                rs.getBoolean("on_time"),
                reportFiles,
                revisions);
    }
}
