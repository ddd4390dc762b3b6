package vn.congvan.account;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.congvan.account.Accounts.DEMO_PASSWORD;
import static vn.congvan.account.Accounts.from;
import static vn.congvan.account.Accounts.uniqueAddress;
import static vn.congvan.account.Accounts.uniqueUsername;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.congvan.CongvanIntegrationTest;
import vn.congvan.organization.OrganizationDirectory;

@CongvanIntegrationTest
class LoginIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganizationDirectory organization;

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
    void demoClerkLogsInAndGoesToTheHomePage() throws Exception {
        login("vanthu", DEMO_PASSWORD, uniqueAddress())
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("vanthu").withRoles("CLERK"));
    }

    @Test
    void usernamesAreNotCaseSensitive() throws Exception {
        login("VanThu", DEMO_PASSWORD, uniqueAddress()).andExpect(authenticated().withUsername("vanthu"));
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
    void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        String username = newMember();
        for (int i = 0; i < 5; i++) {
            login(username, "Sai-mat-khau-" + i, uniqueAddress()).andExpect(redirectedUrl("/dang-nhap?loi"));
        }

        login(username, DEMO_PASSWORD, uniqueAddress())
                .andExpect(redirectedUrl("/dang-nhap?khoa"))
                .andExpect(unauthenticated());
        mvc.perform(get("/dang-nhap").param("khoa", "")).andExpect(content().string(containsString(
                "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.")));
    }

    @Test
    void aSuccessfulLoginForgivesEarlierFailures() throws Exception {
        String username = newMember();
        for (int i = 0; i < 4; i++) {
            login(username, "Sai-mat-khau-" + i, uniqueAddress()).andExpect(redirectedUrl("/dang-nhap?loi"));
        }
        login(username, DEMO_PASSWORD, uniqueAddress()).andExpect(authenticated());
        for (int i = 0; i < 4; i++) {
            login(username, "Sai-mat-khau-" + i, uniqueAddress()).andExpect(redirectedUrl("/dang-nhap?loi"));
        }

        login(username, DEMO_PASSWORD, uniqueAddress()).andExpect(authenticated().withUsername(username));
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressOnly() throws Exception {
        String address = uniqueAddress();
        for (int i = 0; i < 20; i++) {
            login(uniqueUsername("khong-co"), "Sai-mat-khau-" + i, address)
                    .andExpect(redirectedUrl("/dang-nhap?loi"));
        }

        login("vanthu", DEMO_PASSWORD, address).andExpect(redirectedUrl("/dang-nhap?khoa"))
                .andExpect(unauthenticated());
        login("vanthu", DEMO_PASSWORD, uniqueAddress()).andExpect(authenticated().withUsername("vanthu"));
    }

    @Test
    void loginWithoutCsrfTokenIsForbidden() throws Exception {
        mvc.perform(post("/dang-nhap").param("username", "vanthu").param("password", DEMO_PASSWORD)
                .with(from(uniqueAddress())))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
    }

    @Test
    void logoutEndsTheSessionAndSaysSo() throws Exception {
        mvc.perform(post("/dang-xuat").with(user("vanthu").roles("CLERK")).with(csrf()))
                .andExpect(redirectedUrl("/dang-nhap?thoat"))
                .andExpect(unauthenticated());
        mvc.perform(get("/dang-nhap").param("thoat", ""))
                .andExpect(content().string(containsString("Bạn đã đăng xuất.")));
    }

    @Test
    void logoutWithoutCsrfTokenIsForbidden() throws Exception {
        mvc.perform(post("/dang-xuat").with(user("vanthu").roles("CLERK"))).andExpect(status().isForbidden());
    }

    private ResultActions login(String username, String password, String address) throws Exception {
        return mvc.perform(post("/dang-nhap").param("username", username).param("password", password)
                .with(csrf()).with(from(address)));
    }

    private String newMember() {
        String username = uniqueUsername("thu");
        accounts.open(Accounts.member(username, organization.unitByCode("QU-Q1.DU-BENNGHE").orElseThrow().id()));
        return username;
    }
}
