package vn.congvan.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;
import vn.congvan.system.Times;

/** The clerk's page of a document calls it a preview while it is a draft, and the document once it is issued. */
@CongvanIntegrationTest
class PublishedDocumentHeadingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    OrganizationDirectory organization;

    @Test
    void aDraftIsAPreviewAndAnIssuedDocumentIsNot() throws Exception {
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử tiêu đề văn bản");
        CurrentUser clerk = new TestUsers(organization).clerk(issuer.board().code());
        UnitSummary ward = Units.ward(administration, issuer.committee(), "Đảng ủy phường Nhận Văn Bản", null);
        Long id = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .addressees(Recipient.unit("Đảng ủy phường Nhận Văn Bản", ward.id()))
                        .build(),
                clerk);

        assertThat(page(id, clerk)).contains("Xem trước văn bản").doesNotContain("Nội dung văn bản");

        management.publish(id, null, LocalDate.now(Times.VIETNAM), clerk);

        assertThat(page(id, clerk)).contains("Nội dung văn bản").doesNotContain("Xem trước văn bản");
    }

    private String page(Long id, CurrentUser clerk) throws Exception {
        return HtmlUtils.htmlUnescape(
                mvc.perform(get("/quan-ly/cong-van/{id}", id).with(user(clerk)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
    }
}
