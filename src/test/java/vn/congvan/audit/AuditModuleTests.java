package vn.congvan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.congvan.ModuleTestSupport;
import vn.congvan.account.AccountChanged;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.Role;
import vn.congvan.attachment.Attachments;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchFamily;
import vn.congvan.dispatch.DispatchPublished;
import vn.congvan.dispatch.DispatchStatus;
import vn.congvan.dispatch.DispatchSummary;
import vn.congvan.dispatch.Urgency;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationDirectory;

/**
 * The audit module alone, fed the events of the modules it listens to; the account and organization modules it asks
 * about are stubs (an unknown login name is simply not an account). The log is real PostgreSQL.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import(ModuleTestSupport.class)
class AuditModuleTests {

    @MockitoBean
    AccountManagement accounts;

    @MockitoBean
    OrganizationDirectory organization;

    @MockitoBean
    DispatchCatalog dispatches;

    @MockitoBean
    Attachments attachments;

    @Autowired
    AuditLog log;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPublicationIsRecordedAgainstTheSignedInClerkAndCannotBeRewritten(Scenario scenario) {
        String clerk = "vanthu." + UUID.randomUUID().toString().substring(0, 8);
        signIn(clerk, 41L);
        Instant at = Instant.parse("2025-09-10T03:00:00Z");
        given(dispatches.summaries(List.of(9001L)))
                .willReturn(Map.of(
                        9001L,
                        new DispatchSummary(
                                9001L,
                                DispatchFamily.PARTY,
                                "CV",
                                "Công văn",
                                "12-CV/BTGĐU",
                                LocalDate.of(2025, 9, 10),
                                "Ban Tuyên giáo Đảng ủy",
                                "Về việc thử nghiệm",
                                Visibility.RESTRICTED,
                                DispatchStatus.PUBLISHED,
                                at,
                                Urgency.NORMAL)));

        scenario.publish(new DispatchPublished(9001L, 41L, "12-CV/BTGĐU", Set.of(51L, 52L, 53L), at))
                .andWaitForStateChange(() -> entries(AuditAction.PUBLISH, clerk), list -> !list.isEmpty())
                .andVerify(list -> assertThat(list).singleElement().satisfies(entry -> {
                    assertThat(entry.occurredAt()).isEqualTo(at);
                    assertThat(entry.actorUnitId()).isEqualTo(41L);
                    assertThat(entry.subjectType()).isEqualTo("DISPATCH");
                    assertThat(entry.subjectId()).isEqualTo(9001L);
                    assertThat(entry.subjectLabel()).isEqualTo("Công văn 12-CV/BTGĐU");
                    assertThat(entry.details()).isEqualTo("Phát hành số 12-CV/BTGĐU, gửi đến 3 đơn vị");
                }));

        Long id = entries(AuditAction.PUBLISH, clerk).get(0).id();
        assertThatThrownBy(() -> jdbc.update("update audit_entry set details = 'rewritten' where id = ?", id))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where id = ?", id))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void anActionRolledBackLeavesNoEntry() {
        String clerk = "vanthu." + UUID.randomUUID().toString().substring(0, 8);
        signIn(clerk, 42L);

        transactions.executeWithoutResult(status -> {
            events.publishEvent(new DispatchPublished(9002L, 42L, "13-CV/BTGĐU", Set.of(51L), Instant.now()));
            status.setRollbackOnly();
        });

        assertThat(entries(AuditAction.PUBLISH, clerk)).isEmpty();
    }

    @Test
    void anAccountChangeIsRecordedWithWhatChanged(Scenario scenario) {
        String admin = "quantri." + UUID.randomUUID().toString().substring(0, 8);
        signIn(admin, null);

        scenario.publish(new AccountChanged(
                        7001L,
                        "thanhvien.moi",
                        "Tạo tài khoản với vai trò Cán bộ đơn vị nhận, đơn vị Đảng ủy phường Bến Nghé",
                        Instant.now()))
                .andWaitForStateChange(() -> entries(AuditAction.ACCOUNT_CHANGE, admin), list -> !list.isEmpty())
                .andVerify(list -> assertThat(list).singleElement().satisfies(entry -> {
                    assertThat(entry.subjectType()).isEqualTo("ACCOUNT");
                    assertThat(entry.subjectId()).isEqualTo(7001L);
                    assertThat(entry.subjectLabel()).isEqualTo("Tài khoản thanhvien.moi");
                    assertThat(entry.details())
                            .isEqualTo("Tạo tài khoản với vai trò Cán bộ đơn vị nhận, đơn vị Đảng ủy phường Bến Nghé");
                }));
    }

    @Test
    void aFailedLoginWithANameThatIsNoAccountKeepsTheAddressButNotWhatWasTyped() {
        String address = "203.0.113." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
        String typed = "MatKhau-go-nham-" + UUID.randomUUID();
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(typed, "secret");
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        // The login form's request, whose remote address the entry keeps.
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        events.publishEvent(
                new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("Bad credentials")));

        assertThat(log.search(new AuditQuery(AuditAction.LOGIN_FAILURE, null, null, null), 0)
                        .getContent())
                .filteredOn(entry -> address.equals(entry.clientAddress()))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actorUsername()).isNull();
                    assertThat(entry.details())
                            .doesNotContain(typed)
                            .isEqualTo("Sai tên đăng nhập hoặc mật khẩu; " + AuditListeners.UNKNOWN_NAME);
                });
    }

    private List<AuditEntryView> entries(AuditAction action, String username) {
        return log.search(new AuditQuery(action, username, null, null), 0).getContent();
    }

    private static void signIn(String username, Long unitId) {
        CurrentUser user = new CurrentUser(
                1L, username, null, username, unitId, unitId == null ? Set.of(Role.ADMIN) : Set.of(Role.CLERK), true);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
