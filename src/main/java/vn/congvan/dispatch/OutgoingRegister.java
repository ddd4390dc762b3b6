package vn.congvan.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sổ văn bản đi: the documents an issuing unit numbered in one year, in number order per series (a Party issuer
 * numbers per type within a term, a state one per year across types), for that unit's clerks. Who may read it is the
 * access policy's issuer rule ({@link DispatchAccess}), written into the query. One year of one unit is a range of
 * the index {@code dispatch_outgoing_register_idx}, however many dispatches the portal holds.
 */
@Service
@Transactional(readOnly = true)
public class OutgoingRegister {

    /** Rows read from the database at a time when the register is exported whole. */
    private static final int FETCH_SIZE = 500;

    private final NamedParameterJdbcTemplate jdbc;

    OutgoingRegister(DataSource dataSource) {
        // A template of its own: the fetch size makes PostgreSQL's driver read an export through a cursor.
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(streaming);
    }

    /**
     * What the clerk asks the register for.
     *
     * @param year the calendar year of the date of issue
     * @param typeCode one document type ("CV"), or null for all
     * @param from issued on or after, or null
     * @param to issued on or before, or null
     * @param text words of the subject or of the number and symbol, with or without diacritics, or null
     */
    public record Query(int year, String typeCode, LocalDate from, LocalDate to, String text) {

        public Query {
            if (year < 1900 || year > 9999) {
                throw new IllegalArgumentException("No register for the year " + year);
            }
            typeCode = typeCode == null || typeCode.isBlank() ? null : typeCode.strip();
            text = text == null || text.isBlank() ? null : text.strip();
        }

        public static Query year(int year) {
            return new Query(year, null, null, null, null);
        }
    }

    /**
     * One line of the register.
     *
     * @param number the number alone, for sorting in a spreadsheet
     * @param notation number and symbol as printed ("65-CV/BTGQU")
     * @param distribution the "Nơi nhận" lines as printed, joined with "; "
     * @param supersededAs whether a later document corrects or replaces this one, or null
     * @param supersededBy that document's number and symbol, or null
     */
    public record Entry(
            Long id,
            int number,
            String notation,
            LocalDate issuedOn,
            String typeCode,
            String typeName,
            String subject,
            String signer,
            String distribution,
            Urgency urgency,
            DispatchStatus status,
            DispatchRelation supersededAs,
            String supersededBy) {

        /** At most this many characters of "Nơi nhận" on the page; the export has all of it. */
        static final int SHORT_DISTRIBUTION = 120;

        /** "Nơi nhận" cut for the page. */
        public String distributionShort() {
            if (distribution == null || distribution.length() <= SHORT_DISTRIBUTION) {
                return distribution;
            }
            return distribution.substring(0, SHORT_DISTRIBUTION).strip() + "…";
        }

        public boolean isWithdrawn() {
            return status == DispatchStatus.WITHDRAWN;
        }
    }

    /**
     * A page of the register of the clerk's unit; empty for anyone who is not a clerk. The rows of the page and their
     * count are two statements.
     */
    public Page<Entry> page(Viewer clerk, Query query, int page, int size) {
        Pageable pageable = PageRequest.of(Math.max(page, 0), Math.max(size, 1));
        Statement count = countStatement(clerk, query);
        Long total = jdbc.queryForObject(count.sql(), count.parameters(), Long.class);
        if (total == null || total == 0) {
            return Page.empty(pageable);
        }
        Statement rows = pageStatement(clerk, query, pageable);
        return new PageImpl<>(jdbc.query(rows.sql(), rows.parameters(), (rs, row) -> entry(rs)), pageable, total);
    }

    /** The statements of a page, apart so that a test can ask PostgreSQL how it runs them. */
    Statement countStatement(Viewer clerk, Query query) {
        Where where = where(clerk, query);
        return new Statement("select count(*) from dispatch d where " + where.sql, where.parameters);
    }

    Statement pageStatement(Viewer clerk, Query query, Pageable pageable) {
        Where where = where(clerk, query);
        Map<String, Object> parameters = new LinkedHashMap<>(where.parameters);
        parameters.put("limit", pageable.getPageSize());
        parameters.put("offset", pageable.getOffset());
        return new Statement(SELECT + " where " + where.sql + ORDER + " limit :limit offset :offset", parameters);
    }

    record Statement(String sql, Map<String, Object> parameters) {}

    /**
     * Hands every line of the register the query keeps to {@code each}, in the order of the page, as it is read: the
     * rows come through a cursor a few hundred at a time, so a register of a hundred thousand lines is never held
     * whole.
     */
    public void export(Viewer clerk, Query query, Consumer<Entry> each) {
        Where where = where(clerk, query);
        jdbc.query(SELECT + " where " + where.sql + ORDER, where.parameters, (RowCallbackHandler)
                rs -> each.accept(entry(rs)));
    }

    /**
     * The first and last years the clerk's unit issued documents in, for the year picker; empty if none. Two reads of
     * the register's index.
     */
    public Optional<Years> years(Viewer clerk) {
        Where where = where(clerk, null);
        return Optional.ofNullable(jdbc.query(
                "select min(d.issued_on), max(d.issued_on) from dispatch d where " + where.sql,
                where.parameters,
                rs -> {
                    if (!rs.next() || rs.getObject(1) == null) {
                        return null;
                    }
                    return new Years(
                            rs.getObject(1, LocalDate.class).getYear(),
                            rs.getObject(2, LocalDate.class).getYear());
                }));
    }

    /** The years of a unit's register. */
    public record Years(int first, int last) {}

    /**
     * Where the register stops: the documents the clerk's unit numbered (drafts have no number), in the query's
     * year, with its filters. A viewer who is not a clerk gets the policy's {@code false}.
     */
    private static Where where(Viewer clerk, Query query) {
        DispatchAccess.Condition access = DispatchAccess.condition(
                Objects.requireNonNull(clerk), Audience.ISSUER, DispatchAccess.Columns.ofDispatchTable("d"));
        StringBuilder sql = new StringBuilder(access.sql()).append(" and d.status <> 'DRAFT'");
        Map<String, Object> parameters = new LinkedHashMap<>(access.parameters());
        if (query == null) {
            return new Where(sql.toString(), parameters);
        }
        LocalDate first = LocalDate.of(query.year(), 1, 1);
        LocalDate last = LocalDate.of(query.year(), 12, 31);
        if (query.from() != null && query.from().isAfter(first)) {
            first = query.from();
        }
        if (query.to() != null && query.to().isBefore(last)) {
            last = query.to();
        }
        if (first.isAfter(last)) {
            // Dates outside the year (or the wrong way round) keep nothing; they are not sent to PostgreSQL, whose
            // dates end in the year 5874897.
            sql.append(" and false");
        } else {
            sql.append(" and d.issued_on between :first and :last");
            parameters.put("first", first);
            parameters.put("last", last);
        }
        if (query.typeCode() != null) {
            sql.append(" and d.type_code = :type");
            parameters.put("type", query.typeCode());
        }
        if (query.text() != null) {
            sql.append(" and (lower(immutable_unaccent(d.subject)) like :text escape '\\'")
                    .append(" or lower(immutable_unaccent(")
                    .append(NOTATION)
                    .append(")) like :text escape '\\')");
            parameters.put("text", pattern(query.text()));
        }
        return new Where(sql.toString(), parameters);
    }

    private record Where(String sql, Map<String, Object> parameters) {}

    /** The number and symbol as {@link DispatchFamily#notation} prints them, in SQL. */
    private static final String NOTATION =
            "case when d.family = 'PARTY' then lpad(cast(d.number as text), 2, '0') || '-' || d.symbol"
                    + " else lpad(cast(d.number as text), 2, '0') || '/' || d.symbol end";

    private static final String SELECT = """
            select d.id, d.family, d.number, d.symbol, d.issued_on, d.type_code, t.name as type_name, d.subject,
                   d.signer_name, d.priority, d.status,
                   (select string_agg(l.printed_text, '; ' order by l.position) from dispatch_recipient_line l
                     where l.dispatch_id = d.id and l.role = 'DISTRIBUTION') as distribution,
                   s.relation as superseded_as, s.family as s_family, s.number as s_number, s.symbol as s_symbol
              from dispatch d
              join dispatch_type t on t.code = d.type_code
              left join lateral (select r.relation, r.family, r.number, r.symbol from dispatch r
                                  where r.related_id = d.id and r.status <> 'DRAFT'
                                  order by r.issued_on, r.id limit 1) s on true
            """;

    /**
     * Number order per series: the series (the term for the Party, the year otherwise), then the type where the
     * family numbers per type, then the number.
     */
    private static final String ORDER =
            " order by d.numbering_series, case when d.family = 'PARTY' then d.type_code else '' end, d.number, d.id";

    private static Entry entry(ResultSet rs) throws SQLException {
        DispatchFamily family = DispatchFamily.valueOf(rs.getString("family"));
        int number = rs.getInt("number");
        String relation = rs.getString("superseded_as");
        String supersededBy = relation == null
                ? null
                : DispatchFamily.valueOf(rs.getString("s_family"))
                        .notation(rs.getInt("s_number"), rs.getString("s_symbol"));
        return new Entry(
                rs.getLong("id"),
                number,
                family.notation(number, rs.getString("symbol")),
                rs.getObject("issued_on", LocalDate.class),
                rs.getString("type_code"),
                rs.getString("type_name"),
                rs.getString("subject"),
                rs.getString("signer_name"),
                rs.getString("distribution"),
                Urgency.ofCode(rs.getInt("priority")),
                DispatchStatus.valueOf(rs.getString("status")),
                relation == null ? null : DispatchRelation.valueOf(relation),
                supersededBy);
    }

    /** "cong van" and "Công văn" both find "Công văn"; LIKE's wildcards typed are taken literally. */
    private static String pattern(String text) {
        String plain = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return "%" + plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
