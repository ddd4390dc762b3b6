package vn.congvan.dispatch.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartException;
import vn.congvan.attachment.StorageFullException;

/** A full disk during an upload, as the clerk sees it: 507 and a message to pass on, in the page and to the script. */
class UploadLimitAdviceTests {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    static final String FULL = "Máy chủ không còn đủ chỗ lưu tệp. Vui lòng báo quản trị viên.";

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FullDisk())
            .setControllerAdvice(new UploadLimitAdvice(messages()))
            .build();

    @Test
    void theUploadScriptGets507AndTheVietnameseMessage() throws Exception {
        mvc.perform(multipart("/tep")
                        .header("X-Requested-With", "XMLHttpRequest")
                        .locale(VIETNAMESE))
                .andExpect(status().isInsufficientStorage())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(content().string(FULL));
    }

    @Test
    void aPlainFormPostGetsThe507ErrorPage() throws Exception {
        mvc.perform(multipart("/tep").locale(VIETNAMESE)).andExpect(status().isInsufficientStorage());
    }

    @Test
    void theContainerRunningOutOfRoomForTheRequestIsAlsoA507() throws Exception {
        mvc.perform(multipart("/spool")
                        .header("X-Requested-With", "XMLHttpRequest")
                        .locale(VIETNAMESE))
                .andExpect(status().isInsufficientStorage())
                .andExpect(content().string(FULL));
    }

    @Test
    void otherBrokenRequestsAreTheClientsFaultNotAFullDisk() throws Exception {
        // A body cut short or longer than declared: 400 with the generic text, never the full-disk message.
        mvc.perform(multipart("/broken")
                        .header("X-Requested-With", "XMLHttpRequest")
                        .locale(VIETNAMESE))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.not(FULL)));
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/messages", "messages/dispatch");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Controller
    static class FullDisk {

        @PostMapping("/tep")
        void upload() throws IOException {
            throw new StorageFullException(
                    new FileSystemException("/srv/files/staging/upload-1.part", null, "No space left on device"));
        }

        @PostMapping("/spool")
        void spool() {
            throw new MultipartException(
                    "Failed to parse multipart servlet request", new IOException("No space left on device"));
        }

        @PostMapping("/broken")
        void broken() {
            throw new MultipartException(
                    "Failed to parse multipart servlet request", new IOException("Stream ended unexpectedly"));
        }
    }
}
