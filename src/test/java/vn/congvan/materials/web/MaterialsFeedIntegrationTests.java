package vn.congvan.materials.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.congvan.CongvanIntegrationTest;

/** The Atom feed's links, which caches keep and hand to everybody, come from configuration and not the request. */
@CongvanIntegrationTest
class MaterialsFeedIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aForgedHostHeaderDoesNotReachTheFeedsLinks() throws IOException {
        String response;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream()
                    .write(("GET /tai-lieu-tuyen-truyen/feed.atom HTTP/1.1\r\n"
                                    + "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            try (InputStream in = socket.getInputStream()) {
                response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        assertThat(response).startsWith("HTTP/1.1 200");
        // congvan.site.base-url of the test profile
        assertThat(response)
                .contains(
                        "<id>http://congvan.test/tai-lieu-tuyen-truyen</id>",
                        "href=\"http://congvan.test/tai-lieu-tuyen-truyen/feed.atom\"")
                .doesNotContain("evil.example");
    }
}
