package vn.congvan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.Accounts;

/**
 * The portal works by keyboard alone: the skip link comes first, and a member logs in, reaches the inbox, opens the
 * new dispatch and confirms receipt with Tab and Enter only, the focus visible at every stop.
 */
@CongvanIntegrationTest
class KeyboardIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void theSkipLinkComesFirstAndLeadsToTheContent() {
        try (Browser browser = Browser.start(port, Viewport.DESKTOP, "keyboard")) {
            browser.open("/tai-lieu-tuyen-truyen");
            browser.tabTo("the skip link", "a.skip-link", 1);
            assertThat(browser.script("return document.activeElement.getBoundingClientRect().left >= 0"))
                    .as("the skip link is on screen when focused").isEqualTo(true);
            browser.screenshot("skip-link");
            browser.press(Keys.ENTER);
            assertThat(browser.path()).endsWith("#main");
            browser.tabTo("the first dispatch of the list", "main .material__number", 5);
        }
    }

    @Test
    void aMemberLogsInOpensAndAcknowledgesByKeyboard() throws Exception {
        NewWardDelivery sent = NewWardDelivery.send(context, "keyboard");
        try (Browser browser = Browser.start(port, Viewport.DESKTOP, "keyboard")) {
            browser.open("/");
            browser.tabTo("the login link", "a[href='/dang-nhap']", 10);
            browser.press(Keys.ENTER);
            browser.waitForPath("/dang-nhap");
            // The username field has the focus when the page opens.
            browser.wait("the username field to have the focus", () -> Optional.of(browser)
                    .filter(b -> "username".equals(b.script("return document.activeElement.id"))));
            browser.press(sent.username());
            browser.tabTo("the password", "#password", 1);
            browser.press(Accounts.DEMO_PASSWORD + Keys.ENTER);
            browser.wait("the login", () -> Optional.of(browser.path()).filter(p -> !p.startsWith("/dang-nhap")));

            browser.tabTo("the inbox in the menu", "nav a[href='/hop-thu']", 15);
            browser.press(Keys.ENTER);
            browser.waitForPath("/hop-thu");
            browser.tabTo("the new dispatch", "main a[href='/hop-thu/" + sent.dispatchId() + "']", 15);
            browser.press(Keys.ENTER);
            browser.waitForPath("/hop-thu/" + sent.dispatchId());
            browser.tabTo("the acknowledge button", "main form[action$='/xac-nhan'] button", 20);
            browser.screenshot("acknowledge-focused");
            browser.press(Keys.ENTER);
            browser.waitForText("Đã xác nhận");
        }
    }
}
