package vn.congvan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.Accounts;
import vn.congvan.dispatch.Visibility;

/**
 * HTTP as an attacker writes it, sent over a raw socket to the real server so that Tomcat and Spring Security's
 * firewall meet it as they would in production: unusual methods, oversized lines and headers, encoded and
 * double-encoded traversal, path parameters, backslashes, encoded slashes, other spellings of an id, HEAD on a
 * download; and a spoofed X-Forwarded-For that must not move the login lockout to another address.
 */
@CongvanIntegrationTest
class HttpEdgeCasesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    Scenario world;

    @BeforeEach
    void world() {
        world = Scenario.of(context, "http");
    }

    @Test
    void traceIsNotAllowedAndEchoesNothing() throws Exception {
        Raw response = send("TRACE / HTTP/1.1\r\nHost: localhost\r\nX-Secret: geheim-123\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.text()).doesNotContain("geheim-123");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "OPTIONS /",
                "PUT /tai-lieu-tuyen-truyen/1",
                "DELETE /tai-lieu-tuyen-truyen/1",
                "PATCH /quan-ly/cong-van/1",
                "PROPFIND /",
                "DELETE /hop-thu/1",
                "PUT /quan-tri/tai-khoan/1"
            })
    void otherMethodsOnPortalRoutesAreRefusedWithoutError(String methodAndPath) throws Exception {
        Raw response =
                send(methodAndPath + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        if (response.status() == 302) {
            // OPTIONS carries no CSRF token to check, so it meets the authorisation rules: sent to log in.
            assertThat(response.header("Location")).endsWith("/dang-nhap");
        } else {
            assertThat(response.status()).isBetween(400, 499).isNotIn(404);
        }
    }

    @Test
    void aVeryLongUrlIsRefusedWithoutError() throws Exception {
        Raw response = send("GET /tim-kiem?q=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(response.status()).isIn(400, 413, 414, 431);
    }

    @Test
    void aVeryLongHeaderIsRefusedWithoutError() throws Exception {
        Raw response = send(
                "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(70_000) + "\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isIn(400, 413, 431);
    }

    @Test
    void aCookieHeaderOfThousandsOfCookiesIsRefusedOrIgnoredWithoutError() throws Exception {
        StringBuilder cookies = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            cookies.append("c").append(i).append("=v; ");
        }
        Raw response =
                send("GET / HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookies + "\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isIn(200, 400, 431);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/tai-lieu-tuyen-truyen/%252e%252e/%252e%252e/quan-tri",
                "/tai-lieu-tuyen-truyen/%2e%2e/%2e%2e/quan-tri",
                "/tai-lieu-tuyen-truyen/..%2f..%2fquan-tri",
                "/tai-lieu-tuyen-truyen/..;/..;/quan-tri",
                "/quan-tri;foo=bar",
                "/hop-thu;jsessionid=ABCDEF0123456789",
                "/tai-lieu-tuyen-truyen\\..\\quan-tri",
                "/tai-lieu-tuyen-truyen/..%5c..%5cquan-tri",
                "/hop-thu%2F1",
                "/tai-lieu-tuyen-truyen/%c0%ae%c0%ae/quan-tri",
                "/./quan-tri/./",
                "/tai-lieu-tuyen-truyen//..//quan-tri"
            })
    void oddlySpelledPathsNeverReachAProtectedPage(String path) throws Exception {
        Raw response = send(
                "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n" + "Connection: close\r\n\r\n");

        assertThat(response.status()).isNotEqualTo(200).isLessThan(500);
        assertThat(response.text()).doesNotContain("Exception");
    }

    @Test
    void anIdWrittenInOtherDigitsGetsTheSameDecisionAsTheIdItself() throws Exception {
        Scenario.Published sent = world.published(Visibility.RESTRICTED, "Về việc chữ số khác");
        String fullWidth = sent.id()
                .toString()
                .chars()
                .mapToObj(digit -> String.valueOf((char) (digit - '0' + '０')))
                .reduce("", String::concat);

        int outsider = mvc.perform(get("/hop-thu/" + fullWidth).with(user(world.outsider)))
                .andReturn()
                .getResponse()
                .getStatus();
        int anonymous = mvc.perform(get("/tai-lieu-tuyen-truyen/" + fullWidth))
                .andReturn()
                .getResponse()
                .getStatus();

        assertThat(outsider).isIn(400, 404);
        assertThat(anonymous).isIn(400, 404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/QUAN-TRI",
                "/Quan-Tri/tai-khoan",
                "/quan-tri/",
                "/quan-tri/tai-khoan/",
                "/quan-tri/tai-khoan.json",
                "/quan-tri/nhat-ky;x=1"
            })
    void anotherSpellingOfAnAdminPathGivesAMemberNothing(String path) throws Exception {
        int status = mvc.perform(get(path).with(user(world.recipient)))
                .andReturn()
                .getResponse()
                .getStatus();

        assertThat(status).isNotEqualTo(200).isLessThan(500);
    }

    @Test
    void headOnADownloadGivesTheLengthAndNoBody() throws Exception {
        Scenario.Published sent = world.published(Visibility.PUBLIC, "Về việc yêu cầu HEAD");
        String path = "/tai-lieu-tuyen-truyen/" + sent.id() + "/tep/" + sent.fileId() + "/tai-ve";

        Raw response = send("HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Length"))
                .isEqualTo(String.valueOf(sent.file().size()));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aSpoofedForwardedForDoesNotEscapeTheLockoutOfTheRealAddress() throws Exception {
        // An address that tries many names is slowed down (ADR 0017): past its free failures, the next attempt from
        // it waits, whatever address the headers claim.
        String address = Accounts.uniqueAddress();
        for (int i = 0; i < 21; i++) {
            login(Accounts.uniqueUsername("khong-co"), "Sai-" + i, address, "203.0.113." + i)
                    .andExpect(redirectedUrl("/dang-nhap?loi"));
        }

        login(world.clerkUsername, Accounts.DEMO_PASSWORD, address, "198.51.100.77")
                .andExpect(redirectedUrlPattern("/dang-nhap?cho=*"))
                .andExpect(unauthenticated());
    }

    @Test
    void aSpoofedForwardedForCannotLockSomeoneElsesAddress() throws Exception {
        String attacker = Accounts.uniqueAddress();
        String victim = Accounts.uniqueAddress();
        for (int i = 0; i < 20; i++) {
            login(Accounts.uniqueUsername("khong-co"), "Sai-" + i, attacker, victim)
                    .andExpect(redirectedUrl("/dang-nhap?loi"));
        }

        login(world.clerkUsername, Accounts.DEMO_PASSWORD, victim, null)
                .andExpect(authenticated().withUsername(world.clerkUsername));
    }

    private ResultActions login(String username, String password, String address, String forwardedFor)
            throws Exception {
        var request = post("/dang-nhap")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(Accounts.from(address));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor)
                    .header("X-Real-IP", forwardedFor)
                    .header("Forwarded", "for=" + forwardedFor);
        }
        return mvc.perform(request);
    }

    private Raw send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException refusedMidway) {
                // The server may answer and close before reading an oversized request to its end.
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(bytes);
            } catch (IOException reset) {
                // A connection reset after the answer still leaves the answer read so far.
            }
            return new Raw(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    record Raw(String text) {

        int status() {
            assertThat(text).as("an HTTP answer").startsWith("HTTP/1.1 ");
            return Integer.parseInt(text.substring(9, 12));
        }

        String header(String name) {
            for (String line : head().split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return null;
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }

        private String head() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }
    }
}
