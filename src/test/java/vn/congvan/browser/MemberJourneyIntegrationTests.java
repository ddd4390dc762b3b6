package vn.congvan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * A member of a ward Party committee logs in, finds the new dispatch unread in the inbox, opens it, downloads its
 * file and confirms receipt. Each run has its own ward, account and dispatch, so it starts from an unread inbox.
 */
@CongvanIntegrationTest
class MemberJourneyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    AccountManagement accounts;

    @Autowired
    DispatchManagement management;

    @Autowired
    Attachments attachments;

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void opensDownloadsAndAcknowledgesTheNewDispatch(Viewport viewport) throws Exception {
        UnitSummary district = organization.unitByCode("QU-Q1").orElseThrow();
        UnitSummary ward = Units.ward(administration, district, "Đảng ủy phường Thử nghiệm " + viewport.label(),
                LocalDate.of(2025, 7, 1));
        String username = Accounts.uniqueUsername("phuong");
        accounts.open(Accounts.member(username, ward.id()));
        CurrentUser clerk = new TestUsers(organization).clerk("QU-Q1.BTG");
        String subject = "Về việc triển khai tài liệu sinh hoạt chi bộ tháng " + viewport.label();
        Long id = management.createDraft(DispatchDrafts.partyDispatch(clerk.unitId(), Visibility.RESTRICTED, subject,
                ward.id()), clerk);
        AttachmentView file = attachments.attach(new NewAttachment(id, "Tài liệu sinh hoạt chi bộ",
                AttachmentKind.BRIEFING, "tai-lieu-sinh-hoat.pdf"), new ByteArrayInputStream(TestFiles.pdf(3)));
        DispatchReference sent = management.publish(id, null, LocalDate.now(), clerk);

        try (Browser browser = Browser.start(port, viewport, "member")) {
            browser.logIn(username, Accounts.DEMO_PASSWORD);
            browser.click("Hộp văn bản đến");
            browser.waitForPath("/hop-thu");
            WebElement row = inboxRow(browser, subject);
            assertThat(row.getText()).contains(sent.notation(), "Chưa xem");
            assertThat(browser.mainText()).contains("1 văn bản chưa xem");
            browser.screenshot("inbox-unread");

            row.findElement(By.linkText(sent.notation())).click();
            browser.waitForPath("/hop-thu/" + id);
            assertThat(browser.mainText()).contains("Số " + sent.notation(), subject, "Xác nhận đã nhận");
            browser.screenshot("dispatch");

            browser.click("Tải về");
            byte[] bytes = Files.readAllBytes(browser.downloaded("tai-lieu-sinh-hoat.pdf"));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .isEqualTo(file.sha256());

            browser.click("Xác nhận đã nhận");
            browser.waitForText("Đã xác nhận");
            assertThat(browser.findAll(By.xpath("//button[normalize-space()='Xác nhận đã nhận']"))).isEmpty();
            browser.screenshot("acknowledged");

            browser.click("Hộp văn bản đến");
            browser.waitForPath("/hop-thu");
            assertThat(inboxRow(browser, subject).getText()).contains("Đã xác nhận").doesNotContain("Chưa xem");
            assertThat(browser.mainText()).contains("Không còn văn bản nào chưa xem");
            browser.screenshot("inbox-acknowledged");
        }
    }

    private static WebElement inboxRow(Browser browser, String subject) {
        return browser.find(By.xpath("//main//tr[td[normalize-space()=" + Browser.xpathLiteral(subject) + "]]"));
    }
}
