package vn.congvan.dispatch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out document numbers. One upsert per number: PostgreSQL locks the counter row until the publishing
 * transaction ends, so concurrent publications in one series are numbered one after the other, never twice.
 */
@Component
class NumberAllocator {

    private final JdbcTemplate jdbc;

    NumberAllocator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int next(Long issuerUnitId, String series, String typeKey) {
        return jdbc.queryForObject("""
                insert into numbering_counter (issuer_unit_id, series, type_key, last_number) values (?, ?, ?, 1)
                on conflict (issuer_unit_id, series, type_key)
                do update set last_number = numbering_counter.last_number + 1
                returning last_number
                """, Integer.class, issuerUnitId, series, typeKey);
    }

    /** Records a number given by hand (a document numbered on paper), so the series continues after it. */
    void advanceTo(Long issuerUnitId, String series, String typeKey, int number) {
        jdbc.update("""
                insert into numbering_counter (issuer_unit_id, series, type_key, last_number) values (?, ?, ?, ?)
                on conflict (issuer_unit_id, series, type_key)
                do update set last_number = greatest(numbering_counter.last_number, excluded.last_number)
                """, issuerUnitId, series, typeKey, number);
    }
}
