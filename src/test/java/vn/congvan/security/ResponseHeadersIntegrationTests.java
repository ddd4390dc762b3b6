package vn.congvan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.Accounts;
import vn.congvan.dispatch.Visibility;

/**
 * The headers every answer carries, on the real server (so that error pages, which the container renders, are
 * included): the Content-Security-Policy, no sniffing, no framing by other sites, the referrer kept in the portal,
 * no server version, no caching of signed-in pages; error pages without stack traces or exception text whatever
 * causes them; and an actuator that shows health alone.
 */
@CongvanIntegrationTest
class ResponseHeadersIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    Scenario world;

    @BeforeEach
    void world() {
        world = Scenario.of(context, "headers");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/dang-nhap",
                "/tai-lieu-tuyen-truyen",
                "/tim-kiem?q=thong+bao",
                "/tai-lieu-tuyen-truyen/8000000000",
                "/tai-lieu-tuyen-truyen/abc",
                "/khong-co-trang-nay",
                "/quan-tri",
                "/tai-lieu-tuyen-truyen/feed.atom"
            })
    void everyAnswerCarriesTheProtectiveHeaders(String path) throws Exception {
        HttpResponse<String> response = new WebClient(port).get(path);

        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        String scripts = directive(policy, "script-src");
        assertThat(scripts).isEqualTo("script-src 'self'");
        assertThat(directive(policy, "object-src")).isEqualTo("object-src 'none'");
        assertThat(directive(policy, "frame-ancestors")).isEqualTo("frame-ancestors 'self'");
        assertThat(directive(policy, "base-uri")).isEqualTo("base-uri 'self'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options"))
                .hasValueSatisfying(value -> assertThat(value).isIn("DENY", "SAMEORIGIN"));
        assertThat(response.headers().firstValue("Referrer-Policy"))
                .hasValueSatisfying(value ->
                        assertThat(value).isIn("same-origin", "no-referrer", "strict-origin-when-cross-origin"));
    }

    @Test
    void filesAndThumbnailsAreNeverSniffedNorFramedElsewhere() throws Exception {
        Scenario.Published sent = world.published(Visibility.PUBLIC, "Về việc tiêu đề của tệp");
        String base = "/tai-lieu-tuyen-truyen/" + sent.id() + "/tep/" + sent.fileId();

        for (String path : new String[] {base, base + "/tai-ve", base + "/trang-dau.png"}) {
            HttpResponse<String> response = new WebClient(port).get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(path)
                    .isPresent();
        }
    }

    @Test
    void theServerDoesNotSayWhatOrWhichVersionItIs() throws Exception {
        for (String path : new String[] {"/", "/khong-co-trang-nay", "/tai-lieu-tuyen-truyen/abc"}) {
            HttpResponse<String> response = new WebClient(port).get(path);
            assertThat(response.headers().firstValue("Server")).as(path).isEmpty();
            assertThat(response.headers().firstValue("X-Powered-By")).as(path).isEmpty();
            assertThat(response.body())
                    .as(path)
                    .doesNotContainIgnoringCase("Apache Tomcat")
                    .doesNotContain("Spring");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "member /hop-thu",
                "member /hop-thu/{sent}",
                "clerk /quan-ly/cong-van",
                "clerk /quan-ly/cong-van/{sent}",
                "clerk /quan-ly/cong-van/{sent}/so-theo-doi",
                "admin /quan-tri/tai-khoan",
                "admin /quan-tri/nhat-ky",
                "member /tim-kiem?q=xac+nhan"
            })
    void signedInPagesAreNotStoredByBrowsersOrProxies(String roleAndPath) throws Exception {
        Long sent =
                world.published(Visibility.RESTRICTED, "Về việc không lưu đệm").id();
        String path = roleAndPath.substring(roleAndPath.indexOf(' ') + 1).replace("{sent}", sent.toString());
        var who = switch (roleAndPath.substring(0, roleAndPath.indexOf(' '))) {
            case "member" -> world.recipient;
            case "clerk" -> world.clerk;
            default -> world.admin;
        };

        MockHttpServletResponse response =
                mvc.perform(get(path).with(user(who))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void restrictedFilesAndTheLedgerExportAreCachedPrivatelyOnly() throws Exception {
        Scenario.Published sent = world.published(Visibility.RESTRICTED, "Về việc lưu đệm riêng");

        MockHttpServletResponse file = mvc.perform(
                        get("/hop-thu/" + sent.id() + "/tep/" + sent.fileId()).with(user(world.recipient)))
                .andReturn()
                .getResponse();
        MockHttpServletResponse csv = mvc.perform(get("/quan-ly/cong-van/" + sent.id() + "/so-theo-doi.csv")
                        .with(user(world.clerk)))
                .andReturn()
                .getResponse();

        assertThat(file.getHeader("Cache-Control")).startsWith("private").doesNotContain("public");
        assertThat(csv.getHeader("Cache-Control")).startsWith("private").doesNotContain("public");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/tai-lieu-tuyen-truyen/abc",
                "/tai-lieu-tuyen-truyen/99999999999999999999999",
                "/tai-lieu-tuyen-truyen?trang=x",
                "/tim-kiem?tu-ngay=2024-13-45",
                "/tim-kiem?nam=1e99",
                "/tai-lieu-tuyen-truyen/1/tep/x/tai-ve",
                "/tai-lieu-tuyen-truyen/8000000000/tep/1/trang-dau.png"
            })
    void errorPagesNeverShowExceptionsOrStackTraces(String path) throws Exception {
        HttpResponse<String> response = new WebClient(port).get(path);

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body())
                .doesNotContain(
                        "Exception",
                        "at vn.congvan",
                        "at org.",
                        "java.",
                        "Whitelabel",
                        "NumberFormat",
                        "Failed to convert");
    }

    @Test
    void aSignedInErrorWithAWrongEnumValueShowsNoExceptionText() throws Exception {
        Scenario.Published sent = world.published(Visibility.RESTRICTED, "Về việc bộ lọc sai");
        WebClient clerk = new WebClient(port);
        assertThat(clerk.logIn(world.clerkUsername, Accounts.DEMO_PASSWORD).statusCode())
                .isEqualTo(302);

        HttpResponse<String> response = clerk.get("/quan-ly/cong-van/" + sent.id() + "/so-theo-doi?loc=%3Cx%3E");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception", "Ledger", "Filter", "<x>");
    }

    @Test
    void errorsAskedForAsJsonCarryNoTraceMessageOrException() throws Exception {
        HttpResponse<String> response = new WebClient(port)
                .send(HttpRequest.newBuilder(new WebClient(port).uri("/tai-lieu-tuyen-truyen/abc"))
                        .header("Accept", "application/json")
                        .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .doesNotContain("\"trace\"", "\"exception\"", "\"message\"", "\"errors\"", "NumberFormat");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator",
                "/actuator/env",
                "/actuator/beans",
                "/actuator/heapdump",
                "/actuator/threaddump",
                "/actuator/configprops",
                "/actuator/mappings",
                "/actuator/loggers",
                "/actuator/metrics",
                "/actuator/info",
                "/actuator/conditions",
                "/actuator/scheduledtasks",
                "/actuator/sessions",
                "/actuator/flyway",
                "/actuator/env/spring.datasource.password"
            })
    void theActuatorShowsNothingButHealthEvenToAnAdministrator(String path) throws Exception {
        int anonymous = new WebClient(port).get(path).statusCode();
        int admin = mvc.perform(get(path).with(user(world.admin)))
                .andReturn()
                .getResponse()
                .getStatus();

        assertThat(anonymous).as("anonymous").isIn(302, 401, 403, 404);
        assertThat(admin).as("admin").isIn(401, 403, 404);
    }

    @Test
    void healthSaysUpAndNothingMore() throws Exception {
        HttpResponse<String> response = new WebClient(port)
                .send(HttpRequest.newBuilder(new WebClient(port).uri("/actuator/health"))
                        .header("Accept", "application/json")
                        .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"status\":\"UP\"")
                .doesNotContain("components", "details", "db", "diskSpace", "postgres");
    }

    private static String directive(String policy, String name) {
        for (String directive : policy.split(";")) {
            if (directive.strip().toLowerCase(Locale.ROOT).startsWith(name + " ")) {
                return directive.strip();
            }
        }
        return "";
    }
}
