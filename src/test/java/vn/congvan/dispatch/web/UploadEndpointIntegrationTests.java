package vn.congvan.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.HostilePdfs;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;

/**
 * The clerk's upload endpoint over a real connection, as the page's upload script uses it: a clerk of a board opened
 * for the test logs in, and files go through Tomcat's own multipart parsing (where a long file name used to be refused as too large)
 * to the inspection.
 */
@CongvanIntegrationTest
class UploadEndpointIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcTemplate jdbc;

    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    Long draft;

    String csrf;

    @BeforeEach
    void logInAndOpenADraft() throws Exception {
        CurrentUser board = new TestUsers(organization)
                .clerk(Issuers.partyBoard(administration, management, "Thử tải tệp")
                        .board()
                        .code());
        String username = Accounts.uniqueUsername("clerk");
        accounts.open(new NewAccount(
                username, "Văn thư " + username, null, board.unitId(), Set.of(Role.CLERK), Accounts.DEMO_PASSWORD));
        draft = management.createDraft(
                DispatchDrafts.party(board.unitId())
                        .subject("Về việc kiểm thử tải tệp")
                        .addressees(Recipient.text("Các đơn vị"))
                        .build(),
                board);
        String loginPage = get("/dang-nhap").body();
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(uri("/dang-nhap"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                                + URLEncoder.encode(Accounts.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                                + token(loginPage)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("loi"));
        HttpResponse<String> page = get("/quan-ly/cong-van/" + draft);
        assertThat(page.statusCode()).isEqualTo(200);
        csrf = token(page.body());
    }

    @Test
    void refusesAPdfWithJavaScriptNamingTheReasonInVietnamese() throws Exception {
        HttpResponse<String> response = upload("Thông báo.pdf", HostilePdfs.openActionJavaScript());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .isEqualTo("Tệp PDF \"Thông báo.pdf\" chứa mã JavaScript nên không được nhận; "
                        + "vui lòng in lại ra PDF thông thường.");
        assertThat(files()).isZero();
    }

    @Test
    void refusesAPdfThatLaunchesAProgramNamingTheReasonInVietnamese() throws Exception {
        HttpResponse<String> response = upload("ke-hoach.pdf", HostilePdfs.launchAction());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"ke-hoach.pdf\"", "chứa lệnh mở chương trình (Launch)");
        assertThat(files()).isZero();
    }

    @Test
    void refusesAPdfCutShort() throws Exception {
        HttpResponse<String> response = upload("cut.pdf", HostilePdfs.truncatedBeforeCrossReference());

        assertThat(response.body()).isEqualTo("Tệp PDF \"cut.pdf\" bị hỏng hoặc không đầy đủ.");
    }

    @Test
    void keepsTheNameWithoutItsRightToLeftOverride() throws Exception {
        HttpResponse<String> response = upload("bao-cao\u202Egnp.pdf", TestFiles.pdf(1));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(names()).containsExactly("bao-caognp.pdf");
    }

    @Test
    void acceptsAVeryLongVietnameseNameAndKeepsItShortenedWithItsExtension() throws Exception {
        String name = "Thông báo nhanh kết quả Hội nghị Ban Chấp hành Đảng bộ thành phố ".repeat(6) + "(khóa XI).pdf";
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(500);

        HttpResponse<String> response = upload(name, TestFiles.pdf(1));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(names()).singleElement().satisfies(kept -> {
            assertThat(kept).startsWith("Thông báo nhanh kết quả Hội nghị").endsWith(".pdf");
            assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        });
    }

    @Test
    void showsAnUploadedPdfInlineOnlyInASandboxThatRunsNoScript() throws Exception {
        upload("xem.pdf", TestFiles.pdf(1));
        Long id = jdbc.queryForObject("select id from attachment where dispatch_id = ?", Long.class, draft);

        HttpResponse<String> file = get("/quan-ly/cong-van/" + draft + "/tep/" + id);

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition).startsWith("inline;"));
        // One policy, the file's own: Spring Security's policy for pages must not be added beside it.
        assertThat(file.headers().allValues("Content-Security-Policy"))
                .containsExactly("default-src 'none'; style-src 'unsafe-inline'; sandbox");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private HttpResponse<String> upload(String filename, byte[] content) throws IOException, InterruptedException {
        String boundary = "----congvan" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        // Browsers send the name as raw UTF-8 with only the quote escaped (WHATWG multipart/form-data encoding).
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                        + filename.replace("\"", "%22") + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(uri("/quan-ly/cong-van/" + draft + "/tep"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("X-Requested-With", "XMLHttpRequest")
                        .header("X-CSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String token(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    private int files() {
        return jdbc.queryForObject("select count(*) from attachment where dispatch_id = ?", Integer.class, draft);
    }

    private List<String> names() {
        return jdbc.queryForList("select original_filename from attachment where dispatch_id = ?", String.class, draft);
    }
}
