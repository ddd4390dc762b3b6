package vn.congvan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.AccountSummary;
import vn.congvan.account.AccountUpdate;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.Role;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchStatus;
import vn.congvan.dispatch.Viewers;
import vn.congvan.dispatch.Visibility;

/**
 * Sessions and cross-site request forgery: every state-changing POST needs the session's own token, the session
 * id changes at login and dies at logout, the cookie is out of scripts' reach (and HTTPS-only in production), and
 * an account an administrator disables or gives a new password is signed out at its next request.
 */
@CongvanIntegrationTest
class SessionsAndCsrfIntegrationTests {

    @Autowired
    Viewers viewers;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountManagement accounts;

    @Autowired
    DispatchCatalog catalog;

    @LocalServerPort
    int port;

    Scenario world;

    Long draft;

    Long sent;

    @BeforeEach
    void world() {
        world = Scenario.of(context, "csrf");
        draft = world.draft(Visibility.PUBLIC, "Về việc giả mạo yêu cầu");
        sent = world.published(Visibility.RESTRICTED, "Về việc xác nhận giả mạo")
                .id();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "clerk /quan-ly/cong-van/moi",
                "clerk /quan-ly/cong-van/{draft}/sua",
                "clerk /quan-ly/cong-van/{draft}/tep",
                "clerk /quan-ly/cong-van/{draft}/tep/1/xoa",
                "clerk /quan-ly/cong-van/{draft}/phat-hanh",
                "clerk /quan-ly/cong-van/{sent}/thu-hoi",
                "clerk /quan-ly/cong-van/{sent}/dinh-chinh",
                "clerk /quan-ly/cong-van/{sent}/thay-the",
                "member /hop-thu/{sent}/xac-nhan",
                "admin /quan-tri/tai-khoan",
                "admin /quan-tri/tai-khoan/1",
                "admin /quan-tri/tai-khoan/1/mat-khau",
                "admin /quan-tri/don-vi/them",
                "admin /quan-tri/don-vi/{unit}/sua",
                "admin /quan-tri/don-vi/{unit}/chuyen",
                "admin /quan-tri/don-vi/{unit}/ket-thuc",
                "admin /quan-tri/nhom-don-vi/them",
                "admin /quan-tri/nhom-don-vi/1/sua",
                "admin /quan-tri/nhom-don-vi/1/xoa",
                "member /dang-xuat"
            })
    void aStateChangingPostWithoutTheTokenIsForbiddenAndDoesNothing(String roleAndPath) throws Exception {
        mvc.perform(post(path(roleAndPath))
                        .with(user(actor(roleAndPath)))
                        .param("reason", "Giả mạo")
                        .param("name", "Giả mạo"))
                .andExpect(status().isForbidden());

        assertThat(catalog.visibleDispatch(draft, viewers.of(world.clerk))
                        .orElseThrow()
                        .status())
                .isEqualTo(DispatchStatus.DRAFT);
        assertThat(catalog.visibleDispatch(sent, viewers.of(world.clerk))
                        .orElseThrow()
                        .status())
                .isEqualTo(DispatchStatus.PUBLISHED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "clerk /quan-ly/cong-van/{draft}/phat-hanh",
                "clerk /quan-ly/cong-van/{sent}/thu-hoi",
                "member /hop-thu/{sent}/xac-nhan",
                "admin /quan-tri/tai-khoan",
                "admin /quan-tri/don-vi/them",
                "member /dang-xuat"
            })
    void aForgedTokenIsForbiddenToo(String roleAndPath) throws Exception {
        mvc.perform(post(path(roleAndPath))
                        .with(user(actor(roleAndPath)))
                        .with(csrf().useInvalidToken())
                        .param("reason", "Giả mạo"))
                .andExpect(status().isForbidden());

        assertThat(catalog.visibleDispatch(draft, viewers.of(world.clerk))
                        .orElseThrow()
                        .status())
                .isEqualTo(DispatchStatus.DRAFT);
        assertThat(catalog.visibleDispatch(sent, viewers.of(world.clerk))
                        .orElseThrow()
                        .status())
                .isEqualTo(DispatchStatus.PUBLISHED);
    }

    @Test
    void aTokenFromAnotherSessionDoesNotLogIn() throws Exception {
        String username = newMember();
        String othersToken = new WebClient(port).csrfToken("/dang-nhap");
        WebClient victim = new WebClient(port);
        victim.get("/dang-nhap");

        HttpResponse<String> response = victim.logIn(username, Accounts.DEMO_PASSWORD, othersToken);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(victim.get("/hop-thu").statusCode()).isEqualTo(302);
    }

    @Test
    void theSessionIdChangesAtLoginSoAPlantedIdStaysAnonymous() throws Exception {
        String username = newMember();
        WebClient victim = new WebClient(port);
        String token = victim.csrfToken("/dang-nhap");
        String planted = victim.sessionId().orElseThrow();

        assertThat(victim.logIn(username, Accounts.DEMO_PASSWORD, token).statusCode())
                .isEqualTo(302);

        assertThat(victim.sessionId()).isPresent().get().isNotEqualTo(planted);
        assertThat(victim.get("/hop-thu").statusCode()).isEqualTo(200);
        WebClient attacker = new WebClient(port);
        attacker.useSessionId(planted);
        assertThat(attacker.get("/hop-thu").statusCode()).isEqualTo(302);
    }

    @Test
    void logoutKillsTheSessionSoItsIdCannotBeReplayed() throws Exception {
        String username = newMember();
        WebClient browser = new WebClient(port);
        assertThat(browser.logIn(username, Accounts.DEMO_PASSWORD).statusCode()).isEqualTo(302);
        String signedIn = browser.sessionId().orElseThrow();

        HttpResponse<String> logout =
                browser.postForm("/dang-xuat", "_csrf=" + WebClient.encode(browser.csrfToken("/hop-thu")));

        assertThat(logout.statusCode()).isEqualTo(302);
        WebClient attacker = new WebClient(port);
        attacker.useSessionId(signedIn);
        assertThat(attacker.get("/hop-thu").statusCode()).isEqualTo(302);
    }

    @Test
    void aLinkThatGetsTheLogoutAddressDoesNotSignOut() throws Exception {
        String username = newMember();
        WebClient browser = new WebClient(port);
        assertThat(browser.logIn(username, Accounts.DEMO_PASSWORD).statusCode()).isEqualTo(302);

        browser.get("/dang-xuat");

        assertThat(browser.get("/hop-thu").statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsOutOfScriptsReachAndScopedToThePortal() throws Exception {
        HttpResponse<String> response = new WebClient(port).get("/dang-nhap");

        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie)
                        .contains("HttpOnly")
                        .contains("Path=/")
                        .doesNotContainIgnoringCase("Domain="));
    }

    @Test
    void inProductionTheSessionCookieIsHttpsOnlyHttpOnlyAndSameSite() throws Exception {
        Properties production = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application-prod.properties")) {
            production.load(in);
        }

        assertThat(production.getProperty("server.servlet.session.cookie.secure"))
                .isEqualTo("true");
        assertThat(production.getProperty("server.servlet.session.cookie.http-only"))
                .isEqualTo("true");
        assertThat(production.getProperty("server.servlet.session.cookie.same-site"))
                .isIn("lax", "strict", "Lax", "Strict");
    }

    @Test
    void credentialsInTheQueryStringDoNotLogIn() throws Exception {
        String username = newMember();

        mvc.perform(get("/dang-nhap")
                        .param("username", username)
                        .param("password", Accounts.DEMO_PASSWORD)
                        .with(Accounts.from(Accounts.uniqueAddress())))
                .andExpect(unauthenticated());
    }

    @Test
    void aDisabledAccountLosesItsSessionAndCannotLogInAgain() throws Exception {
        String username = newMember();
        AccountSummary account = accounts.findByUsername(username).orElseThrow();
        Cookie session = logIn(username);
        mvc.perform(get("/hop-thu").cookie(session)).andExpect(status().isOk());

        accounts.update(
                account.id(),
                new AccountUpdate(
                        account.version(),
                        account.displayName(),
                        account.email(),
                        account.unitId(),
                        Set.of(Role.MEMBER),
                        false));

        mvc.perform(get("/hop-thu").cookie(session)).andExpect(redirectedUrl("/dang-nhap?het-phien"));
        mvc.perform(post("/dang-nhap")
                        .param("username", username)
                        .param("password", Accounts.DEMO_PASSWORD)
                        .with(csrf())
                        .with(Accounts.from(Accounts.uniqueAddress())))
                .andExpect(unauthenticated());
    }

    @Test
    void aPasswordResetByAnAdministratorEndsTheAccountsSessions() throws Exception {
        String username = newMember();
        AccountSummary account = accounts.findByUsername(username).orElseThrow();
        Cookie session = logIn(username);

        accounts.resetPassword(account.id(), "Mat-khau-moi-2025!");

        mvc.perform(get("/hop-thu").cookie(session)).andExpect(redirectedUrl("/dang-nhap?het-phien"));
    }

    @Test
    void aClerkWhoLosesTheClerkRoleLosesTheClerksPagesAtOnce() throws Exception {
        String username = Accounts.uniqueUsername("van-thu");
        AccountSummary account = accounts.open(new vn.congvan.account.NewAccount(
                username, "Văn thư tạm", null, world.clerk.unitId(), Set.of(Role.CLERK), Accounts.DEMO_PASSWORD));
        Cookie session = logIn(username);
        mvc.perform(get("/quan-ly/cong-van").cookie(session)).andExpect(status().isOk());

        accounts.update(
                account.id(),
                new AccountUpdate(
                        account.version(),
                        account.displayName(),
                        account.email(),
                        account.unitId(),
                        Set.of(Role.MEMBER),
                        true));

        mvc.perform(get("/quan-ly/cong-van").cookie(session)).andExpect(redirectedUrl("/dang-nhap?het-phien"));
    }

    private String newMember() {
        String username = Accounts.uniqueUsername("phien");
        accounts.open(Accounts.member(username, world.recipientUnit.id()));
        return username;
    }

    /** The session cookie of a fresh login: sessions live in PostgreSQL and are found by their cookie. */
    private Cookie logIn(String username) throws Exception {
        return mvc.perform(post("/dang-nhap")
                        .param("username", username)
                        .param("password", Accounts.DEMO_PASSWORD)
                        .with(csrf())
                        .with(Accounts.from(Accounts.uniqueAddress())))
                // A member lands on the inbox, a clerk on the unit's dispatches: either way, not back on the login.
                .andExpect(result ->
                        assertThat(result.getResponse().getRedirectedUrl()).isIn("/hop-thu", "/quan-ly/cong-van"))
                .andReturn()
                .getResponse()
                .getCookie("JSESSIONID");
    }

    private String path(String roleAndPath) {
        return roleAndPath
                .substring(roleAndPath.indexOf(' ') + 1)
                .replace("{draft}", draft.toString())
                .replace("{sent}", sent.toString())
                .replace("{unit}", world.outsiderUnit.id().toString());
    }

    private CurrentUser actor(String roleAndPath) {
        return switch (roleAndPath.substring(0, roleAndPath.indexOf(' '))) {
            case "clerk" -> world.clerk;
            case "member" -> world.recipient;
            default -> world.admin;
        };
    }
}
