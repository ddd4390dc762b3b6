package vn.congvan.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Issuers.Issuer;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/** A file's title is chosen at upload (the file's name by default) and can change, with its kind, until publication. */
@CongvanIntegrationTest
class AttachmentTitlesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchManagement management;

    @Autowired
    Attachments attachments;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    CurrentUser clerk;

    Long draft;

    String page;

    @BeforeEach
    void draft() {
        Issuer issuer = Issuers.partyBoard(administration, management, "Thử tên tệp");
        clerk = new TestUsers(organization).clerk(issuer.board().code());
        UnitSummary ward = Units.ward(administration, issuer.committee(), "Đảng ủy phường Thử tên tệp", null);
        draft = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .subject("Về việc tuyên truyền Quốc khánh 2/9")
                        .addressees(Recipient.unit(ward.name(), ward.id()))
                        .build(),
                clerk);
        page = "/quan-ly/cong-van/" + draft;
    }

    @Test
    void aFileWithoutATitleIsNamedByItsFileNameWithoutTheExtension() throws Exception {
        upload("De cuong tuyen truyen 2-9.pdf", "", "PROPAGANDA_OUTLINE");

        AttachmentView file = attachments.ofDispatch(draft).get(0);
        assertThat(file.title()).isEqualTo("De cuong tuyen truyen 2-9");
        assertThat(file.kind()).isEqualTo(AttachmentKind.PROPAGANDA_OUTLINE);
        assertThat(file.originalFilename()).isEqualTo("De cuong tuyen truyen 2-9.pdf");
        mvc.perform(get(page).with(user(clerk)))
                .andExpect(content().string(containsString("<span class=\"badge\">Đề cương tuyên truyền</span>")))
                .andExpect(content().string(containsString("De cuong tuyen truyen 2-9")));
    }

    @Test
    void aTitleGivenAtUploadIsKeptAndCanBeEditedOnTheDraft() throws Exception {
        upload("de-cuong.pdf", "  Đề cương tuyên truyền kỷ niệm 80 năm Quốc khánh 2/9  ", "APPENDIX");
        AttachmentView file = attachments.ofDispatch(draft).get(0);
        assertThat(file.title()).isEqualTo("Đề cương tuyên truyền kỷ niệm 80 năm Quốc khánh 2/9");

        mvc.perform(post(page + "/tep/" + file.id() + "/sua")
                        .param("title", "Đề cương tuyên truyền (bản sửa)")
                        .param("kind", "PROPAGANDA_OUTLINE")
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "dispatch.flash.fileDescribed"));

        AttachmentView edited = attachments.ofDispatch(draft).get(0);
        assertThat(edited.title()).isEqualTo("Đề cương tuyên truyền (bản sửa)");
        assertThat(edited.kind()).isEqualTo(AttachmentKind.PROPAGANDA_OUTLINE);

        // A blank title gives the file's name back.
        mvc.perform(post(page + "/tep/" + file.id() + "/sua")
                        .param("title", " ")
                        .param("kind", "PROPAGANDA_OUTLINE")
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(attachments.ofDispatch(draft).get(0).title()).isEqualTo("de-cuong");
    }

    @Test
    void aTitleTooLongIsRefusedWithAMessage() throws Exception {
        upload("de-cuong.pdf", "", "APPENDIX");
        AttachmentView file = attachments.ofDispatch(draft).get(0);

        mvc.perform(post(page + "/tep/" + file.id() + "/sua")
                        .param("title", "x".repeat(501))
                        .param("kind", "APPENDIX")
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("flashErrors"));
        assertThat(attachments.ofDispatch(draft).get(0).title()).isEqualTo("de-cuong");
    }

    @Test
    void titlesCannotChangeOncePublished() throws Exception {
        upload("de-cuong.pdf", "Đề cương", "APPENDIX");
        AttachmentView file = attachments.ofDispatch(draft).get(0);
        management.publish(draft, null, LocalDate.of(2025, 8, 20), clerk);

        mvc.perform(post(page + "/tep/" + file.id() + "/sua")
                        .param("title", "Đổi sau khi phát hành")
                        .param("kind", "OTHER")
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(attachments.ofDispatch(draft).get(0).title()).isEqualTo("Đề cương");
        assertThat(attachments.ofDispatch(draft).get(0).kind()).isEqualTo(AttachmentKind.APPENDIX);
        mvc.perform(get(page).with(user(clerk)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/tep/" + file.id() + "/sua"))));
    }

    @Test
    void anotherIssuersClerkCannotRenameTheFile() throws Exception {
        upload("de-cuong.pdf", "Đề cương", "APPENDIX");
        AttachmentView file = attachments.ofDispatch(draft).get(0);
        CurrentUser other = new TestUsers(organization)
                .clerk(Issuers.partyBoard(administration, management, "Thử tên tệp khác")
                        .board()
                        .code());

        mvc.perform(post(page + "/tep/" + file.id() + "/sua")
                        .param("title", "Không phải của tôi")
                        .param("kind", "OTHER")
                        .with(user(other))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(attachments.ofDispatch(draft).get(0).title()).isEqualTo("Đề cương");
    }

    private void upload(String name, String title, String kind) throws Exception {
        mvc.perform(multipart(page + "/tep")
                        .file(new MockMultipartFile("files", name, "application/pdf", TestFiles.pdf(1)))
                        .param("title", title)
                        .param("kind", kind)
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "dispatch.flash.uploaded"));
    }
}
