package vn.congvan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.congvan.CongvanIntegrationTest;

/**
 * A reader switches the portal to English from the page and back: the search stays, the choice follows to the next
 * page, and the page's language is declared for screen readers.
 */
@CongvanIntegrationTest
class LanguageSwitchIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void switchesToEnglishAndBackKeepingTheSearch() {
        try (Browser browser = Browser.start(port, Viewport.PHONE, "language")) {
            browser.open("/tim-kiem?q=thong+bao+nhanh");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("vi");

            browser.follow("English");
            assertThat(browser.find("h1").innerText()).isEqualTo("Search");
            assertThat(browser.find("#q").inputValue()).isEqualTo("thong bao nhanh");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
            browser.screenshot("search-in-english");

            browser.follow("Public materials");
            assertThat(browser.find("h1").innerText()).isEqualTo("Public materials");

            browser.follow("Tiếng Việt");
            assertThat(browser.find("h1").innerText()).isEqualTo("Tài liệu tuyên truyền");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("vi");
        }
    }
}
