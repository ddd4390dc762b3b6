package vn.congvan.materials.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.demo.DemoData;

/**
 * Downloads over a real connection to the embedded Tomcat, where files go out through sendfile. The bytes that
 * arrive are checked against the SHA-256 recorded at upload.
 */
@CongvanIntegrationTest
class MaterialsDownloadsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoData demo;

    @Autowired
    Attachments attachments;

    HttpClient http = HttpClient.newHttpClient();

    AttachmentView briefing;

    String path;

    @BeforeEach
    void findTheBriefing() throws IOException {
        Long dispatchId = demo.load().district().id();
        briefing = attachments.ofDispatch(dispatchId).get(0);
        path = "/tai-lieu-tuyen-truyen/" + dispatchId + "/tep/" + briefing.id();
    }

    @Test
    void downloadsTheWholeBriefingIntactUnderItsVietnameseName() throws Exception {
        HttpResponse<byte[]> response = send(request(path + "/tai-ve").build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize((int) briefing.size());
        assertThat(sha256(response.body())).isEqualTo(briefing.sha256());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(briefing.size());
        assertThat(response.headers().firstValue("ETag")).hasValue("\"" + briefing.sha256() + "\"");
        assertThat(response.headers().firstValue("Last-Modified")).isPresent();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, no-cache");
        ContentDisposition disposition = ContentDisposition.parse(
                response.headers().firstValue("Content-Disposition").orElseThrow());
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename())
                .isEqualTo("Thông báo nhanh kết quả Hội nghị BCH Đảng bộ thành phố lần thứ 21 (khóa XI).pdf");
    }

    @Test
    void viewsTheBriefingInline() throws Exception {
        HttpResponse<byte[]> response = send(request(path).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ContentDisposition.parse(response.headers()
                                .firstValue("Content-Disposition")
                                .orElseThrow())
                        .isInline())
                .isTrue();
        assertThat(sha256(response.body())).isEqualTo(briefing.sha256());
    }

    @Test
    void answersARangeWith206AndExactlyThoseBytes() throws Exception {
        byte[] whole = send(request(path).build()).body();

        HttpResponse<byte[]> response =
                send(request(path).header("Range", "bytes=1000-1999").build());

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + briefing.size());
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(whole, 1000, 2000));
    }

    @Test
    void answers304ToAMatchingEtag() throws Exception {
        HttpResponse<byte[]> response = send(request(path)
                .header("If-None-Match", "\"" + briefing.sha256() + "\"")
                .build());

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void answers416WithNoBodyToAnUnsatisfiableRange() throws Exception {
        HttpResponse<byte[]> response = send(request(path)
                .header("Range", "bytes=" + (briefing.size() + 10) + "-")
                .build());

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */" + briefing.size());
        assertThat(response.body()).isEmpty();
    }

    @Test
    void briefingPdfKeepsItsVietnameseTextExtractable() throws Exception {
        byte[] pdf = send(request(path + "/tai-ve").build()).body();

        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages())
                    .isEqualTo(briefing.pageCount())
                    .isGreaterThan(3);
            text = new PDFTextStripper().getText(document);
        }

        assertThat(text).contains("THÔNG BÁO NHANH", "Nguyễn Văn Nên");
        assertThat(text.replaceAll("\\s+", " "))
                .contains("Ủy viên Bộ Chính trị, Bí thư Thành ủy chủ trì, phát biểu khai mạc và bế mạc Hội nghị.");
        // Lines and pages break where the layout broke them; every word, with its diacritics, must come back.
        Set<String> extracted = new HashSet<>(Arrays.asList(text.split("\\s+")));
        String source;
        try (InputStream in = getClass().getResourceAsStream("/demo/65-CV-BTGQU-thong-bao-nhanh.txt")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> missing = Stream.of(source.replace("*", "").strip().split("\\s+"))
                .filter(word -> !extracted.contains(word))
                .toList();
        assertThat(missing).isEmpty();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
