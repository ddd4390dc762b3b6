package vn.congvan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.Accounts;

/**
 * The portal works by keyboard alone: the skip link comes first, and a member logs in, reaches the inbox, opens the
 * new dispatch and confirms receipt with Tab and Enter only, the focus visible at every stop; a clerk walks the
 * unit tree of the recipient picker with the arrow keys and ticks a unit with Space.
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
                    .as("the skip link is on screen when focused")
                    .isEqualTo(true);
            browser.screenshot("skip-link");
            browser.press("Enter");
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
            browser.press("Enter");
            browser.waitForPath("/dang-nhap");
            // The username field has the focus when the page opens.
            browser.wait(
                    "the username field to have the focus",
                    () -> Optional.of(browser)
                            .filter(b -> "username".equals(b.script("return document.activeElement.id"))));
            browser.type(sent.username());
            browser.tabTo("the password", "#password", 1);
            browser.type(Accounts.DEMO_PASSWORD);
            browser.press("Enter");
            // A member lands on the inbox (no trip through the menu): waiting for it lets the redirect finish before
            // the next key.
            browser.waitForPath("/hop-thu");
            browser.waitForText("Hộp văn bản đến");
            browser.tabTo("the new dispatch", "main a[href='/hop-thu/" + sent.dispatchId() + "']", 15);
            browser.press("Enter");
            browser.waitForPath("/hop-thu/" + sent.dispatchId());
            browser.tabTo("the acknowledge button", "main form[action$='/xac-nhan'] button", 20);
            browser.screenshot("acknowledge-focused");
            browser.press("Enter");
            browser.waitForText("Đã xác nhận");
        }
    }

    @Test
    void aClerkOpensABranchOfTheUnitTreeAndTicksAUnitWithTheKeyboard() {
        try (Browser browser = Browser.start(port, Viewport.DESKTOP, "keyboard")) {
            browser.logIn("vanthutu", Accounts.DEMO_PASSWORD);
            browser.open("/quan-ly/cong-van/moi");
            browser.click("Chọn từng đơn vị");
            // From the disclosure: the search field, its button, then the tree (one item in the tab order).
            browser.tabTo("the unit tree", "ul[role=tree] li[role=treeitem]", 5);
            // Since 1 July 2025 the merged wards sit directly under the city (the district has ended).
            downTo(browser, "Thành ủy Thành phố Hồ Chí Minh");
            if (expanded(browser)) {
                browser.press("ArrowLeft");
                assertThat(expanded(browser)).as("Left closes the open branch").isFalse();
            }
            browser.press("ArrowRight");
            browser.wait("the city's branch to open", () -> Optional.of(browser).filter(this::expanded));
            browser.press("ArrowRight");
            assertThat(focusedParentName(browser))
                    .as("Right enters the open branch")
                    .isEqualTo("Thành ủy Thành phố Hồ Chí Minh");
            downTo(browser, "Đảng ủy phường Sài Gòn");
            browser.press(" ");
            assertThat(browser.script("return document.activeElement.getAttribute('aria-checked')"))
                    .isEqualTo("true");
            assertThat(browser.script("""
                    const box = document.activeElement.querySelector('input[type=checkbox]');
                    return box.name + ' ' + box.checked;""")).isEqualTo("addresseeUnits true");
            browser.screenshot("tree-ticked");
            browser.press("ArrowLeft");
            assertThat(focusedName(browser)).as("Left goes to the parent").isEqualTo("Thành ủy Thành phố Hồ Chí Minh");
            browser.press("Home");
            assertThat(browser.script("""
                    return document.activeElement === document.querySelector('ul[role=tree] li[role=treeitem]')""")).as("Home goes to the first item").isEqualTo(true);
        }
    }

    /** Presses Down until the item of that unit has the focus, its focus ring visible at each step. */
    private static void downTo(Browser browser, String name) {
        for (int i = 0; i < 300 && !name.equals(focusedName(browser)); i++) {
            if (Boolean.TRUE.equals(browser.script("return document.activeElement.matches('li.tree__more')"))) {
                // The level's next page ("Xem thêm"), from the keyboard: the other tests' units come first by name.
                browser.press("Enter");
                browser.wait(
                        "the next page of the level",
                        () -> Optional.of(browser)
                                .filter(b -> !Boolean.TRUE.equals(
                                        b.script("return document.activeElement.matches('li.tree__more')"))));
                continue;
            }
            browser.press("ArrowDown");
            browser.assertFocusVisible();
        }
        assertThat(focusedName(browser)).as("Down reaches " + name).isEqualTo(name);
    }

    private static String focusedName(Browser browser) {
        return (String) browser.script("""
                const item = document.activeElement;
                const name = item && item.matches('li[role=treeitem]') && item.querySelector('.tree__name');
                return name ? name.textContent.trim() : null;""");
    }

    private static String focusedParentName(Browser browser) {
        return (String) browser.script("""
                const parent = document.activeElement.parentElement.closest('li[role=treeitem]');
                return parent ? parent.querySelector('.tree__name').textContent.trim() : null;""");
    }

    private boolean expanded(Browser browser) {
        return "true".equals(browser.script("return document.activeElement.getAttribute('aria-expanded')"));
    }
}
