package vn.congvan.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitDetails;
import vn.congvan.organization.UnitGroupSummary;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

@CongvanIntegrationTest
class GroupAdminIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationDirectory directory;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    DispatchManagement dispatches;

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
    void groupListShowsTheGroupsWithTheirMemberCounts() throws Exception {
        UnitSummary district = Units.root(administration, "Quận ủy thử danh sách nhóm");
        UnitGroupSummary wards = administration.createGroup(
                Units.uniqueCode("G"),
                "Cấp ủy cơ sở đảng thử danh sách",
                null,
                Set.of(
                        Units.child(administration, district, "Phường Một").id(),
                        Units.child(administration, district, "Phường Hai").id(),
                        Units.child(administration, district, "Phường Ba").id()));

        mvc.perform(get("/quan-tri/nhom-don-vi").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cấp ủy cơ sở đảng thử danh sách")))
                .andExpect(content().string(containsString(wards.code())))
                .andExpect(content()
                        .string(matchesPattern(
                                "(?s).*<tr id=\"nhom-" + wards.id() + "\">.*?<td class=\"member-count\">3</td>.*")));
    }

    @Test
    void editFormTicksTheMembersInTheUnitTree() throws Exception {
        UnitSummary district = Units.root(administration, "Quận ủy thử sửa nhóm");
        UnitSummary benNghe = Units.child(administration, district, "Đảng ủy phường Bến Nghé thử");
        UnitSummary board = Units.child(administration, district, "Ban Tuyên giáo thử");
        UnitGroupSummary wards =
                administration.createGroup(Units.uniqueCode("G"), "Cấp ủy cơ sở đảng", null, Set.of(benNghe.id()));

        String html = mvc.perform(
                        get("/quan-tri/nhom-don-vi/{id}/sua", wards.id()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Xóa nhóm")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        // Members the tree does not show are listed above it, so each member has one ticked box.
        assertThat(html)
                .containsPattern(
                        "<input type=\"checkbox\"[^>]*name=\"memberUnitIds\" value=\"" + benNghe.id() + "\" checked");
        assertThat(html).doesNotContainPattern("value=\"" + board.id() + "\" checked");
    }

    @Test
    void creatingAGroupWithMembersAndEditingThem() throws Exception {
        UnitSummary city = Units.root(administration, "Thành phố thử nhóm");
        UnitSummary first = Units.child(administration, city, "Phường Một");
        UnitSummary second = Units.child(administration, city, "Phường Hai");
        UnitSummary third = Units.child(administration, city, "Phường Ba");
        String code = Units.uniqueCode("nhom");

        mvc.perform(post("/quan-tri/nhom-don-vi/them")
                        .with(admin)
                        .with(csrf())
                        .param("code", code)
                        .param("name", "Các phường thử")
                        .param("description", "Nhóm để thử")
                        .param(
                                "memberUnitIds",
                                first.id().toString(),
                                second.id().toString())
                        .param("_memberUnitIds", "on"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/quan-tri/nhom-don-vi"))
                .andExpect(flash().attribute("flash", "organization.group.created"));

        UnitGroupSummary created = directory.groupByCode(code.toUpperCase()).orElseThrow();
        assertThat(created.memberUnitIds()).containsExactlyInAnyOrder(first.id(), second.id());
        long version = administration.groupForEditing(created.id()).version();

        mvc.perform(post("/quan-tri/nhom-don-vi/{id}/sua", created.id())
                        .with(admin)
                        .with(csrf())
                        .param("version", Long.toString(version))
                        .param("code", "CODE-IGNORED")
                        .param("name", "Các phường sau sáp nhập")
                        .param("description", "")
                        .param("memberUnitIds", third.id().toString())
                        .param("_memberUnitIds", "on"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "organization.group.saved"));

        UnitGroupSummary edited = directory.group(created.id()).orElseThrow();
        assertThat(edited.code()).isEqualTo(code.toUpperCase());
        assertThat(edited.name()).isEqualTo("Các phường sau sáp nhập");
        assertThat(edited.memberUnitIds()).containsExactly(third.id());
        assertThat(directory.resolveRecipients(Set.of(first.id()), Set.of(edited.id())))
                .containsExactlyInAnyOrder(first.id(), third.id());
    }

    @Test
    void aGroupFormWithErrorsIsShownAgainWithMessages() throws Exception {
        UnitGroupSummary existing = administration.createGroup(Units.uniqueCode("G"), "Nhóm có sẵn", null, Set.of());

        mvc.perform(post("/quan-tri/nhom-don-vi/them")
                        .with(admin)
                        .with(csrf())
                        .param("code", existing.code())
                        .param("name", "Trùng mã"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("groupForm", "code", "organization.group.code.taken"))
                .andExpect(content().string(containsString("Mã này đã được dùng cho một nhóm khác.")));
        mvc.perform(post("/quan-tri/nhom-don-vi/them")
                        .with(admin)
                        .with(csrf())
                        .param("code", "")
                        .param("name", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vui lòng nhập mã nhóm.")))
                .andExpect(content().string(containsString("Vui lòng nhập tên nhóm.")));
    }

    @Test
    void aGroupThatDispatchesAreAddressedToIsNotDeleted() throws Exception {
        // The issuer of a dispatch needs the place its documents print.
        UnitSummary district = administration.createUnit(
                null,
                UnitKind.PARTY_COMMITTEE,
                Units.uniqueCode("T"),
                new UnitDetails("Quận ủy thử xóa nhóm", null, "QU", "Quận thử"),
                null);
        UnitSummary ward = Units.child(administration, district, "Đảng ủy phường thử");
        UnitGroupSummary wards =
                administration.createGroup(Units.uniqueCode("G"), "Cấp ủy cơ sở đảng", null, Set.of(ward.id()));
        dispatches.createDraft(
                DispatchDrafts.party(district.id())
                        .addressees(Recipient.group("Cấp ủy cơ sở đảng", wards.id()))
                        .build(),
                new TestUsers(directory).clerk(district.code()));
        long version = administration.groupForEditing(wards.id()).version();

        MockHttpServletResponse redirect = mvc.perform(post("/quan-tri/nhom-don-vi/{id}/xoa", wards.id())
                        .with(admin)
                        .with(csrf())
                        .param("version", Long.toString(version)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/quan-tri/nhom-don-vi/" + wards.id() + "/sua"))
                .andExpect(flash().attribute("flashError", "organization.group.delete.inUse"))
                .andReturn()
                .getResponse();
        // The message travels in the session (kept in PostgreSQL): follow the redirect with the session's cookie.
        mvc.perform(get(redirect.getRedirectedUrl()).with(admin).cookie(redirect.getCookies()))
                .andExpect(content().string(containsString("Không thể xóa nhóm này")));

        assertThat(directory.group(wards.id())).isPresent();
    }

    @Test
    void aGroupNoDispatchNamesIsDeleted() throws Exception {
        UnitGroupSummary group = administration.createGroup(Units.uniqueCode("xoa"), "Nhóm tạm", null, Set.of());

        mvc.perform(post("/quan-tri/nhom-don-vi/{id}/xoa", group.id())
                        .with(admin)
                        .with(csrf())
                        .param(
                                "version",
                                Long.toString(administration
                                        .groupForEditing(group.id())
                                        .version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/quan-tri/nhom-don-vi"))
                .andExpect(flash().attribute("flash", "organization.group.deleted"));

        assertThat(directory.group(group.id())).isEmpty();
    }
}
