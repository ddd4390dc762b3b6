package vn.congvan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.ElementHandle;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.Accounts;

/**
 * A member of a ward Party committee logs in, finds the new dispatch unread in the inbox, opens it, downloads its
 * file and confirms receipt; the menu's unread badge goes away once it is opened. Each run has its own ward, account
 * and dispatch, so it starts from an unread inbox.
 */
@CongvanIntegrationTest
class MemberJourneyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void opensDownloadsAndAcknowledgesTheNewDispatch(Viewport viewport) throws Exception {
        NewWardDelivery sent = NewWardDelivery.send(context, "member " + viewport.label());
        String subject = sent.subject();
        Long id = sent.dispatchId();

        try (Browser browser = Browser.start(port, viewport, "member")) {
            browser.logIn(sent.username(), Accounts.DEMO_PASSWORD);
            assertThat(browser.menu("Hộp văn bản đến")
                            .querySelector(".nav-badge [aria-hidden]")
                            .innerText())
                    .as("the unread badge in the menu")
                    .isEqualTo("1");
            browser.follow(browser.menu("Hộp văn bản đến"));
            browser.waitForPath("/hop-thu");
            ElementHandle row = inboxRow(browser, subject);
            assertThat(row.innerText()).contains(sent.notation(), "Chưa xem");
            assertThat(browser.mainText()).contains("1 văn bản chưa xem");
            browser.screenshot("inbox-unread");

            browser.follow(
                    row.querySelector("xpath=.//a[normalize-space()=" + Browser.xpathLiteral(sent.notation()) + "]"));
            browser.waitForPath("/hop-thu/" + id);
            assertThat(browser.findAll(".site-nav .nav-badge"))
                    .as("the badge once opened")
                    .isEmpty();
            assertThat(browser.mainText()).contains("Số " + sent.notation(), subject, "Xác nhận đã nhận");
            browser.screenshot("dispatch");

            byte[] bytes = Files.readAllBytes(browser.download("Tải về", "tai-lieu-sinh-hoat.pdf"));
            // A restricted PDF comes as the member's stamped copy (ADR 0043): the original's bytes, then the stamp.
            assertThat(bytes.length).isGreaterThan((int) sent.file().size());
            assertThat(Browser.sha256(
                            java.util.Arrays.copyOf(bytes, (int) sent.file().size())))
                    .isEqualTo(sent.file().sha256());

            browser.follow("Xác nhận đã nhận");
            browser.waitForText("Đã xác nhận");
            assertThat(browser.findAll("xpath=//button[normalize-space()='Xác nhận đã nhận']"))
                    .isEmpty();
            browser.screenshot("acknowledged");

            browser.follow(browser.menu("Hộp văn bản đến"));
            browser.waitForPath("/hop-thu");
            assertThat(browser.findAll(".site-nav .nav-badge"))
                    .as("no unread badge")
                    .isEmpty();
            assertThat(inboxRow(browser, subject).innerText())
                    .contains("Đã xác nhận")
                    .doesNotContain("Chưa xem");
            assertThat(browser.mainText()).contains("Không còn văn bản nào chưa xem");
            browser.screenshot("inbox-acknowledged");
        }
    }

    private static ElementHandle inboxRow(Browser browser, String subject) {
        return browser.find("xpath=//main//tr[td[normalize-space()=" + Browser.xpathLiteral(subject) + "]]");
    }
}
