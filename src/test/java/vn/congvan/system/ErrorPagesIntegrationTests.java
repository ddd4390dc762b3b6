package vn.congvan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/** Error pages as a browser gets them from the running server: Vietnamese, and nothing of the exception. */
@CongvanIntegrationTest
class ErrorPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    OrganizationAdministration organization;

    @Autowired
    AccountManagement accounts;

    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void unknownDispatchGetsTheVietnameseNotFoundPage() throws Exception {
        HttpResponse<String> response = get("/tai-lieu-tuyen-truyen/999999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body())
                .contains("Không tìm thấy trang", "Về trang chủ", "Tài liệu tuyên truyền")
                .contains("<a class=\"site-lang\" href=\"?lang=en\"")
                .doesNotContain("Exception", "vn.congvan", "at org.");
    }

    @Test
    void malformedIdGetsTheBadRequestPageWithoutExceptionText() throws Exception {
        HttpResponse<String> response = get("/tai-lieu-tuyen-truyen/abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Yêu cầu không hợp lệ").doesNotContain("Exception", "NumberFormat");
    }

    @Test
    void anonymousVisitorOfAProtectedPageIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> response = get("/quan-tri");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/dang-nhap"));
    }

    @Test
    void deniedPathGetsTheVietnameseForbiddenPage() throws Exception {
        UnitSummary ward =
                Units.ward(organization, Units.root(organization, "Gốc trang lỗi"), "Đảng ủy Phường Trang Lỗi", null);
        String username = Accounts.uniqueUsername("canbo");
        accounts.open(Accounts.member(username, ward.id()));
        logIn(username, Accounts.DEMO_PASSWORD);

        HttpResponse<String> response = get("/quan-tri");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Không có quyền truy cập");
    }

    /** Logs in as a browser does: the login page's CSRF token and session cookie, then the form. */
    private void logIn(String username, String password) throws Exception {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(get("/dang-nhap").body());
        assertThat(token.find()).isTrue();
        String form = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dang-nhap"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("dang-nhap"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
