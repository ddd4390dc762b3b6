package vn.congvan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.demo.DemoData;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Visibility;
import vn.congvan.incoming.IncomingRegister;
import vn.congvan.incoming.RegisterFilter;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * Who gets what, for every page and file of the demo's restricted dispatch (66-CV/BTGQU, sent to Bến Nghé alone)
 * and its public one (65-CV/BTGQU): anonymous, a member of the recipient unit, a member of another unit, a clerk
 * of the issuer, a clerk of another issuer, an administrator. A dispatch that is not for someone answers 404, never
 * 403; a section that is not for someone's role answers 403 (or, for an anonymous visitor, the login page).
 */
@CongvanIntegrationTest
class AccessMatrixIntegrationTests {

    private static final int LOGIN = 302;

    private static final LocalDate LAST_DAY_OF_THE_DISTRICT = LocalDate.of(2025, 6, 30);

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

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    DispatchManagement management;

    @Autowired
    IncomingRegister incoming;

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
        // 3080-CV/BTGTU in the district board's incoming register, and its file.
        Long e = incoming.page(
                        new RegisterFilter(2023, null, null, null, null, "3080"), PageRequest.of(0, 1), (CurrentUser)
                                people.get("vanthu"))
                .getContent()
                .get(0)
                .id();
        Long ef = attachments.ofDispatch(samples.city().id()).get(0).id();

        Map<String, int[]> expected = new LinkedHashMap<>();
        // columns:                                     anonymous, bennghe, dakao, vanthu, city clerk, admin
        expected.put("/tai-lieu-tuyen-truyen/" + r, new int[] {404, 404, 404, 404, 404, 404});
        expected.put("/tai-lieu-tuyen-truyen/" + r + "/tep/" + rf, new int[] {404, 404, 404, 404, 404, 404});
        expected.put(
                "/tai-lieu-tuyen-truyen/" + r + "/tep/" + rf + "/tai-ve", new int[] {404, 404, 404, 404, 404, 404});
        expected.put("/hop-thu/" + r, new int[] {LOGIN, 200, 404, 403, 403, 403});
        expected.put("/hop-thu/" + r + "/tep/" + rf, new int[] {LOGIN, 200, 404, 403, 403, 403});
        expected.put("/hop-thu/" + r + "/tep/" + rf + "/tai-ve", new int[] {LOGIN, 200, 404, 403, 403, 403});
        expected.put("/quan-ly/cong-van/" + r, new int[] {LOGIN, 403, 403, 200, 404, 403});
        expected.put("/quan-ly/cong-van/" + r + "/tep/" + rf, new int[] {LOGIN, 403, 403, 200, 404, 403});
        expected.put("/quan-ly/cong-van/" + r + "/so-theo-doi", new int[] {LOGIN, 403, 403, 200, 404, 403});
        expected.put("/quan-ly/cong-van/" + r + "/so-theo-doi.csv", new int[] {LOGIN, 403, 403, 200, 404, 403});
        expected.put("/quan-ly/cong-van/" + r + "/so-theo-doi.xlsx", new int[] {LOGIN, 403, 403, 200, 404, 403});
        expected.put("/tai-lieu-tuyen-truyen/" + p, new int[] {200, 200, 200, 200, 200, 200});
        expected.put("/tai-lieu-tuyen-truyen/" + p + "/tep/" + pf, new int[] {200, 200, 200, 200, 200, 200});
        expected.put("/hop-thu/" + p, new int[] {LOGIN, 200, 200, 403, 403, 403});
        expected.put("/hop-thu/" + p + "/tep/" + pf + "/tai-ve", new int[] {LOGIN, 200, 200, 403, 403, 403});
        expected.put("/hop-thu", new int[] {LOGIN, 200, 200, 403, 403, 403});
        expected.put("/quan-ly/cong-van", new int[] {LOGIN, 403, 403, 200, 200, 403});
        expected.put("/quan-ly/cong-van/moi", new int[] {LOGIN, 403, 403, 200, 200, 403});
        expected.put("/quan-ly/van-ban-den", new int[] {LOGIN, 403, 403, 200, 200, 403});
        expected.put("/quan-ly/van-ban-den/so-van-ban-den.xlsx", new int[] {LOGIN, 403, 403, 200, 200, 403});
        expected.put("/quan-ly/van-ban-den/moi", new int[] {LOGIN, 403, 403, 200, 200, 403});
        expected.put("/quan-ly/van-ban-den/" + e, new int[] {LOGIN, 403, 403, 200, 404, 403});
        expected.put("/quan-ly/van-ban-den/" + e + "/tep/" + ef, new int[] {LOGIN, 403, 403, 200, 404, 403});
        // Each clerk reads the register of their own unit.
        expected.put("/quan-ly/so-van-ban-di", new int[] {LOGIN, 403, 403, 200, 200, 403});
        expected.put("/quan-ly/so-van-ban-di.xlsx", new int[] {LOGIN, 403, 403, 200, 200, 403});
        expected.put("/quan-tri", new int[] {LOGIN, 403, 403, 403, 403, 200});
        expected.put("/quan-tri/tai-khoan", new int[] {LOGIN, 403, 403, 403, 403, 200});
        expected.put("/quan-tri/don-vi", new int[] {LOGIN, 403, 403, 403, 403, 200});
        expected.put("/quan-tri/nhom-don-vi", new int[] {LOGIN, 403, 403, 403, 403, 200});
        expected.put("/quan-tri/nhat-ky", new int[] {LOGIN, 403, 403, 403, 403, 200});

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
        String draft = mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(people.get("vanthu")))
                        .with(csrf())
                        .param("family", "PARTY")
                        .param("typeCode", "CV")
                        .param("urgency", "NORMAL")
                        .param("visibility", "PUBLIC")
                        .param("subject", "Về việc dự thảo chưa phát hành")
                        .param("body", "Nội dung.")
                        .param("addresseeLines", "Các đơn vị"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String id = draft.substring(draft.lastIndexOf('/') + 1);

        assertThat(status(draft, "vanthu")).isEqualTo(200);
        assertThat(status(draft, "city clerk")).isEqualTo(404);
        assertThat(status("/tai-lieu-tuyen-truyen/" + id, "anonymous")).isEqualTo(404);
        assertThat(status("/hop-thu/" + id, "bennghe")).isEqualTo(404);
    }

    /**
     * Since the 2025 mergers a unit's work passes to its successor: what was sent to the ended ward is in the new
     * ward's inbox, files included, and still nowhere else.
     */
    @Test
    void aSuccessorUnitReceivesWhatItsPredecessorWasSent() throws Exception {
        UnitSummary ended = ward("Đảng ủy phường Trước sáp nhập");
        UnitSummary successor = ward("Đảng ủy phường Sau sáp nhập");
        UnitSummary other = ward("Đảng ủy phường Bên cạnh");
        Sent sent = send(ended, "Về việc bàn giao hồ sơ trước sáp nhập");
        administration.endUnit(
                ended.id(), administration.unitForEditing(ended.id()).version(), LocalDate.now(), successor.id());
        people.put("successor", member(successor));
        people.put("neighbour", member(other));

        assertThat(status("/hop-thu/" + sent.id(), "successor")).isEqualTo(200);
        assertThat(status("/hop-thu/" + sent.id() + "/tep/" + sent.file(), "successor"))
                .isEqualTo(200);
        assertThat(status("/hop-thu/" + sent.id() + "/tep/" + sent.file() + "/tai-ve", "successor"))
                .isEqualTo(200);
        assertThat(status("/hop-thu/" + sent.id(), "neighbour")).isEqualTo(404);
        assertThat(status("/hop-thu/" + sent.id() + "/tep/" + sent.file(), "neighbour"))
                .isEqualTo(404);
        assertThat(status("/tai-lieu-tuyen-truyen/" + sent.id(), "successor")).isEqualTo(404);
        assertThat(status("/tai-lieu-tuyen-truyen/" + sent.id() + "/tep/" + sent.file(), "successor"))
                .isEqualTo(404);
        assertThat(mvc.perform(get("/hop-thu").with(user(people.get("successor"))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Về việc bàn giao hồ sơ trước sáp nhập");
    }

    /**
     * A withdrawn dispatch is gone (410, with the reason) for its recipients and the public, page and files alike;
     * its files stay with the issuer.
     */
    @Test
    void aWithdrawnDispatchsFilesAreTheIssuersAlone() throws Exception {
        UnitSummary recipient = ward("Đảng ủy phường Nhận rồi thu hồi");
        Sent sent = send(recipient, "Về việc văn bản sẽ thu hồi");
        management.withdraw(sent.id(), "Ban hành nhầm", issuingClerk());
        people.put("recipient", member(recipient));
        people.put("issuing clerk", issuingClerk());

        assertThat(status("/hop-thu/" + sent.id(), "recipient")).isEqualTo(410);
        assertThat(status("/hop-thu/" + sent.id() + "/tep/" + sent.file(), "recipient"))
                .isEqualTo(410);
        assertThat(status("/hop-thu/" + sent.id() + "/tep/" + sent.file() + "/trang-dau.png", "recipient"))
                .isEqualTo(410);
        assertThat(status("/quan-ly/cong-van/" + sent.id() + "/tep/" + sent.file(), "issuing clerk"))
                .isEqualTo(200);
        assertThat(status("/quan-ly/cong-van/" + sent.id() + "/tep/" + sent.file(), "city clerk"))
                .isEqualTo(404);
        assertThat(status("/quan-ly/cong-van/" + sent.id() + "/tep/" + sent.file(), "admin"))
                .isEqualTo(403);
        assertThat(status("/tai-lieu-tuyen-truyen/" + sent.id() + "/tep/" + sent.file(), "anonymous"))
                .isEqualTo(404);
    }

    /** A draft's files, like the draft, exist for the issuing unit's clerks only, whichever way they are asked. */
    @Test
    void aDraftsFilesAreTheIssuersAlone() throws Exception {
        UnitSummary recipient = ward("Đảng ủy phường Chờ dự thảo");
        CurrentUser clerk = issuingClerk();
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(
                        clerk.unitId(), Visibility.PUBLIC, "Về việc dự thảo có tệp", recipient.id()),
                clerk);
        Long file = attach(id);
        people.put("recipient", member(recipient));
        people.put("issuing clerk", clerk);

        assertThat(status("/quan-ly/cong-van/" + id + "/tep/" + file, "issuing clerk"))
                .isEqualTo(200);
        assertThat(status("/quan-ly/cong-van/" + id + "/tep/" + file + "/tai-ve", "issuing clerk"))
                .isEqualTo(200);
        assertThat(status("/quan-ly/cong-van/" + id + "/tep/" + file, "city clerk"))
                .isEqualTo(404);
        assertThat(status("/hop-thu/" + id + "/tep/" + file, "recipient")).isEqualTo(404);
        assertThat(status("/tai-lieu-tuyen-truyen/" + id + "/tep/" + file, "anonymous"))
                .isEqualTo(404);
        assertThat(status("/tai-lieu-tuyen-truyen/" + id + "/tep/" + file + "/trang-dau.png", "admin"))
                .isEqualTo(404);
    }

    private record Sent(Long id, Long file) {}

    /**
     * A restricted dispatch of the district board, with one PDF, sent to the unit alone, dated on the board's last day
     * (it ended with the 2025 reorganisation and issues nothing after).
     */
    private Sent send(UnitSummary to, String subject) throws Exception {
        CurrentUser clerk = issuingClerk();
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(clerk.unitId(), Visibility.RESTRICTED, subject, to.id()), clerk);
        Long file = attach(id);
        management.publish(id, null, LAST_DAY_OF_THE_DISTRICT, clerk);
        return new Sent(id, file);
    }

    private Long attach(Long dispatchId) throws Exception {
        return attachments
                .attach(
                        new NewAttachment(dispatchId, "Tài liệu kèm theo", AttachmentKind.BRIEFING, "tai-lieu.pdf"),
                        new ByteArrayInputStream(TestFiles.pdf(1)))
                .id();
    }

    private UnitSummary ward(String name) {
        // In being when the district board sends to it (2024, see send).
        return Units.ward(
                administration, organization.unitByCode("QU-Q1").orElseThrow(), name, LocalDate.of(2025, 1, 1));
    }

    private CurrentUser issuingClerk() {
        return new TestUsers(organization).clerk("QU-Q1.BTG");
    }

    private static CurrentUser member(UnitSummary unit) {
        String name = "member-" + unit.code().toLowerCase();
        return new CurrentUser(null, name, "{noop}unused", name, unit.id(), Set.of(Role.MEMBER), true);
    }

    private int status(String path, String who) throws Exception {
        MockHttpServletRequestBuilder request = get(path);
        if (people.get(who) != null) {
            request.with(user(people.get(who)));
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
