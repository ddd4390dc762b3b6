package vn.congvan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser of the real server: its own cookies, no redirects followed, forms posted with the page's CSRF token.
 * Used where the servlet container, the error pages or the session cookie matter, which MockMvc does not have.
 */
final class WebClient {

    /** What a browser asks for when it follows a link: the error pages answer it in HTML. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private final int port;

    private final CookieManager cookies = new CookieManager();

    private final HttpClient http;

    WebClient(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", BROWSER_ACCEPT)
                .GET()
                .build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the page at the path, as a form of that page would send it. */
    String csrfToken(String path) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(get(path).body());
        assertThat(token.find()).as("a CSRF token on " + path).isTrue();
        return token.group(1);
    }

    HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", BROWSER_ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    HttpResponse<String> logIn(String username, String password) throws IOException, InterruptedException {
        return logIn(username, password, csrfToken("/dang-nhap"));
    }

    HttpResponse<String> logIn(String username, String password, String csrfToken)
            throws IOException, InterruptedException {
        return postForm(
                "/dang-nhap",
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrfToken));
    }

    Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** Replaces the session cookie, as an attacker who knows an old session id would. */
    void useSessionId(String id) {
        cookies.getCookieStore().removeAll();
        HttpCookie cookie = new HttpCookie("JSESSIONID", id);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(uri("/"), cookie);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A page's HTML without what differs from one response to the next (the masked CSRF token). */
    static String withoutTokens(String html) {
        return CSRF_META
                .matcher(CSRF.matcher(html).replaceAll("name=\"_csrf\" value=\"…\""))
                .replaceAll("name=\"_csrf\" content=\"…\"");
    }
}
