package vn.congvan.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.congvan.account.Accounts.DEMO_PASSWORD;
import static vn.congvan.account.Accounts.from;
import static vn.congvan.account.Accounts.uniqueAddress;
import static vn.congvan.account.Accounts.uniqueUsername;

import jakarta.servlet.http.Cookie;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/** A session holds who the person was when they signed in; a change to the account must end it. */
@CongvanIntegrationTest
class SignedInSessionsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganizationAdministration organization;

    @Test
    void aMemberMovedToAnotherUnitLosesTheSessionOfTheOldUnit() throws Exception {
        String username = uniqueUsername("chuyen");
        UnitSummary root = Units.root(organization, "Gốc phiên chuyển đơn vị");
        Long oldWard = Units.ward(organization, root, "Đảng ủy Phường Cũ", null).id();
        Long newWard =
                Units.ward(organization, root, "Đảng ủy Phường Mới", null).id();
        AccountSummary account = accounts.open(Accounts.member(username, oldWard));
        // The session lives in PostgreSQL and is found by its cookie, as a browser's is.
        Cookie session = mvc.perform(post("/dang-nhap")
                        .param("username", username)
                        .param("password", DEMO_PASSWORD)
                        .with(csrf())
                        .with(from(uniqueAddress())))
                .andExpect(redirectedUrl("/hop-thu"))
                .andReturn()
                .getResponse()
                .getCookie("JSESSIONID");
        mvc.perform(get("/hop-thu").cookie(session)).andExpect(status().isOk());

        accounts.update(
                account.id(),
                new AccountUpdate(
                        account.version(), account.displayName(), account.email(), newWard, Set.of(Role.MEMBER), true));

        mvc.perform(get("/hop-thu").cookie(session)).andExpect(redirectedUrl("/dang-nhap?het-phien"));
    }
}
