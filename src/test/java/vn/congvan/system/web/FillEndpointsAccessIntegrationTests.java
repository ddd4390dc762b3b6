package vn.congvan.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;

/**
 * The fill script's sender and citation (ADR 0065) answer a clerk alone, like the forms that call them: an anonymous
 * visitor is sent to the login page, a member without the clerk's role is refused and told nothing.
 */
@CongvanIntegrationTest
class FillEndpointsAccessIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    DispatchManagement management;

    /** A board of this class's own: the requests change nothing of it. */
    static Issuers.Issuer issuer;

    @BeforeEach
    void ownUnit() {
        if (issuer == null) {
            issuer = Issuers.partyBoard(administration, management, "Điền từ tệp");
        }
    }

    /** The sender's spelling is asked by GET (two short names); the citation is posted with the CSRF token. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /quan-ly/van-ban-den/moi/noi-gui?issuer=BAN%20TUY%C3%8AN%20GI%C3%81O",
                "POST /quan-ly/cong-van/trich-dan?family=STATE&number=1&notation=1%2FUBND&issuedOn=2024-01-02&issuer=UBND"
            })
    void onlyAClerkIsAnswered(String request) throws Exception {
        TestUsers users = new TestUsers(organization);

        MvcResult anonymous = mvc.perform(asked(request)).andReturn();
        MvcResult member = mvc.perform(
                        asked(request).with(user(users.member(issuer.board().code()))))
                .andReturn();
        MvcResult clerk = mvc.perform(
                        asked(request).with(user(users.clerk(issuer.board().code()))))
                .andReturn();

        assertThat(anonymous.getResponse().getStatus()).isEqualTo(302);
        assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/dang-nhap");
        assertThat(member.getResponse().getStatus()).isEqualTo(403);
        assertThat(member.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("Ban Tuyên giáo")
                .doesNotContain("forwardsReference");
        assertThat(clerk.getResponse().getStatus()).isEqualTo(200);
    }

    private static MockHttpServletRequestBuilder asked(String request) {
        String[] parts = request.split(" ", 2);
        return "POST".equals(parts[0]) ? post(parts[1]).with(csrf()) : get(parts[1]);
    }
}
