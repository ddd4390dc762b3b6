package vn.congvan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.ElementHandle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.Accounts;

/**
 * The clerk of Ban Tuyên giáo và Dân vận Thành ủy (the district level ended on 30 June 2025) drafts a public
 * dispatch to a group and a unit picked from the tree,
 * uploads two files (the network slowed down so that the progress bar can be seen), checks the preview, publishes
 * it, reads the ledger, withdraws it, and finds it gone from the public section.
 */
@CongvanIntegrationTest
class ClerkJourneyIntegrationTests {

    private static final Pattern NUMBER = Pattern.compile("(\\d+-CV/BTGDVTU)");

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void draftsUploadsPublishesFollowsAndWithdraws(Viewport viewport) throws Exception {
        String subject = "Về việc tổ chức học tập chuyên đề năm 2026 (" + viewport.label() + ")";
        Path briefing = Files.write(files.resolve("thong-bao-nhanh.pdf"), scannedPdf(1));
        Path appendix = Files.write(files.resolve("phu-luc.pdf"), scannedPdf(2));

        try (Browser browser = Browser.start(port, viewport, "clerk")) {
            browser.logIn("vanthutu", Accounts.DEMO_PASSWORD);
            browser.follow("Quản lý văn bản");
            browser.waitForPath("/quan-ly/cong-van");
            browser.follow("Soạn văn bản mới");
            browser.waitForPath("/quan-ly/cong-van/moi");

            browser.choose("Hệ thống văn bản", "Văn bản của Đảng");
            browser.choose("Loại văn bản", "Công văn");
            browser.fill("Trích yếu (Về việc ...)", subject);
            browser.fill(
                    "Nội dung (mỗi đoạn cách nhau một dòng trống)",
                    "Ban Tuyên giáo và Dân vận Thành ủy đề nghị các đơn vị tổ chức học tập chuyên đề.\n\nTrân trọng.");
            browser.tick("Đảng ủy các xã, phường, đặc khu");
            browser.click("Chọn từng đơn vị");
            // Ended units (the district and its wards) are not offered; the merged wards sit under the city.
            browser.expand("Thành ủy Thành phố Hồ Chí Minh");
            browser.tick("Đảng ủy phường Sài Gòn");
            browser.choose("Thẩm quyền ký", "K/T");
            browser.fill("Thay mặt / ký thay cho (BAN THƯỜNG VỤ, TRƯỞNG BAN...)", "TRƯỞNG BAN");
            browser.fill("Chức vụ người ký", "PHÓ TRƯỞNG BAN");
            browser.fill("Họ và tên người ký", "Nguyễn Văn Thử");
            browser.choose("Phạm vi", "Công khai");
            browser.screenshot("form");
            browser.follow("Lưu dự thảo");
            String page = browser.wait(
                    "the saved draft",
                    () -> Optional.of(browser.path()).filter(p -> p.matches("/quan-ly/cong-van/\\d+")));

            browser.throttle(256 * 1024);
            browser.attach("Chọn tệp (có thể chọn nhiều tệp)", briefing, appendix);
            browser.click("Tải lên");
            // Under way: the bar is shown and has moved, and the status says how far, e.g. "20%".
            String status = browser.wait(
                    "the upload progress bar to move", () -> Optional.ofNullable((String) browser.script("""
                            const bar = document.querySelector('.upload__progress');
                            const status = document.querySelector('.upload__status');
                            return bar && !bar.hidden && bar.value > 0 && bar.value < 100
                                ? status.textContent : null;
                            """)));
            browser.screenshot("uploading");
            assertThat(status).matches("\\d{1,2}%");
            browser.wait(
                    "both files listed",
                    () -> Optional.of(browser.findAll("li.file")).filter(list -> list.size() == 2));
            browser.unthrottle();
            assertThat(browser.mainText()).contains("thong-bao-nhanh.pdf", "phu-luc.pdf");

            ElementHandle preview = browser.find("main .document");
            assertThat(preview.innerText())
                    .contains(
                            subject,
                            "Kính gửi",
                            "Đảng ủy các xã, phường, đặc khu",
                            "Đảng ủy phường Sài Gòn",
                            "Nguyễn Văn Thử");
            browser.screenshot("preview");

            browser.follow("Phát hành");
            browser.waitForText("Đã phát hành");
            Matcher number = NUMBER.matcher(browser.find("h1").innerText());
            assertThat(number.find()).as("the number in the heading").isTrue();
            String notation = number.group(1);
            assertThat(preview(browser)).contains("Số " + notation);
            browser.screenshot("published");

            browser.follow("Theo dõi nhận văn bản");
            browser.waitForPath(page + "/so-theo-doi");
            assertThat(browser.mainText())
                    .contains(
                            // The ward named both alone and through the group receives it once.
                            "0/4 đơn vị đã xác nhận", "Đảng ủy phường Sài Gòn", "Đảng ủy phường Cầu Ông Lãnh");
            browser.screenshot("ledger");

            browser.open("/tai-lieu-tuyen-truyen");
            assertThat(browser.mainText()).contains(notation, subject);

            browser.open(page);
            browser.fill("Lý do thu hồi", "Ban hành nhầm đối tượng nhận.");
            browser.follow("Thu hồi văn bản");
            browser.waitForText("Lý do thu hồi: Ban hành nhầm đối tượng nhận.");
            browser.screenshot("withdrawn");

            browser.follow("Tài liệu tuyên truyền");
            browser.waitForPath("/tai-lieu-tuyen-truyen");
            assertThat(browser.mainText()).doesNotContain(notation).doesNotContain(subject);
            browser.open(page.replace("/quan-ly/cong-van/", "/tai-lieu-tuyen-truyen/"));
            assertThat(browser.mainText()).contains("Văn bản đã bị thu hồi", "Ban hành nhầm đối tượng nhận.");
            browser.screenshot("gone-from-public");
        }
    }

    private static String preview(Browser browser) {
        return browser.find("main .document").innerText();
    }

    /** A one-page PDF holding a noisy image, like a scan: about half a megabyte that does not compress. */
    private static byte[] scannedPdf(long seed) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
            Random random = new Random(seed);
            for (int x = 0; x < image.getWidth(); x++) {
                for (int y = 0; y < image.getHeight(); y++) {
                    image.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            PDImageXObject scan = LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(scan, 50, 300, 400, 400);
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
