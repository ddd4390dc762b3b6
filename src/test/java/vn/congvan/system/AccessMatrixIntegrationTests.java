package vn.congvan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.Attachments;
import vn.congvan.demo.DemoData;
import vn.congvan.organization.OrganizationDirectory;

/**
 * Who gets what, for every page and file of the demo's restricted dispatch (66-CV/BTGQU, sent to Bến Nghé alone)
 * and its public one (65-CV/BTGQU): anonymous, a member of the recipient unit, a member of another unit, a clerk
 * of the issuer, a clerk of another issuer, an administrator. A dispatch that is not for someone answers 404, never
 * 403; a section that is not for someone's role answers 403 (or, for an anonymous visitor, the login page).
 */
@CongvanIntegrationTest
class AccessMatrixIntegrationTests {

    private static final int LOGIN = 302;

    private static final List<String> WHO = List.of("anonymous", "bennghe", "dakao", "vanthu", "city clerk", "admin");

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoData demo;

    @Autowired
    Attachments attachments;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    OrganizationDirectory organization;

    Map<String, UserDetails> people = new LinkedHashMap<>();

    @BeforeEach
    void people() {
        people.put("anonymous", null);
        for (String username : List.of("bennghe", "dakao", "vanthu", "admin")) {
            people.put(username, accounts.loadUserByUsername(username));
        }
        people.put("city clerk", new TestUsers(organization).clerk("TU-HCM.BTG"));
    }

    @Test
    void everyoneGetsExactlyWhatIsTheirs() throws Exception {
        DemoData.Samples samples = demo.load();
        Long r = samples.restricted().id();
        Long rf = attachments.ofDispatch(r).get(0).id();
        Long p = samples.district().id();
        Long pf = attachments.ofDispatch(p).get(0).id();

        Map<String, int[]> expected = new LinkedHashMap<>();
        // columns:                                     anonymous, bennghe, dakao, vanthu, city clerk, admin
        expected.put("/tai-lieu-tuyen-truyen/" + r, new int[] { 404, 404, 404, 404, 404, 404 });
        expected.put("/tai-lieu-tuyen-truyen/" + r + "/tep/" + rf, new int[] { 404, 404, 404, 404, 404, 404 });
        expected.put("/tai-lieu-tuyen-truyen/" + r + "/tep/" + rf + "/tai-ve", new int[] { 404, 404, 404, 404, 404, 404 });
        expected.put("/hop-thu/" + r, new int[] { LOGIN, 200, 404, 403, 403, 403 });
        expected.put("/hop-thu/" + r + "/tep/" + rf, new int[] { LOGIN, 200, 404, 403, 403, 403 });
        expected.put("/hop-thu/" + r + "/tep/" + rf + "/tai-ve", new int[] { LOGIN, 200, 404, 403, 403, 403 });
        expected.put("/quan-ly/cong-van/" + r, new int[] { LOGIN, 403, 403, 200, 404, 403 });
        expected.put("/quan-ly/cong-van/" + r + "/tep/" + rf, new int[] { LOGIN, 403, 403, 200, 404, 403 });
        expected.put("/quan-ly/cong-van/" + r + "/so-theo-doi", new int[] { LOGIN, 403, 403, 200, 404, 403 });
        expected.put("/quan-ly/cong-van/" + r + "/so-theo-doi.csv", new int[] { LOGIN, 403, 403, 200, 404, 403 });
        expected.put("/tai-lieu-tuyen-truyen/" + p, new int[] { 200, 200, 200, 200, 200, 200 });
        expected.put("/tai-lieu-tuyen-truyen/" + p + "/tep/" + pf, new int[] { 200, 200, 200, 200, 200, 200 });
        expected.put("/hop-thu/" + p, new int[] { LOGIN, 200, 200, 403, 403, 403 });
        expected.put("/hop-thu/" + p + "/tep/" + pf + "/tai-ve", new int[] { LOGIN, 200, 200, 403, 403, 403 });
        expected.put("/hop-thu", new int[] { LOGIN, 200, 200, 403, 403, 403 });
        expected.put("/quan-ly/cong-van", new int[] { LOGIN, 403, 403, 200, 200, 403 });
        expected.put("/quan-ly/cong-van/moi", new int[] { LOGIN, 403, 403, 200, 200, 403 });
        expected.put("/quan-tri", new int[] { LOGIN, 403, 403, 403, 403, 200 });
        expected.put("/quan-tri/tai-khoan", new int[] { LOGIN, 403, 403, 403, 403, 200 });
        expected.put("/quan-tri/don-vi", new int[] { LOGIN, 403, 403, 403, 403, 200 });
        expected.put("/quan-tri/nhom-don-vi", new int[] { LOGIN, 403, 403, 403, 403, 200 });
        expected.put("/quan-tri/nhat-ky", new int[] { LOGIN, 403, 403, 403, 403, 200 });

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, int[]> row : expected.entrySet()) {
            for (int column = 0; column < WHO.size(); column++) {
                UserDetails person = people.get(WHO.get(column));
                MockHttpServletRequestBuilder request = get(row.getKey());
                if (person != null) {
                    request.with(user(person));
                }
                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                if (status != row.getValue()[column]) {
                    wrong.add(row.getKey() + " as " + WHO.get(column) + ": " + status + ", expected "
                            + row.getValue()[column]);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aDraftIsSeenByTheIssuersClerksOnly() throws Exception {
        String draft = mvc.perform(post("/quan-ly/cong-van/moi").with(user(people.get("vanthu"))).with(csrf())
                        .param("family", "PARTY").param("typeCode", "CV").param("urgency", "NORMAL")
                        .param("visibility", "PUBLIC").param("subject", "Về việc dự thảo chưa phát hành")
                        .param("body", "Nội dung.").param("addresseeLines", "Các đơn vị"))
                .andReturn().getResponse().getRedirectedUrl();
        String id = draft.substring(draft.lastIndexOf('/') + 1);

        assertThat(status(draft, "vanthu")).isEqualTo(200);
        assertThat(status(draft, "city clerk")).isEqualTo(404);
        assertThat(status("/tai-lieu-tuyen-truyen/" + id, "anonymous")).isEqualTo(404);
        assertThat(status("/hop-thu/" + id, "bennghe")).isEqualTo(404);
    }

    private int status(String path, String who) throws Exception {
        MockHttpServletRequestBuilder request = get(path);
        if (people.get(who) != null) {
            request.with(user(people.get(who)));
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
