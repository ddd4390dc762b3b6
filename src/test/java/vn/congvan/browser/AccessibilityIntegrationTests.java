package vn.congvan.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.Accounts;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationDirectory;

/**
 * axe-core on every kind of page, as each kind of user sees it, on a desktop and on a phone: no serious or critical
 * violation (labels, contrast, alternative text, landmarks, names of links and buttons...), no page scrolls
 * sideways, and on the desktop the first Tab stops of each page show where the focus is. The failures of all pages
 * are reported together.
 */
@CongvanIntegrationTest
class AccessibilityIntegrationTests {

    /** How many Tab stops of each page are checked for a visible focus ring (the header, menu and main content). */
    private static final int FOCUS_STOPS = 25;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void publicPages(Viewport viewport) {
        Long sample = sampleDispatchId();
        try (Browser browser = Browser.start(port, viewport, "a11y-public")) {
            assertAccessible(
                    browser,
                    "/",
                    "/tai-lieu-tuyen-truyen",
                    "/tai-lieu-tuyen-truyen/" + sample,
                    "/tim-kiem",
                    "/tim-kiem?q=thong+bao+nhanh",
                    "/tim-kiem?q=khong+co+van+ban+nao+nhu+the",
                    "/dang-nhap",
                    "/tai-lieu-tuyen-truyen/999999999",
                    "/tai-lieu-tuyen-truyen?lang=en",
                    "/tai-lieu-tuyen-truyen/" + sample + "?lang=vi");
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void memberPages(Viewport viewport) throws Exception {
        NewWardDelivery sent = NewWardDelivery.send(context, "a11y " + viewport.label());
        try (Browser browser = Browser.start(port, viewport, "a11y-member")) {
            browser.logIn(sent.username(), Accounts.DEMO_PASSWORD);
            assertAccessible(browser, "/hop-thu", "/hop-thu/" + sent.dispatchId());
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void clerkPages(Viewport viewport) {
        Long sample = sampleDispatchId();
        Long draft = draftWithoutFiles(viewport);
        try (Browser browser = Browser.start(port, viewport, "a11y-clerk")) {
            browser.logIn("vanthu", Accounts.DEMO_PASSWORD);
            assertAccessible(
                    browser,
                    "/quan-ly/cong-van",
                    "/quan-ly/cong-van/moi",
                    "/quan-ly/cong-van/" + draft,
                    "/quan-ly/cong-van/" + draft + "/sua",
                    "/quan-ly/cong-van/" + sample,
                    "/quan-ly/cong-van/" + sample + "/so-theo-doi");
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void administrationPages(Viewport viewport) {
        try (Browser browser = Browser.start(port, viewport, "a11y-admin")) {
            browser.logIn("admin", Accounts.DEMO_PASSWORD);
            assertAccessible(
                    browser,
                    "/quan-tri",
                    "/quan-tri/don-vi",
                    "/quan-tri/don-vi/them",
                    "/quan-tri/nhom-don-vi",
                    "/quan-tri/nhom-don-vi/them",
                    "/quan-tri/tai-khoan",
                    "/quan-tri/tai-khoan/them",
                    "/quan-tri/nhat-ky");
        }
    }

    /** The checks themselves find what they are for, so that a quiet run means something. */
    @Test
    void theChecksCatchAnUnlabelledControlAMissingAlternativeAWidePageAndAnInvisibleFocus() {
        try (Browser browser = Browser.start(port, Viewport.PHONE, "a11y-self-check")) {
            String page = "<!DOCTYPE html><html lang='vi'><meta charset='utf-8'><title>Thử</title>"
                    + "<style>*:focus{outline:none}</style><main><h1>Thử</h1><input type='text'>"
                    + "<img src='data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='>"
                    + "<a href='#top'>Liên kết</a><div style='width:600px'>Rộng</div></main></html>";
            browser.page()
                    .navigate("data:text/html;base64,"
                            + Base64.getEncoder().encodeToString(page.getBytes(StandardCharsets.UTF_8)));

            assertThat(browser.seriousAccessibilityViolations())
                    .anyMatch(v -> v.startsWith("label "))
                    .anyMatch(v -> v.startsWith("image-alt "));
            assertThatThrownBy(browser::assertNoHorizontalScroll).hasMessageContaining("scrolls sideways");
            browser.press("Tab");
            assertThatThrownBy(browser::assertFocusVisible).hasMessageContaining("is not visible");
        }
    }

    private void assertAccessible(Browser browser, String... paths) {
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            browser.open(path);
            browser.seriousAccessibilityViolations().forEach(violation -> problems.add(path + ": " + violation));
            try {
                browser.assertNoHorizontalScroll();
                if (browser.viewport() == Viewport.DESKTOP) {
                    browser.tabThrough(FOCUS_STOPS);
                }
            } catch (AssertionError ex) {
                problems.add(ex.getMessage());
            }
            browser.screenshot(
                    path.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "").replaceAll("^$", "home"));
        }
        assertThat(problems).as("accessibility at " + browser.viewport()).isEmpty();
    }

    private Long sampleDispatchId() {
        return jdbc.queryForObject("select id from dispatch where number = 65 and symbol = 'CV/BTGQU'", Long.class);
    }

    private Long draftWithoutFiles(Viewport viewport) {
        OrganizationDirectory organization = context.getBean(OrganizationDirectory.class);
        var clerk = new TestUsers(organization).clerk("QU-Q1.BTG");
        return context.getBean(DispatchManagement.class)
                .createDraft(
                        DispatchDrafts.partyDispatch(
                                clerk.unitId(),
                                Visibility.PUBLIC,
                                "Về việc kiểm tra khả năng tiếp cận (" + viewport.label() + ")",
                                organization
                                        .unitByCode("QU-Q1.BCV")
                                        .orElseThrow()
                                        .id()),
                        clerk);
    }
}
