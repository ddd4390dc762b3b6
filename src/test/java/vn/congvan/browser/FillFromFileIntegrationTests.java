package vn.congvan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.incoming.IncomingRegister;
import vn.congvan.incoming.ManualEntry;
import vn.congvan.organization.OrganizationAdministration;

/**
 * A clerk chooses the canonical sample in the drop zone of the manual entry (ADR 0045): fill.js sends it to the
 * extraction API, fills the empty fields with their marks, lists the layout findings and puts the file among the
 * scans; nothing is saved. On a phone the drop zone is a file chooser and nothing scrolls sideways.
 */
@CongvanIntegrationTest
class FillFromFileIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    DispatchManagement management;

    @Autowired
    AccountManagement accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    IncomingRegister register;

    @TempDir
    Path files;

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void theChosenFileFillsTheManualEntryButATextFileDoesNotJoinTheScans(Viewport viewport) throws Exception {
        Path sample = Files.write(
                files.resolve("65-CV-BTGQU.txt"),
                new ClassPathResource("extraction-corpus/p01-65-cv-btgqu.txt").getContentAsByteArray());

        try (Browser browser = Browser.start(port, viewport, "fill-from-file")) {
            browser.logIn("vanthutu", Accounts.DEMO_PASSWORD);
            browser.open("/quan-ly/van-ban-den/moi");
            assertThat(browser.find("button[name='doc-tep']").isVisible())
                    .as("the server's button is not needed with script")
                    .isFalse();

            browser.attach("Kéo thả tệp văn bản vào đây hoặc chọn tệp để điền tự động", sample);
            browser.wait(
                    "the form to be filled from the file",
                    () -> Optional.ofNullable(browser.script("return document.querySelector('.fill-findings')")));

            // The heading prints the sender in capitals; the server answers the portal's spelling of that unit.
            browser.wait(
                    "the sender in the register's spelling",
                    () -> Optional.of(browser.field("Nơi gửi").inputValue())
                            .filter("Ban Tuyên giáo Quận ủy Quận 1"::equals));
            assertThat(browser.field("Số, ký hiệu").inputValue()).isEqualTo("65-CV/BTGQU");
            assertThat(browser.field("Ngày văn bản").inputValue()).isEqualTo("2023-07-12");
            assertThat(browser.field("Họ và tên người ký").inputValue()).isEqualTo("Nguyễn Trung Châu Tuyên");
            assertThat(browser.field("Thẩm quyền ký").inputValue())
                    .as("the sample's foot prints no competence")
                    .isEmpty();
            assertThat(browser.mainText())
                    .contains("Đã điền từ tệp \"65-CV-BTGQU.txt\"")
                    .contains("chắc chắn")
                    .contains("Thể thức so với Hướng dẫn 36 / Nghị định 30")
                    .contains("Tệp đọc để điền chưa được đính kèm: nếu cần lưu, hãy chọn lại tệp ở ô bản scan.");
            assertThat(((Number) browser.script("return document.getElementById('files').files.length")).intValue())
                    .as("a .txt is no kind the register keeps: joined to the scans, it would make the form refused")
                    .isZero();
            assertThat(browser.script("return document.getElementById('tep-dien').value"))
                    .as("the file read is not posted twice")
                    .isEqualTo("");
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing scrolls sideways")
                    .isEqualTo(true);
            assertThat(browser.path()).isEqualTo("/quan-ly/van-ban-den/moi");
            browser.screenshot("filled");
        }
    }

    @Test
    void aDroppedFileOfADocumentAlreadyRegisteredIsNamedAtTheTopOfTheForm() throws Exception {
        // A clerk of a board of its own, whose register already holds the sample (ADR 0061): the demo registers are
        // left as they are for the other journeys.
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử thả tệp đã vào sổ");
        String username = Accounts.uniqueUsername("sodenthu");
        accounts.open(new NewAccount(
                username,
                "Văn thư " + username,
                null,
                issuer.board().id(),
                Set.of(Role.MEMBER, Role.CLERK),
                Accounts.DEMO_PASSWORD));
        register.register(
                new ManualEntry(
                        LocalDate.of(2023, 7, 13),
                        "Ban Tuyên giáo Quận ủy Quận 1",
                        "65-CV/BTGQU",
                        LocalDate.of(2023, 7, 12),
                        "CV",
                        "Về việc gửi tài liệu Thông báo nhanh",
                        null,
                        null,
                        null,
                        null,
                        null),
                List.of(),
                (CurrentUser) users.loadUserByUsername(username));
        Path sample = Files.write(
                files.resolve("65-CV-BTGQU.txt"),
                new ClassPathResource("extraction-corpus/p01-65-cv-btgqu.txt").getContentAsByteArray());

        try (Browser browser = Browser.start(port, Viewport.DESKTOP, "fill-from-file")) {
            browser.logIn(username, Accounts.DEMO_PASSWORD);
            browser.open("/quan-ly/van-ban-den/moi");

            browser.attach("Kéo thả tệp văn bản vào đây hoặc chọn tệp để điền tự động", sample);
            browser.wait(
                    "the warning that the document is already registered",
                    () -> Optional.ofNullable(browser.script("return document.getElementById('same-document')")));

            assertThat(browser.mainText())
                    .contains("sổ văn bản đến đã có văn bản cùng số, ký hiệu và ngày văn bản")
                    .contains("Số đến 1/2023: 65-CV/BTGQU của Ban Tuyên giáo Quận ủy Quận 1, đến ngày 13/07/2023");
            assertThat(browser.script("return document.querySelector('#same-document input[name=registerAgain]')"
                            + ".form === document.querySelector('#tep-dien').form"))
                    .as("the box to register it anyway is part of the form")
                    .isEqualTo(true);
            assertThat(browser.field("Số, ký hiệu").inputValue()).isEqualTo("65-CV/BTGQU");
            browser.screenshot("already-registered");
        }
    }

    /** The canonical sample as the city board issued it, the clerk's own document: a copy to reuse. */
    @Test
    void theChosenFileFillsTheNewDraftsListsAndSigner() throws Exception {
        String own = new ClassPathResource("extraction-corpus/p01-65-cv-btgqu.txt")
                .getContentAsString(StandardCharsets.UTF_8)
                .replace(
                        "QUẬN ỦY QUẬN 1\nBAN TUYÊN GIÁO\n",
                        "THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n")
                .replace("Số 65-CV/BTGQU", "Số 65-CV/BTGDVTU");
        Path sample = Files.writeString(files.resolve("65-CV-BTGDVTU.txt"), own);

        try (Browser browser = Browser.start(port, Viewport.DESKTOP, "fill-from-file")) {
            browser.logIn("vanthutu", Accounts.DEMO_PASSWORD);
            browser.open("/quan-ly/cong-van/moi");
            browser.choose("Loại văn bản", "Kế hoạch");

            browser.attach("Kéo thả tệp văn bản vào đây hoặc chọn tệp để điền tự động", sample);
            browser.wait(
                    "the form to be filled from the file",
                    () -> Optional.ofNullable(browser.script("return document.querySelector('.fill-findings')")));

            assertThat(browser.script("return document.getElementById('typeCode').value"))
                    .as("the type read replaces the one chosen")
                    .isEqualTo("CV");
            assertThat(browser.script("return document.getElementById('family').value"))
                    .isEqualTo("PARTY");
            assertThat((String) browser.script("return document.getElementById('subject').value"))
                    .startsWith("Về việc gửi tài liệu “Thông báo nhanh kết quả");
            assertThat(browser.script("return document.getElementById('addresseeLines').value"))
                    .isEqualTo("Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quận\nCấp ủy cơ sở đảng\n"
                            + "Các đồng chí báo cáo viên cấp quận");
            assertThat(browser.script("return document.getElementById('distributionLines').value"))
                    .isEqualTo("Như trên\nThường trực Quận ủy\nLưu Ban Tuyên giáo Quận ủy");
            assertThat(browser.field("Họ và tên người ký").inputValue()).isEqualTo("Nguyễn Trung Châu Tuyên");
            assertThat(browser.findAll("label .fill-mark")).hasSizeGreaterThanOrEqualTo(6);
            assertThat(browser.path()).isEqualTo("/quan-ly/cong-van/moi");
            browser.screenshot("draft-filled");
        }
    }

    /**
     * Another body's document (Quận 1's board's 65-CV/BTGQU, dropped by the city board's clerk) is cited: the script
     * asks the server before filling, fills "Thực hiện văn bản", the body's opening and the subject, and leaves the
     * type, the lists and the signer, which are that body's, naming them (ADR 0065).
     */
    @Test
    void anotherBodysFileIsCitedAndItsSignerAndListsAreLeft() throws Exception {
        Path sample = Files.write(
                files.resolve("65-CV-BTGQU.txt"),
                new ClassPathResource("extraction-corpus/p01-65-cv-btgqu.txt").getContentAsByteArray());

        try (Browser browser = Browser.start(port, Viewport.DESKTOP, "fill-from-file")) {
            browser.logIn("vanthutu", Accounts.DEMO_PASSWORD);
            browser.open("/quan-ly/cong-van/moi");
            browser.choose("Loại văn bản", "Kế hoạch");

            browser.attach("Kéo thả tệp văn bản vào đây hoặc chọn tệp để điền tự động", sample);
            browser.wait(
                    "the form to be filled from the file",
                    () -> Optional.ofNullable(browser.script("return document.querySelector('.fill-findings')")));

            assertThat(browser.script("return document.getElementById('forwardsReference').value"))
                    .isEqualTo("Công văn số 65-CV/BTGQU ngày 12 tháng 7 năm 2023 của Ban Tuyên giáo Quận ủy Quận 1");
            assertThat((String) browser.script("return document.getElementById('body').value"))
                    .startsWith("Thực hiện Công văn số 65-CV/BTGQU");
            assertThat((String) browser.script("return document.getElementById('subject').value"))
                    .startsWith("Về việc gửi tài liệu “Thông báo nhanh kết quả");
            assertThat(browser.script("return document.getElementById('typeCode').value"))
                    .as("the type the clerk chose is kept")
                    .isEqualTo("KH");
            assertThat(browser.script("return document.getElementById('addresseeLines').value"))
                    .isEqualTo("");
            assertThat(browser.field("Họ và tên người ký").inputValue()).isEmpty();
            assertThat((String) browser.script("return document.querySelector('[data-fill-result]').textContent"))
                    .contains("Tệp này là văn bản của cơ quan khác nên chỉ được trích dẫn")
                    .contains(
                            "Không điền vì là của cơ quan ban hành tệp, không phải của văn bản đang soạn: Hệ thống văn"
                                    + " bản, Loại văn bản, Địa danh, Kính gửi, Nơi nhận, Người ký.");
        }
    }
}
