package vn.congvan.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.ServletContext;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * What an attacker (or a broken client) can send: text PostgreSQL cannot store, odd languages, malformed and huge
 * multipart bodies, forged pages numbers and dates. Nothing of it may reach a server error, and an upload that will
 * be refused is refused before its body is read. Through the real server where the container's own parsing matters.
 */
@CongvanIntegrationTest
class HostileRequestsIntegrationTests {

    private static final String BOUNDARY = "----congvan-test-boundary";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    DispatchManagement management;

    /** A board and a ward of this class's own (made once: the hostile requests change nothing of theirs). */
    static Issuers.Issuer issuer;

    static UnitSummary ward;

    @BeforeEach
    void ownUnits() {
        if (issuer == null) {
            issuer = Issuers.partyBoard(administration, management, "Thử tấn công");
            ward = Units.ward(
                    administration, issuer.committee(), "Đảng ủy phường Thử tấn công", LocalDate.of(2025, 7, 1));
        }
    }

    @Autowired
    WebApplicationContext context;

    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void aNulCharacterInTheLoginNameGetsTheVietnameseBadRequestPage() throws Exception {
        String token = csrfToken();

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/dang-nhap"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString("username=van%00thu&password=x&_csrf=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Yêu cầu không hợp lệ").doesNotContain("Exception", "PSQL");
    }

    @Test
    void textPostgresqlCannotStoreIsRefusedInEveryKindOfField() throws Exception {
        TestUsers users = new TestUsers(organization);
        mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(users.clerk(issuer.board().code())))
                        .with(csrf())
                        .param("family", "PARTY")
                        .param("typeCode", "CV")
                        .param("visibility", "PUBLIC")
                        .param("subject", "Về việc\u0000")
                        .param("body", "Nội dung")
                        .param("addresseeLines", "A"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(users.clerk(issuer.board().code())))
                        .with(csrf())
                        .param("family", "PARTY")
                        .param("typeCode", "CV")
                        .param("visibility", "PUBLIC")
                        .param("subject", "Nửa cặp \uD800")
                        .param("body", "Nội dung")
                        .param("addresseeLines", "A"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/quan-tri/tai-khoan")
                        .with(user(users.admin()))
                        .with(csrf())
                        .param("username", "nguoimoi")
                        .param("displayName", "Người\u0000mới"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/quan-tri/nhat-ky").with(user(users.admin())).param("username", "\u0000"))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/quan-ly/cong-van/1/tep")
                        .file(new MockMultipartFile("files", "a.pdf", "application/pdf", new byte[] {1}))
                        .param("kind", "APPENDIX\u0000")
                        .with(user(users.clerk(issuer.board().code())))
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/quan-ly/cong-van/1/tep")
                        .file(new MockMultipartFile("files", "a\u0000.pdf", "application/pdf", new byte[] {1}))
                        .with(user(users.clerk(issuer.board().code())))
                        .with(csrf()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void scriptsAndApiClientsGetTheRefusalInTheirOwnForm() throws Exception {
        HttpResponse<String> json = http.send(
                HttpRequest.newBuilder(uri("/tim-kiem?q=a%00b"))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> script = http.send(
                HttpRequest.newBuilder(uri("/tim-kiem?q=a%00b"))
                        .header("X-Requested-With", "XMLHttpRequest")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json.body()).contains("\"status\":400").doesNotContain("Exception");
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(script.body()).isEqualTo("Yêu cầu không hợp lệ. Vui lòng kiểm tra lại địa chỉ.");
    }

    @Test
    void anUnknownLanguageIsIgnored() throws Exception {
        HttpResponse<String> odd = fetch("/?lang=xx_@@");
        HttpResponse<String> nul = fetch("/tai-lieu-tuyen-truyen?lang=%00");
        HttpResponse<String> english = fetch("/?lang=en");

        assertThat(odd.statusCode()).isEqualTo(200);
        assertThat(odd.body()).contains("Tài liệu tuyên truyền");
        assertThat(odd.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("congvan-lang"));
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("Yêu cầu không hợp lệ");
        assertThat(english.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("congvan-lang=en"));
    }

    @Test
    void pagesForVisitorsWithoutACookieCarryNoSessionIdInTheirLinks() throws Exception {
        for (String path :
                List.of("/tai-lieu-tuyen-truyen/999999", "/dang-nhap", "/", "/tim-kiem?q=a%00", "/quan-tri")) {
            HttpClient fresh = HttpClient.newHttpClient();
            HttpResponse<String> response =
                    fresh.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).as(path).doesNotContainIgnoringCase("jsessionid");
            assertThat(response.headers().firstValue("Location").orElse(""))
                    .as(path)
                    .doesNotContainIgnoringCase("jsessionid");
        }
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri("/dang-nhap")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("SameSite=Lax", "HttpOnly"));
    }

    @Test
    void aMultipartBodyCutShortIsABadRequest() throws Exception {
        String session = logInAsClerk();
        String token = csrfToken();
        String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nAPPENDIX\r\n--"
                + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 cut";
        String tokenPart =
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n";

        // The token as a header (the upload script), so the first reader of the body is the application...
        String headerToken = exchange(upload(session, "X-CSRF-TOKEN: " + token + "\r\n", part.length()) + part, true);
        // ...and as a form field (a plain form post), so the first reader is the CSRF check.
        String fieldToken = exchange(upload(session, "", (tokenPart + part).length()) + tokenPart + part, true);
        // A body longer than its declared length: the parser stops at the length, in the middle of a part.
        String longer = exchange(
                upload(session, "X-CSRF-TOKEN: " + token + "\r\n", part.length() - 5) + part + "\r\n--" + BOUNDARY
                        + "--\r\n",
                false);

        assertThat(statusLine(headerToken)).contains(" 400 ");
        assertThat(statusLine(fieldToken)).contains(" 400 ");
        assertThat(statusLine(longer)).contains(" 400 ");
    }

    @Test
    void anAnonymousUploadIsAnsweredBeforeItsBodyIsSentAndNothingIsSpooled() throws Exception {
        File spool = (File) context.getServletContext().getAttribute(ServletContext.TEMPDIR);
        long declared = 50L * 1024 * 1024;
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + "x".repeat(8192);

        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((upload(null, "", declared) + head).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // The rest of the 50 MB is never sent: an answer here means the server did not wait for it.
            String answer = head(socket.getInputStream());

            assertThat(statusLine(answer)).contains(" 302 ");
            assertThat(answer).containsIgnoringCase("Location: ").contains("/dang-nhap");
            assertThat(spooled(spool)).isEmpty();
        }
    }

    @Test
    void aBodyLargerThanThePortalAcceptsIsRefusedUnread() throws Exception {
        String session = logInAsClerk();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream()
                    .write((upload(session, "", 300L * 1024 * 1024) + "--" + BOUNDARY + "\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));

            String answer = head(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 413 ");
        }
    }

    /** Addresses with forged or extreme parameters: none may answer with a server error, whoever asks. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/tai-lieu-tuyen-truyen?trang=99999999999",
                "/tai-lieu-tuyen-truyen?trang=2147483647",
                "/tai-lieu-tuyen-truyen?trang=-5",
                "/tai-lieu-tuyen-truyen?trang=0",
                "/tai-lieu-tuyen-truyen?trang=abc",
                "/tai-lieu-tuyen-truyen/99999999999999999999",
                "/tai-lieu-tuyen-truyen/-1",
                "/tai-lieu-tuyen-truyen/0",
                "/tai-lieu-tuyen-truyen/1/tep/abc",
                "/tai-lieu-tuyen-truyen/1/tep/-1/tai-ve",
                "/tai-lieu-tuyen-truyen/feed.atom?lang=%C3%28",
                "/tim-kiem?q=a&trang=2147483647",
                "/tim-kiem?q=a&trang=-2147483648",
                "/tim-kiem?q=a&nam=99999999999",
                "/tim-kiem?q=a&nam=-5",
                "/tim-kiem?q=a&nam=2147483647",
                "/tim-kiem?q=a&tu-ngay=%2B999999999-12-31",
                "/tim-kiem?q=a&den-ngay=-999999999-01-01",
                "/tim-kiem?q=a&tu-ngay=2023-13-45",
                "/tim-kiem?q=a&co-quan=abc",
                "/tim-kiem?q=a&co-quan=-1",
                "/tim-kiem?q=a&co-quan=99999999999999999999",
                "/tim-kiem?q=%ED%A0%80",
                "/?lang=",
                "/?lang=en_US_POSIX_x_y",
                "/?lang=%FF%FE",
                "/quan-ly/cong-van?trang=2147483647",
                "/quan-ly/cong-van?trang=-1",
                "/quan-ly/cong-van/abc",
                "/quan-ly/cong-van/99999999999999999999/sua",
                "/quan-ly/cong-van/-1",
                "/quan-ly/cong-van/1/so-theo-doi?loc=XYZ",
                "/quan-ly/cong-van/1/so-theo-doi.csv?loc=%00",
                "/quan-ly/cong-van/1/so-theo-doi.xlsx?loc=%00",
                "/quan-ly/so-van-ban-di?nam=2147483647",
                "/quan-ly/so-van-ban-di?nam=abc",
                "/quan-ly/so-van-ban-di?trang=2147483647",
                "/quan-ly/so-van-ban-di?tu=%2B999999999-12-31",
                "/quan-ly/so-van-ban-di?den=-999999999-01-01",
                "/quan-ly/so-van-ban-di?tu=2023-13-45",
                "/quan-ly/so-van-ban-di?loai=%00&tim=%25_%5C",
                "/quan-ly/so-van-ban-di.xlsx?tu=%2B999999999-12-31&den=-999999999-01-01",
                "/quan-ly/van-ban-den?nam=2147483647",
                "/quan-ly/van-ban-den?nam=-2147483648",
                "/quan-ly/van-ban-den?trang=2147483647",
                "/quan-ly/van-ban-den?tu=%2B999999999-12-31",
                "/quan-ly/van-ban-den?den=-999999999-01-01",
                "/quan-ly/van-ban-den?tu=%2B999999998-12-31",
                "/quan-ly/van-ban-den?den=-999999998-01-01",
                "/quan-ly/van-ban-den?nam=999999998&tu=%2B999999998-01-01",
                "/quan-ly/so-van-ban-di?tu=%2B999999998-12-31",
                "/tim-kiem?q=a&tu-ngay=%2B999999998-12-31",
                "/quan-tri/nhat-ky?from=%2B999999998-12-31",
                "/quan-ly/van-ban-den?tu=2023-02-30",
                "/quan-ly/van-ban-den?loai=%00&noi-gui=%25_%5C&q=%25_%5C",
                "/quan-ly/van-ban-den/so-van-ban-den.xlsx?tu=%2B999999998-12-31&den=-999999998-01-01",
                "/quan-ly/van-ban-den/so-van-ban-den.xlsx?nam=2147483647",
                "/quan-ly/van-ban-den/99999999999999999999",
                "/quan-ly/van-ban-den/-1/tep/1",
                "/quan-ly/cong-van/1/bao-cao.zip",
                "/quan-ly/cong-van/1/bao-cao/abc",
                "/quan-ly/cong-van/1/bao-cao/1/tep/99999999999999999999",
                "/hop-thu/1/bao-cao/tep/-1",
                "/hop-thu?trang=2147483647",
                "/hop-thu?trang=0",
                "/hop-thu/abc",
                "/hop-thu/1/tep/99999999999999999999",
                "/quan-tri/nhat-ky?trang=0",
                "/quan-tri/nhat-ky?trang=-1",
                "/quan-tri/nhat-ky?trang=2147483647",
                "/quan-tri/nhat-ky?from=%2B999999999-12-31",
                "/quan-tri/nhat-ky?to=-999999999-01-01",
                "/quan-tri/nhat-ky?action=NOPE",
                "/quan-tri/tai-khoan/abc",
                "/quan-tri/tai-khoan/-1",
                "/quan-tri/don-vi/them?cap-tren=abc",
                "/quan-tri/don-vi/them?cap-tren=-1",
                "/quan-tri/don-vi/99999999999999999999/sua",
                "/quan-tri/nhom-don-vi/0/sua",
                // The fill script's sender (ADR 0065, 0067): control and bidirectional marks, bad UTF-8,
                // a name of 600 marks, numbers and dates out of range, an unknown family.
                "/quan-ly/van-ban-den/moi/noi-gui?issuer=%00%E2%80%AE%E2%80%8F&issuerParent=%FF%FE",
                "/quan-ly/van-ban-den/moi/noi-gui?issuer=A!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!A"
            })
    void noAddressAnswersWithAServerError(String address) throws Exception {
        TestUsers users = new TestUsers(organization);

        assertThat(fetch(address).statusCode()).as("anonymous " + address).isLessThan(500);
        assertThat(mvc.perform(get(address).with(user(users.clerk(issuer.board().code()))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("clerk " + address)
                .isLessThan(500);
        assertThat(mvc.perform(get(address).with(user(users.member(ward.code()))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("member " + address)
                .isLessThan(500);
        assertThat(mvc.perform(get(address).with(user(users.admin())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("administrator " + address)
                .isLessThan(500);
    }

    /** The fill script's citation, posted (ADR 0065): numbers and dates out of range, marks, an unknown family. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/quan-ly/cong-van/trich-dan?family=NOPE",
                "/quan-ly/cong-van/trich-dan?number=99999999999999999999&issuedOn=2023-02-30",
                "/quan-ly/cong-van/trich-dan?family=PARTY&number=-1&notation=%00&issuedOn=%2B999999999-12-31"
                        + "&issuer=%E2%80%AE%00&issuerParent=%ED%A0%80&subject=%00&typeName=%E2%80%8F",
                "/quan-ly/cong-van/trich-dan?family=STATE&number=1&notation=1%2FUBND&issuedOn=-999999999-01-01"
                        + "&issuer=A!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!A"
            })
    void noCitationAskedAnswersWithAServerError(String address) throws Exception {
        TestUsers users = new TestUsers(organization);

        for (var who : java.util.Arrays.asList(
                null, users.clerk(issuer.board().code()), users.member(ward.code()), users.admin())) {
            var request = post(address).with(csrf());
            if (who != null) {
                request.with(user(who));
            }
            assertThat(mvc.perform(request).andReturn().getResponse().getStatus())
                    .as(who + " " + address)
                    .isLessThan(500);
        }
    }

    /** The head of a multipart upload to a draft's files, with the given declared length and extra headers. */
    private String upload(String session, String headers, long length) {
        return "POST /quan-ly/cong-van/1/tep HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + length + "\r\n"
                + (session != null ? "Cookie: JSESSIONID=" + session + "\r\n" : "") + headers + "\r\n";
    }

    /** Sends the request on a raw socket (optionally closing the sending side: the body is cut short). */
    private String exchange(String request, boolean cutShort) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            if (cutShort) {
                socket.shutdownOutput();
            }
            return head(socket.getInputStream());
        }
    }

    /** The response's status line and headers. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String statusLine(String response) {
        return response.lines().findFirst().orElse("");
    }

    private static List<String> spooled(File directory) {
        File[] files = directory.listFiles((dir, name) -> name.startsWith("upload_"));
        return files == null
                ? List.of()
                : Arrays.stream(files).map(File::getName).collect(Collectors.toList());
    }

    /** Logs in as the demo clerk as a browser does, and gives the session id. */
    private String logInAsClerk() throws Exception {
        String token = csrfToken();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/dang-nhap"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=vanthu&password="
                                + URLEncoder.encode("Demo@2023", StandardCharsets.UTF_8) + "&_csrf=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return ((CookieManager) http.cookieHandler().orElseThrow())
                .getCookieStore().getCookies().stream()
                        .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                        .map(HttpCookie::getValue)
                        .findFirst()
                        .orElseThrow();
    }

    /** The CSRF token of this client's session, from a page that shows a form. */
    private String csrfToken() throws Exception {
        String page = fetch("/dang-nhap").body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!token.find()) {
            token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
            assertThat(token.find()).isTrue();
        }
        return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> fetch(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", "text/html,*/*;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
