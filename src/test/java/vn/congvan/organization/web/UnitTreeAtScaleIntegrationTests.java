package vn.congvan.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Issuers.Issuer;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * The recipient picker and the unit administration do not grow with the number of units: 1,500 units under one
 * parent (a per-unit rendering would take several hundred kilobytes for the form and megabytes for the
 * administration) leave both pages small, and the branches come a page at a time from their endpoints.
 */
@CongvanIntegrationTest
class UnitTreeAtScaleIntegrationTests {

    private static final int UNITS = 1_500;

    private static final int SMALL_PAGE = 200 * 1024;

    private static UnitSummary wide;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationDirectory directory;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DispatchManagement management;

    @Autowired
    AccountManagement accounts;

    @Autowired
    UserDetailsService users;

    CurrentUser clerk;

    Issuer issuer;

    RequestPostProcessor admin;

    @BeforeEach
    void setUp() {
        issuer = Issuers.partyBoard(administration, management, "cây đơn vị " + Units.uniqueCode("C"));
        clerk = new TestUsers(directory).clerk(issuer.board().code());
        admin = Admins.openedAdministrator(accounts, users);
        synchronized (UnitTreeAtScaleIntegrationTests.class) {
            if (wide == null) {
                // One set-based insert: the test is about the pages, not about creating units one by one.
                wide = Units.root(administration, "Đảng bộ thử nghiệm 1500 chi bộ");
                jdbc.update("""
                        insert into unit (parent_id, kind, code, name, short_name)
                        select ?, 'OTHER', ? || '-' || g, 'Chi bộ thử số ' || lpad(g::text, 4, '0'), 'Chi bộ'
                        from generate_series(1, ?) g""", wide.id(), wide.code(), UNITS);
            }
        }
    }

    @Test
    void theNewDispatchFormStaysSmallWithThousandsOfUnits() throws Exception {
        String page = body(get("/quan-ly/cong-van/moi").with(user(clerk)));

        assertThat(bytes(get("/quan-ly/cong-van/moi").with(user(clerk)))).isLessThan(SMALL_PAGE);
        assertThat(count(page, "Chi bộ thử số ")).isLessThanOrEqualTo(2 * UnitPickerController.PAGE);
        assertThat(page).contains("Tìm đơn vị theo tên", "Đảng bộ thử nghiệm 1500 chi bộ");
    }

    @Test
    void theUnitAdministrationStaysSmallWithThousandsOfUnits() throws Exception {
        String tree = body(get("/quan-tri/don-vi").with(admin));
        String opened =
                body(get("/quan-tri/don-vi").param("mo", wide.id().toString()).with(admin));

        assertThat(bytes(get("/quan-tri/don-vi").with(admin))).isLessThan(SMALL_PAGE);
        assertThat(bytes(get("/quan-tri/don-vi")
                        .param("mo", wide.id().toString())
                        .with(admin)))
                .isLessThan(SMALL_PAGE);
        assertThat(opened)
                .contains("Chi bộ thử số 0001", "Chi bộ thử số 0050", "Xem thêm")
                .doesNotContain("Chi bộ thử số 0051");
    }

    @Test
    void theBranchEndpointAnswersTheChildrenAPageAtATime() throws Exception {
        String first = body(branch(wide.id(), 0).with(user(clerk)));
        assertThat(count(first, "type=\"checkbox\"")).isEqualTo(UnitPickerController.PAGE);
        assertThat(first)
                .contains("Chi bộ thử số 0001", "Chi bộ thử số 0100", "Xem thêm", "tu=100")
                .doesNotContain("Chi bộ thử số 0101", "<html");

        String last = body(branch(wide.id(), 1_400).with(user(clerk)));
        assertThat(count(last, "type=\"checkbox\"")).isEqualTo(100);
        assertThat(last).contains("Chi bộ thử số 1401", "Chi bộ thử số 1500").doesNotContain("Xem thêm");

        String adminBranch = body(get("/quan-tri/don-vi/nhanh")
                .param("cap-tren", wide.id().toString())
                .param("tu", "100")
                .with(admin));
        assertThat(count(adminBranch, "class=\"tree__node\"")).isEqualTo(UnitAdminController.PAGE);
        assertThat(adminBranch)
                .contains("Chi bộ thử số 0101", "Chi bộ thử số 0150", "Sửa")
                .doesNotContain("Chi bộ thử số 0151", "<html");
    }

    @Test
    void searchFindsAUnitWithoutItsDiacritics() throws Exception {
        // A name of this test's own, so that the search's limit cannot leave it out behind other tests' wards.
        String tag = Units.uniqueCode("X").toLowerCase();
        String name = "Đảng ủy phường Bến Nghé " + tag;
        UnitSummary ward = Units.ward(administration, issuer.committee(), name, null);
        for (String query : new String[] {"ben nghe " + tag, "BEN NGHÊ " + tag, "phuong ben nghe " + tag}) {
            String found = body(get("/quan-ly/don-vi/tim")
                    .param("ten", "addresseeUnits")
                    .param("vai", "addressee")
                    .param("q", query)
                    .with(user(clerk)));
            assertThat(found).as(query).contains(name, issuer.committee().name());
        }
        assertThat(body(get("/quan-tri/don-vi")
                        .param("q", "dang uy phuong ben nghe " + tag)
                        .with(admin)))
                .contains(name, ward.code());
        assertThat(body(get("/quan-ly/don-vi/tim")
                        .param("ten", "addresseeUnits")
                        .param("vai", "addressee")
                        .param("q", "100%_")
                        .with(user(clerk))))
                .contains("Không tìm thấy đơn vị nào.");
    }

    @Test
    void onlyClerksMayReadTheBranches() throws Exception {
        mvc.perform(branch(wide.id(), 0)).andExpect(status().is3xxRedirection());
        mvc.perform(branch(wide.id(), 0)
                        .with(user(
                                new TestUsers(directory).member(issuer.board().code()))))
                .andExpect(status().isForbidden());
        mvc.perform(branch(wide.id(), 0).with(admin)).andExpect(status().isForbidden());
        mvc.perform(get("/quan-ly/don-vi/tim")
                        .param("ten", "addresseeUnits")
                        .param("vai", "addressee")
                        .param("q", "ben nghe")
                        .with(Admins.member()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/quan-tri/don-vi/nhanh").with(user(clerk))).andExpect(status().isForbidden());
        mvc.perform(get("/quan-ly/don-vi/nhanh")
                        .param("ten", "x\"><script>")
                        .param("vai", "addressee")
                        .with(user(clerk)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theBranchesOfferActiveUnitsOnly() throws Exception {
        UnitSummary city = Units.root(administration, "Thành phố thử đơn vị hết hiệu lực");
        UnitSummary ended = Units.child(administration, city, "Đảng ủy phường đã giải thể");
        Units.child(administration, city, "Đảng ủy phường đang hoạt động");
        administration.endUnit(
                ended.id(), administration.unitForEditing(ended.id()).version(), LocalDate.of(2025, 7, 1), null);

        assertThat(body(branch(city.id(), 0).with(user(clerk))))
                .contains("Đảng ủy phường đang hoạt động")
                .doesNotContain("Đảng ủy phường đã giải thể");
        assertThat(body(get("/quan-tri/don-vi/nhanh")
                        .param("cap-tren", city.id().toString())
                        .with(admin)))
                .contains("Đảng ủy phường đang hoạt động", "Đảng ủy phường đã giải thể");
    }

    @Test
    void aDispatchIsDraftedWithAUnitPickedFromALoadedBranch() throws Exception {
        Units.child(administration, issuer.committee(), "Hội Cựu chiến binh Quận 1");
        Long district = issuer.committee().id();
        String branch = body(branch(district, 0).with(user(clerk)));
        Matcher veterans = Pattern.compile("value=\"(\\d+)\"[^>]*>\\s*<label[^>]*>Hội Cựu chiến binh Quận 1</label>")
                .matcher(branch);
        assertThat(veterans.find()).as("the veterans' box in the branch").isTrue();
        String unitId = veterans.group(1);

        String draft = mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(clerk))
                        .with(csrf())
                        .param("family", "PARTY")
                        .param("typeCode", "CV")
                        .param("urgency", "NORMAL")
                        .param("visibility", "RESTRICTED")
                        .param("subject", "Về việc thử chọn đơn vị trong cây")
                        .param("body", "Nội dung.")
                        .param("addresseeUnits", unitId)
                        .param("distributionLines", "Như trên"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(body(get(draft).with(user(clerk)))).contains("Hội Cựu chiến binh Quận 1");

        // Editing shows the unit ticked, once, with the path above it when the tree does not show it.
        String edit = body(get(draft + "/sua").with(user(clerk)));
        assertThat(count(edit, "name=\"addresseeUnits\" value=\"" + unitId + "\" checked"))
                .isEqualTo(1);
        assertThat(bytes(get(draft + "/sua").with(user(clerk)))).isLessThan(SMALL_PAGE);
    }

    @Test
    void withoutJavaScriptTheFormIsPostedBackToOpenABranchOrSearch() throws Exception {
        String tag = Units.uniqueCode("X").toLowerCase();
        Units.ward(administration, issuer.committee(), "Đảng ủy phường Bến Nghé " + tag, null);
        String opened = body(post("/quan-ly/cong-van/moi")
                .with(user(clerk))
                .with(csrf())
                .param("subject", "Trích yếu đang soạn")
                .param("mo", "addressee:" + wide.id() + ":100"));
        assertThat(opened)
                .contains("Trích yếu đang soạn", "Chi bộ thử số 0101", "Chi bộ thử số 0200")
                .doesNotContain("Vui lòng nhập nội dung văn bản.");

        String searched = body(post("/quan-ly/cong-van/moi")
                .with(user(clerk))
                .with(csrf())
                .param("subject", "Trích yếu đang soạn")
                .param("tim", "distribution")
                .param("q-distribution", "ben nghe " + tag));
        assertThat(searched).contains("Trích yếu đang soạn", "id=\"distributionFound");
        assertThat(Pattern.compile("id=\"distributionFound\\d+\"[^>]*>\\s*<label[^>]*><span>Đảng ủy phường Bến Nghé "
                                + tag)
                        .matcher(searched)
                        .find())
                .isTrue();
    }

    private MockHttpServletRequestBuilder branch(Long parentId, int offset) {
        return get("/quan-ly/don-vi/nhanh")
                .param("ten", "addresseeUnits")
                .param("vai", "addressee")
                .param("cap-tren", parentId.toString())
                .param("tu", Integer.toString(offset));
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        // Unescaped, since Thymeleaf writes some letters of a text field's value as entities ("Tr&iacute;ch").
        return HtmlUtils.htmlUnescape(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private int bytes(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray()
                .length;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
