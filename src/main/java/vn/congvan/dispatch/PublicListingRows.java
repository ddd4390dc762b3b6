package vn.congvan.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The rows of the public lists (materials list, home page, feed) read with one SQL query straight into
 * {@link DispatchSummary}s: no entities, no persistence context, and not the dispatch's body, which a list never
 * shows. A first render of the list spent a good part of its CPU loading 21 {@link Dispatch} entities (ADR 0027).
 * The conditions are those of {@code dispatch_public_listing_idx}, so every page is a seek on that index (ADR 0022).
 */
@Component
class PublicListingRows {

    private static final String COLUMNS = """
            select d.id, d.family, d.type_code, t.name as type_name, d.number, d.symbol, d.issued_on, d.issuer_name,
                   d.subject, d.visibility, d.status, d.updated_at, d.priority
              from dispatch d join dispatch_type t on t.code = d.type_code
             where d.visibility = 'PUBLIC' and d.status = 'PUBLISHED'
            """;

    private static final RowMapper<DispatchSummary> SUMMARY = PublicListingRows::summary;

    private final JdbcTemplate jdbc;

    PublicListingRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest rows, newest first. */
    List<DispatchSummary> latest(int limit) {
        return jdbc.query(COLUMNS + " order by d.issued_on desc, d.id desc limit ?", SUMMARY, limit);
    }

    /** The rows after (older than) a position, newest first. */
    List<DispatchSummary> after(LocalDate on, long id, int limit) {
        return jdbc.query(COLUMNS + """
                   and d.issued_on <= ? and (d.issued_on < ? or d.id < ?)
                 order by d.issued_on desc, d.id desc limit ?
                """, SUMMARY, on, on, id, limit);
    }

    /** The rows before (newer than) a position, oldest first. */
    List<DispatchSummary> before(LocalDate on, long id, int limit) {
        return jdbc.query(COLUMNS + """
                   and d.issued_on >= ? and (d.issued_on > ? or d.id > ?)
                 order by d.issued_on asc, d.id asc limit ?
                """, SUMMARY, on, on, id, limit);
    }

    /**
     * Public dispatches withdrawn, or corrected or replaced by a published dispatch, most recently changed first (a
     * successor's publication touches the earlier dispatch's {@code updated_at}).
     */
    List<DispatchSummary> changed(int limit) {
        return jdbc.query("""
                select d.id, d.family, d.type_code, t.name as type_name, d.number, d.symbol, d.issued_on,
                       d.issuer_name, d.subject, d.visibility, d.status, d.updated_at, d.priority
                  from dispatch d join dispatch_type t on t.code = d.type_code
                 where d.visibility = 'PUBLIC' and d.status in ('PUBLISHED', 'WITHDRAWN')
                   and (d.status = 'WITHDRAWN'
                        or exists (select 1 from dispatch n where n.related_id = d.id and n.status = 'PUBLISHED'))
                 order by d.updated_at desc, d.id desc limit ?
                """, SUMMARY, limit);
    }

    private static DispatchSummary summary(ResultSet row, int index) throws SQLException {
        DispatchFamily family = DispatchFamily.valueOf(row.getString("family"));
        int number = row.getInt("number");
        // As Dispatch#notation: a published dispatch always has its number.
        String notation = row.wasNull() ? null : family.notation(number, row.getString("symbol"));
        return new DispatchSummary(
                row.getLong("id"),
                family,
                row.getString("type_code"),
                row.getString("type_name"),
                notation,
                row.getObject("issued_on", LocalDate.class),
                row.getString("issuer_name"),
                row.getString("subject"),
                Visibility.valueOf(row.getString("visibility")),
                DispatchStatus.valueOf(row.getString("status")),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                Urgency.ofCode(row.getInt("priority")));
    }
}
