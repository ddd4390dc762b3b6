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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.AccountSummary;
import vn.congvan.account.Role;
import vn.congvan.organization.OrganizationDirectory;

@CongvanIntegrationTest
class AccountAdminIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anonymousVisitorOfAdministrationIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/quan-tri")).andExpect(status().isFound()).andExpect(redirectedUrl("/dang-nhap"));
        mvc.perform(get("/quan-tri/tai-khoan")).andExpect(redirectedUrl("/dang-nhap"));
    }

    @Test
    @WithUserDetails("bennghe")
    void memberMayNotSeeAccounts() throws Exception {
        mvc.perform(get("/quan-tri/tai-khoan")).andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("vanthu")
    void clerkMayNotSeeAdministration() throws Exception {
        mvc.perform(get("/quan-tri")).andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("admin")
    void administratorSeesTheLandingPageAndTheAccounts() throws Exception {
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
                .andExpect(content().string(containsString("vanthu")))
                .andExpect(content().string(containsString("Văn thư Ban Tuyên giáo")))
                .andExpect(content().string(containsString("Đảng ủy phường Bến Nghé")));
        mvc.perform(get("/quan-tri/tai-khoan/them"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Thêm tài khoản")))
                .andExpect(content().string(containsString("Ban Tuyên giáo Quận ủy Quận 1")))
                .andExpect(content().string(containsString("Văn thư — soạn và phát hành công văn của đơn vị")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/quan-tri/tai-khoan/them").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Add an account")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    @WithUserDetails("admin")
    void administratorOpensAnAccountThatCanThenLogIn() throws Exception {
        String username = uniqueUsername("daKao");

        create(username, "Mat-khau-2025", "MEMBER")
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/quan-tri/tai-khoan/*"))
                .andExpect(flash().attribute("flash", "account.saved"));

        AccountSummary account = accounts.findByUsername(username).orElseThrow();
        assertThat(account.username()).isEqualTo(username.toLowerCase());
        assertThat(account.roles()).containsExactly(Role.MEMBER);
        assertThat(account.unitId()).isEqualTo(dakao());
        assertThat(jdbc.queryForObject("select password_hash from account where id = ?", String.class, account.id()))
                .startsWith("{bcrypt}");
        mvc.perform(post("/dang-nhap")
                        .param("username", username)
                        .param("password", "Mat-khau-2025")
                        .with(csrf())
                        .with(from(uniqueAddress()))
                        .with(anonymous()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    @WithUserDetails("admin")
    void weakPasswordsAreRefusedOnTheForm() throws Exception {
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
    @WithUserDetails("admin")
    void onlyAnAdministratorMayHaveNoUnitAndUsernamesAreUnique() throws Exception {
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
        create("VANTHU", "Mat-khau-2025", "MEMBER")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tên đăng nhập này đã được dùng.")));
    }

    @Test
    @WithUserDetails("admin")
    void administratorDisablesAnAccountAndResetsItsPassword() throws Exception {
        String username = uniqueUsername("sua");
        create(username, "Mat-khau-2025", "MEMBER").andExpect(status().isFound());
        AccountSummary account = accounts.findByUsername(username).orElseThrow();

        mvc.perform(post("/quan-tri/tai-khoan/{id}", account.id())
                        .with(csrf())
                        .param("version", String.valueOf(account.version()))
                        .param("displayName", "Tên mới")
                        .param("unitId", String.valueOf(dakao()))
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
                        .param("unitId", String.valueOf(dakao()))
                        .param("roles", "MEMBER")
                        .param("enabled", "true"))
                .andExpect(status().isFound());
        mvc.perform(post("/dang-nhap")
                        .param("username", username)
                        .param("password", "Mat-khau-moi-2026")
                        .with(csrf())
                        .with(from(uniqueAddress()))
                        .with(anonymous()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    @WithUserDetails("admin")
    void aStaleEditIsRefusedInsteadOfOverwriting() throws Exception {
        String username = uniqueUsername("cu");
        create(username, "Mat-khau-2025", "MEMBER").andExpect(status().isFound());
        AccountSummary account = accounts.findByUsername(username).orElseThrow();
        mvc.perform(post("/quan-tri/tai-khoan/{id}", account.id())
                        .with(csrf())
                        .param("version", String.valueOf(account.version()))
                        .param("displayName", "Lần một")
                        .param("unitId", String.valueOf(dakao()))
                        .param("roles", "MEMBER")
                        .param("enabled", "true"))
                .andExpect(status().isFound());

        mvc.perform(post("/quan-tri/tai-khoan/{id}", account.id())
                        .with(csrf())
                        .param("version", String.valueOf(account.version()))
                        .param("displayName", "Lần hai")
                        .param("unitId", String.valueOf(dakao()))
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
                .param("displayName", "Cán bộ Đảng ủy phường Đa Kao")
                .param("email", "")
                .param("unitId", String.valueOf(dakao()))
                .param("roles", role)
                .param("password", password));
    }

    private Long dakao() {
        return organization.unitByCode("QU-Q1.DU-DAKAO").orElseThrow().id();
    }
}
