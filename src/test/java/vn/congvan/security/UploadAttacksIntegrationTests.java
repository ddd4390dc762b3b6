package vn.congvan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.attachment.AttachmentProperties;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.Visibility;

/**
 * Uploads as an attacker makes them, through the clerk's upload form: names that climb out of the store, content
 * that is not what its name says (HTML, SVG, polyglots, double extensions), a zip bomb, and byte ranges of every
 * odd shape on the way back out. The store keeps files under random keys only; the type is decided by the bytes.
 */
@CongvanIntegrationTest
class UploadAttacksIntegrationTests {

    private static final String HTML =
            "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Attachments attachments;

    @Autowired
    AttachmentProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    Scenario world;

    Long draft;

    @BeforeEach
    void draft() {
        world = Scenario.of(context, "upload");
        draft = world.draft(Visibility.PUBLIC, "Về việc tệp tải lên có chủ đích");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../../../../tmp/evil.pdf",
                "..\\..\\..\\..\\Windows\\evil.pdf",
                "/etc/cron.d/evil.pdf",
                "C:\\Windows\\System32\\evil.pdf",
                "....//....//evil.pdf",
                "..%2F..%2Fevil.pdf",
                "%2e%2e%5c%2e%2e%5cevil.pdf",
                "objects/../../evil.pdf"
            })
    void aFileNameThatClimbsOutOfTheStoreIsKeptAsANameOnly(String name) throws Exception {
        assertThat(upload(name, TestFiles.pdf(1)).getStatus()).isEqualTo(200);

        AttachmentView stored = attachments.ofDispatch(draft).get(0);
        assertThat(stored.originalFilename()).doesNotContain("/", "\\").endsWith("evil.pdf");
        String key = storageKey(stored.id());
        assertThat(key).matches("[0-9a-f]{32}");
        Path root = properties.storageRoot().toAbsolutePath().normalize();
        try (var files = Files.walk(root)) {
            assertThat(files.filter(path -> path.getFileName().toString().contains("evil"))
                            .toList())
                    .isEmpty();
        }
        assertThat(root.getParent().resolve("evil.pdf")).doesNotExist();
        assertThat(Path.of(System.getProperty("java.io.tmpdir"), "evil.pdf")).doesNotExist();
    }

    @Test
    void theSameNameAndContentUploadedTwiceGetTwoUnrelatedRandomKeys() throws Exception {
        upload("bao-cao.pdf", TestFiles.pdf(1));
        upload("bao-cao.pdf", TestFiles.pdf(1));

        List<String> keys = attachments.ofDispatch(draft).stream()
                .map(file -> storageKey(file.id()))
                .toList();

        assertThat(keys).hasSize(2).doesNotHaveDuplicates().allMatch(key -> key.matches("[0-9a-f]{32}"));
        assertThat(keys).noneMatch(key -> key.contains("bao"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "trang.pdf|html",
                "anh.png|svg",
                "anh.jpg|html",
                "bao-cao.pdf|script-then-pdf",
                "van-ban.docx|html",
                "trang.html|pdf-named-html",
                "bao-cao.pdf.html|pdf-named-html"
            })
    void contentThatIsNotWhatItsNameSaysIsRefused(String name, String content) throws Exception {
        byte[] bytes = switch (content) {
            case "html" -> HTML.getBytes(StandardCharsets.UTF_8);
            case "svg" ->
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8);
            case "script-then-pdf" -> concat(HTML.getBytes(StandardCharsets.UTF_8), TestFiles.pdf(1));
            default -> TestFiles.pdf(1);
        };

        MockHttpServletResponse response = upload(name, bytes);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(attachments.ofDispatch(draft)).isEmpty();
    }

    @Test
    void aDoubleExtensionEndingInPdfIsStoredAndServedAsThePdfItIs() throws Exception {
        upload("bao-cao.html.pdf", TestFiles.pdf(1));
        AttachmentView stored = attachments.ofDispatch(draft).get(0);

        MockHttpServletResponse response = mvc.perform(get("/quan-ly/cong-van/" + draft + "/tep/" + stored.id())
                        .with(user(world.clerk)))
                .andReturn()
                .getResponse();

        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aPngWithHtmlAfterItIsServedAsAnImageThatBrowsersMayNotSniff() throws Exception {
        upload("anh.png", concat(TestFiles.png(), HTML.getBytes(StandardCharsets.UTF_8)));
        AttachmentView stored = attachments.ofDispatch(draft).get(0);

        MockHttpServletResponse inline = mvc.perform(get("/quan-ly/cong-van/" + draft + "/tep/" + stored.id())
                        .with(user(world.clerk)))
                .andReturn()
                .getResponse();
        MockHttpServletResponse download = mvc.perform(
                        get("/quan-ly/cong-van/" + draft + "/tep/" + stored.id() + "/tai-ve")
                                .with(user(world.clerk)))
                .andReturn()
                .getResponse();

        assertThat(inline.getContentType()).isEqualTo("image/png");
        assertThat(inline.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
    }

    @Test
    void aZipBombInAWordPackageIsRefusedThroughTheFormAndNothingIsKept() throws Exception {
        MockHttpServletResponse response = upload("bom.docx", TestFiles.zipBomb());

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(attachments.ofDispatch(draft)).isEmpty();
    }

    @Test
    void noFileCanBeAddedToAPublishedDispatchEvenByItsIssuer() throws Exception {
        Scenario.Published sent = world.published(Visibility.PUBLIC, "Về việc đã phát hành không thêm tệp");

        int status = mvc.perform(multipart("/quan-ly/cong-van/" + sent.id() + "/tep")
                        .file(new MockMultipartFile("files", "them.pdf", "application/pdf", TestFiles.pdf(1)))
                        .with(csrf())
                        .with(user(world.clerk)))
                .andReturn()
                .getResponse()
                .getStatus();

        assertThat(status).isEqualTo(404);
        assertThat(attachments.ofDispatch(sent.id())).hasSize(1);
    }

    /** -1 for the length: the whole file, unranged. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "bytes=0-9|206|10",
                "bytes=-5|206|5",
                "bytes=10-|206|-10",
                "bytes=0-5,3-8|200|-1",
                "bytes=0-1,4-5|200|-1",
                "bytes=900000000-|416|0",
                "bytes=abc|416|0",
                "bytes=9-2|416|0",
                "bytes=0-99999999999999999999999|416|0",
                "items=0-1|200|-1",
                "bytes=0-0,-1,1-1,2-2,3-3,4-4,5-5,6-6,7-7,8-8,9-9,10-10,11-11,12-12,13-13|200|-1"
            })
    void rangesOfEveryShapeAreAnsweredWithoutError(String range, int status, int length) throws Exception {
        Scenario.Published sent = world.published(Visibility.PUBLIC, "Về việc tải từng đoạn");
        byte[] whole = mvc.perform(get("/tai-lieu-tuyen-truyen/" + sent.id() + "/tep/" + sent.fileId() + "/tai-ve"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        MockHttpServletResponse response = mvc.perform(
                        get("/tai-lieu-tuyen-truyen/" + sent.id() + "/tep/" + sent.fileId() + "/tai-ve")
                                .header("Range", range))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(status);
        int expected = length == -1 ? whole.length : length < 0 ? whole.length + length : length;
        assertThat(response.getContentAsByteArray()).hasSize(expected);
        if (status == 206) {
            assertThat(response.getHeader("Content-Range")).endsWith("/" + whole.length);
        }
        if (status == 416) {
            assertThat(response.getHeader("Content-Range")).isEqualTo("bytes */" + whole.length);
        }
    }

    private MockHttpServletResponse upload(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/quan-ly/cong-van/" + draft + "/tep")
                        .file(new MockMultipartFile("files", name, "application/pdf", content))
                        .header("X-Requested-With", "XMLHttpRequest")
                        .with(csrf())
                        .with(user(world.clerk)))
                .andReturn()
                .getResponse();
    }

    private String storageKey(Long attachmentId) {
        return jdbc.queryForObject("select storage_key from attachment where id = ?", String.class, attachmentId);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
