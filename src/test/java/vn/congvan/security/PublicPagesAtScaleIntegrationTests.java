package vn.congvan.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Visibility;

/**
 * The public pages when a whole city reads them (ADR 0022): an anonymous visitor leaves no session behind, the list
 * pages by position without counting, and the pages and files carry validators that a withdrawal invalidates.
 */
@CongvanIntegrationTest
class PublicPagesAtScaleIntegrationTests {

    private static final Pattern OLDER = Pattern.compile("href=\"/tai-lieu-tuyen-truyen\\?sau=([^\"]+)\" rel=\"next\"");

    private static final Pattern NEWER =
            Pattern.compile("href=\"/tai-lieu-tuyen-truyen\\?truoc=([^\"]+)\" rel=\"prev\"");

    private static final Pattern ROW =
            Pattern.compile("class=\"material__number\" href=\"/tai-lieu-tuyen-truyen/(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    DispatchManagement management;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    Scenario world;

    Scenario.Published dispatch;

    @BeforeEach
    void world() {
        world = Scenario.of(context, "trang");
        dispatch = world.published(Visibility.PUBLIC, "Về việc đọc tài liệu không cần phiên");
    }

    @Test
    void anonymousPagesOfEveryKindCreateNoSessionAndTheLanguageStaysInACookie() throws Exception {
        String detail = "/tai-lieu-tuyen-truyen/" + dispatch.id();
        String file = detail + "/tep/" + dispatch.fileId();
        WebClient visitor = new WebClient(port);
        int sessionsBefore = sessions();

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (String path : List.of(
                "/",
                "/tai-lieu-tuyen-truyen",
                "/tai-lieu-tuyen-truyen?sau=2020-01-01.1",
                "/tai-lieu-tuyen-truyen?truoc=2020-01-01.1",
                detail,
                "/tim-kiem",
                "/tim-kiem?q=t%C3%A0i+li%E1%BB%87u",
                "/tai-lieu-tuyen-truyen/feed.atom",
                file,
                file + "/tai-ve",
                file + "/trang-dau.png",
                "/tai-lieu-tuyen-truyen/987654321",
                "/tai-lieu-tuyen-truyen/khong-phai-so",
                "/khong-co-trang-nay",
                "/?lang=en",
                "/tai-lieu-tuyen-truyen")) {
            responses.add(visitor.get(path));
        }

        assertThat(responses)
                .allSatisfy(response -> assertThat(response.headers().allValues("Set-Cookie"))
                        .as(response.uri().toString())
                        .noneMatch(cookie -> cookie.startsWith("JSESSIONID=")));
        assertThat(visitor.sessionId()).isEmpty();
        assertThat(sessions()).isEqualTo(sessionsBefore);
        assertThat(responses.get(4).statusCode()).isEqualTo(200);
        assertThat(responses.get(8).statusCode()).isEqualTo(200);
        assertThat(responses.get(11).statusCode()).isEqualTo(404);
        assertThat(responses.get(responses.size() - 1).body()).contains("lang=\"en\"");
        assertThat(visitor.get("/tai-lieu-tuyen-truyen?sau=2020-13-01.x").statusCode())
                .isEqualTo(400);

        String username = Accounts.uniqueUsername("khach");
        accounts.open(Accounts.member(username, world.recipientUnit.id()));
        assertThat(visitor.logIn(username, Accounts.DEMO_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(visitor.get("/hop-thu").statusCode()).isEqualTo(200);
    }

    @Test
    void theListIsPagedByPositionBothWaysWithoutACount() throws Exception {
        for (int i = 0; i < 21; i++) {
            world.published(Visibility.PUBLIC, "Về việc tài liệu số " + i);
        }
        WebClient visitor = new WebClient(port);
        int expected = jdbc.queryForObject(
                "select count(*) from dispatch where visibility = 'PUBLIC' and status = 'PUBLISHED'", Integer.class);
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            List<List<Long>> pages = new ArrayList<>();
            String body = visitor.get("/tai-lieu-tuyen-truyen").body();
            assertThat(NEWER.matcher(body).find()).isFalse();
            pages.add(rows(body));
            Optional<String> older = link(OLDER, body);
            while (older.isPresent()) {
                body = visitor.get("/tai-lieu-tuyen-truyen?sau=" + older.get()).body();
                pages.add(rows(body));
                older = link(OLDER, body);
            }

            Set<Long> seen = new LinkedHashSet<>();
            pages.forEach(seen::addAll);
            assertThat(pages.stream().mapToInt(List::size).sum())
                    .isEqualTo(expected)
                    .isEqualTo(seen.size());
            assertThat(pages).hasSizeGreaterThan(1);
            assertThat(pages.subList(0, pages.size() - 1))
                    .allSatisfy(page -> assertThat(page).hasSize(20));
            assertThat(Arrays.asList(statistics.getQueries())).noneMatch(query -> query.contains("count("));

            Optional<String> newer = link(NEWER, body);
            for (int page = pages.size() - 2; page >= 0; page--) {
                body = visitor.get("/tai-lieu-tuyen-truyen?truoc=" + newer.orElseThrow())
                        .body();
                assertThat(rows(body)).isEqualTo(pages.get(page));
                newer = link(NEWER, body);
            }
            assertThat(newer).isEmpty();
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }

    @Test
    void publicPagesRevalidateUntilAWithdrawalChangesThem() throws Exception {
        String detail = "/tai-lieu-tuyen-truyen/" + dispatch.id();
        WebClient visitor = new WebClient(port);
        Map<String, String> etags = new HashMap<>();
        for (String path : List.of("/", "/tai-lieu-tuyen-truyen", detail, "/tai-lieu-tuyen-truyen/feed.atom")) {
            HttpResponse<String> first = visitor.get(path);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, no-cache");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            etags.put(path, etag);

            HttpResponse<String> reused = visitor.get(path);
            assertThat(reused.body()).as(path).isEqualTo(first.body());
            assertThat(reused.headers().firstValue("Content-Type"))
                    .isEqualTo(first.headers().firstValue("Content-Type"));
            assertThat(reused.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .isPresent();
            assertThat(reused.headers().firstValue("ETag")).hasValue(etag);

            HttpResponse<String> again = conditional(visitor, path, etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }

        management.withdraw(dispatch.id(), "Ban hành nhầm", world.clerk);

        etags.forEach((path, etag) -> {
            HttpResponse<String> after = send(() -> conditional(visitor, path, etag));
            assertThat(after.statusCode()).as(path).isNotEqualTo(304);
            assertThat(after.headers().firstValue("ETag")).as(path).isNotEqualTo(Optional.of(etag));
        });
        assertThat(visitor.get(detail).statusCode()).isEqualTo(410);
        assertThat(visitor.get("/tai-lieu-tuyen-truyen").body()).doesNotContain(detail + "\"");
    }

    @Test
    void aFileOfAWithdrawnDispatchIsNotConfirmedFromTheCache() throws Exception {
        String file = "/tai-lieu-tuyen-truyen/" + dispatch.id() + "/tep/" + dispatch.fileId() + "/tai-ve";
        WebClient visitor = new WebClient(port);
        String etag = visitor.get(file).headers().firstValue("ETag").orElseThrow();
        assertThat(conditional(visitor, file, etag).statusCode()).isEqualTo(304);
        assertThat(conditional(visitor, file, etag).statusCode()).isEqualTo(304);

        management.withdraw(dispatch.id(), "Ban hành nhầm", world.clerk);

        assertThat(conditional(visitor, file, etag).statusCode()).isEqualTo(410);
    }

    @Test
    void signedInPeopleGetNoValidatorAndNoStore() throws Exception {
        String username = Accounts.uniqueUsername("dadangnhap");
        accounts.open(Accounts.member(username, world.recipientUnit.id()));
        WebClient member = new WebClient(port);
        assertThat(member.logIn(username, Accounts.DEMO_PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> list = member.get("/tai-lieu-tuyen-truyen");

        assertThat(list.headers().firstValue("ETag")).isEmpty();
        assertThat(list.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    }

    private int sessions() {
        return jdbc.queryForObject("select count(*) from spring_session", Integer.class);
    }

    private static HttpResponse<String> conditional(WebClient client, String path, String etag) throws Exception {
        return client.send(HttpRequest.newBuilder(client.uri(path))
                .header("Accept", WebClient.BROWSER_ACCEPT)
                .header("If-None-Match", etag)
                .GET()
                .build());
    }

    private static HttpResponse<String> send(Request request) {
        try {
            return request.send();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<Long> rows(String body) {
        List<Long> ids = new ArrayList<>();
        Matcher row = ROW.matcher(body);
        while (row.find()) {
            ids.add(Long.valueOf(row.group(1)));
        }
        return ids;
    }

    private static Optional<String> link(Pattern pattern, String body) {
        Matcher link = pattern.matcher(body);
        return link.find() ? Optional.of(link.group(1)) : Optional.empty();
    }

    private interface Request {
        HttpResponse<String> send() throws Exception;
    }
}
