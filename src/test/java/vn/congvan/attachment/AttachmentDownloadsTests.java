package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** The HTTP rules of file responses, on both paths: handing the file to Tomcat's sendfile, and streaming it. */
class AttachmentDownloadsTests {

    @TempDir
    Path root;

    byte[] content = new byte[10_000];

    AttachmentView attachment;

    String key;

    AttachmentDownloads downloads;

    Attachments attachments;

    FileSystemAttachmentStorage storage;

    @BeforeEach
    void setUp() throws IOException {
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i % 251);
        }
        storage = new FileSystemAttachmentStorage(
                new AttachmentProperties(root, DataSize.ofMegabytes(1), DataSize.ofMegabytes(2), 600, true));
        String sha256;
        try (StagedFile staged = storage.stage(new ByteArrayInputStream(content), content.length)) {
            sha256 = staged.sha256();
            key = storage.commit(staged);
        }
        attachment = new AttachmentView(
                7L,
                3L,
                1,
                "Thông báo nhanh",
                AttachmentKind.BRIEFING,
                "Thông báo.pdf",
                "application/pdf",
                content.length,
                sha256,
                2,
                Instant.parse("2023-07-12T02:00:00Z"),
                ScanState.CLEAN,
                null);
        attachments = mock(Attachments.class);
        downloads = new AttachmentDownloads(
                attachments,
                storage,
                new AttachmentProperties(root, DataSize.ofMegabytes(1), DataSize.ofMegabytes(2), 600, true),
                mock(SignedCopies.class));
    }

    @Test
    void streamsTheWholeFileWithValidatorsWhereSendfileIsUnavailable() throws IOException {
        MockHttpServletResponse response = serve(get(), CachePolicy.PUBLIC);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsByteArray()).isEqualTo(content);
        assertThat(response.getHeader("Content-Length")).isEqualTo("10000");
        assertThat(response.getHeader("ETag")).isEqualTo("\"" + attachment.sha256() + "\"");
        assertThat(response.getDateHeader("Last-Modified"))
                .isEqualTo(attachment.createdAt().toEpochMilli());
        assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=600");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Accept-Ranges")).isEqualTo("bytes");
        assertThat(response.getContentType()).isEqualTo("application/pdf");
    }

    @Test
    void handsTheRequestedRangeToSendfileAndWritesNothingItself() throws IOException {
        MockHttpServletRequest request = get();
        request.setAttribute(AttachmentDownloads.SENDFILE_SUPPORTED, Boolean.TRUE);
        request.addHeader("Range", "bytes=100-199");

        MockHttpServletResponse response = serve(request, CachePolicy.PRIVATE);

        assertThat(response.getStatus()).isEqualTo(206);
        assertThat(response.getHeader("Content-Range")).isEqualTo("bytes 100-199/10000");
        assertThat(response.getHeader("Content-Length")).isEqualTo("100");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-cache");
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat((String) request.getAttribute(AttachmentDownloads.SENDFILE_FILENAME))
                .startsWith(root.toString());
        assertThat(request.getAttribute(AttachmentDownloads.SENDFILE_START)).isEqualTo(100L);
        assertThat(request.getAttribute(AttachmentDownloads.SENDFILE_END)).isEqualTo(200L);
    }

    @Test
    void streamsEvenWhereSendfileIsOfferedIfConfigurationTurnsItOff() throws IOException {
        downloads = new AttachmentDownloads(
                attachments,
                storage,
                new AttachmentProperties(root, DataSize.ofMegabytes(1), DataSize.ofMegabytes(2), 600, false),
                mock(SignedCopies.class));
        MockHttpServletRequest request = get();
        request.setAttribute(AttachmentDownloads.SENDFILE_SUPPORTED, Boolean.TRUE);

        MockHttpServletResponse response = serve(request, CachePolicy.PUBLIC);

        assertThat(request.getAttribute(AttachmentDownloads.SENDFILE_FILENAME)).isNull();
        assertThat(response.getContentAsByteArray()).isEqualTo(content);
    }

    @Test
    void streamsASuffixRange() throws IOException {
        MockHttpServletRequest request = get();
        request.addHeader("Range", "bytes=-10");

        MockHttpServletResponse response = serve(request, CachePolicy.PUBLIC);

        assertThat(response.getStatus()).isEqualTo(206);
        assertThat(response.getHeader("Content-Range")).isEqualTo("bytes 9990-9999/10000");
        assertThat(response.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(content, 9990, 10000));
    }

    @Test
    void answers304ToAMatchingEtagWithoutBody() throws IOException {
        MockHttpServletRequest request = get();
        request.addHeader("If-None-Match", "\"" + attachment.sha256() + "\"");

        MockHttpServletResponse response = serve(request, CachePolicy.PUBLIC);

        assertThat(response.getStatus()).isEqualTo(304);
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=600");
    }

    @Test
    void answers416WithoutBodyToARangeBeyondTheEnd() throws IOException {
        MockHttpServletRequest request = get();
        request.addHeader("Range", "bytes=20000-");

        MockHttpServletResponse response = serve(request, CachePolicy.PUBLIC);

        assertThat(response.getStatus()).isEqualTo(416);
        assertThat(response.getHeader("Content-Range")).isEqualTo("bytes */10000");
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void ignoresTheRangeWhenIfRangeNamesAnotherVersion() throws IOException {
        MockHttpServletRequest request = get();
        request.addHeader("Range", "bytes=0-9");
        request.addHeader("If-Range", "\"an-older-version\"");

        MockHttpServletResponse response = serve(request, CachePolicy.PUBLIC);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsByteArray()).hasSize(10_000);
    }

    @Test
    void answersSeveralRangesWithTheWholeFile() throws IOException {
        MockHttpServletRequest request = get();
        request.addHeader("Range", "bytes=0-9,20-29");

        MockHttpServletResponse response = serve(request, CachePolicy.PUBLIC);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsByteArray()).isEqualTo(content);
    }

    @Test
    void ignoresARangeInAnotherUnit() throws IOException {
        MockHttpServletRequest request = get();
        request.addHeader("Range", "items=0-5");

        MockHttpServletResponse response = serve(request, CachePolicy.PUBLIC);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsByteArray()).isEqualTo(content);
    }

    @Test
    void answersHeadWithHeadersOnly() throws IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("HEAD", "/file");

        MockHttpServletResponse response = serve(request, CachePolicy.PUBLIC);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Length")).isEqualTo("10000");
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void sandboxesEveryFileSoThatNothingShownInlineCanScriptThePortal() throws IOException {
        MockHttpServletResponse response = serve(get(), CachePolicy.PRIVATE);

        assertThat(response.getHeader("Content-Security-Policy"))
                .contains("sandbox")
                .contains("default-src 'none'")
                .doesNotContain("script-src");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Content-Disposition")).startsWith("inline;");
    }

    @Test
    void savesEveryTypeButPdfsAndImagesEvenWhenAskedToShowIt() throws IOException {
        attachment = new AttachmentView(
                8L,
                3L,
                2,
                "Phụ lục",
                AttachmentKind.APPENDIX,
                "Phụ lục.docx",
                ContentInspector.DOCX,
                content.length,
                attachment.sha256(),
                null,
                attachment.createdAt(),
                ScanState.CLEAN,
                null);

        MockHttpServletResponse response = serve(get(), CachePolicy.PRIVATE);

        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(AttachmentDownloads.shownAs(Disposition.INLINE, ContentInspector.PNG))
                .isEqualTo(Disposition.INLINE);
        assertThat(AttachmentDownloads.shownAs(Disposition.INLINE, ContentInspector.JPEG))
                .isEqualTo(Disposition.INLINE);
        assertThat(AttachmentDownloads.shownAs(Disposition.INLINE, ContentInspector.ODT))
                .isEqualTo(Disposition.ATTACHMENT);
        assertThat(AttachmentDownloads.shownAs(Disposition.INLINE, "text/html")).isEqualTo(Disposition.ATTACHMENT);
    }

    @Test
    void answersA304WithTheSandboxToo() throws IOException {
        MockHttpServletRequest request = get();
        request.addHeader("If-None-Match", "\"" + attachment.sha256() + "\"");

        MockHttpServletResponse response = serve(request, CachePolicy.PUBLIC);

        assertThat(response.getStatus()).isEqualTo(304);
        assertThat(response.getHeader("Content-Security-Policy"))
                .isEqualTo(AttachmentDownloads.CONTENT_SECURITY_POLICY);
    }

    private MockHttpServletRequest get() {
        return new MockHttpServletRequest("GET", "/file");
    }

    private MockHttpServletResponse serve(MockHttpServletRequest request, CachePolicy policy) throws IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        downloads.serve(attachment, key, Disposition.INLINE, policy, request, response);
        return response;
    }

    @Test
    void publicFilesAreRevalidatedEveryTimeUnlessAMaxAgeIsConfigured() {
        Path root = Path.of("unused");
        AttachmentProperties revalidate =
                new AttachmentProperties(root, DataSize.ofMegabytes(1), DataSize.ofMegabytes(2), 0, true);
        AttachmentProperties reuse =
                new AttachmentProperties(root, DataSize.ofMegabytes(1), DataSize.ofMegabytes(2), 600, true);

        assertThat(AttachmentDownloads.cacheControl(CachePolicy.PUBLIC, revalidate))
                .isEqualTo("public, no-cache");
        assertThat(AttachmentDownloads.cacheControl(CachePolicy.PUBLIC, reuse)).isEqualTo("public, max-age=600");
        assertThat(AttachmentDownloads.cacheControl(CachePolicy.PRIVATE, reuse)).isEqualTo("private, no-cache");
    }
}
