package vn.congvan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Visibility;

/**
 * What an operator watches (ADR 0050): the metrics in Prometheus's format, which the main port shows to an
 * administrator alone (in production they are on the management port), with the portal's own gauges telling what the
 * database holds; and the request id every answer carries.
 */
@CongvanIntegrationTest
class MonitoringIntegrationTests {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    Scenario world;

    @BeforeEach
    void world() {
        world = Scenario.of(context, "metrics");
    }

    @Test
    void prometheusScrapeShowsRequestsJvmPoolAndTheGaugesOfWhatTheDatabaseHolds() throws Exception {
        double published = value(scrape(), "congvan_dispatches_published_total");
        double storedBytes = value(scrape(), "congvan_storage_used_bytes");
        double storedFiles = value(scrape(), "congvan_storage_stored");
        byte[] pdf = TestFiles.pdf(2);
        Long draft = world.draft(Visibility.PUBLIC, "Công văn đo đếm");
        world.attach(draft, "Tài liệu", "do-dem.pdf", pdf);
        context.getBean(DispatchManagement.class).publish(draft, null, LocalDate.now(), world.clerk);
        assertThat(new WebClient(port).get("/tai-lieu-tuyen-truyen/" + draft).statusCode())
                .isEqualTo(200);
        Long notice = waitingNotice(Instant.now().minus(2, ChronoUnit.HOURS));
        try {
            String metrics = scrape();

            assertThat(metrics)
                    .contains("http_server_requests_seconds_bucket{")
                    .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/tai-lieu-tuyen-truyen/\\{id}\"")
                    .doesNotContain("uri=\"/tai-lieu-tuyen-truyen/" + draft + "\"")
                    .contains("jvm_memory_used_bytes{", "jvm_gc_", "hikaricp_connections_active{", "disk_free_bytes{");
            assertThat(value(metrics, "congvan_dispatches_published_total")).isEqualTo(published + 1);
            assertThat(value(metrics, "congvan_storage_used_bytes")).isEqualTo(storedBytes + pdf.length);
            assertThat(value(metrics, "congvan_storage_stored")).isEqualTo(storedFiles + 1);
            assertThat(value(metrics, "congvan_attachment_scans", "state=\"clean\""))
                    .isGreaterThanOrEqualTo(1)
                    .isEqualTo(count("select count(*) from attachment where scan_state = 'CLEAN'"));
            assertThat(value(metrics, "congvan_attachment_scans", "state=\"pending\""))
                    .isEqualTo(count("select count(*) from attachment where scan_state = 'PENDING'"));
            assertThat(value(metrics, "congvan_attachment_scans", "state=\"infected\""))
                    .isEqualTo(count("select count(*) from attachment where scan_state = 'INFECTED'"));
            assertThat(metrics).contains("congvan_attachment_scans_oldest_waiting_seconds");
            // The published file waits for its text extraction: the tests run that queue themselves.
            assertThat(value(metrics, "congvan_extraction_queue", "status=\"pending\""))
                    .isGreaterThanOrEqualTo(1)
                    .isEqualTo(count("select count(*) from text_extraction_job where status = 'PENDING'"));
            assertThat(value(metrics, "congvan_extraction_queue_oldest_pending_seconds"))
                    .isGreaterThanOrEqualTo(0);
            assertThat(value(metrics, "congvan_mail_outbox", "status=\"pending\""))
                    .isGreaterThanOrEqualTo(1)
                    .isEqualTo(count("select count(*) from mail_outbox where status = 'PENDING'"));
            assertThat(value(metrics, "congvan_mail_outbox_oldest_pending_seconds"))
                    .isGreaterThanOrEqualTo(2 * 3600 - 60);
            assertThat(metrics).contains("congvan_events_incomplete", "congvan_events_oldest_incomplete_seconds");
        } finally {
            jdbc.update("delete from mail_outbox where id = ?", notice);
        }
    }

    @Test
    void failedLoginsAreCountedByReason() throws Exception {
        double before = value(scrape(), "congvan_logins_failed_total", "reason=\"bad_credentials\"");

        new WebClient(port).logIn(world.clerkUsername, "not the password");

        assertThat(value(scrape(), "congvan_logins_failed_total", "reason=\"bad_credentials\""))
                .isEqualTo(before + 1);
    }

    @Test
    void theMainPortShowsMetricsToNoOneButAnAdministrator() throws Exception {
        HttpResponse<String> anonymous = new WebClient(port).get("/actuator/prometheus");
        int clerk = mvc.perform(get("/actuator/prometheus").with(user(world.clerk)))
                .andReturn()
                .getResponse()
                .getStatus();

        assertThat(anonymous.statusCode()).isIn(302, 401, 403, 404);
        assertThat(anonymous.body()).doesNotContain("jvm_memory");
        assertThat(clerk).isIn(401, 403, 404);
    }

    @Test
    void livenessAndReadinessAnswerOnTheMainPortForTheContainerHealthCheck() throws Exception {
        assertThat(new WebClient(port).get("/readyz").statusCode()).isEqualTo(200);
        assertThat(new WebClient(port).get("/livez").statusCode()).isEqualTo(200);
    }

    @Test
    void everyAnswerCarriesANewRequestIdWhenNoneWasGiven() throws Exception {
        HttpResponse<String> page = new WebClient(port).get("/");
        HttpResponse<String> missing = new WebClient(port).get("/tai-lieu-tuyen-truyen/8000000000");

        String first = page.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(first).matches(UUID_TEXT);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches(UUID_TEXT).isNotEqualTo(first));
    }

    @Test
    void aValidRequestIdFromTheProxyIsKept() throws Exception {
        String given = "0f3c2a9e8b7d4c1a9e8b7d4c1a0f3c2a";

        assertThat(requestIdAnswered(given)).isEqualTo(given);
    }

    @Test
    void aRequestIdTooLongOrWithOtherCharactersIsReplaced() throws Exception {
        String tooLong = "a".repeat(65);
        String unsafe = "abc\"}{def";

        assertThat(requestIdAnswered(tooLong)).matches(UUID_TEXT);
        assertThat(requestIdAnswered(unsafe)).matches(UUID_TEXT);
    }

    private String requestIdAnswered(String given) throws Exception {
        WebClient client = new WebClient(port);
        return client.send(HttpRequest.newBuilder(client.uri("/"))
                        .header("X-Request-Id", given)
                        .build())
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(user(world.admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** A notice waiting since the given time, due only in a hundred years so that no test's sending takes it. */
    private Long waitingNotice(Instant since) {
        return jdbc.queryForObject(
                """
                insert into mail_outbox (recipient, subject, body, status, created_at, next_attempt_at)
                values ('do-dem@congvan.test', 'Đo đếm', 'Đo đếm', 'PENDING', ?, ?) returning id
                """,
                Long.class,
                Timestamp.from(since),
                Timestamp.from(Instant.now().plus(36500, ChronoUnit.DAYS)));
    }

    private double count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** The value of the first series of that name that has all the labels given (as {@code name="value"}). */
    private static double value(String metrics, String name, String... labels) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " " + Arrays.toString(labels) + " not in the scrape"));
    }
}
