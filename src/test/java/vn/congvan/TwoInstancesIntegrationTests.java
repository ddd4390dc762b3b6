package vn.congvan;

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
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.TestClamd;
import vn.congvan.attachment.TestFiles;
import vn.congvan.attachment.TestS3Proxy;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * Two instances of the portal, as behind a load balancer (ADR 0020): one PostgreSQL (the first instance's embedded
 * one), one S3-compatible file store (S3Proxy), sessions in the database. A person signs in on one instance and is
 * served by the other; a file uploaded through one is downloaded, ranges too, through the other; signing out on one
 * ends the session on both. The browser is one cookie jar for both, as it is for one host name behind a proxy.
 */
class TwoInstancesIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static ConfigurableApplicationContext first;

    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        TestS3Proxy s3 = TestS3Proxy.get();
        String bucket = s3.newBucket();
        List<String> shared = List.of(
                "server.port=0",
                "congvan.attachment.storage=s3",
                "congvan.attachment.s3.endpoint=" + s3.endpoint(),
                "congvan.attachment.s3.region=" + TestS3Proxy.REGION,
                "congvan.attachment.s3.bucket=" + bucket,
                "congvan.attachment.s3.access-key=" + TestS3Proxy.ACCESS_KEY,
                "congvan.attachment.s3.secret-key=" + TestS3Proxy.SECRET_KEY,
                "congvan.attachment.s3.path-style=true",
                "congvan.attachment.scan.host=127.0.0.1",
                "congvan.attachment.scan.port=" + TestClamd.get().port());
        first = instance(shared, List.of());
        String url;
        try (Connection connection = first.getBean(DataSource.class).getConnection()) {
            url = connection.getMetaData().getURL();
        }
        // The second instance starts no database of its own and loads no demo data: it joins the first's.
        second = instance(
                shared,
                List.of(
                        "congvan.embedded-postgres.enabled=false",
                        "congvan.demo.enabled=false",
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=postgres"));
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void signedInOnOneInstanceServedByTheOtherAndSignedOutOnBoth() throws Exception {
        String label = UUID.randomUUID().toString().substring(0, 6);
        OrganizationDirectory organization = first.getBean(OrganizationDirectory.class);
        AccountManagement accounts = first.getBean(AccountManagement.class);
        Issuers.Issuer own = Issuers.partyBoard(
                first.getBean(OrganizationAdministration.class),
                first.getBean(DispatchManagement.class),
                "Hai Máy " + label);
        UnitSummary ward = Units.ward(
                first.getBean(OrganizationAdministration.class),
                own.committee(),
                "Đảng ủy phường Hai Máy " + label,
                LocalDate.of(2025, 7, 1));
        String member = Accounts.uniqueUsername("hai-may");
        accounts.open(Accounts.member(member, ward.id()));
        String clerk = Accounts.uniqueUsername("van-thu-hai-may");
        Long issuer = own.board().id();
        accounts.open(
                new NewAccount(clerk, "Văn thư hai máy", null, issuer, Set.of(Role.CLERK), Accounts.DEMO_PASSWORD));
        Long dispatch = first.getBean(DispatchManagement.class)
                .createDraft(
                        DispatchDrafts.partyDispatch(
                                issuer, Visibility.RESTRICTED, "Về việc chạy hai máy chủ " + label, ward.id()),
                        new TestUsers(organization).clerk(own.board().code()));
        byte[] pdf = TestFiles.pdf(2);

        // The clerk signs in on the first instance and uploads through the second (to the shared bucket).
        Browser clerkBrowser = new Browser();
        // Clerks land on their unit's dispatches, members on their inbox (ADR 0036).
        assertThat(clerkBrowser.logIn(port(first), clerk).headers().firstValue("Location"))
                .get()
                .asString()
                .endsWith(":" + port(first) + "/quan-ly/cong-van");
        String token = clerkBrowser.csrfToken(port(second), "/quan-ly/cong-van/" + dispatch);
        assertThat(clerkBrowser
                        .upload(port(second), "/quan-ly/cong-van/" + dispatch + "/tep", token, "hai-may.pdf", pdf)
                        .statusCode())
                .isEqualTo(302);
        AttachmentView file =
                first.getBean(Attachments.class).ofDispatch(dispatch).get(0);
        assertThat(file.size()).isEqualTo(pdf.length);
        first.getBean(DispatchManagement.class)
                .publish(
                        dispatch,
                        null,
                        LocalDate.now(),
                        new TestUsers(organization).clerk(own.board().code()));

        // The member signs in on the first instance and downloads the restricted file from the second.
        Browser browser = new Browser();
        assertThat(browser.logIn(port(first), member).headers().firstValue("Location"))
                .get()
                .asString()
                .endsWith(":" + port(first) + "/hop-thu");
        String download = "/hop-thu/" + dispatch + "/tep/" + file.id() + "/tai-ve";
        HttpResponse<byte[]> whole = browser.getBytes(port(second), download, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        // The member's copy of a restricted PDF is stamped (ADR 0043): the stored bytes, then the stamp's update.
        assertThat(whole.body()).startsWith(pdf).hasSizeGreaterThan(pdf.length);
        assertThat(browser.getBytes(port(first), download, null).statusCode()).isEqualTo(200);
        // The issuer's clerk gets the stored file itself, a range of it read from the shared bucket.
        HttpResponse<byte[]> range = clerkBrowser.getBytes(
                port(second), "/quan-ly/cong-van/" + dispatch + "/tep/" + file.id() + "/tai-ve", "bytes=100-199");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(pdf, 100, 200));

        // Signing out on the second instance ends the session the first instance started.
        String logoutToken = browser.csrfToken(port(second), "/hop-thu");
        assertThat(browser.postForm(port(second), "/dang-xuat", "_csrf=" + encode(logoutToken))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<byte[]> refused = browser.getBytes(port(first), download, null);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).get().asString().contains("/dang-nhap");
    }

    @Test
    void aPublicPageValidatedByOneInstanceIsNotModifiedOnTheOther() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port(first) + "/tai-lieu-tuyen-truyen"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String etag = page.headers().firstValue("ETag").orElseThrow();

        // Both instances run one build: the ETag names the build, not the instance, so the other confirms it.
        HttpResponse<String> revalidated = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port(second) + "/tai-lieu-tuyen-truyen"))
                        .header("If-None-Match", etag)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revalidated.statusCode()).isEqualTo(304);
    }

    private static ConfigurableApplicationContext instance(List<String> shared, List<String> own) {
        // As command-line arguments, so that they win over application.properties (as the environment would).
        return new SpringApplicationBuilder(CongvanApplication.class)
                .profiles("test")
                .run(Stream.concat(shared.stream(), own.stream())
                        .map(property -> "--" + property)
                        .toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One browser: one cookie jar, which sends the session cookie to both instances (cookies ignore the port). */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> logIn(int port, String username) throws IOException, InterruptedException {
            return postForm(
                    port,
                    "/dang-nhap",
                    "username=" + encode(username) + "&password=" + encode(Accounts.DEMO_PASSWORD) + "&_csrf="
                            + encode(csrfToken(port, "/dang-nhap")));
        }

        String csrfToken(int port, String path) throws IOException, InterruptedException {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(uri(port, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode())
                    .as(path + " " + page.headers().firstValue("Location").orElse(""))
                    .isEqualTo(200);
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("a CSRF token on " + path).isTrue();
            return token.group(1);
        }

        HttpResponse<String> postForm(int port, String path, String form) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(uri(port, path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> upload(int port, String path, String token, String filename, byte[] content)
                throws IOException, InterruptedException {
            String boundary = "----congvan" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                            + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                            + filename + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(
                    HttpRequest.newBuilder(uri(port, path))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> getBytes(int port, String path, String range) throws IOException, InterruptedException {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(uri(port, path)).GET();
            if (range != null) {
                request.header("Range", range);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        private static URI uri(int port, String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
