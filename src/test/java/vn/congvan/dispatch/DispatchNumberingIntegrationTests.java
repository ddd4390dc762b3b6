package vn.congvan.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.Units;

/** Every test numbers as an issuer of its own, so that the numbers it takes are taken by no other test. */
@CongvanIntegrationTest
class DispatchNumberingIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationAdministration administration;

    Long issuer;

    Long ward;

    @BeforeEach
    void setUp() {
        Issuers.Issuer own = Issuers.partyBoard(administration, management, "Thử đánh số");
        issuer = own.board().id();
        ward = Units.ward(administration, own.committee(), "Đảng ủy phường Bến Nghé", null)
                .id();
    }

    @Test
    void databaseRefusesASecondDocumentWithTheSameNumberSymbolAndIssuerInASeries() {
        insert(issuer, 900, "CV/BTGQU", "NK 2020-2025");

        assertThatThrownBy(() -> insert(issuer, 900, "CV/BTGQU", "NK 2020-2025"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("dispatch_number_unique");
    }

    @Test
    void theSameNumberMayReturnInAnotherSeriesOrWithAnotherSymbol() {
        insert(issuer, 901, "CV/BTGQU", "NK 2020-2025");

        insert(issuer, 901, "CV/BTGQU", "NK 2025-2030");
        insert(issuer, 901, "KH/BTGQU", "NK 2020-2025");

        assertThat(jdbc.queryForObject(
                        "select count(*) from dispatch where issuer_unit_id = ? and number = 901",
                        Integer.class,
                        issuer))
                .isEqualTo(3);
    }

    @Test
    void databaseRefusesAPublishedDocumentWithoutNumber() {

        assertThatThrownBy(() -> jdbc.update("""
                insert into dispatch (family, type_code, issuer_unit_id, issuer_name, issuer_header, place, subject,
                    body, visibility, status, created_at, updated_at)
                values ('PARTY', 'CV', ?, 'Ban Tuyên giáo Quận ủy Quận 1', 'BAN TUYÊN GIÁO', 'Quận 1', 'Về việc thử',
                    'Nội dung', 'PUBLIC', 'PUBLISHED', now(), now())
                """, issuer))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("dispatch_published_is_numbered");
    }

    @Test
    void registeringAPaperDocumentTwiceKeepsOne() {
        DispatchDraft draft = DispatchDrafts.partyDispatch(issuer, Visibility.PUBLIC, "Về việc đăng ký hai lần", ward);

        DispatchReference first =
                management.registerIssued(draft, new DocumentNumber(902, "CV/BTGQU"), LocalDate.of(2023, 8, 1));
        DispatchReference second =
                management.registerIssued(draft, new DocumentNumber(902, "CV/BTGQU"), LocalDate.of(2023, 8, 1));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(first.notation()).isEqualTo("902-CV/BTGQU");
    }

    private void insert(Long issuer, int number, String symbol, String series) {
        jdbc.update("""
                insert into dispatch (family, type_code, number, symbol, numbering_series, issuer_unit_id, issuer_name,
                    issuer_header, issued_on, place, subject, body, visibility, status, created_at, updated_at)
                values ('PARTY', 'CV', ?, ?, ?, ?, 'Ban Tuyên giáo Quận ủy Quận 1', 'BAN TUYÊN GIÁO', date '2023-07-20',
                    'Quận 1', 'Về việc thử', 'Nội dung', 'RESTRICTED', 'PUBLISHED', now(), now())
                """, number, symbol, series, issuer);
    }
}
