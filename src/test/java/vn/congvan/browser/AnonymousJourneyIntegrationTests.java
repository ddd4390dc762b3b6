package vn.congvan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;

/**
 * A visitor who has no account finds the district board's dispatch 65-CV/BTGQU in the public section, by searching
 * without diacritics, reads it, views its briefing in the browser and downloads it whole.
 */
@CongvanIntegrationTest
class AnonymousJourneyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Attachments attachments;

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void findsReadsViewsAndDownloadsThePublicBriefing(Viewport viewport) throws Exception {
        Long dispatchId =
                jdbc.queryForObject("select id from dispatch where number = 65 and symbol = 'CV/BTGQU'", Long.class);
        AttachmentView briefing = attachments.ofDispatch(dispatchId).get(0);

        try (Browser browser = Browser.start(port, viewport, "anonymous")) {
            browser.open("/");
            assertThat(browser.find(".site-header").innerText()).containsIgnoringCase("Ban Tuyên giáo Quận ủy Quận 1");
            browser.screenshot("home");

            browser.follow("Tài liệu tuyên truyền");
            browser.waitForPath("/tai-lieu-tuyen-truyen");
            assertThat(browser.findAll("main .material")).isNotEmpty();
            browser.screenshot("materials");

            browser.follow("Tìm kiếm");
            browser.waitForPath("/tim-kiem");
            browser.fill("Từ khóa, số hoặc ký hiệu văn bản", "thong bao nhanh hoi nghi ban chap hanh");
            browser.follow("Tìm");
            browser.waitForPath("/tim-kiem?q=thong+bao+nhanh+hoi+nghi+ban+chap+hanh");
            assertThat(browser.mainText()).contains("65-CV/BTGQU");
            assertThat(browser.findAll(".snippet mark")).isNotEmpty();
            browser.screenshot("search-without-diacritics");

            browser.follow("65-CV/BTGQU");
            browser.waitForPath("/tai-lieu-tuyen-truyen/" + dispatchId);
            assertThat(browser.mainText()).contains("Số 65-CV/BTGQU", "Kính gửi", "Nơi nhận", "ĐẢNG CỘNG SẢN VIỆT NAM");
            browser.screenshot("dispatch");

            // The briefing opens in a new tab, sent to be shown there (inline) as a PDF; a Chromium with a PDF viewer
            // (the system's) shows it, the registry's headless build has none and saves it instead (ADR 0028).
            String briefingPath = "/tai-lieu-tuyen-truyen/" + dispatchId + "/tep/" + briefing.id();
            List<Response> responses = new ArrayList<>();
            browser.page().context().onResponse(responses::add);
            Page viewer = browser.page().waitForPopup(() -> browser.click("Xem"));
            Response served = browser.wait(
                    "the briefing in the new tab",
                    () -> responses.stream()
                            .filter(response -> response.url().endsWith(briefingPath))
                            .findFirst());
            assertThat(served.headerValue("content-type")).startsWith("application/pdf");
            assertThat(served.headerValue("content-disposition")).startsWith("inline");
            if (Boolean.TRUE.equals(browser.script("return navigator.pdfViewerEnabled"))) {
                browser.wait(
                        "the briefing shown inline as a PDF",
                        () -> Optional.of(viewer)
                                .filter(v -> "application/pdf".equals(v.evaluate("document.contentType"))));
                assertThat(viewer.url()).endsWith(briefingPath);
            }
            viewer.close();

            Path file = browser.download("Tải về", briefing.originalFilename());
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes).hasSize((int) briefing.size());
            assertThat(Browser.sha256(bytes)).isEqualTo(briefing.sha256());
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                assertThat(pdf.getNumberOfPages()).isEqualTo(briefing.pageCount());
            }
            browser.screenshot("downloaded");
        }
    }
}
