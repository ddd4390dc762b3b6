package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.TestSignatures.Credential;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;

/**
 * The dispatch page shows what the signatures of its PDFs prove. The shared test context configures no trust anchors,
 * as a fresh installation: an intact signature is shown as not verified, a changed file as invalid (the verdicts
 * against anchors are the verifier's tests).
 */
@CongvanIntegrationTest
class PdfSignaturesIntegrationTests {

    @Autowired
    Attachments attachments;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    CurrentUser clerk;

    Long draft;

    @BeforeEach
    void newDraft() {
        clerk = new TestUsers(organization)
                .clerk(Issuers.partyBoard(administration, management, "Thử chữ ký số")
                        .board()
                        .code());
        draft = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .subject("Về việc kiểm thử chữ ký số")
                        .addressees(Recipient.text("Các đơn vị"))
                        .build(),
                clerk);
    }

    @Test
    void theDispatchPageShowsWhoSignedEachPdfAndWhetherItWasChanged() throws Exception {
        Credential root = TestSignatures.rootCa("CA thử trang");
        Credential signer = TestSignatures.signer(root, "Võ Thị Dung", "Ban Tuyên giáo thử");
        byte[] signed = TestSignatures.sign(TestFiles.pdf(1), signer);
        AttachmentView intact = attach("da-ky.pdf", signed);
        attach("da-sua.pdf", TestSignatures.tampered(signed));
        attach("chua-ky.pdf", TestFiles.pdf(1));

        String page = mvc.perform(get("/quan-ly/cong-van/{id}", draft).with(user(clerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Chữ ký số chưa được xác thực (chứng thư không thuộc tổ chức tin cậy)")
                .contains("Chữ ký số không hợp lệ: văn bản đã bị sửa sau khi ký")
                .contains("Võ Thị Dung")
                .contains(PdfSignatureVerifier.fingerprint(signer.certificate()));
        // Two signed files, one badge each; the unsigned file has none.
        assertThat(page.split("class=\"file__signature\"", -1)).hasSize(3);
        // Checked once and remembered by content: the next view reads the verdict.
        assertThat(jdbc.queryForObject(
                        "select count(*) from pdf_signature where sha256 = ?", Integer.class, intact.sha256()))
                .isEqualTo(1);
    }

    private AttachmentView attach(String name, byte[] content) throws Exception {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return attachments.attach(new NewAttachment(draft, null, AttachmentKind.DOCUMENT, name), in);
        }
    }
}
