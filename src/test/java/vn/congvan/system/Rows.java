package vn.congvan.system;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows a module test needs from other modules' tables, written straight in SQL: the schema keeps foreign keys
 * across modules (a delivery names a dispatch, a dispatch its issuing unit), while the modules that own those
 * tables are not started in a module test.
 */
public final class Rows {

    private Rows() {}

    /** A unit with a code no other test uses. */
    public static long unit(JdbcTemplate jdbc, String name) {
        String code = ("M-" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase();
        return jdbc.queryForObject("""
                insert into unit (kind, code, name, short_name) values ('OTHER', ?, ?, ?) returning id
                """, Long.class, code, name, name);
    }

    /** A named group of units ("nhóm đơn vị") with no members: a module test stubs what it resolves to. */
    public static long group(JdbcTemplate jdbc, String name) {
        String code = ("G-" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase();
        return jdbc.queryForObject(
                "insert into unit_group (code, name) values (?, ?) returning id", Long.class, code, name);
    }

    /** A published state dispatch ("công văn") of the unit, numbered {@code number}/CV-... in the year of the day. */
    public static long publishedDispatch(
            JdbcTemplate jdbc, long issuerUnitId, int number, String subject, String visibility, LocalDate issuedOn) {
        String series =
                "Y" + issuedOn.getYear() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return jdbc.queryForObject("""
                insert into dispatch (family, type_code, number, symbol, numbering_series, issuer_unit_id,
                    issuer_name, issuer_header, issued_on, place, subject, body, visibility, status, created_at,
                    updated_at, published_at)
                values ('STATE', 'CV', ?, 'CV-UBND', ?, ?, 'Ủy ban nhân dân phường thử nghiệm', 'ỦY BAN NHÂN DÂN',
                    ?, 'Thành phố Hồ Chí Minh', ?, 'Nội dung thử nghiệm.', ?, 'PUBLISHED', now(), now(), now())
                returning id
                """, Long.class, number, series, issuerUnitId, issuedOn, subject, visibility);
    }
}
