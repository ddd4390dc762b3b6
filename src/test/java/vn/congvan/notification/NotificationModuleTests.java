package vn.congvan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.congvan.ModuleTestSupport;
import vn.congvan.account.AccountManagement;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchPublished;
import vn.congvan.dispatch.DispatchViews;
import vn.congvan.dispatch.Urgency;
import vn.congvan.dispatch.Visibility;
import vn.congvan.system.Rows;

/** The notification module alone: the dispatch and account modules are stubs, the outbox is real. */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import(ModuleTestSupport.class)
class NotificationModuleTests {

    static final LocalDate ISSUED_ON = LocalDate.of(2025, 9, 4);

    @MockitoBean
    DispatchCatalog catalog;

    @MockitoBean
    AccountManagement accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPublicationQueuesOneNoticePerAddressAndARepeatedEventQueuesNoMore(Scenario scenario) {
        long issuer = Rows.unit(jdbc, "Ủy ban nhân dân phường thử nghiệm");
        long ward = Rows.unit(jdbc, "Đảng ủy phường Tân Định");
        long other = Rows.unit(jdbc, "Đảng ủy phường Đa Kao");
        String subject = "Về việc tổ chức hội nghị học tập nghị quyết";
        long dispatch = Rows.publishedDispatch(jdbc, issuer, 5, subject, "RESTRICTED", ISSUED_ON);
        given(catalog.publishedForIndexing(dispatch))
                .willReturn(Optional.of(DispatchViews.indexable(
                        DispatchViews.published(
                                dispatch, issuer, "5/CV-UBND", subject, Visibility.RESTRICTED, ISSUED_ON),
                        Set.of(ward, other))));
        // A person with accounts in both units is named twice.
        given(accounts.emailsOfUnits(Set.of(ward, other)))
                .willReturn(List.of("a@tandinh.test", "b@dakao.test", "a@tandinh.test"));
        DispatchPublished published =
                new DispatchPublished(dispatch, issuer, "5/CV-UBND", Set.of(ward, other), Instant.now());

        scenario.publish(published)
                .andWaitForStateChange(() -> recipients(dispatch), list -> !list.isEmpty())
                .andVerify(list -> assertThat(list).containsExactly("a@tandinh.test", "b@dakao.test"));
        scenario.publish(published)
                .andWaitForStateChange(() -> recipients(dispatch))
                .andVerify(list -> assertThat(list).containsExactly("a@tandinh.test", "b@dakao.test"));
        assertThat(jdbc.queryForObject(
                        "select subject from mail_outbox where dispatch_id = ? limit 1", String.class, dispatch))
                .contains("5/CV-UBND", subject);
    }

    private List<String> recipients(long dispatch) {
        return jdbc.queryForList(
                "select recipient from mail_outbox where dispatch_id = ? order by recipient", String.class, dispatch);
    }

    @Test
    void theUrgencyMarkLeadsTheMailSubject(Scenario scenario) {
        long issuer = Rows.unit(jdbc, "Ủy ban nhân dân phường hỏa tốc");
        long ward = Rows.unit(jdbc, "Đảng ủy phường Bến Thành");
        String subject = "Về việc phòng, chống bão số 9";
        long dispatch = Rows.publishedDispatch(jdbc, issuer, 7, subject, "RESTRICTED", ISSUED_ON);
        given(catalog.publishedForIndexing(dispatch))
                .willReturn(Optional.of(DispatchViews.indexable(
                        DispatchViews.published(
                                dispatch, issuer, "07/UBND", subject, Visibility.RESTRICTED, ISSUED_ON, Urgency.FLASH),
                        Set.of(ward))));
        given(accounts.emailsOfUnits(Set.of(ward))).willReturn(List.of("c@benthanh.test"));

        scenario.publish(new DispatchPublished(dispatch, issuer, "07/UBND", Set.of(ward), Instant.now()))
                .andWaitForStateChange(() -> recipients(dispatch), list -> !list.isEmpty())
                .andVerify(list -> assertThat(list).containsExactly("c@benthanh.test"));
        assertThat(jdbc.queryForObject(
                        "select subject from mail_outbox where dispatch_id = ? limit 1", String.class, dispatch))
                .startsWith("[HỎA TỐC] ")
                .contains("07/UBND", subject);
    }
}
