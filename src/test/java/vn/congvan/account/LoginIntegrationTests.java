package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.congvan.account.Accounts.DEMO_PASSWORD;
import static vn.congvan.account.Accounts.from;
import static vn.congvan.account.Accounts.uniqueAddress;
import static vn.congvan.account.Accounts.uniqueUsername;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.Units;

@CongvanIntegrationTest
class LoginIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    NameKeys names;

    @Autowired
    LoginFailures failures;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void loginPageIsInVietnameseAndCarriesACsrfToken() throws Exception {
        mvc.perform(get("/dang-nhap"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Đăng nhập</h1>")))
                .andExpect(content().string(containsString("Tên đăng nhập")))
                .andExpect(content().string(containsString("Mật khẩu")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void aClerkLogsInAndLandsOnTheUnitsDispatches() throws Exception {
        String username = newClerk();

        login(username, DEMO_PASSWORD, uniqueAddress())
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/quan-ly/cong-van"))
                .andExpect(authenticated().withUsername(username).withRoles("CLERK"));
    }

    @Test
    void aMemberLogsInAndLandsOnTheInboxAndAnAdministratorOnTheAdministration() throws Exception {
        String member = newMember();
        login(member, DEMO_PASSWORD, uniqueAddress())
                .andExpect(redirectedUrl("/hop-thu"))
                .andExpect(authenticated().withUsername(member).withRoles("MEMBER"));

        String admin = uniqueUsername("quan-tri");
        accounts.open(new NewAccount(admin, "Quản trị " + admin, null, null, Set.of(Role.ADMIN), DEMO_PASSWORD));
        login(admin, DEMO_PASSWORD, uniqueAddress()).andExpect(redirectedUrl("/quan-tri"));
    }

    @Test
    void thePageThatAskedForTheLoginStillWinsOverTheLanding() throws Exception {
        String member = newMember();
        // Sessions live in PostgreSQL and are found by their cookie, as a browser's are.
        Cookie session = mvc.perform(get("/hop-thu?trang=2"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getCookie("JSESSIONID");
        assertThat(session).isNotNull();

        mvc.perform(post("/dang-nhap")
                        .cookie(session)
                        .param("username", member)
                        .param("password", DEMO_PASSWORD)
                        .with(csrf())
                        .with(from(uniqueAddress())))
                .andExpect(result ->
                        assertThat(result.getResponse().getRedirectedUrl()).contains("/hop-thu?trang=2"));
    }

    @Test
    void usernamesAreNotCaseSensitive() throws Exception {
        String username = newClerk();

        login(username.toUpperCase(), DEMO_PASSWORD, uniqueAddress())
                .andExpect(authenticated().withUsername(username));
    }

    @Test
    void wrongPasswordIsRefusedWithAVietnameseMessage() throws Exception {
        String username = newMember();

        login(username, "Sai-mat-khau-1", uniqueAddress())
                .andExpect(redirectedUrl("/dang-nhap?loi"))
                .andExpect(unauthenticated());
        mvc.perform(get("/dang-nhap").param("loi", ""))
                .andExpect(content().string(containsString("Tên đăng nhập hoặc mật khẩu không đúng.")));
    }

    @Test
    void aSuccessfulLoginForgivesTheFailuresOfItsOwnAddress() throws Exception {
        String username = newMember();
        String address = uniqueAddress();
        for (int i = 0; i < 3; i++) {
            login(username, "Sai-mat-khau-" + i, address).andExpect(redirectedUrl("/dang-nhap?loi"));
        }
        login(username, DEMO_PASSWORD, address).andExpect(authenticated());
        for (int i = 0; i < 3; i++) {
            login(username, "Sai-mat-khau-" + i, address).andExpect(redirectedUrl("/dang-nhap?loi"));
        }

        login(username, DEMO_PASSWORD, address).andExpect(authenticated().withUsername(username));
    }

    @Test
    void anAttackerFailingManyTimesIsMadeToWaitButTheOwnerLogsInFromAnotherAddress() throws Exception {
        String username = newMember();
        String attacker = "203.0.113.7";
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(login(username, "Doan-mat-khau-" + i, attacker)
                    .andExpect(unauthenticated())
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl());
        }

        // Three failures are free; after that every failure doubles the wait, and an attempt inside the wait is
        // refused unchecked, so twelve quick attempts cannot all be failures.
        assertThat(answers.subList(0, 4)).containsOnly("/dang-nhap?loi");
        String refused = answers.stream()
                .filter(url -> url.startsWith("/dang-nhap?cho="))
                .findFirst()
                .orElseThrow();
        assertThat(refused).matches("/dang-nhap\\?cho=\\d+");
        mvc.perform(get(refused))
                .andExpect(content()
                        .string(containsString("Bạn đã đăng nhập sai nhiều lần. Vui lòng chờ "
                                + refused.substring("/dang-nhap?cho=".length()) + " giây rồi thử lại.")));

        login(username, DEMO_PASSWORD, uniqueAddress())
                .andExpect(authenticated().withUsername(username));
    }

    @Test
    void aWaitingPairIsRefusedEvenWithTheRightPasswordAndOtherAddressesAreNot() throws Exception {
        String username = newMember();
        String attacker = uniqueAddress();
        seedFailures(username, attacker, 9);

        login(username, DEMO_PASSWORD, attacker)
                .andExpect(unauthenticated())
                .andExpect(redirectedUrlPattern("/dang-nhap?cho=*"));
        login(username, DEMO_PASSWORD, uniqueAddress())
                .andExpect(authenticated().withUsername(username));
    }

    @Test
    void tenFailuresLockOnlyThePairUntilAnAdministratorUnlocksIt() throws Exception {
        String username = newMember();
        Long id = accounts.findByUsername(username).orElseThrow().id();
        String attacker = uniqueAddress();
        seedFailures(username, attacker, 10);

        login(username, DEMO_PASSWORD, attacker)
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/dang-nhap?khoa=15"));
        mvc.perform(get("/dang-nhap").param("khoa", "15"))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "tài khoản này tạm không đăng nhập được từ máy của bạn. Vui lòng thử lại sau 15 phút")));
        // The address is the connection's, not what a client writes into X-Forwarded-For.
        mvc.perform(post("/dang-nhap")
                        .param("username", username)
                        .param("password", DEMO_PASSWORD)
                        .with(csrf())
                        .with(from(attacker))
                        .header("X-Forwarded-For", uniqueAddress()))
                .andExpect(redirectedUrl("/dang-nhap?khoa=15"));
        login(username, DEMO_PASSWORD, uniqueAddress())
                .andExpect(authenticated().withUsername(username));

        mvc.perform(get("/quan-tri/tai-khoan/{id}", id).with(user(admin())))
                .andExpect(content().string(containsString("1 địa chỉ đang bị khóa")))
                .andExpect(content().string(containsString("10 lần sai gần đây")))
                .andExpect(content().string(containsString("Mở khóa đăng nhập")));
        mvc.perform(get("/quan-tri/tai-khoan").with(user(admin())))
                .andExpect(content().string(containsString("1 địa chỉ đang bị khóa")));
        mvc.perform(post("/quan-tri/tai-khoan/{id}/mo-khoa-dang-nhap", id).with(user(admin())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/quan-tri/tai-khoan/{id}/mo-khoa-dang-nhap", id)
                        .with(user(uniqueUsername("van-thu")).roles("CLERK"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/quan-tri/tai-khoan/{id}/mo-khoa-dang-nhap", id)
                        .with(user(admin()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/quan-tri/tai-khoan/" + id))
                .andExpect(flash().attribute("flash", "account.login.unlocked"));

        mvc.perform(get("/quan-tri/tai-khoan/{id}", id).with(user(admin())))
                .andExpect(content().string(containsString("Không có lần đăng nhập sai nào gần đây.")));
        assertThat(jdbc.queryForList(
                        "select actor_username from audit_entry where action = 'ACCOUNT_CHANGE' "
                                + "and subject_id = ? and details like ?",
                        String.class,
                        id,
                        "Mở khóa đăng nhập%"))
                .containsExactly("test-admin");
        login(username, DEMO_PASSWORD, attacker).andExpect(authenticated().withUsername(username));
    }

    @Test
    void guessesFromManyAddressesSlowTheAccountButNotFromAnAddressThatLoggedInBefore() throws Exception {
        String username = newMember();
        String home = uniqueAddress();
        login(username, DEMO_PASSWORD, home).andExpect(authenticated());
        for (int i = 0; i < 5; i++) {
            seedFailures(username, uniqueAddress(), 3);
        }

        login(username, DEMO_PASSWORD, uniqueAddress())
                .andExpect(redirectedUrlPattern("/dang-nhap?cho=*"))
                .andExpect(unauthenticated());
        login(username, DEMO_PASSWORD, home).andExpect(authenticated().withUsername(username));
    }

    @Test
    void anAttemptWhileAnotherOfTheSamePairIsUnderWayIsRefusedUnchecked() throws Exception {
        String username = newMember();
        String address = uniqueAddress();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Boolean> other =
                CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions).execute(status -> {
                    boolean claim = failures.claim(username, address);
                    claimed.countDown();
                    try {
                        done.await();
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    return claim;
                }));
        claimed.await();
        try {
            login(username, DEMO_PASSWORD, address)
                    .andExpect(redirectedUrl("/dang-nhap?cho=1"))
                    .andExpect(unauthenticated());
        } finally {
            done.countDown();
        }

        assertThat(other.get()).isTrue();
        login(username, DEMO_PASSWORD, address).andExpect(authenticated().withUsername(username));
    }

    @Test
    void sprayingManyNamesFromOneAddressSlowsThatAddressOnly() throws Exception {
        String address = uniqueAddress();
        for (int i = 0; i < 20; i++) {
            login(uniqueUsername("khong-co"), "Sai-mat-khau-" + i, address).andExpect(redirectedUrl("/dang-nhap?loi"));
        }
        seedFailures(uniqueUsername("khong-co"), address, 5);
        String username = newMember();

        login(username, DEMO_PASSWORD, address)
                .andExpect(redirectedUrlPattern("/dang-nhap?cho=*"))
                .andExpect(unauthenticated());
        login(username, DEMO_PASSWORD, uniqueAddress())
                .andExpect(authenticated().withUsername(username));
    }

    @Test
    void aNameThatIsNoAccountIsNotKeptInTheAuditLogNorTheFailures() throws Exception {
        String address = uniqueAddress();

        login("MatKhau@123", "Sai-mat-khau-1", address).andExpect(redirectedUrl("/dang-nhap?loi"));

        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where lower(coalesce(actor_username, '')) "
                                + "like '%matkhau%' or lower(coalesce(details, '')) like '%matkhau%'",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForList(
                        "select action, actor_username, details from audit_entry " + "where client_address = ?",
                        address))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.get("action")).isEqualTo("LOGIN_FAILURE");
                    assertThat(entry.get("actor_username")).isNull();
                    assertThat((String) entry.get("details")).endsWith("tên đăng nhập không tồn tại");
                });
        assertThat(jdbc.queryForList(
                        "select name_key from login_failure where client_address = ?", String.class, address))
                .singleElement()
                .asString()
                .matches("[0-9a-f]{64}")
                .isEqualTo(names.of("matkhau@123"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from login_failure where lower(name_key) like '%matkhau%'", Long.class))
                .isZero();
    }

    @Test
    void aFailedLoginOfAnAccountNamesTheAccountInTheAuditLog() throws Exception {
        String username = newMember();
        Long id = accounts.findByUsername(username).orElseThrow().id();
        String address = uniqueAddress();

        login(username.toUpperCase(), "Sai-mat-khau-1", address).andExpect(redirectedUrl("/dang-nhap?loi"));

        assertThat(jdbc.queryForList(
                        "select actor_username, subject_id from audit_entry where client_address = ?", address))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.get("actor_username")).isEqualTo(username);
                    assertThat(entry.get("subject_id")).isEqualTo(id);
                });
    }

    @Test
    void loginWithoutCsrfTokenIsForbidden() throws Exception {
        String username = newMember();

        mvc.perform(post("/dang-nhap")
                        .param("username", username)
                        .param("password", DEMO_PASSWORD)
                        .with(from(uniqueAddress())))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
    }

    @Test
    void logoutEndsTheSessionAndSaysSo() throws Exception {
        mvc.perform(post("/dang-xuat")
                        .with(user(uniqueUsername("van-thu")).roles("CLERK"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/dang-nhap?thoat"))
                .andExpect(unauthenticated());
        mvc.perform(get("/dang-nhap").param("thoat", ""))
                .andExpect(content().string(containsString("Bạn đã đăng xuất.")));
    }

    @Test
    void logoutWithoutCsrfTokenIsForbidden() throws Exception {
        mvc.perform(post("/dang-xuat").with(user(uniqueUsername("van-thu")).roles("CLERK")))
                .andExpect(status().isForbidden());
    }

    private ResultActions login(String username, String password, String address) throws Exception {
        return mvc.perform(post("/dang-nhap")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(from(address)));
    }

    /** Failures of a pair as if typed in the last few seconds, so that waits are long enough to test without timing. */
    private void seedFailures(String username, String address, int count) {
        Instant now = Instant.now();
        for (int i = count - 1; i >= 0; i--) {
            jdbc.update(
                    "insert into login_failure (name_key, client_address, occurred_at) values (?, ?, ?)",
                    names.of(username),
                    address,
                    now.minusMillis(i * 100L).atOffset(ZoneOffset.UTC));
        }
    }

    private CurrentUser admin() {
        return new TestUsers(organization).admin();
    }

    private String newMember() {
        String username = uniqueUsername("thu");
        accounts.open(Accounts.member(username, newWard()));
        return username;
    }

    private String newClerk() {
        String username = uniqueUsername("van-thu");
        accounts.open(
                new NewAccount(username, "Văn thư " + username, null, newWard(), Set.of(Role.CLERK), DEMO_PASSWORD));
        return username;
    }

    /** A ward of the calling test's own, under a root of its own, for the accounts it opens. */
    private Long newWard() {
        return Units.ward(administration, Units.root(administration, "Gốc đăng nhập"), "Đảng ủy Phường Đăng Nhập", null)
                .id();
    }
}
