package vn.congvan.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Issuers.Issuer;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.Units;

/**
 * A clerk edits a draft through its form: the form posted back as it came, or with recipient lines reordered,
 * added and removed, is saved and its lines read back in the order given.
 */
@CongvanIntegrationTest
class DraftEditIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    DispatchManagement management;

    @Autowired
    JdbcTemplate jdbc;

    CurrentUser clerk;

    Long benNghe;

    Long daKao;

    @BeforeEach
    void setUp() {
        Issuer issuer = Issuers.partyBoard(administration, management, "sửa dự thảo");
        clerk = new TestUsers(organization).clerk(issuer.board().code());
        benNghe = Units.ward(administration, issuer.committee(), "Đảng ủy phường Bến Nghé", null)
                .id();
        daKao = Units.ward(administration, issuer.committee(), "Đảng ủy phường Đa Kao", null)
                .id();
    }

    @Test
    void theEditFormPostedBackUnchangedIsSaved() throws Exception {
        String draft = draft("Về việc sửa không thay đổi");
        List<String> before = lines(draft);

        save(draft, editForm(draft));

        assertThat(lines(draft))
                .isEqualTo(before)
                .containsExactly(
                        "ADDRESSEE 1 Đảng ủy phường Bến Nghé",
                        "ADDRESSEE 2 Các chi bộ trực thuộc",
                        "DISTRIBUTION 1 Như trên",
                        "DISTRIBUTION 2 Ban Thường vụ Quận ủy",
                        "DISTRIBUTION 3 Lưu Ban Tuyên giáo Quận ủy");
    }

    @Test
    void reorderedLinesAreSavedInTheirNewOrder() throws Exception {
        String draft = draft("Về việc đổi thứ tự nơi nhận");
        DispatchForm form = editForm(draft);
        // The clerk numbers the lines 2, 3, 1 (as the form's position fields allow without JavaScript).
        form.getDistributionRows().get(0).setPosition(2);
        form.getDistributionRows().get(1).setPosition(3);
        form.getDistributionRows().get(2).setPosition(1);

        save(draft, form);

        assertThat(lines(draft))
                .containsExactly(
                        "ADDRESSEE 1 Đảng ủy phường Bến Nghé",
                        "ADDRESSEE 2 Các chi bộ trực thuộc",
                        "DISTRIBUTION 1 Lưu Ban Tuyên giáo Quận ủy",
                        "DISTRIBUTION 2 Như trên",
                        "DISTRIBUTION 3 Ban Thường vụ Quận ủy");
    }

    @Test
    void addedLinesAreSavedAfterTheKeptOnes() throws Exception {
        String draft = draft("Về việc thêm nơi nhận");
        DispatchForm form = editForm(draft);
        form.getAddresseeUnits().add(daKao);
        form.setDistributionLines("Thường trực Quận ủy");

        save(draft, form);

        // A line added goes where a distribution list has it: before the archive copy ("Lưu ...").
        assertThat(lines(draft))
                .containsExactly(
                        "ADDRESSEE 1 Đảng ủy phường Bến Nghé",
                        "ADDRESSEE 2 Đảng ủy phường Đa Kao",
                        "ADDRESSEE 3 Các chi bộ trực thuộc",
                        "DISTRIBUTION 1 Như trên",
                        "DISTRIBUTION 2 Ban Thường vụ Quận ủy",
                        "DISTRIBUTION 3 Thường trực Quận ủy",
                        "DISTRIBUTION 4 Lưu Ban Tuyên giáo Quận ủy");
    }

    @Test
    void removedLinesAreGoneAndTheRestMoveUp() throws Exception {
        String draft = draft("Về việc bớt nơi nhận");
        DispatchForm form = editForm(draft);
        form.getAddresseeUnits().clear();
        // Emptying a line's printed text drops it.
        form.getDistributionRows().get(0).setText("");
        form.getDistributionRows().get(1).setText("");

        save(draft, form);

        assertThat(lines(draft))
                .containsExactly("ADDRESSEE 1 Các chi bộ trực thuộc", "DISTRIBUTION 1 Lưu Ban Tuyên giáo Quận ủy");
    }

    @Test
    void aDraftCanBeEditedTwiceInARow() throws Exception {
        String draft = draft("Về việc sửa hai lần");
        DispatchForm first = editForm(draft);
        first.getDistributionRows().get(0).setPosition(2);
        first.getDistributionRows().get(1).setPosition(1);
        first.getDistributionRows().get(2).setText("");
        save(draft, first);

        save(draft, editForm(draft));

        assertThat(lines(draft))
                .containsExactly(
                        "ADDRESSEE 1 Đảng ủy phường Bến Nghé", "ADDRESSEE 2 Các chi bộ trực thuộc",
                        "DISTRIBUTION 1 Ban Thường vụ Quận ủy", "DISTRIBUTION 2 Như trên");
    }

    private String draft(String subject) throws Exception {
        return mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(clerk))
                        .with(csrf())
                        .param("family", "PARTY")
                        .param("typeCode", "CV")
                        .param("urgency", "NORMAL")
                        .param("visibility", "RESTRICTED")
                        .param("place", "Quận 1")
                        .param("subject", subject)
                        .param("body", "Nội dung.")
                        .param("addresseeUnits", benNghe.toString())
                        .param("addresseeLines", "Các chi bộ trực thuộc")
                        .param("distributionLines", "Như trên\nBan Thường vụ Quận ủy\nLưu Ban Tuyên giáo Quận ủy")
                        .param("signerName", "Nguyễn Văn Thử"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    /** The form object the edit page is rendered from, which is what its fields post back. */
    private DispatchForm editForm(String draft) throws Exception {
        return (DispatchForm) mvc.perform(get(draft + "/sua").with(user(clerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getModelAndView()
                .getModel()
                .get("form");
    }

    private void save(String draft, DispatchForm form) throws Exception {
        MockHttpServletRequestBuilder request = post(draft + "/sua")
                .with(user(clerk))
                .with(csrf())
                .param("family", form.getFamily().name())
                .param("typeCode", form.getTypeCode())
                .param("urgency", form.getUrgency().name())
                .param("visibility", form.getVisibility().name())
                .param("place", form.getPlace())
                .param("subject", form.getSubject())
                .param("body", form.getBody())
                .param("addresseeLines", form.getAddresseeLines())
                .param("distributionLines", form.getDistributionLines())
                .param("signerName", form.getSignerName())
                .param("version", String.valueOf(form.getVersion()));
        form.getAddresseeGroups().forEach(id -> request.param("addresseeGroups", id.toString()));
        form.getAddresseeUnits().forEach(id -> request.param("addresseeUnits", id.toString()));
        form.getDistributionGroups().forEach(id -> request.param("distributionGroups", id.toString()));
        form.getDistributionUnits().forEach(id -> request.param("distributionUnits", id.toString()));
        for (int i = 0; i < form.getDistributionRows().size(); i++) {
            DispatchForm.DistributionRow row = form.getDistributionRows().get(i);
            request.param("distributionRows[" + i + "].target", row.getTarget());
            request.param("distributionRows[" + i + "].text", row.getText());
            request.param("distributionRows[" + i + "].position", String.valueOf(row.getPosition()));
        }
        mvc.perform(request)
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "dispatch.flash.saved"));
    }

    private List<String> lines(String draft) {
        return jdbc.queryForList(
                "select role || ' ' || position || ' ' || printed_text from dispatch_recipient_line "
                        + "where dispatch_id = ? order by role, position",
                String.class,
                Long.valueOf(draft.substring(draft.lastIndexOf('/') + 1)));
    }
}
