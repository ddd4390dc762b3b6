package vn.congvan.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.congvan.organization.web.Admins.member;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

@CongvanIntegrationTest
class UnitAdminIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationDirectory directory;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    AccountManagement accounts;

    @Autowired
    UserDetailsService users;

    RequestPostProcessor admin;

    @BeforeEach
    void openAnAdministrator() {
        admin = Admins.openedAdministrator(accounts, users);
    }

    @Test
    void treePageListsTheUnitsIndentedByDepth() throws Exception {
        UnitSummary cityUnit = Units.root(administration, "Thành ủy thử trang cây");
        UnitSummary districtUnit = Units.child(administration, cityUnit, "Quận ủy thử trang cây");
        UnitSummary wardUnit = Units.ward(
                administration, districtUnit, "Đảng ủy phường Bến Nghé thử trang cây", LocalDate.of(2020, 10, 1));
        // The page opens the branches down to the unit asked for; others load on demand (UnitTreeAtScale...).
        String html = mvc.perform(get("/quan-tri/don-vi")
                        .param("mo", wardUnit.id().toString())
                        .with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cây đơn vị")))
                .andExpect(content().string(containsString("Cấp ủy cơ sở đảng")))
                .andExpect(content().string(containsString("Đang hoạt động")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        int city = row(html, cityUnit.code(), 0);
        int district = row(html, districtUnit.code(), 1);
        int benNghe = row(html, wardUnit.code(), 2);
        assertThat(city).isLessThan(district);
        assertThat(district).isLessThan(benNghe);
        assertThat(html.indexOf("Đảng ủy phường Bến Nghé thử trang cây", benNghe))
                .isPositive();
        assertThat(html.indexOf("Quận ủy thử trang cây", district)).isLessThan(benNghe);
        assertThat(html.indexOf("Thành ủy thử trang cây", city)).isLessThan(district);
    }

    @Test
    void treePageShowsAMergedUnitAsEndedWithItsSuccessor() throws Exception {
        UnitSummary city = Units.root(administration, "Thành phố thử sáp nhập");
        UnitSummary old = Units.child(administration, city, "Đảng ủy phường Cô Giang cũ");
        UnitSummary merged = Units.child(administration, city, "Đảng ủy phường Cầu Ông Lãnh mới");
        administration.endUnit(
                old.id(), administration.unitForEditing(old.id()).version(), LocalDate.of(2025, 7, 1), merged.id());

        mvc.perform(get("/quan-tri/don-vi").param("mo", old.id().toString()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hết hiệu lực từ 01/07/2025")))
                .andExpect(content().string(containsString("Đã sáp nhập vào Đảng ủy phường Cầu Ông Lãnh mới")));
    }

    @Test
    void theAdminPagesAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/quan-tri/don-vi").with(member())).andExpect(status().isForbidden());
        mvc.perform(get("/quan-tri/nhom-don-vi").with(member())).andExpect(status().isForbidden());
        mvc.perform(post("/quan-tri/don-vi/them").with(member()).with(csrf()).param("code", "X"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theHeaderShowsTheDisplayNameOfASignedInAccount() throws Exception {
        String username = Accounts.uniqueUsername("quantri");
        accounts.open(new NewAccount(
                username, "Nguyễn Văn Quản Trị", null, null, Set.of(Role.ADMIN), Accounts.DEMO_PASSWORD));
        CurrentUser admin = (CurrentUser) users.loadUserByUsername(username);

        mvc.perform(get("/quan-tri/don-vi").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nguyễn Văn Quản Trị")));
    }

    @Test
    void createFormOffersParentsAsASearchableTreeAndKindsInVietnamese() throws Exception {
        UnitSummary district = Units.root(administration, "Quận ủy thử biểu mẫu");
        Long ward = Units.child(administration, district, "Đảng ủy phường thử biểu mẫu")
                .id();
        mvc.perform(get("/quan-tri/don-vi/them")
                        .param("cap-tren", ward.toString())
                        .with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Thêm đơn vị")))
                .andExpect(content().string(containsString("Tổ chức chính trị - xã hội")))
                .andExpect(content().string(containsString("Tìm đơn vị theo tên")))
                .andExpect(content().string(containsString("— Không có (đơn vị gốc) —")))
                // The parent asked for is chosen once, with its path, whether or not the tree shows it.
                .andExpect(content()
                        .string(matchesPattern("(?s).*type=\"radio\" id=\"parentId(Unit|Chosen)" + ward
                                + "\" name=\"parentId\" value=\"" + ward + "\" checked.*")));
    }

    @Test
    void createFormWithErrorsIsShownAgainWithMessages() throws Exception {
        mvc.perform(post("/quan-tri/don-vi/them")
                        .with(admin)
                        .with(csrf())
                        .param("code", "mã có dấu")
                        .param("name", "")
                        .param("kind", "")
                        .param("symbolCode", "X".repeat(21)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("unitForm", "code", "name", "kind", "symbolCode"))
                .andExpect(content().string(containsString("Vui lòng sửa các lỗi dưới đây.")))
                .andExpect(content().string(containsString("Mã chỉ gồm chữ cái không dấu")))
                .andExpect(content().string(containsString("Vui lòng nhập tên đơn vị.")))
                .andExpect(content().string(containsString("Vui lòng chọn loại đơn vị.")))
                .andExpect(content().string(containsString("Ký hiệu tối đa 20 ký tự.")))
                .andExpect(result -> assertThat(
                                HtmlUtils.htmlUnescape(result.getResponse().getContentAsString()))
                        .contains("value=\"mã có dấu\""));
    }

    @Test
    void createFormErrorsAreInEnglishForEnglishReaders() throws Exception {
        mvc.perform(post("/quan-tri/don-vi/them")
                        .with(admin)
                        .with(csrf())
                        .param("lang", "en")
                        .param("code", "")
                        .param("name", "Tên")
                        .param("kind", "OTHER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the unit’s code.")));
    }

    @Test
    void aTakenCodeIsShownAsAnErrorOnTheCodeField() throws Exception {
        UnitSummary existing = Units.root(administration, "Quận ủy có sẵn");

        mvc.perform(post("/quan-tri/don-vi/them")
                        .with(admin)
                        .with(csrf())
                        .param("code", existing.code())
                        .param("name", "Quận ủy trùng mã")
                        .param("kind", "PARTY_COMMITTEE"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("unitForm", "code", "organization.unit.code.taken"))
                .andExpect(content().string(containsString("Mã này đã được dùng cho một đơn vị khác.")));
    }

    @Test
    void creatingAUnitRedirectsToTheTreeWithAFlashMessage() throws Exception {
        UnitSummary district = Units.root(administration, "Quận ủy thử thêm đơn vị");
        String code = Units.uniqueCode("qu-thu.du-moi");

        MockHttpServletResponse redirect = mvc.perform(post("/quan-tri/don-vi/them")
                        .with(admin)
                        .with(csrf())
                        .param("parentId", district.id().toString())
                        .param("kind", "GRASSROOTS_PARTY_COMMITTEE")
                        .param("code", code)
                        .param("name", "Đảng ủy phường Sài Gòn")
                        .param("shortName", "")
                        .param("symbolCode", "ĐU")
                        .param("placeName", "Phường Sài Gòn")
                        .param("validFrom", "2025-07-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/quan-tri/don-vi?mo=*#don-vi-*"))
                .andExpect(flash().attribute("flash", "organization.unit.created"))
                .andReturn()
                .getResponse();

        UnitSummary created = directory.unitByCode(code.toUpperCase()).orElseThrow();
        assertThat(created.parentId()).isEqualTo(district.id());
        assertThat(created.kind()).isEqualTo(UnitKind.GRASSROOTS_PARTY_COMMITTEE);
        assertThat(created.shortName()).isEqualTo("Đảng ủy phường Sài Gòn");
        assertThat(created.validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        // The message travels in the session (kept in PostgreSQL): follow the redirect with the session's cookie.
        String target = redirect.getRedirectedUrl()
                .substring(0, redirect.getRedirectedUrl().indexOf('#'));
        mvc.perform(get(target).with(admin).cookie(redirect.getCookies()))
                .andExpect(content().string(containsString("Đã thêm đơn vị.")));
    }

    @Test
    void editingAUnitSavesTheNewNames() throws Exception {
        UnitSummary unit = Units.root(administration, "Ban Dân vận");
        long version = administration.unitForEditing(unit.id()).version();

        String form = mvc.perform(get("/quan-tri/don-vi/{id}/sua", unit.id()).with(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(HtmlUtils.htmlUnescape(form))
                .contains("value=\"Ban Dân vận\"")
                .contains("name=\"version\" value=\"" + version + "\"");
        mvc.perform(post("/quan-tri/don-vi/{id}/sua", unit.id())
                        .with(admin)
                        .with(csrf())
                        .param("version", Long.toString(version))
                        .param("name", "Ban Tuyên giáo và Dân vận")
                        .param("shortName", "Ban Tuyên giáo và Dân vận")
                        .param("symbolCode", "BTGDV")
                        .param("placeName", "Quận 1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "organization.unit.saved"));

        assertThat(directory.unit(unit.id()).orElseThrow().name()).isEqualTo("Ban Tuyên giáo và Dân vận");
    }

    @Test
    void anEditFromAStaleFormShowsTheConflictInsteadOfAnError() throws Exception {
        UnitSummary unit = Units.root(administration, "Hội Cựu chiến binh");
        long seen = administration.unitForEditing(unit.id()).version();
        administration.editUnit(unit.id(), seen, Units.details("Hội Cựu chiến binh Quận 1"));

        mvc.perform(post("/quan-tri/don-vi/{id}/sua", unit.id())
                        .with(admin)
                        .with(csrf())
                        .param("version", Long.toString(seen))
                        .param("name", "Hội CCB"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("unitEditForm"))
                .andExpect(content().string(containsString("Đã có người khác thay đổi mục này")))
                .andExpect(content().string(containsString("Tải lại bản mới nhất")));

        assertThat(directory.unit(unit.id()).orElseThrow().name()).isEqualTo("Hội Cựu chiến binh Quận 1");
    }

    @Test
    void movingAUnitUnderItsOwnDescendantShowsAClearMessage() throws Exception {
        UnitSummary top = Units.root(administration, "Đảng bộ khối");
        UnitSummary middle = Units.child(administration, top, "Chi bộ");
        UnitSummary bottom = Units.child(administration, middle, "Tổ đảng");
        long version = administration.unitForEditing(top.id()).version();

        mvc.perform(get("/quan-tri/don-vi/{id}/chuyen", top.id()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("value=\"" + bottom.id() + "\""))));
        mvc.perform(post("/quan-tri/don-vi/{id}/chuyen", top.id())
                        .with(admin)
                        .with(csrf())
                        .param("version", Long.toString(version))
                        .param("parentId", bottom.id().toString()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "Không thể chuyển một đơn vị vào chính nó hoặc vào một đơn vị trực thuộc nó.")));
        mvc.perform(post("/quan-tri/don-vi/{id}/chuyen", bottom.id())
                        .with(admin)
                        .with(csrf())
                        .param(
                                "version",
                                Long.toString(administration
                                        .unitForEditing(bottom.id())
                                        .version()))
                        .param("parentId", top.id().toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "organization.unit.moved"));

        assertThat(directory.unit(top.id()).orElseThrow().parentId()).isNull();
        assertThat(directory.unit(bottom.id()).orElseThrow().parentId()).isEqualTo(top.id());
    }

    @Test
    void endingAUnitNeedsADateAndNamesItsSuccessor() throws Exception {
        UnitSummary city = Units.root(administration, "Thành phố thử kết thúc");
        UnitSummary old = Units.child(administration, city, "Phường cũ");
        UnitSummary successor = Units.child(administration, city, "Phường mới");
        String version = Long.toString(administration.unitForEditing(old.id()).version());

        mvc.perform(post("/quan-tri/don-vi/{id}/ket-thuc", old.id())
                        .with(admin)
                        .with(csrf())
                        .param("version", version)
                        .param("validTo", "")
                        .param("successorId", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vui lòng nhập ngày hết hiệu lực.")));
        mvc.perform(post("/quan-tri/don-vi/{id}/ket-thuc", old.id())
                        .with(admin)
                        .with(csrf())
                        .param("version", version)
                        .param("validTo", "2025-07-01")
                        .param("successorId", successor.id().toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "organization.unit.ended"));

        assertThat(directory.unit(old.id()).orElseThrow().validTo()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(directory.unit(successor.id()).orElseThrow().predecessorId()).isEqualTo(old.id());
    }

    @Test
    void anUnknownUnitIsNotFound() throws Exception {
        mvc.perform(get("/quan-tri/don-vi/{id}/sua", Long.MAX_VALUE).with(admin))
                .andExpect(status().isNotFound());
    }

    /** The position of the unit's row in the page, after checking the row's depth. */
    private static int row(String html, String code, int depth) {
        Matcher matcher = Pattern.compile(
                        "<li class=\"tree__node\" id=\"don-vi-\\d+\" data-depth=\"(\\d+)\"[^>]*>(?:(?!<li ).)*?<code>"
                                + Pattern.quote(code) + "</code>",
                        Pattern.DOTALL)
                .matcher(html);
        assertThat(matcher.find()).as("row of %s", code).isTrue();
        assertThat(Integer.parseInt(matcher.group(1))).as("depth of %s", code).isEqualTo(depth);
        return matcher.start();
    }
}
