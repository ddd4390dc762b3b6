package vn.congvan.dispatch;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;

/**
 * Which series a number is taken from. A Party document is numbered per document type within the Party-committee
 * term (nhiệm kỳ) of its issuer, or of the nearest unit above it that has terms; state and mass-organisation
 * documents are numbered per calendar year across all types.
 */
@Component
class NumberingSeries {

    /** The counter key that state-style series share across document types. */
    static final String ALL_TYPES = "*";

    private final JdbcTemplate jdbc;

    private final OrganizationDirectory organization;

    NumberingSeries(JdbcTemplate jdbc, OrganizationDirectory organization) {
        this.jdbc = jdbc;
        this.organization = organization;
    }

    Key keyFor(DispatchFamily family, String typeCode, Long issuerUnitId, LocalDate issuedOn) {
        if (family != DispatchFamily.PARTY) {
            return new Key(String.valueOf(issuedOn.getYear()), ALL_TYPES);
        }
        Optional<UnitSummary> unit = organization.unit(issuerUnitId);
        while (unit.isPresent()) {
            List<String> terms = jdbc.queryForList("""
                    select name from party_term
                    where unit_id = ? and starts_on <= ? and (ends_on is null or ends_on >= ?)
                    order by starts_on desc limit 1
                    """, String.class, unit.get().id(), issuedOn, issuedOn);
            if (!terms.isEmpty()) {
                return new Key("NK " + terms.get(0), typeCode);
            }
            unit = organization.parentOf(unit.get());
        }
        throw new NoPartyTermException(issuerUnitId, issuedOn);
    }

    void registerTerm(Long unitId, String name, LocalDate startsOn, LocalDate endsOn) {
        jdbc.update("""
                insert into party_term (unit_id, name, starts_on, ends_on) values (?, ?, ?, ?)
                on conflict (unit_id, starts_on) do nothing
                """, unitId, name, startsOn, endsOn);
    }

    record Key(String series, String typeKey) {}
}
