package vn.congvan.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;

/** Registering a paper document by hand, as a clerk does it: its mistakes and its answer. */
@CongvanIntegrationTest
class ManualEntryAsAClerkTypesItIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    OrganizationDirectory organization;

    CurrentUser clerk;

    @BeforeEach
    void setUp() {
        clerk = new TestUsers(organization)
                .clerk(Issuers.partyBoard(administration, management, "Thử vào sổ bằng tay")
                        .board()
                        .code());
    }

    @Test
    void aRefusedFormNamesTheScansToChooseAgain() throws Exception {
        String form = page(mvc.perform(multipart("/quan-ly/van-ban-den/moi")
                        .file(new MockMultipartFile(
                                "files", "Scan 1234-SVHTT.pdf", "application/pdf", TestFiles.pdf(1)))
                        .param("receivedOn", "2024-05-06")
                        .param("senderName", "Sở Văn hóa và Thể thao")
                        .param("typeCode", "CV")
                        .param("subject", "")
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(form)
                .contains("Vui lòng nhập trích yếu.")
                .contains("Chưa lưu tệp nào: vui lòng chọn lại Scan 1234-SVHTT.pdf.")
                .contains("aria-describedby=\"files-again\"")
                .contains("value=\"Sở Văn hóa và Thể thao\"");
    }

    @Test
    void theEntryPageSaysOnceThatTheDocumentWasRegistered() throws Exception {
        MvcResult registered = mvc.perform(multipart("/quan-ly/van-ban-den/moi")
                        .param("receivedOn", "2024-05-06")
                        .param("senderName", "Sở Văn hóa và Thể thao")
                        .param("typeCode", "CV")
                        .param("subject", "Về việc tuyên truyền Ngày Quốc khánh")
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        String entry = page(mvc.perform(get(registered.getResponse().getRedirectedUrl())
                        // As the flash attribute reaches the page: a model (request) attribute. MockMvc's own flash
                        // map lives in a session that Spring Session's filter replaces.
                        .requestAttr("flash", registered.getFlashMap().get("flash"))
                        .with(user(clerk)))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(occurrences(entry, "Đã vào sổ văn bản đến.")).isEqualTo(1);
    }

    @Test
    void theSameDocumentTypedAgainIsNotRegisteredUntilTheClerkSaysItIsAnother() throws Exception {
        mvc.perform(multipart("/quan-ly/van-ban-den/moi")
                        .param("receivedOn", "2024-05-06")
                        .param("senderName", "Sở Văn hóa và Thể thao")
                        .param("notation", "Số: 05/KH-SVHTT")
                        .param("issuedOn", "2024-05-02")
                        .param("typeCode", "KH")
                        .param("subject", "Kế hoạch tuyên truyền Ngày Quốc khánh")
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        // A double click, or the paper copy of the same document: the notation typed a little differently.
        String again = page(mvc.perform(multipart("/quan-ly/van-ban-den/moi")
                        .file(new MockMultipartFile("files", "Scan KH 5.pdf", "application/pdf", TestFiles.pdf(1)))
                        .param("receivedOn", "2024-05-07")
                        .param("senderName", "Sở VH&TT")
                        .param("notation", "5 / kh-svhtt")
                        .param("issuedOn", "2024-05-02")
                        .param("typeCode", "KH")
                        .param("subject", "Kế hoạch tuyên truyền Ngày Quốc khánh")
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(again)
                .contains("sổ văn bản đến đã có văn bản cùng số, ký hiệu và ngày văn bản")
                .contains("Số đến 1/2024: Số: 05/KH-SVHTT của Sở Văn hóa và Thể thao, đến ngày 06/05/2024")
                .contains("Đây là văn bản khác: vẫn vào sổ")
                .contains("Chưa lưu tệp nào: vui lòng chọn lại Scan KH 5.pdf.")
                .contains("value=\"Sở VH&TT\"");

        mvc.perform(multipart("/quan-ly/van-ban-den/moi")
                        .param("receivedOn", "2024-05-07")
                        .param("senderName", "Ủy ban nhân dân Quận 3")
                        .param("notation", "5/KH-SVHTT")
                        .param("issuedOn", "2024-05-02")
                        .param("typeCode", "KH")
                        .param("subject", "Kế hoạch khác cùng số")
                        .param("registerAgain", "true")
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    /**
     * A scan beyond the container's limit fails before any handler (the CSRF filter reads the multipart body), so the
     * clerk lands on the error page: it must say that nothing was saved and that the browser's Back button returns to
     * the form with what was typed, not only offer the home page.
     */
    @Test
    void anUploadTooLargeForTheServerSaysNothingWasSavedAndHowToGoBack() throws Exception {
        String error = page(mvc.perform(get("/error")
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 413)
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/quan-ly/van-ban-den/moi")
                        .accept(org.springframework.http.MediaType.TEXT_HTML)
                        .with(user(clerk))
                        .with(request -> {
                            // As the container forwards a failed request to its error page.
                            request.setDispatcherType(jakarta.servlet.DispatcherType.ERROR);
                            return request;
                        }))
                .andExpect(status().isContentTooLarge())
                .andReturn());

        assertThat(error)
                .contains("Yêu cầu quá lớn")
                .contains("Chưa có gì được lưu. Hãy bấm nút Quay lại của trình duyệt để trở về biểu mẫu");
    }

    /** The page as read: Thymeleaf writes "à" as "&agrave;". */
    private static String page(MvcResult result) throws Exception {
        return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
