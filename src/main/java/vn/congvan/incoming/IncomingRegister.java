package vn.congvan.incoming;

import java.io.IOException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.Role;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.PreparedFile;
import vn.congvan.dispatch.Citation;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchDraft;
import vn.congvan.dispatch.DispatchFamily;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchPublished;
import vn.congvan.dispatch.DispatchSummary;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.SentDispatch;
import vn.congvan.dispatch.Viewer;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitNotFoundException;
import vn.congvan.organization.UnitSummary;
import vn.congvan.system.Times;

/**
 * The incoming registers (sổ văn bản đến, ADR 0033). A published dispatch is written, after the publication committed,
 * into the register of each recipient unit that has a clerk, in one statement whatever the number of units; a clerk
 * registers by hand what came on paper. Either way the entry takes the next số đến of the unit's year, under the row
 * lock of the unit's counter, so that two registrations at once never share a number. A clerk reads and acts only on
 * the register of their own unit; anything else is not found.
 */
@Service
@Transactional
public class IncomingRegister {

    static final int PAGE_SIZE = 50;

    private static final String COLUMNS = """
            select e.id, e.unit_id, e.year, e.number, e.received_on, e.received_at, e.sender_name, e.sender_unit_id,
                e.notation, e.issued_on, e.type_code, t.name as type_name, e.subject, e.due_on, e.dispatch_id, e.note,
                e.registered_by, e.signer_competence, e.signer_position, e.signer_name
            from incoming_entry e join dispatch_type t on t.code = e.type_code
            """;

    private final JdbcTemplate jdbc;

    private final DispatchCatalog catalog;

    private final DispatchManagement dispatches;

    private final Attachments attachments;

    private final OrganizationDirectory organization;

    private final Clock clock;

    private final TransactionTemplate transactions;

    IncomingRegister(
            JdbcTemplate jdbc,
            DispatchCatalog catalog,
            DispatchManagement dispatches,
            Attachments attachments,
            OrganizationDirectory organization,
            Clock clock,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.dispatches = dispatches;
        this.attachments = attachments;
        this.organization = organization;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * The entries of a publication, after it committed and in a transaction of its own, kept by the event publication
     * registry until written (ADR 0026, 0031). Idempotent: a retried event numbers nothing twice.
     */
    @ApplicationModuleListener
    void on(DispatchPublished published) {
        receive(published.dispatchId(), published.recipientUnitIds());
    }

    /**
     * Writes the dispatch into the registers of those of {@code unitIds} that have an enabled clerk account and do not
     * have it yet; answers how many entries were written. It came on the day it was sent in Vietnam, or on its day of
     * issue when that is earlier (a document issued on paper and recorded later came with its paper). One statement
     * numbers and writes the entries of every unit; the dispatches of those units that already forward it are linked.
     */
    public int receive(Long dispatchId, Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return 0;
        }
        Optional<SentDispatch> sent = catalog.sent(dispatchId);
        DispatchSummary summary = catalog.summaries(List.of(dispatchId)).get(dispatchId);
        if (sent.isEmpty() || summary == null) {
            return 0;
        }
        Instant at = sent.get().sentAt();
        LocalDate sentOn = LocalDate.ofInstant(at, Times.VIETNAM);
        LocalDate receivedOn =
                summary.issuedOn() != null && summary.issuedOn().isBefore(sentOn) ? summary.issuedOn() : sentOn;
        // A retried event and a second call wait for the first, then find its entries (the check below).
        jdbc.queryForObject(
                "select 1 from (select pg_advisory_xact_lock(8360, hashint8(cast(? as bigint)))) l",
                Integer.class,
                dispatchId);
        Long[] units = new TreeSet<>(unitIds).toArray(Long[]::new);
        int written = jdbc.update("""
                with clerk_units as (
                    select distinct a.unit_id from account a
                    join account_role r on r.account_id = a.id and r.role = 'CLERK'
                    where a.enabled and a.unit_id = any (?)
                      and not exists (select 1 from incoming_entry e where e.unit_id = a.unit_id and e.dispatch_id = ?)
                    order by a.unit_id
                ), numbered as (
                    insert into incoming_counter (unit_id, year, last_number)
                    select unit_id, ?, 1 from clerk_units order by unit_id
                    on conflict (unit_id, year) do update set last_number = incoming_counter.last_number + 1
                    returning unit_id, last_number
                )
                insert into incoming_entry (unit_id, year, number, received_on, received_at, sender_name,
                    sender_unit_id, notation, issued_on, type_code, subject, due_on, dispatch_id, created_at,
                    signer_competence, signer_position, signer_name)
                select n.unit_id, ?, n.last_number, ?, ?, ?, d.issuer_unit_id, ?, ?, d.type_code, d.subject,
                    d.report_due_on, d.id, ?,
                    case when nullif(trim(d.signer_competence), '') is not null
                        then trim(concat_ws(' ', trim(d.signer_competence), nullif(trim(d.signer_authority), '')))
                    end,
                    nullif(trim(d.signer_position), ''), nullif(trim(d.signer_name), '')
                from numbered n, dispatch d where d.id = ?
                """, (PreparedStatement insert) -> {
            insert.setArray(1, insert.getConnection().createArrayOf("bigint", units));
            insert.setLong(2, dispatchId);
            insert.setInt(3, receivedOn.getYear());
            insert.setInt(4, receivedOn.getYear());
            insert.setDate(5, Date.valueOf(receivedOn));
            insert.setTimestamp(6, Timestamp.from(at));
            insert.setString(7, summary.issuerName());
            insert.setString(8, summary.notation());
            insert.setObject(9, summary.issuedOn());
            insert.setTimestamp(10, Timestamp.from(clock.instant()));
            insert.setLong(11, dispatchId);
        });
        if (written > 0) {
            // A reply drafted before the entry was written (a document recorded with its forwarding one) is linked.
            jdbc.update("""
                    insert into incoming_forward (entry_id, dispatch_id)
                    select e.id, d.id from incoming_entry e
                    join dispatch d on d.forwards_id = e.dispatch_id and d.issuer_unit_id = e.unit_id
                    where e.dispatch_id = ?
                    on conflict do nothing
                    """, dispatchId);
        }
        return written;
    }

    /**
     * Registers by hand a document from a sender outside the portal, with its scanned files (scanned for malware and
     * checked like any upload). A refused file refuses the whole registration: no number is used up. The files are
     * received and scanned first, with nothing held; only then is a transaction opened to number and write the entry
     * (ADR 0070). A caller already in a transaction keeps it.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Long register(ManualEntry entry, List<IncomingFile> files, CurrentUser clerk) throws IOException {
        clerkUnit(clerk);
        try (PreparedFiles prepared = prepare(files)) {
            return transactions.execute(status -> register(entry, prepared, clerk));
        }
    }

    /**
     * Receives, scans and stores the files of a registration before anything is held; the answer is closed by the
     * caller once the registration is over (it removes the files that no entry recorded). A refused file refuses them
     * all.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public PreparedFiles prepare(List<IncomingFile> files) throws IOException {
        List<PreparedFile> prepared = new ArrayList<>();
        try {
            for (IncomingFile file : files) {
                prepared.add(attachments.prepareIncomingFile(
                        file.title(), file.kind(), file.originalFilename(), file.content()));
            }
        } catch (IOException | RuntimeException ex) {
            prepared.forEach(PreparedFile::close);
            throw ex;
        }
        return new PreparedFiles(prepared);
    }

    /** Registers by hand with files already prepared ({@link #prepare}); nothing slow is left to do. */
    public Long register(ManualEntry entry, PreparedFiles files, CurrentUser clerk) {
        Long unitId = clerkUnit(clerk);
        int year = entry.receivedOn().getYear();
        Integer number = jdbc.queryForObject("""
                insert into incoming_counter (unit_id, year, last_number) values (?, ?, 1)
                on conflict (unit_id, year) do update set last_number = incoming_counter.last_number + 1
                returning last_number
                """, Integer.class, unitId, year);
        Long id = jdbc.queryForObject(
                """
                insert into incoming_entry (unit_id, year, number, received_on, received_at, sender_name, notation,
                    issued_on, type_code, subject, due_on, note, registered_by, created_at, signer_competence,
                    signer_position, signer_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """,
                Long.class,
                unitId,
                year,
                number,
                entry.receivedOn(),
                Timestamp.from(clock.instant()),
                entry.senderName().strip(),
                blankToNull(entry.notation()),
                entry.issuedOn(),
                entry.typeCode(),
                entry.subject().strip(),
                entry.dueOn(),
                blankToNull(entry.note()),
                clerk.getUsername(),
                Timestamp.from(clock.instant()),
                blankToNull(entry.signerCompetence()),
                blankToNull(entry.signerPosition()),
                blankToNull(entry.signerName()));
        for (PreparedFile file : files.files()) {
            attachments.attachToIncomingEntry(id, file);
        }
        return id;
    }

    /**
     * Registers by hand unless the clerk's register already holds the same document ({@link #sameDocument}): a double
     * click, a message sent twice, a paper copy of what came through the portal. Registrations of one unit pass here
     * one at a time, so that two submissions of one form at once register it once. The files are received and scanned
     * before the register is held (ADR 0070): a slow scan keeps no other clerk of the unit waiting, and files of a
     * registration refused here are removed.
     *
     * @throws AlreadyRegisteredException naming the entries that seem to be the same document; nothing is registered
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Long registerIfNew(ManualEntry entry, List<IncomingFile> files, CurrentUser clerk) throws IOException {
        clerkUnit(clerk);
        try (PreparedFiles prepared = prepare(files)) {
            return transactions.execute(status -> registerIfNew(entry, prepared, clerk));
        }
    }

    /** As {@link #registerIfNew(ManualEntry, List, CurrentUser)}, with files already prepared. */
    public Long registerIfNew(ManualEntry entry, PreparedFiles files, CurrentUser clerk) {
        holdRegister(clerk);
        List<IncomingEntry> same = sameDocument(entry.notation(), entry.issuedOn(), clerk);
        if (!same.isEmpty()) {
            throw new AlreadyRegisteredException(same);
        }
        return register(entry, files, clerk);
    }

    /**
     * Holds the clerk's register until the calling transaction ends: a check for the same document and the
     * registration that follows it are then not interleaved with another registration of the same unit.
     */
    public void holdRegister(CurrentUser clerk) {
        jdbc.query(
                "select pg_advisory_xact_lock(8361, hashint8(cast(? as bigint)))",
                (RowCallbackHandler) rs -> {},
                clerkUnit(clerk));
    }

    /**
     * The entries of the clerk's register with the same số, ký hiệu and date as a document about to be registered,
     * the notation compared without spaces, case, a leading "Số" or leading zeros ("Số: 05/QĐ-UBND" is "5/qđ-ubnd").
     * Without both a notation and a date nothing can be told, and nothing is found.
     */
    @Transactional(readOnly = true)
    public List<IncomingEntry> sameDocument(String notation, LocalDate issuedOn, CurrentUser clerk) {
        String wanted = comparableNotation(notation);
        if (wanted.isEmpty() || issuedOn == null) {
            return List.of();
        }
        return jdbc
                .query(
                        COLUMNS + " where e.unit_id = ? and e.issued_on = ? order by e.year, e.number",
                        (rs, row) -> entry(rs),
                        clerkUnit(clerk),
                        issuedOn)
                .stream()
                .filter(entry -> wanted.equals(comparableNotation(entry.notation())))
                .toList();
    }

    /**
     * The spelling the portal already has for a sender read from a file in the capitals of its heading: the name of a
     * unit of the portal, else the spelling the clerk's register has used most for it, compared without case, accents
     * or repeated spaces ("BAN TUYÊN GIÁO THÀNH ỦY" finds "Ban Tuyên giáo Thành ủy"). A spelling in capitals only is
     * no better than the file's and is passed over. Empty when nothing matches, or for a name longer than any kept.
     */
    @Transactional(readOnly = true)
    public Optional<String> knownSender(String name, CurrentUser clerk) {
        if (name == null || name.isBlank() || name.length() > 500) {
            return Optional.empty();
        }
        String spaced = name.strip().replaceAll("\\s+", " ");
        return jdbc.query("""
                        select name from (
                            select u.name, 0 as source, 0 as uses from unit u
                            where lower(immutable_unaccent(u.name)) = lower(immutable_unaccent(?))
                            union all
                            select e.sender_name, 1, count(*) from incoming_entry e
                            where e.unit_id = ? and e.sender_name <> upper(e.sender_name)
                              and lower(immutable_unaccent(regexp_replace(e.sender_name, '\\s+', ' ', 'g')))
                                  = lower(immutable_unaccent(?))
                            group by e.sender_name
                        ) known order by source, uses desc, name limit 1
                        """, (rs, row) -> rs.getString(1), spaced, clerkUnit(clerk), spaced).stream()
                .findFirst();
    }

    static String comparableNotation(String notation) {
        if (notation == null) {
            return "";
        }
        String plain = Normalizer.normalize(notation, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", "");
        plain = plain.replaceFirst("^số[:.]?", "");
        return plain.replaceFirst("^0+(?=\\d)", "");
    }

    /** One page of the clerk's register, the newest số đến first. */
    @Transactional(readOnly = true)
    public Page<IncomingEntry> page(RegisterFilter filter, Pageable pageable, CurrentUser clerk) {
        Where where = where(clerkUnit(clerk), filter);
        Long total = jdbc.queryForObject(
                "select count(*) from incoming_entry e where " + where.sql, Long.class, where.parameters.toArray());
        List<IncomingEntry> entries = jdbc.query(
                COLUMNS + " where " + where.sql + " order by e.number desc limit " + pageable.getPageSize() + " offset "
                        + pageable.getOffset(),
                (rs, row) -> entry(rs),
                where.parameters.toArray());
        return new PageImpl<>(entries, pageable, total == null ? 0 : total);
    }

    /** Every entry the filter keeps, in the order of their numbers, read a few hundred at a time (the export). */
    @Transactional(readOnly = true)
    public void export(RegisterFilter filter, CurrentUser clerk, Consumer<IncomingEntry> each) {
        Where where = where(clerkUnit(clerk), filter);
        jdbc.query(
                COLUMNS + " where " + where.sql + " order by e.number",
                query -> {
                    query.setFetchSize(500);
                    for (int index = 0; index < where.parameters.size(); index++) {
                        query.setObject(index + 1, where.parameters.get(index));
                    }
                },
                (RowCallbackHandler) rs -> each.accept(entry(rs)));
    }

    /** The years the clerk's register has entries in, and this year, newest first. */
    @Transactional(readOnly = true)
    public List<Integer> years(CurrentUser clerk) {
        Set<Integer> years = new TreeSet<>(java.util.Comparator.reverseOrder());
        years.add(LocalDate.now(clock.withZone(Times.VIETNAM)).getYear());
        years.addAll(jdbc.queryForList(
                "select distinct year from incoming_entry where unit_id = ?", Integer.class, clerkUnit(clerk)));
        return List.copyOf(years);
    }

    /** The entry if it is in the clerk's register. */
    @Transactional(readOnly = true)
    public Optional<IncomingEntry> entry(Long id, CurrentUser clerk) {
        return jdbc
                .query(COLUMNS + " where e.id = ? and e.unit_id = ?", (rs, row) -> entry(rs), id, clerkUnit(clerk))
                .stream()
                .findFirst();
    }

    /**
     * The dispatch an entry came as, laid out, if it is still there to read: asked of the dispatch module's access
     * policy as a reader of the receiving unit, the clerk's own.
     */
    @Transactional(readOnly = true)
    public Optional<DispatchView> document(IncomingEntry entry, CurrentUser clerk) {
        return entry.dispatchId() == null
                ? Optional.empty()
                : catalog.visibleDispatch(entry.dispatchId(), receiver(entry, clerk));
    }

    /** The received files: the dispatch's (if it may still be read), or the scans registered with the entry. */
    @Transactional(readOnly = true)
    public List<AttachmentView> files(IncomingEntry entry, CurrentUser clerk) {
        if (entry.dispatchId() == null) {
            return attachments.ofIncomingEntry(entry.id());
        }
        return catalog.filesAreFor(entry.dispatchId(), receiver(entry, clerk), vn.congvan.dispatch.Audience.RECIPIENT)
                ? attachments.ofDispatch(entry.dispatchId())
                : List.of();
    }

    /** The unit's dispatches that implement or forward the entry, in the order they were made. */
    @Transactional(readOnly = true)
    public List<DispatchSummary> forwards(IncomingEntry entry) {
        List<Long> ids = jdbc.queryForList(
                "select dispatch_id from incoming_forward where entry_id = ? order by dispatch_id",
                Long.class,
                entry.id());
        var byId = catalog.summaries(ids);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Triển khai / chuyển tiếp: a draft of the clerk's unit that implements or forwards the entry, linked to it (and
     * to the dispatch when it came through the portal), with the subject and an opening line written and the received
     * files attached by reference (no byte copied). The clerk then edits it as any draft.
     */
    public Long forward(Long entryId, CurrentUser clerk) {
        IncomingEntry entry = entry(entryId, clerk).orElseThrow(() -> new IncomingEntryNotFoundException(entryId));
        List<AttachmentView> files = files(entry, clerk);
        UnitSummary unit =
                organization.unit(entry.unitId()).orElseThrow(() -> new UnitNotFoundException("#" + entry.unitId()));
        String reference = reference(entry);
        DispatchDraft draft = DispatchDraft.builder()
                .family(familyOf(unit))
                .type("CV")
                .issuer(unit.id())
                .subject(entry.subject())
                .body(Citation.opening(reference, entry.subject()))
                .visibility(Visibility.RESTRICTED)
                .forwards(entry.dispatchId())
                .forwardsReference(reference)
                .distribution(Recipient.text("Như trên"), Recipient.text("Lưu " + unit.shortName()))
                .build();
        Long draftId = dispatches.createDraft(draft, clerk);
        for (AttachmentView file : files) {
            attachments.attachByReference(file.id(), draftId);
        }
        jdbc.update("insert into incoming_forward (entry_id, dispatch_id) values (?, ?)", entry.id(), draftId);
        return draftId;
    }

    /** "Công văn số 3080-CV/BTGTU ngày 10 tháng 7 năm 2023 của Ban Tuyên giáo Thành ủy ...". */
    static String reference(IncomingEntry entry) {
        return Citation.reference(entry.typeName(), entry.notation(), entry.issuedOn(), entry.senderName());
    }

    private static DispatchFamily familyOf(UnitSummary unit) {
        return switch (unit.kind()) {
            case STATE_AGENCY -> DispatchFamily.STATE;
            case FATHERLAND_FRONT, SOCIO_POLITICAL_ORGANISATION -> DispatchFamily.MASS_ORG;
            default -> DispatchFamily.PARTY;
        };
    }

    /**
     * The clerk as a reader of the unit the entry is registered in: the register's clerks read what was sent to their
     * unit, as its members do in the inbox.
     */
    private static Viewer receiver(IncomingEntry entry, CurrentUser clerk) {
        return new Viewer(clerk.getUsername(), Set.of(entry.unitId()), entry.unitId(), false);
    }

    /** The clerk's own unit; anyone else has no register (a 404, as for another unit's entry). */
    private static Long clerkUnit(CurrentUser clerk) {
        if (clerk == null || clerk.unitId() == null || !clerk.roles().contains(Role.CLERK)) {
            throw new IncomingEntryNotFoundException(null);
        }
        return clerk.unitId();
    }

    private record Where(String sql, List<Object> parameters) {}

    private static Where where(Long unitId, RegisterFilter filter) {
        StringBuilder sql = new StringBuilder("e.unit_id = ? and e.year = ?");
        List<Object> parameters = new ArrayList<>(List.of(unitId, filter.year()));
        if (filter.typeCode() != null && !filter.typeCode().isBlank()) {
            sql.append(" and e.type_code = ?");
            parameters.add(filter.typeCode());
        }
        if (filter.from() != null) {
            sql.append(" and e.received_on >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and e.received_on <= ?");
            parameters.add(filter.to());
        }
        String sender = pattern(filter.sender());
        if (sender != null) {
            sql.append(" and lower(immutable_unaccent(e.sender_name)) like ?");
            parameters.add(sender);
        }
        String text = pattern(filter.text());
        if (text != null) {
            sql.append(" and (lower(immutable_unaccent(e.subject)) like ?"
                    + " or lower(immutable_unaccent(coalesce(e.notation, ''))) like ?)");
            parameters.add(text);
            parameters.add(text);
        }
        return new Where(sql.toString(), parameters);
    }

    /** "ban tuyen giao" and "Ban Tuyên giáo" both find it; LIKE's wildcards typed are taken literally. */
    private static String pattern(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String plain = Normalizer.normalize(typed.strip().replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return "%" + plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static IncomingEntry entry(ResultSet rs) throws SQLException {
        Timestamp receivedAt = rs.getTimestamp("received_at");
        return new IncomingEntry(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getInt("year"),
                rs.getInt("number"),
                rs.getObject("received_on", LocalDate.class),
                receivedAt.toInstant(),
                rs.getString("sender_name"),
                rs.getObject("sender_unit_id", Long.class),
                rs.getString("notation"),
                rs.getObject("issued_on", LocalDate.class),
                rs.getString("type_code"),
                rs.getString("type_name"),
                rs.getString("subject"),
                rs.getObject("due_on", LocalDate.class),
                rs.getObject("dispatch_id", Long.class),
                rs.getString("note"),
                rs.getString("registered_by"),
                rs.getString("signer_competence"),
                rs.getString("signer_position"),
                rs.getString("signer_name"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
