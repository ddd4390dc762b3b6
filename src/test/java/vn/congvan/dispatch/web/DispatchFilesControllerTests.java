package vn.congvan.dispatch.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.Role;
import vn.congvan.account.SecuredWebSlice;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentRejectedException;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchRuleException;

/** Upload and removal of a draft's files, in both response styles, behind the portal's security rules. */
@WebMvcTest(DispatchFilesController.class)
@SecuredWebSlice
class DispatchFilesControllerTests {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    static final CurrentUser CLERK =
            new CurrentUser(1L, "vanthu", "{noop}unused", "Văn thư", 10L, Set.of(Role.CLERK), true);

    static final CurrentUser MEMBER =
            new CurrentUser(2L, "canbo", "{noop}unused", "Cán bộ", 20L, Set.of(Role.MEMBER), true);

    static final byte[] PDF = "%PDF-1.7 stand-in; the slice does not open it".getBytes();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DispatchManagement management;

    @Test
    void theUploadScriptGetsPlainTextAndEachFileGoesToTheDispatchCommandsWithItsCleanName() throws Exception {
        mvc.perform(multipart("/quan-ly/cong-van/5/tep")
                        .file(new MockMultipartFile("files", "Phụ lục 1.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("files", "C:\\Tài liệu\\Phụ lục 2.pdf", "application/pdf", PDF))
                        .param("kind", "BRIEFING")
                        .header("X-Requested-With", "XMLHttpRequest")
                        .locale(VIETNAMESE)
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(content().string("Đã tải tệp lên."));

        verify(management)
                .attach(
                        eq(new NewAttachment(5L, "Phụ lục 1", AttachmentKind.BRIEFING, "Phụ lục 1.pdf")),
                        any(InputStream.class),
                        eq(CLERK));
        verify(management)
                .attach(
                        eq(new NewAttachment(5L, "Phụ lục 2", AttachmentKind.BRIEFING, "Phụ lục 2.pdf")),
                        any(InputStream.class),
                        eq(CLERK));
    }

    @Test
    void aRefusedFileIsA422ForTheScriptAndAMessageAfterTheRedirectForAPlainForm() throws Exception {
        given(management.attach(any(), any(), any()))
                .willThrow(new AttachmentRejectedException(
                        "bao-cao.exe", AttachmentRejectedException.Reason.TYPE_NOT_ALLOWED));
        MockMultipartFile exe = new MockMultipartFile("files", "bao-cao.exe", "application/octet-stream", PDF);

        mvc.perform(multipart("/quan-ly/cong-van/5/tep")
                        .file(exe)
                        .header("X-Requested-With", "XMLHttpRequest")
                        .locale(VIETNAMESE)
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string("Tệp \"bao-cao.exe\" không thuộc loại được chấp nhận "
                                + "(PDF, DOC, DOCX, XLSX, ODT, PNG, JPEG)."));
        mvc.perform(multipart("/quan-ly/cong-van/5/tep")
                        .file(exe)
                        .locale(VIETNAMESE)
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/quan-ly/cong-van/5"))
                .andExpect(flash().attribute(
                                "flashErrors",
                                List.of("Tệp \"bao-cao.exe\" không thuộc loại được chấp "
                                        + "nhận (PDF, DOC, DOCX, XLSX, ODT, PNG, JPEG).")))
                .andExpect(flash().attributeCount(1));
    }

    @Test
    void aPlainFormPostIsRedirectedBackToTheDispatchWithAMessage() throws Exception {
        mvc.perform(multipart("/quan-ly/cong-van/5/tep")
                        .file(new MockMultipartFile("files", "phu-luc.pdf", "application/pdf", PDF))
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/quan-ly/cong-van/5"))
                .andExpect(flash().attribute("flash", "dispatch.flash.uploaded"));
    }

    @Test
    void noFileChosenIsSaidSo() throws Exception {
        mvc.perform(multipart("/quan-ly/cong-van/5/tep")
                        .header("X-Requested-With", "XMLHttpRequest")
                        .locale(VIETNAMESE)
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string("Chưa chọn tệp nào."));
        verifyNoInteractions(management);
    }

    @Test
    void theFileRoutesOfADispatchThatIsNoLongerADraftAnswer404() throws Exception {
        DispatchRuleException notDraft = new DispatchRuleException("dispatch.error.notDraft", "published");
        given(management.attach(any(), any(), any())).willThrow(notDraft);
        willThrow(notDraft).given(management).removeFile(5L, 9L, CLERK);

        mvc.perform(multipart("/quan-ly/cong-van/5/tep")
                        .file(new MockMultipartFile("files", "phu-luc.pdf", "application/pdf", PDF))
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/quan-ly/cong-van/5/tep/9/xoa").with(user(CLERK)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void removingAFileGoesThroughTheDispatchCommands() throws Exception {
        mvc.perform(post("/quan-ly/cong-van/5/tep/9/xoa").with(user(CLERK)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/quan-ly/cong-van/5"))
                .andExpect(flash().attribute("flash", "dispatch.flash.fileRemoved"));

        verify(management).removeFile(5L, 9L, CLERK);
    }

    @Test
    void aTitleGivenNamesTheOneFileChosenButNotEachOfSeveral() throws Exception {
        mvc.perform(multipart("/quan-ly/cong-van/5/tep")
                        .file(new MockMultipartFile("files", "de-cuong.pdf", "application/pdf", PDF))
                        .param("kind", "PROPAGANDA_OUTLINE")
                        .param("title", "Đề cương tuyên truyền Quốc khánh 2/9")
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(multipart("/quan-ly/cong-van/6/tep")
                        .file(new MockMultipartFile("files", "mot.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("files", "hai.pdf", "application/pdf", PDF))
                        .param("title", "Một tên cho cả hai")
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(status().isFound());

        verify(management)
                .attach(
                        eq(new NewAttachment(
                                5L,
                                "Đề cương tuyên truyền Quốc khánh 2/9",
                                AttachmentKind.PROPAGANDA_OUTLINE,
                                "de-cuong.pdf")),
                        any(InputStream.class),
                        eq(CLERK));
        verify(management)
                .attach(
                        eq(new NewAttachment(6L, "mot", AttachmentKind.APPENDIX, "mot.pdf")),
                        any(InputStream.class),
                        eq(CLERK));
        verify(management)
                .attach(
                        eq(new NewAttachment(6L, "hai", AttachmentKind.APPENDIX, "hai.pdf")),
                        any(InputStream.class),
                        eq(CLERK));
    }

    @Test
    void aDraftsFileIsRenamedThroughTheDispatchCommandsAndNotOnceItIsPublished() throws Exception {
        mvc.perform(post("/quan-ly/cong-van/5/tep/9/sua")
                        .param("title", "Đề cương")
                        .param("kind", "PROPAGANDA_OUTLINE")
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/quan-ly/cong-van/5"))
                .andExpect(flash().attribute("flash", "dispatch.flash.fileDescribed"));
        verify(management).describeFile(5L, 9L, "Đề cương", AttachmentKind.PROPAGANDA_OUTLINE, CLERK);

        willThrow(new DispatchRuleException("dispatch.error.notDraft", "published"))
                .given(management)
                .describeFile(6L, 9L, "Đề cương", AttachmentKind.OTHER, CLERK);
        mvc.perform(post("/quan-ly/cong-van/6/tep/9/sua")
                        .param("title", "Đề cương")
                        .param("kind", "OTHER")
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/quan-ly/cong-van/5/tep/9/sua")
                        .param("title", "Đề cương")
                        .param("kind", "OTHER")
                        .with(user(MEMBER))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyASignedInClerkWithTheFormsTokenReachesTheFiles() throws Exception {
        MockMultipartFile file = new MockMultipartFile("files", "phu-luc.pdf", "application/pdf", PDF);

        mvc.perform(multipart("/quan-ly/cong-van/5/tep").file(file).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/dang-nhap"));
        mvc.perform(multipart("/quan-ly/cong-van/5/tep")
                        .file(file)
                        .with(user(MEMBER))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/quan-ly/cong-van/5/tep").file(file).with(user(CLERK)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/quan-ly/cong-van/5/tep/9/xoa").with(user(MEMBER)).with(csrf()))
                .andExpect(status().isForbidden());

        verifyNoInteractions(management);
    }
}
