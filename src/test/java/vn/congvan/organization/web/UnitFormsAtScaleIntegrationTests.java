package vn.congvan.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.congvan.organization.web.Admins.admin;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitGroupSummary;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * The administration's forms that name units (a new unit's parent, a move's new parent, an ended unit's successor,
 * a group's members) offer them as the lazy tree, so that they do not grow with the number of units: 3,000 more
 * units (a list of every unit would add some 300 KB to each form) change none of them by more than a few rows.
 */
@CongvanIntegrationTest
class UnitFormsAtScaleIntegrationTests {

    private static final int UNITS = 3_000;

    private static final int SMALL_PAGE = 200 * 1024;

    /** The new units' branch may show opened, a page of it (under 500 bytes a unit); thousands of units may not. */
    private static final int GROWTH = UnitChoice.PAGE * 1024;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationDirectory directory;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    JdbcTemplate jdbc;

    UnitSummary city;

    UnitSummary district;

    UnitGroupSummary group;

    @BeforeEach
    void setUp() {
        city = Units.root(administration, "Thành phố thử biểu mẫu");
        district = Units.child(administration, city, "Quận thử biểu mẫu");
        group = administration.createGroup(Units.uniqueCode("NHOM"), "Nhóm thử biểu mẫu", null, Set.of(district.id()));
    }

    @Test
    void theFormsNamingUnitsDoNotGrowWithTheNumberOfUnits() throws Exception {
        Map<String, Integer> before = sizes();

        // One set-based insert: the test is about the pages, not about creating units one by one.
        jdbc.update("""
                insert into unit (parent_id, kind, code, name, short_name)
                select ?, 'OTHER', ? || '-' || g, 'Chi bộ biểu mẫu số ' || lpad(g::text, 4, '0'), 'Chi bộ'
                from generate_series(1, ?) g""", district.id(), district.code(), UNITS);
        Map<String, Integer> after = sizes();

        after.forEach((page, bytes) -> {
            assertThat(bytes).as(page).isLessThan(SMALL_PAGE);
            assertThat(bytes - before.get(page)).as(page + " grew").isLessThan(GROWTH);
        });
        String members = body(get("/quan-tri/nhom-don-vi/{id}/sua", group.id()));
        assertThat(count(members, "Chi bộ biểu mẫu số ")).isLessThanOrEqualTo(UnitChoice.PAGE);
    }

    @Test
    void theBranchesOfTheFormsComeAPageAtATimeAsRadioButtonsOrCheckboxes() throws Exception {
        insertWards(120);

        String parents = body(get("/quan-tri/don-vi/chon")
                .param("ten", "parentId")
                .param("kieu", "mot")
                .param("cap-tren", district.id().toString())
                .param("tu", "50"));
        assertThat(count(parents, "type=\"radio\" id=\"parentIdUnit")).isEqualTo(UnitChoice.PAGE);
        assertThat(parents)
                .contains("Phường thử số 051", "Phường thử số 100", "Xem thêm", "tu=100")
                .doesNotContain("Phường thử số 101", "type=\"checkbox\"", "<html");

        String members = body(get("/quan-tri/don-vi/chon/tim")
                .param("ten", "memberUnitIds")
                .param("kieu", "nhieu")
                .param("q", "phuong thu so 11"));
        assertThat(count(members, "type=\"checkbox\" id=\"memberUnitIdsFound")).isEqualTo(10);

        // The unit being moved, and its branch, are no new parent for it.
        String moved = body(get("/quan-tri/don-vi/chon")
                .param("ten", "parentId")
                .param("kieu", "mot")
                .param("tru", district.id().toString())
                .param("cap-tren", city.id().toString()));
        assertThat(moved).doesNotContain("Quận thử biểu mẫu");
        assertThat(body(get("/quan-tri/don-vi/chon/tim")
                        .param("ten", "parentId")
                        .param("kieu", "mot")
                        .param("tru", district.id().toString())
                        .param("q", "phuong thu so 001")))
                .contains("Không tìm thấy đơn vị nào.");

        mvc.perform(get("/quan-tri/don-vi/chon").param("ten", "x\"><script>").with(admin()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/quan-tri/don-vi/chon").param("ten", "parentId").with(Admins.member()))
                .andExpect(status().isForbidden());
    }

    @Test
    void withoutJavaScriptTheFormIsPostedBackToOpenABranchOrSearch() throws Exception {
        insertWards(120);

        String opened = body(post("/quan-tri/don-vi/them")
                .with(csrf())
                .param("name", "Đơn vị đang nhập")
                .param("mo", "parentId:" + district.id() + ":50"));
        assertThat(opened)
                .contains("Đơn vị đang nhập", "Phường thử số 051", "Phường thử số 100")
                .doesNotContain("Phường thử số 101", "Vui lòng nhập mã đơn vị.");

        String searched = body(post("/quan-tri/nhom-don-vi/{id}/sua", group.id())
                .with(csrf())
                .param("name", "Tên nhóm đang sửa")
                .param("memberUnitIds", district.id().toString())
                .param("tim", "memberUnitIds")
                .param("q-memberUnitIds", "phuong thu so 007"));
        assertThat(searched)
                .contains("Tên nhóm đang sửa", "id=\"memberUnitIdsFound")
                .containsPattern("name=\"memberUnitIds\" value=\"" + district.id() + "\" checked");
        assertThat(directory.group(group.id()).orElseThrow().name()).isEqualTo("Nhóm thử biểu mẫu");
    }

    @Test
    void aUnitThatDoesNotExistIsAnErrorOfItsField() throws Exception {
        String missing = "999999999";
        UnitSummary ward = Units.child(administration, district, "Phường thử kết thúc");
        assertThat(html(post("/quan-tri/don-vi/them")
                        .with(csrf())
                        .param("parentId", missing)
                        .param("kind", "OTHER")
                        .param("code", Units.uniqueCode("MOI"))
                        .param("name", "Đơn vị mới")))
                .contains("Đơn vị cấp trên đã chọn không tồn tại.");
        assertThat(html(post("/quan-tri/don-vi/{id}/chuyen", ward.id())
                        .with(csrf())
                        .param("parentId", missing)
                        .param(
                                "version",
                                Long.toString(
                                        administration.unitForEditing(ward.id()).version()))))
                .contains("Đơn vị cấp trên đã chọn không tồn tại.");
        assertThat(html(post("/quan-tri/don-vi/{id}/ket-thuc", ward.id())
                        .with(csrf())
                        .param("successorId", missing)
                        .param("validTo", "2025-07-01")
                        .param(
                                "version",
                                Long.toString(
                                        administration.unitForEditing(ward.id()).version()))))
                .contains("Đơn vị kế thừa đã chọn không tồn tại.");
        assertThat(html(post("/quan-tri/nhom-don-vi/them")
                        .with(csrf())
                        .param("code", Units.uniqueCode("NHOM"))
                        .param("name", "Nhóm mới")
                        .param("memberUnitIds", missing)))
                .contains("Có đơn vị được chọn không còn tồn tại.");
        assertThat(html(post("/quan-tri/don-vi/them")
                        .with(csrf())
                        .param("parentId", "abc")
                        .param("kind", "OTHER")
                        .param("code", Units.uniqueCode("MOI"))
                        .param("name", "Đơn vị mới")))
                .contains("Đơn vị cấp trên không hợp lệ.");
        assertThat(directory.unit(ward.id()).orElseThrow().validTo()).isNull();
    }

    private void insertWards(int count) {
        jdbc.update("""
                insert into unit (parent_id, kind, code, name, short_name)
                select ?, 'OTHER', ? || '-P' || g, 'Phường thử số ' || lpad(g::text, 3, '0'), 'Phường'
                from generate_series(1, ?) g""", district.id(), district.code(), count);
    }

    private Map<String, Integer> sizes() throws Exception {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String page : List.of(
                "/quan-tri/nhom-don-vi/them",
                "/quan-tri/nhom-don-vi/" + group.id() + "/sua",
                "/quan-tri/don-vi/them",
                "/quan-tri/don-vi/them?cap-tren=" + district.id(),
                "/quan-tri/don-vi/" + district.id() + "/chuyen",
                "/quan-tri/don-vi/" + district.id() + "/ket-thuc")) {
            sizes.put(
                    page,
                    mvc.perform(get(page).with(admin()))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsByteArray()
                            .length);
        }
        return sizes;
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return html(request.with(admin()));
    }

    /** Unescaped, since Thymeleaf writes some letters of a text field's value as entities. */
    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(request.with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
