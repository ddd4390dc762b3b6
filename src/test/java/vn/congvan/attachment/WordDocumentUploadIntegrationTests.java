package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.AttachmentRejectedException.Reason;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;

/**
 * Word 97-2003 documents (.doc) are taken when their bytes are a Word document, refused when the OLE2 container
 * holds something else (an Excel workbook named .doc), macros or encryption, and always served as a download.
 * The positive case is a container built with POI's POIFS (HWPF, which writes real .doc files, is not on the
 * classpath): the checks the portal makes, not Word's rendering, are what is tested.
 */
@CongvanIntegrationTest
class WordDocumentUploadIntegrationTests {

    @Autowired
    Attachments attachments;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    MessageSource messages;

    @Autowired
    MockMvc mvc;

    CurrentUser clerk;

    Long draft;

    @BeforeEach
    void newDraft() {
        clerk = new TestUsers(organization)
                .clerk(Issuers.partyBoard(administration, management, "Thử tệp Word")
                        .board()
                        .code());
        draft = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .subject("Về việc kiểm thử tệp Word")
                        .addressees(Recipient.text("Các đơn vị"))
                        .build(),
                clerk);
    }

    @Test
    void acceptsAWordDocumentAndServesItOnlyAsADownload() throws Exception {
        AttachmentView doc = attach("De cuong tuyen truyen 2-9.doc", OleFiles.wordDocument());

        assertThat(doc.contentType()).isEqualTo("application/msword");
        assertThat(doc.title()).isEqualTo("De cuong tuyen truyen 2-9");
        // Asked to be shown in the browser, it still comes as a download.
        mvc.perform(get("/quan-ly/cong-van/{id}/tep/{f}", draft, doc.id()).with(user(clerk)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")));
    }

    @Test
    void refusesAnExcelWorkbookNamedDocWithAMessageThatSaysSo() {
        assertRefused("bang-tinh.doc", OleFiles.excelWorkbook(), Reason.NOT_A_WORD_DOCUMENT);
        assertRefused("khong-phai-word.doc", OleFiles.oleWithoutFib(), Reason.NOT_A_WORD_DOCUMENT);
        assertThat(messages.getMessage(
                        "attachment.rejected.NOT_A_WORD_DOCUMENT",
                        new Object[] {"bang-tinh.doc", null},
                        java.util.Locale.forLanguageTag("vi")))
                .contains("bang-tinh.doc", "không phải văn bản Word");
    }

    @Test
    void refusesAnExcelWorkbookUnderItsOwnName() {
        assertRefused("bang-tinh.xls", OleFiles.excelWorkbook(), Reason.TYPE_NOT_ALLOWED);
    }

    @Test
    void refusesAWordDocumentWithMacrosOrEncrypted() {
        assertRefused("co-macro.doc", OleFiles.wordDocumentWithMacros(), Reason.DOC_MACROS);
        assertRefused("mat-khau.doc", OleFiles.encryptedWordDocument(), Reason.ENCRYPTED);
    }

    @Test
    void refusesAWordDocumentNamedAsAnotherTypeAndACutContainer() {
        assertRefused("van-ban.docx", OleFiles.wordDocument(), Reason.MISLABELLED);
        byte[] whole = OleFiles.wordDocument();
        assertRefused("cut.doc", java.util.Arrays.copyOf(whole, 1024), Reason.CORRUPT);
    }

    private AttachmentView attach(String name, byte[] content) throws Exception {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return attachments.attach(new NewAttachment(draft, null, AttachmentKind.PROPAGANDA_OUTLINE, name), in);
        }
    }

    private void assertRefused(String name, byte[] content, Reason reason) {
        assertThatThrownBy(() -> attach(name, content))
                .isInstanceOfSatisfying(
                        AttachmentRejectedException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(reason));
        assertThat(attachments.ofDispatch(draft))
                .noneMatch(file -> file.originalFilename().equals(name));
    }
}
