package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.congvan.account.Accounts.uniqueAddress;
import static vn.congvan.account.Accounts.uniqueUsername;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanApplication;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.attachment.TestClamd;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.Units;

/**
 * X-Forwarded-For is believed only from the configured proxies (ADR 0048), which takes Tomcat's RemoteIpValve and
 * so a real server, not MockMvc. The shared test context has the valve on with a proxy address that is not loopback
 * (application-test.properties), so the test's own requests come from an untrusted client; a second instance on the
 * same database runs the prod profile as shipped, whose default trusts this host (nginx beside the portal).
 */
@CongvanIntegrationTest
class TrustedProxiesIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static ConfigurableApplicationContext production;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NameKeys names;

    @Autowired
    DataSource dataSource;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganizationAdministration administration;

    private final List<String> attempted = new ArrayList<>();

    @AfterEach
    void forgetTheFailures() {
        // The tests' real requests all come from 127.0.0.1: failures left behind would slow other tests' logins.
        attempted.forEach(name -> jdbc.update("delete from login_failure where name_key = ?", names.of(name)));
    }

    @AfterAll
    static void stopProduction() {
        if (production != null) {
            production.close();
        }
    }

    @Test
    void aForgedForwardedForFromAnUntrustedClientChangesNeitherTheAuditNorTheThrottle() throws Exception {
        String username = newMember("gia-mao");
        String forgedFirst = uniqueAddress();
        String forgedSecond = uniqueAddress();

        assertThat(wrongPassword(port, username, forgedFirst)).isEqualTo(302);
        assertThat(wrongPassword(port, username, forgedSecond + ", " + forgedFirst))
                .isEqualTo(302);

        assertThat(jdbc.queryForList(
                        "select client_address from login_failure where name_key = ?",
                        String.class,
                        names.of(username)))
                .containsExactly("127.0.0.1", "127.0.0.1");
        assertThat(auditedAddresses(username)).containsExactly("127.0.0.1", "127.0.0.1");
        assertThat(jdbc.queryForObject(
                        "select count(*) from login_failure where client_address in (?, ?)",
                        Integer.class,
                        forgedFirst,
                        forgedSecond))
                .isZero();
    }

    @Test
    void theProductionProfileBelievesTheProxyOnThisHost() throws Exception {
        String username = newMember("qua-nginx");
        String client = uniqueAddress();

        assertThat(wrongPassword(productionPort(), username, client)).isEqualTo(302);

        assertThat(jdbc.queryForList(
                        "select client_address from login_failure where name_key = ?",
                        String.class,
                        names.of(username)))
                .containsExactly(client);
        assertThat(auditedAddresses(username)).containsExactly(client);
    }

    /** An account of its own: the audit names the account of a failed login only when it exists. */
    private String newMember(String prefix) {
        String username = uniqueUsername(prefix);
        Long ward = Units.ward(
                        administration, Units.root(administration, "Gốc ủy nhiệm"), "Đảng ủy Phường Ủy Nhiệm", null)
                .id();
        accounts.open(Accounts.member(username, ward));
        attempted.add(username);
        return username;
    }

    private List<String> auditedAddresses(String username) {
        return jdbc.queryForList(
                "select client_address from audit_entry where action = 'LOGIN_FAILURE' and actor_username = ?"
                        + " order by id",
                String.class,
                username);
    }

    /**
     * A failed login as nginx would forward it, X-Forwarded-* on both requests; the answer's status. The session
     * cookie is carried by hand: under prod it is Secure, which a cookie store rightly keeps from an http:// address.
     */
    private static int wrongPassword(int port, String username, String forwardedFor) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        URI login = URI.create("http://127.0.0.1:" + port + "/dang-nhap");
        HttpResponse<String> page = http.send(
                forwarded(HttpRequest.newBuilder(login), forwardedFor).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String session = page.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst()
                .orElseThrow();
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a CSRF token on the login page").isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=Sai-mat-khau-1"
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        return http.send(
                        forwarded(HttpRequest.newBuilder(login), forwardedFor)
                                .header("Cookie", session)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static HttpRequest.Builder forwarded(HttpRequest.Builder request, String forwardedFor) {
        return request.header("X-Forwarded-For", forwardedFor).header("X-Forwarded-Proto", "https");
    }

    @Test
    void theActuatorAnswersOnItsOwnPortAndTheMainPortKeepsOnlyTheProbes() throws Exception {
        int main = productionPort();
        int management = Integer.parseInt(production.getEnvironment().getProperty("local.management.port"));
        assertThat(management).isNotEqualTo(main);
        HttpClient http = HttpClient.newHttpClient();

        // Its own connector and threads (ADR 0062): what the container's health check and Prometheus call.
        assertThat(status(http, management, "/actuator/health/readiness")).isEqualTo(200);
        assertThat(status(http, management, "/actuator/health/liveness")).isEqualTo(200);
        assertThat(status(http, management, "/actuator/prometheus")).isEqualTo(200);
        // The main port, which the proxy forwards, keeps the two probes and serves no actuator.
        assertThat(status(http, main, "/livez")).isEqualTo(200);
        assertThat(status(http, main, "/readyz")).isEqualTo(200);
        assertThat(status(http, main, "/actuator/health")).isEqualTo(404);
    }

    private static int status(HttpClient http, int port, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The prod profile's own settings, on the shared context's database, started once for the class. */
    private int productionPort() throws Exception {
        if (production == null) {
            String url;
            try (Connection connection = dataSource.getConnection()) {
                url = connection.getMetaData().getURL();
            }
            production = new SpringApplicationBuilder(CongvanApplication.class)
                    .profiles("test", "prod")
                    .run(
                            "--server.port=0",
                            // A free port rather than the profile's 9090, which may be taken on a build machine.
                            "--management.server.port=0",
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--congvan.attachment.storage-root=" + Files.createTempDirectory("congvan-prod-"),
                            "--congvan.attachment.scan.host=127.0.0.1",
                            "--congvan.attachment.scan.port=" + TestClamd.get().port());
        }
        return Integer.parseInt(production.getEnvironment().getProperty("local.server.port"));
    }
}
