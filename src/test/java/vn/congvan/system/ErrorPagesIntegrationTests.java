package vn.congvan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import vn.congvan.CongvanIntegrationTest;

/** Error pages as a browser gets them from the running server: Vietnamese, and nothing of the exception. */
@CongvanIntegrationTest
class ErrorPagesIntegrationTests {

    @LocalServerPort
    int port;

    HttpClient http = HttpClient.newHttpClient();

    @Test
    void unknownDispatchGetsTheVietnameseNotFoundPage() throws Exception {
        HttpResponse<String> response = get("/tai-lieu-tuyen-truyen/999999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("Không tìm thấy trang", "Về trang chủ", "Tài liệu tuyên truyền")
                .doesNotContain("Exception", "vn.congvan", "at org.");
    }

    @Test
    void malformedIdGetsTheBadRequestPageWithoutExceptionText() throws Exception {
        HttpResponse<String> response = get("/tai-lieu-tuyen-truyen/abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Yêu cầu không hợp lệ").doesNotContain("Exception", "NumberFormat");
    }

    @Test
    void deniedPathGetsTheVietnameseForbiddenPage() throws Exception {
        HttpResponse<String> response = get("/quan-tri");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Không có quyền truy cập");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
