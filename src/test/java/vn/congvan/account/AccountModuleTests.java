package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.scheduling.config.TaskManagementConfigUtils;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.congvan.ModuleTestSupport;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;
import vn.congvan.system.Rows;

/**
 * The account module alone: the organization directory its pages ask is a stub, the unit rows an account names are
 * written in SQL. A pair (name, address) is locked after three failures here instead of ten, so that the lock is
 * reached without waiting out the slow-down that starts after the third.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import(ModuleTestSupport.class)
@TestPropertySource(properties = "congvan.account.lockout.pair-lock-after=3")
class AccountModuleTests {

    static final String PASSWORD = "MatKhau2025";

    @MockitoBean
    OrganizationDirectory organization;

    @Autowired
    AccountManagement management;

    @Autowired
    AuthenticationProvider logins;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void openingAnAccountPublishesAccountChangedAndKeepsOnlyAHashOfThePassword(Scenario scenario) {
        long unit = Rows.unit(jdbc, "Đảng ủy phường Sài Gòn");
        given(organization.unit(unit))
                .willReturn(Optional.of(new UnitSummary(
                        unit,
                        null,
                        UnitKind.PARTY_COMMITTEE,
                        "DU-SG",
                        "Đảng ủy phường Sài Gòn",
                        "Phường Sài Gòn",
                        null,
                        null,
                        null,
                        null,
                        null)));
        String username = uniqueName("thanhvien");
        NewAccount spec = new NewAccount(
                username, "Trần Thị Thử", username + "@saigon.test", unit, Set.of(Role.MEMBER), PASSWORD);

        scenario.stimulate(() -> management.open(spec))
                .andWaitForEventOfType(AccountChanged.class)
                .matching(event -> event.username().equals(username))
                .toArriveAndVerify((event, account) -> {
                    assertThat(event.accountId()).isEqualTo(account.id());
                    assertThat(event.change())
                            .isEqualTo("Tạo tài khoản với vai trò Cán bộ đơn vị nhận, đơn vị Đảng ủy phường Sài Gòn");
                    assertThat(account.unitId()).isEqualTo(unit);
                });
        String stored =
                jdbc.queryForObject("select password_hash from account where username = ?", String.class, username);
        assertThat(stored).doesNotContain(PASSWORD);
        assertThat(passwords.matches(PASSWORD, stored)).isTrue();
        assertThat(management.emailsOfUnits(Set.of(unit))).containsExactly(username + "@saigon.test");
    }

    @Test
    void aPasswordThatBreaksThePolicyOpensNoAccount() {
        String username = uniqueName("thanhvien");

        assertThatThrownBy(() -> management.open(
                        new NewAccount(username, "Lê Văn Thử", null, null, Set.of(Role.MEMBER), username + "1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(management.usernameTaken(username)).isFalse();
    }

    @Test
    void threeWrongPasswordsLockTheNameFromThatAddressOnlyUntilAnAdministratorUnlocksIt(Scenario scenario) {
        String username = uniqueName("vanthu");
        AccountSummary account = management.open(new NewAccount(
                username,
                "Phạm Văn Thử",
                null,
                Rows.unit(jdbc, "Ban Tuyên giáo thử nghiệm"),
                Set.of(Role.CLERK),
                PASSWORD));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login(username, "SaiMatKhau1", "198.51.100.7"))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> login(username, PASSWORD, "198.51.100.7"))
                .isInstanceOfSatisfying(
                        LoginRefusedException.class,
                        refused -> assertThat(refused.locked()).isTrue());
        assertThat(management.failedLogins(account.id())).isEqualTo(new FailedLogins(3, 1));
        assertThat(login(username, PASSWORD, "198.51.100.8").getName()).isEqualTo(username);

        scenario.stimulate(() -> management.unlockLogin(account.id()))
                .andWaitForEventOfType(AccountChanged.class)
                .matching(event ->
                        event.accountId().equals(account.id()) && event.change().startsWith("Mở khóa đăng nhập"))
                .toArriveAndVerify(
                        event -> assertThat(event.change()).isEqualTo("Mở khóa đăng nhập (xóa 3 lần đăng nhập sai)"));
        assertThat(login(username, PASSWORD, "198.51.100.7").getName()).isEqualTo(username);
    }

    private Authentication login(String username, String password, String address) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return logins.authenticate(attempt);
    }

    /**
     * A module test runs no job by the clock: scheduling belongs to the system module, which it does not start. When
     * something else switched scheduling on here, the jobs ran on an unnamed non-daemon thread against a database
     * stopped before the context, and every build waited 30 s at the end of the unit tests (ADR 0056).
     */
    @Test
    void startsNoScheduler() {
        assertThat(context.containsBean(TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME))
                .isFalse();
    }

    private static String uniqueName(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }
}
