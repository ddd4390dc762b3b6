package vn.congvan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.congvan.account.Accounts.DEMO_PASSWORD;
import static vn.congvan.account.Accounts.from;
import static vn.congvan.account.Accounts.uniqueAddress;
import static vn.congvan.account.Accounts.uniqueUsername;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

@CongvanIntegrationTest
class AuditIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog log;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    UserDetailsService users;

    @Autowired
    DispatchManagement management;

    UnitSummary ward;

    @BeforeEach
    void setUp() {
        ward = Units.ward(
                administration, Units.root(administration, "Khối thử nhật ký"), "Đảng ủy phường Đa Kao", null);
    }

    @Test
    void loginSuccessAndFailureAreRecordedWithUsernameAndClientAddress() throws Exception {
        String username = newMember();
        String address = uniqueAddress();

        mvc.perform(post("/dang-nhap")
                .param("username", username)
                .param("password", "Sai-mat-khau-1")
                .with(csrf())
                .with(from(address)));
        mvc.perform(post("/dang-nhap")
                .param("username", username)
                .param("password", DEMO_PASSWORD)
                .with(csrf())
                .with(from(address)));

        List<Map<String, Object>> entries = jdbc.queryForList("""
                select action, actor_username, actor_unit_id, client_address from audit_entry
                where actor_username = ? order by id""", username);
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("LOGIN_FAILURE", "LOGIN_SUCCESS");
        assertThat(entries).allSatisfy(e -> assertThat(e.get("client_address")).isEqualTo(address));
        assertThat(entries.get(1).get("actor_unit_id")).isEqualTo(dakao());
    }

    @Test
    void accountChangesAreRecordedWithTheAdministrator() {
        String administrator = openAdministrator();
        UserDetails signedIn = users.loadUserByUsername(administrator);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities()));
        String username;
        try {
            username = newMember();
        } finally {
            SecurityContextHolder.clearContext();
        }

        assertThat(jdbc.queryForList(
                        "select actor_username from audit_entry where action = 'ACCOUNT_CHANGE' "
                                + "and subject_type = 'ACCOUNT' and subject_label = ?",
                        String.class,
                        "Tài khoản " + username))
                .containsExactly(administrator);
        assertThat(jdbc.queryForObject(
                        "select details from audit_entry where action = 'ACCOUNT_CHANGE' and subject_label = ?",
                        String.class,
                        "Tài khoản " + username))
                .isEqualTo("Tạo tài khoản với vai trò Cán bộ đơn vị nhận, đơn vị Đảng ủy phường Đa Kao");
    }

    @Test
    void aPublicationIsLoggedInVietnameseWithTheDocumentsNumber() throws Exception {
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử nhật ký số");
        CurrentUser clerk = new TestUsers(organization).clerk(issuer.board().code());
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(clerk.unitId(), Visibility.RESTRICTED, "Về việc thử nhật ký", ward.id()),
                clerk);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(clerk, null, clerk.getAuthorities()));
        DispatchReference published;
        try {
            published = management.publish(id, null, LocalDate.of(2024, 9, 2), clerk);
        } finally {
            SecurityContextHolder.clearContext();
        }

        RequestPostProcessor admin = user(users.loadUserByUsername(openAdministrator()));
        mvc.perform(get("/quan-tri/nhat-ky")
                        .param("username", clerk.getUsername())
                        .param("action", "PUBLISH")
                        .with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Công văn " + published.notation())))
                .andExpect(
                        content().string(containsString("Phát hành số " + published.notation() + ", gửi đến 1 đơn vị")))
                .andExpect(content().string(not(containsString("Công văn #" + id))))
                .andExpect(content().string(not(containsString("recipient units"))));
    }

    @Test
    void theTableRefusesUpdateAndDelete() {
        String username = uniqueUsername("bat-bien");
        log.record(
                AuditAction.LOGIN_FAILURE,
                Instant.now(),
                new AuditLog.Actor(username, null, "10.0.0.1"),
                "ACCOUNT",
                null,
                "test");

        assertThatExceptionOfType(DataAccessException.class)
                .isThrownBy(
                        () -> jdbc.update("update audit_entry set details = 'sửa' where actor_username = ?", username));
        assertThatExceptionOfType(DataAccessException.class)
                .isThrownBy(() -> jdbc.update("delete from audit_entry where actor_username = ?", username));
        assertThat(jdbc.queryForObject(
                        "select details from audit_entry where actor_username = ?", String.class, username))
                .isEqualTo("test");
    }

    @Test
    void administratorListsAndFiltersTheLog() throws Exception {
        RequestPostProcessor admin = user(users.loadUserByUsername(openAdministrator()));
        String username = uniqueUsername("loc");
        log.record(
                AuditAction.DOWNLOAD,
                Instant.parse("2025-03-01T02:00:00Z"),
                new AuditLog.Actor(username, dakao(), "10.9.9.9"),
                "DISPATCH",
                42L,
                "unit " + dakao());
        log.record(
                AuditAction.LOGIN_SUCCESS,
                Instant.parse("2025-03-02T02:00:00Z"),
                new AuditLog.Actor(username, dakao(), "10.9.9.9"),
                "ACCOUNT",
                null,
                null);

        mvc.perform(get("/quan-tri/nhat-ky").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nhật ký hoạt động")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/quan-tri/nhat-ky").param("username", username).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tải về tệp")))
                .andExpect(content().string(containsString("01/03/2025 09:00:00")))
                .andExpect(content().string(containsString("10.9.9.9")))
                .andExpect(content().string(containsString("Đảng ủy phường Đa Kao")));
        mvc.perform(get("/quan-tri/nhat-ky")
                        .param("username", username)
                        .param("action", "LOGIN_SUCCESS")
                        .with(admin))
                .andExpect(content().string(containsString("02/03/2025 09:00:00")))
                .andExpect(content().string(not(containsString("01/03/2025 09:00:00"))));
        mvc.perform(get("/quan-tri/nhat-ky")
                        .param("username", username)
                        .param("from", "2025-03-02")
                        .param("to", "2025-03-02")
                        .with(admin))
                .andExpect(content().string(containsString("02/03/2025 09:00:00")))
                .andExpect(content().string(not(containsString("01/03/2025 09:00:00"))));
        mvc.perform(get("/quan-tri/nhat-ky")
                        .param("username", username)
                        .param("to", "2025-02-28")
                        .with(admin))
                .andExpect(content().string(containsString("Không có mục nào phù hợp.")));
    }

    @Test
    void onlyAdministratorsReadTheLog() throws Exception {
        CurrentUser clerk = new TestUsers(organization).clerk(ward.code());
        mvc.perform(get("/quan-tri/nhat-ky").with(user(clerk))).andExpect(status().isForbidden());
    }

    private String newMember() {
        String username = uniqueUsername("nk");
        accounts.open(Accounts.member(username, dakao()));
        return username;
    }

    private Long dakao() {
        return ward.id();
    }

    private String openAdministrator() {
        String username = uniqueUsername("quantri");
        accounts.open(new NewAccount(username, "Quản trị viên thử", null, null, Set.of(Role.ADMIN), DEMO_PASSWORD));
        return username;
    }
}
