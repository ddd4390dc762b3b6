package vn.congvan.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.congvan.account.Accounts.from;
import static vn.congvan.account.Accounts.uniqueAddress;
import static vn.congvan.account.Accounts.uniqueUsername;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.AccountSummary;
import vn.congvan.account.Accounts;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

@CongvanIntegrationTest
class AccountAdminIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganizationAdministration organization;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    /** The ward of this test's own that the accounts it opens belong to. */
    UnitSummary ward;

    @BeforeEach
    void ward() {
        ward = Units.ward(
                organization,
                Units.root(organization, "Gốc quản trị tài khoản"),
                "Đảng ủy Phường " + Units.uniqueCode("TK"),
                null);
    }

    @AfterEach
    void signOut() {
        TestSecurityContextHolder.clearContext();
    }

    @Test
    void anonymousVisitorOfAdministrationIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/quan-tri")).andExpect(status().isFound()).andExpect(redirectedUrl("/dang-nhap"));
        mvc.perform(get("/quan-tri/tai-khoan")).andExpect(redirectedUrl("/dang-nhap"));
    }

    @Test
    void memberMayNotSeeAccounts() throws Exception {
        signIn(open(Role.MEMBER));

        mvc.perform(get("/quan-tri/tai-khoan")).andExpect(status().isForbidden());
    }

    @Test
    void clerkMayNotSeeAdministration() throws Exception {
        signIn(open(Role.CLERK));

        mvc.perform(get("/quan-tri")).andExpect(status().isForbidden());
    }

    @Test
    void administratorSeesTheLandingPageAndTheAccounts() throws Exception {
        String clerk = open(Role.CLERK);
        signIn(openAdministrator());

        mvc.perform(get("/quan-tri"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/quan-tri/tai-khoan")))
                .andExpect(content().string(containsString("/quan-tri/don-vi")))
                .andExpect(content().string(containsString("/quan-tri/nhom-don-vi")))
                .andExpect(content().string(containsString("/quan-tri/nhat-ky")))
                .andExpect(content().string(containsString("Quản trị viên")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/quan-tri/tai-khoan"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(clerk)))
                .andExpect(content().string(containsString("Cán bộ " + clerk)))
                .andExpect(content().string(containsString(ward.name())));
        mvc.perform(get("/quan-tri/tai-khoan/them"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Thêm tài khoản")))
                .andExpect(content().string(containsString(ward.name())))
                .andExpect(content().string(containsString("Văn thư — soạn và phát hành văn bản của đơn vị")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/quan-tri/tai-khoan/them").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Add an account")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void administratorOpensAnAccountThatCanThenLogIn() throws Exception {
        signIn(openAdministrator());
        String username = uniqueUsername("daKao");

        create(username, "Mat-khau-2025", "MEMBER")
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/quan-tri/tai-khoan/*"))
                .andExpect(flash().attribute("flash", "account.saved"));

        AccountSummary account = accounts.findByUsername(username).orElseThrow();
        assertThat(account.username()).isEqualTo(username.toLowerCase());
        assertThat(account.roles()).containsExactly(Role.MEMBER);
        assertThat(account.unitId()).isEqualTo(wardId());
        // BCrypt, at the least cost of the test contexts' encoder (TestPasswords; production hashes at 10 or more).
        assertThat(jdbc.queryForObject("select password_hash from account where id = ?", String.class, account.id()))
                .startsWith("{bcrypt}$2a$04$");
        mvc.perform(post("/dang-nhap")
                        .param("username", username)
                        .param("password", "Mat-khau-2025")
                        .with(csrf())
                        .with(from(uniqueAddress()))
                        .with(anonymous()))
                .andExpect(redirectedUrl("/hop-thu"));
    }

    @Test
    void weakPasswordsAreRefusedOnTheForm() throws Exception {
        signIn(openAdministrator());
        String username = uniqueUsername("yeu");

        create(username, "abc", "MEMBER")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("accountForm", "password"))
                .andExpect(content().string(containsString("Mật khẩu phải có ít nhất 8 ký tự.")))
                .andExpect(content().string(containsString("Mật khẩu phải có cả chữ cái và chữ số.")))
                .andExpect(content().string(not(containsString("value=\"abc\""))));
        create(username, username + "123", "MEMBER")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mật khẩu không được chứa tên đăng nhập.")));

        assertThat(accounts.usernameTaken(username)).isFalse();
    }

    @Test
    void onlyAnAdministratorMayHaveNoUnitAndUsernamesAreUnique() throws Exception {
        signIn(openAdministrator());
        mvc.perform(post("/quan-tri/tai-khoan")
                        .with(csrf())
                        .param("username", uniqueUsername("khong-don-vi"))
                        .param("displayName", "Không đơn vị")
                        .param("unitId", "")
                        .param("roles", "CLERK")
                        .param("password", "Mat-khau-2025"))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("Tài khoản không phải quản trị viên phải thuộc một đơn vị.")));
        create(open(Role.MEMBER).toUpperCase(), "Mat-khau-2025", "MEMBER")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tên đăng nhập này đã được dùng.")));
    }

    @Test
    void administratorDisablesAnAccountAndResetsItsPassword() throws Exception {
        signIn(openAdministrator());
        String username = uniqueUsername("sua");
        create(username, "Mat-khau-2025", "MEMBER").andExpect(status().isFound());
        AccountSummary account = accounts.findByUsername(username).orElseThrow();

        mvc.perform(post("/quan-tri/tai-khoan/{id}", account.id())
                        .with(csrf())
                        .param("version", String.valueOf(account.version()))
                        .param("displayName", "Tên mới")
                        .param("unitId", String.valueOf(wardId()))
                        .param("roles", "MEMBER")
                        .param("enabled", "false"))
                .andExpect(redirectedUrl("/quan-tri/tai-khoan/" + account.id()));
        assertThat(accounts.find(account.id()).orElseThrow().enabled()).isFalse();
        mvc.perform(post("/dang-nhap")
                        .param("username", username)
                        .param("password", "Mat-khau-2025")
                        .with(csrf())
                        .with(from(uniqueAddress()))
                        .with(anonymous()))
                .andExpect(redirectedUrl("/dang-nhap?loi"));

        mvc.perform(post("/quan-tri/tai-khoan/{id}/mat-khau", account.id())
                        .with(csrf())
                        .param("password", "ngan"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mật khẩu phải có ít nhất 8 ký tự.")));
        mvc.perform(post("/quan-tri/tai-khoan/{id}/mat-khau", account.id())
                        .with(csrf())
                        .param("username", "khac")
                        .param("password", username + "99"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mật khẩu không được chứa tên đăng nhập.")));
        mvc.perform(post("/quan-tri/tai-khoan/{id}/mat-khau", account.id())
                        .with(csrf())
                        .param("password", "Mat-khau-moi-2026"))
                .andExpect(redirectedUrl("/quan-tri/tai-khoan/" + account.id()))
                .andExpect(flash().attribute("flash", "account.passwordReset"));

        AccountSummary edited = accounts.find(account.id()).orElseThrow();
        mvc.perform(post("/quan-tri/tai-khoan/{id}", account.id())
                        .with(csrf())
                        .param("version", String.valueOf(edited.version()))
                        .param("displayName", "Tên mới")
                        .param("unitId", String.valueOf(wardId()))
                        .param("roles", "MEMBER")
                        .param("enabled", "true"))
                .andExpect(status().isFound());
        mvc.perform(post("/dang-nhap")
                        .param("username", username)
                        .param("password", "Mat-khau-moi-2026")
                        .with(csrf())
                        .with(from(uniqueAddress()))
                        .with(anonymous()))
                .andExpect(redirectedUrl("/hop-thu"));
    }

    @Test
    void aStaleEditIsRefusedInsteadOfOverwriting() throws Exception {
        signIn(openAdministrator());
        String username = uniqueUsername("cu");
        create(username, "Mat-khau-2025", "MEMBER").andExpect(status().isFound());
        AccountSummary account = accounts.findByUsername(username).orElseThrow();
        mvc.perform(post("/quan-tri/tai-khoan/{id}", account.id())
                        .with(csrf())
                        .param("version", String.valueOf(account.version()))
                        .param("displayName", "Lần một")
                        .param("unitId", String.valueOf(wardId()))
                        .param("roles", "MEMBER")
                        .param("enabled", "true"))
                .andExpect(status().isFound());

        mvc.perform(post("/quan-tri/tai-khoan/{id}", account.id())
                        .with(csrf())
                        .param("version", String.valueOf(account.version()))
                        .param("displayName", "Lần hai")
                        .param("unitId", String.valueOf(wardId()))
                        .param("roles", "MEMBER")
                        .param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tài khoản vừa được người khác sửa.")));
        assertThat(accounts.find(account.id()).orElseThrow().displayName()).isEqualTo("Lần một");
    }

    private ResultActions create(String username, String password, String role) throws Exception {
        return mvc.perform(post("/quan-tri/tai-khoan")
                .with(csrf())
                .param("username", username)
                .param("displayName", "Cán bộ " + ward.name())
                .param("email", "")
                .param("unitId", String.valueOf(wardId()))
                .param("roles", role)
                .param("password", password));
    }

    private Long wardId() {
        return ward.id();
    }

    /** An account of the given role in this test's ward, with the demo password; its username. */
    private String open(Role role) {
        String username = Accounts.uniqueUsername(role.name().toLowerCase());
        accounts.open(
                new NewAccount(username, "Cán bộ " + username, null, ward.id(), Set.of(role), Accounts.DEMO_PASSWORD));
        return username;
    }

    private String openAdministrator() {
        String username = Accounts.uniqueUsername("quantri");
        accounts.open(
                new NewAccount(username, "Quản trị viên thử", null, null, Set.of(Role.ADMIN), Accounts.DEMO_PASSWORD));
        return username;
    }

    /** Signs in as the application loads the account, as @WithUserDetails would for a name known in advance. */
    private void signIn(String username) {
        UserDetails user = users.loadUserByUsername(username);
        TestSecurityContextHolder.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, user.getPassword(), user.getAuthorities()));
    }
}
