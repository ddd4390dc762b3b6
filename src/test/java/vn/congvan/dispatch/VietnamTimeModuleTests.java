package vn.congvan.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.BDDMockito.given;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.congvan.ModuleTestSupport;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.Role;
import vn.congvan.attachment.AttachmentDownloads;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.SignedCopies;
import vn.congvan.attachment.StampedCopies;
import vn.congvan.attachment.Thumbnails;
import vn.congvan.extraction.FormReading;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;
import vn.congvan.system.Rows;

/**
 * A server in UTC (the JVM's default zone and the clock's zone both UTC) publishing late in the evening: the documents
 * are Vietnam's, dated and numbered by Vietnam's day (issue 12). At 23:30 UTC on 29 November it is 06:30 on 30
 * November in Ho Chi Minh City; at 23:30 UTC on 31 December it is already the next year there.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import({ModuleTestSupport.class, VietnamTimeModuleTests.LateEveningInUtc.class})
class VietnamTimeModuleTests {

    static TimeZone jvmZone;

    @MockitoBean
    OrganizationDirectory organization;

    @MockitoBean
    Attachments attachments;

    @MockitoBean
    AttachmentDownloads downloads;

    @MockitoBean
    Thumbnails thumbnails;

    @MockitoBean
    StampedCopies stampedCopies;

    @MockitoBean
    SignedCopies signedCopies;

    /** The drafting form reads files through the extraction module (ADR 0045). */
    @MockitoBean
    FormReading formReading;

    @Autowired
    DispatchManagement management;

    @Autowired
    DispatchCatalog catalog;

    @Autowired
    SettableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void serverInUtc() {
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    @AfterAll
    static void restoreZone() {
        TimeZone.setDefault(jvmZone);
    }

    @Test
    void aDispatchPublishedAt2330UtcIsDatedTheNextDayAsInVietnam() {
        clock.set(Instant.parse("2025-11-29T23:30:00Z"));
        long issuer = issuer("Ban Tuyên giáo thử giờ Việt Nam", "BTGGIO");
        long ward = Rows.unit(jdbc, "Đảng ủy phường Giờ Việt Nam");
        given(organization.activeRecipients(anySet(), anySet(), any())).willReturn(Set.of(ward));
        management.registerPartyTerm(issuer, "2025-2030", LocalDate.of(2025, 10, 1), null);
        CurrentUser clerk = clerkOf(issuer);
        Long draft = management.createDraft(
                DispatchDrafts.partyDispatch(issuer, Visibility.RESTRICTED, "Về việc thử giờ Việt Nam", ward), clerk);

        DispatchReference published = management.publish(draft, null, null, clerk);

        assertThat(published.issuedOn()).isEqualTo(LocalDate.of(2025, 11, 30));
        assertThat(catalog.visibleDispatch(draft, viewerOf(clerk)).orElseThrow().placeAndDate())
                .endsWith("ngày 30 tháng 11 năm 2025");
    }

    @Test
    void aStateDispatchPublishedAt2330UtcOnNewYearsEveIsNumberedInTheNewYear() {
        clock.set(Instant.parse("2025-12-31T23:30:00Z"));
        long issuer = issuer("Ủy ban nhân dân phường thử giờ", "UBNDGIO");
        long ward = Rows.unit(jdbc, "Khu phố thử giờ");
        given(organization.activeRecipients(anySet(), anySet(), any())).willReturn(Set.of(ward));
        CurrentUser clerk = clerkOf(issuer);
        Long draft = management.createDraft(
                DispatchDrafts.party(issuer)
                        .family(DispatchFamily.STATE)
                        .subject("Về việc thử số năm mới")
                        .addressees(Recipient.unit("Khu phố thử giờ", ward))
                        .signer(new Signer("KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Thử"))
                        .build(),
                clerk);

        DispatchReference published = management.publish(draft, null, null, clerk);

        assertThat(published.issuedOn()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(jdbc.queryForObject("select numbering_series from dispatch where id = ?", String.class, draft))
                .isEqualTo("2026");
        assertThat(published.notation()).startsWith("01/");
    }

    private long issuer(String name, String symbol) {
        long id = Rows.unit(jdbc, name);
        given(organization.unit(id))
                .willReturn(Optional.of(new UnitSummary(
                        id,
                        null,
                        UnitKind.PARTY_BOARD,
                        "U" + id,
                        name,
                        name,
                        symbol,
                        "Thành phố Hồ Chí Minh",
                        null,
                        null,
                        null)));
        return id;
    }

    private static CurrentUser clerkOf(long unitId) {
        return new CurrentUser(null, "vanthu." + unitId, null, "Văn thư thử nghiệm", unitId, Set.of(Role.CLERK), true);
    }

    private static Viewer viewerOf(CurrentUser clerk) {
        return Viewers.issuingClerk(clerk);
    }

    /** A clock in UTC that the test sets, in place of the portal's. */
    static final class SettableClock extends Clock {

        private volatile Instant now = Instant.now();

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class LateEveningInUtc {

        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }
}
