package vn.congvan.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.extraction.Extraction;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;

/**
 * The incoming register's manual entry filled from the document's file without script (ADR 0045): the canonical
 * sample 65-CV/BTGQU fills the empty fields, each marked in words, the layout findings listed above; nothing is saved.
 */
@CongvanIntegrationTest
class ManualEntryFillFromFileIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    JdbcTemplate jdbc;

    CurrentUser clerk;

    Issuers.Issuer issuer;

    @BeforeEach
    void setUp() {
        issuer = Issuers.partyBoard(administration, management, "Thử điền sổ đến từ tệp");
        clerk = new TestUsers(organization).clerk(issuer.board().code());
    }

    static MockMultipartFile sample() throws IOException {
        return new MockMultipartFile(
                "tep-dien",
                "65-CV-BTGQU.txt",
                "text/plain",
                new ClassPathResource("extraction-corpus/p01-65-cv-btgqu.txt").getContentAsByteArray());
    }

    @Test
    void theFileOfADocumentAlreadyRegisteredIsNamedAsSoonAsItIsRead() throws Exception {
        mvc.perform(multipart("/quan-ly/van-ban-den/moi")
                        .param("receivedOn", "2023-07-13")
                        .param("senderName", "Ban Tuyên giáo Quận ủy Quận 1")
                        .param("notation", "65-CV/BTGQU")
                        .param("issuedOn", "2023-07-12")
                        .param("typeCode", "CV")
                        .param("subject", "Về việc gửi tài liệu Thông báo nhanh")
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        String form = page(fill(sample()));

        assertThat(form)
                .contains("value=\"65-CV/BTGQU\"")
                .contains("sổ văn bản đến đã có văn bản cùng số, ký hiệu và ngày văn bản")
                .contains("Số đến 1/2023: 65-CV/BTGQU của Ban Tuyên giáo Quận ủy Quận 1, đến ngày 13/07/2023");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void theScriptIsGivenTheSameWarningForTheNumberAndDateItFilled() throws Exception {
        mvc.perform(multipart("/quan-ly/van-ban-den/moi")
                        .param("receivedOn", "2023-07-13")
                        .param("senderName", "Ban Tuyên giáo Quận ủy Quận 1")
                        .param("notation", "65-CV/BTGQU")
                        .param("issuedOn", "2023-07-12")
                        .param("typeCode", "CV")
                        .param("subject", "Về việc gửi tài liệu Thông báo nhanh")
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        String page = HtmlUtils.htmlUnescape(
                mvc.perform(get("/quan-ly/van-ban-den/moi").with(user(clerk)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page)
                .as("the form tells fill.js where to ask")
                .contains("data-same-url=\"/quan-ly/van-ban-den/moi/cung-van-ban\"");

        // The number as printed ("Số 65-CV/BTGQU") and the date the file gave.
        String same = sameDocument("Số 65-CV/BTGQU", "2023-07-12");
        String other = sameDocument("65-CV/BTGQU", "2023-07-14");

        assertThat(same)
                .contains("data-same-document")
                .contains("sổ văn bản đến đã có văn bản cùng số, ký hiệu và ngày văn bản")
                .contains("Số đến 1/2023: 65-CV/BTGQU của Ban Tuyên giáo Quận ủy Quận 1, đến ngày 13/07/2023")
                .contains("name=\"registerAgain\"")
                .doesNotContain("<html");
        assertThat(other).contains("data-same-document").doesNotContain("registerAgain");
        assertThat(entries()).isEqualTo(1);
    }

    /**
     * The question fill.js asks is the clerk's own: another unit's entries of the same document are never named, a
     * notation of thousands of characters finds nothing, and a date that is none or that PostgreSQL's calendar has not
     * (a year of nine digits, before year 1) is refused as a bad request rather than failing in the database.
     */
    @Test
    void theQuestionOfTheScriptFindsOnlyTheClerksOwnEntriesAndNeverFails() throws Exception {
        CurrentUser other = new TestUsers(organization)
                .clerk(Issuers.partyBoard(administration, management, "Thử điền sổ đến đơn vị khác")
                        .board()
                        .code());
        mvc.perform(multipart("/quan-ly/van-ban-den/moi")
                        .param("receivedOn", "2023-07-13")
                        .param("senderName", "Ban Tuyên giáo Quận ủy Quận 1")
                        .param("notation", "77-CV/BTGQU")
                        .param("issuedOn", "2023-07-12")
                        .param("typeCode", "CV")
                        .param("subject", "Về việc gửi tài liệu của đơn vị khác")
                        .with(user(other))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(sameDocument("77-CV/BTGQU", "2023-07-12")).doesNotContain("registerAgain");
        assertThat(sameDocument("7".repeat(4_000), "2023-07-12")).doesNotContain("registerAgain");
        for (String notADate :
                new String[] {"2023-02-30", "ngày 12/7", "2023-07-12T00:00", "+100000000-01-01", "-0001-01-01"}) {
            mvc.perform(get("/quan-ly/van-ban-den/moi/cung-van-ban")
                            .param("notation", "77-CV/BTGQU")
                            .param("issuedOn", notADate)
                            .with(user(clerk)))
                    .andExpect(status().is4xxClientError());
        }
    }

    private String sameDocument(String notation, String issuedOn) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get("/quan-ly/van-ban-den/moi/cung-van-ban")
                        .param("notation", notation)
                        .param("issuedOn", issuedOn)
                        .with(user(clerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private MockMultipartHttpServletRequestBuilder fill(MockMultipartFile file) {
        MockMultipartHttpServletRequestBuilder request = multipart("/quan-ly/van-ban-den/moi");
        request.file(file)
                .param("doc-tep", "1")
                .param("receivedOn", "2024-05-06")
                .param("typeCode", "TB")
                .param("subject", "");
        return request;
    }

    private String page(MockMultipartHttpServletRequestBuilder request) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(request.with(user(clerk)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("incoming/form"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private int entries() {
        return jdbc.queryForObject(
                "select count(*) from incoming_entry where unit_id = ?", Integer.class, clerk.unitId());
    }

    @Test
    void theFormOffersADropZoneThatIsAFileChooserWithAButtonForWithoutScript() throws Exception {
        String form = HtmlUtils.htmlUnescape(
                mvc.perform(get("/quan-ly/van-ban-den/moi").with(user(clerk)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));

        assertThat(form)
                .contains("Kéo thả tệp văn bản vào đây hoặc chọn tệp để điền tự động")
                .contains("<input type=\"file\" id=\"tep-dien\" name=\"tep-dien\"")
                .contains("name=\"doc-tep\"")
                .contains("formenctype=\"multipart/form-data\"")
                .contains("Đọc tệp và điền")
                .contains("data-attach=\"files\"")
                .contains("data-sure-from=\"" + Extraction.SURE + "\"")
                .contains("/js/fill.js")
                .doesNotContain("fill-mark");
    }

    /**
     * The drop zone reads a kind the register does not keep (.txt): the script joins the file read to the scans
     * only when the scans input names its kind, so the scans input must name what the register keeps, or a file read
     * for its fields would make the whole form refused when saved.
     */
    @Test
    void theScansInputNamesTheKindsOfFileTheRegisterKeeps() throws Exception {
        String form = HtmlUtils.htmlUnescape(
                mvc.perform(get("/quan-ly/van-ban-den/moi").with(user(clerk)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));

        java.util.regex.Matcher scans = java.util.regex.Pattern.compile("<input id=\"files\"[^>]*accept=\"([^\"]*)\"")
                .matcher(form);
        assertThat(scans.find()).as("the scans input has an accept list").isTrue();
        assertThat(scans.group(1).split(","))
                .containsExactlyInAnyOrder(
                        ".pdf", ".doc", ".docx", ".xlsx", ".odt", ".png", ".jpg", ".jpeg", ".tif", ".tiff");
    }

    @Test
    void theSampleFillsTheEmptyFieldsMarksThemAndListsTheLayoutFindingsWithoutSaving() throws Exception {
        int before = entries();

        String form = page(fill(sample()));

        assertThat(form)
                .contains("name=\"senderName\" value=\"Ban Tuyên giáo Quận ủy Quận 1\"")
                .contains("value=\"65-CV/BTGQU\"")
                .contains("value=\"2023-07-12\"")
                // The sample's foot prints the name alone (the scan of the signature and seal above it).
                .contains("id=\"signerName\" name=\"signerName\" value=\"Nguyễn Trung Châu Tuyên\"")
                .contains("id=\"signerCompetence\" name=\"signerCompetence\" value=\"\"")
                .contains("id=\"signerPosition\" name=\"signerPosition\" value=\"\"")
                .contains("Về việc gửi tài liệu “Thông báo nhanh kết quả Hội nghị Ban Chấp hành Đảng bộ thành phố")
                // The type read (Công văn) replaces the one the list held.
                .containsPattern("<option value=\"CV\" selected=\"selected\">")
                .contains("fill-mark--sure")
                .contains("Điền từ tệp:")
                .contains("chắc chắn")
                .contains("Đã điền từ tệp \"65-CV-BTGQU.txt\"")
                .contains("Thể thức so với Hướng dẫn 36 / Nghị định 30")
                // A browser never refills a file input: the clerk is told to choose the file again among the scans.
                .contains("hãy chọn lại tệp ở ô bản scan");
        assertThat(entries()).isEqualTo(before);
    }

    /** A heading of a body the portal does not know, in the capitals it is printed in. */
    private static MockMultipartFile heading(String committee, String board) {
        String text = committee + "\n" + board + "\n*\nSố 12-CV/BDV\n\nVề việc phối hợp tuyên truyền\n\n"
                + "ĐẢNG CỘNG SẢN VIỆT NAM\n\nCần Giờ, ngày 3 tháng 8 năm 2023\n\nKính gửi: Các chi bộ\n\n"
                + "Nội dung.\n\nNơi nhận:\n- Như trên,\n- Lưu.\n\nT/M BAN DÂN VẬN\nTRƯỞNG BAN\n\nNguyễn Văn Bình\n";
        return new MockMultipartFile("tep-dien", "12-CV-BDV.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String senderValue(String form) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("name=\"senderName\" value=\"([^\"]*)\"")
                .matcher(form);
        assertThat(value.find()).as("the form has a sender field").isTrue();
        return value.group(1);
    }

    /**
     * A sender printed in capitals is written as the register writes names (the clerk trial: "BAN TUYÊN GIÁO THÀNH
     * ỦY" beside entries in normal case): the spelling the register already uses for it, compared without case or
     * accents, else the register's case; the portal's own unit of that name wins over an earlier entry.
     */
    @Test
    void aSenderPrintedInCapitalsTakesThePortalsSpellingOrTheRegistersCase() throws Exception {
        String place = "Thử " + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        String committee = "HUYỆN ỦY CẦN GIỜ " + place.toUpperCase(java.util.Locale.forLanguageTag("vi"));

        assertThat(senderValue(page(fill(heading(committee, "BAN DÂN VẬN")))))
                .as("unknown: the register's case")
                .isEqualTo("Ban Dân vận Huyện ủy Cần Giờ " + place);

        String typedBefore = "Ban Dân Vận Huyện Ủy Cần Giờ " + place;
        mvc.perform(multipart("/quan-ly/van-ban-den/moi")
                        .param("receivedOn", "2023-08-04")
                        .param("senderName", typedBefore)
                        .param("notation", "11-CV/BDV")
                        .param("issuedOn", "2023-08-01")
                        .param("typeCode", "CV")
                        .param("subject", "Về việc khác")
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(senderValue(page(fill(heading(committee, "BAN  DÂN VAN")))))
                .as("the register's earlier spelling, found without accents and whatever the spaces")
                .isEqualTo(typedBefore);

        vn.congvan.organization.Units.child(
                administration, issuer.committee(), "Ban Dân vận Huyện ủy Cần Giờ " + place.toLowerCase());
        assertThat(senderValue(page(fill(heading(committee, "BAN DÂN VẬN")))))
                .as("the portal's unit of that name")
                .isEqualTo("Ban Dân vận Huyện ủy Cần Giờ " + place.toLowerCase());

        assertThat(senderValue(
                        page(fill(heading(committee, "BAN DÂN VẬN")).param("senderName", "Ban Dân vận (đã nhập)"))))
                .as("what the clerk typed is kept")
                .isEqualTo("Ban Dân vận (đã nhập)");
    }

    /** fill.js asks the same of the server for what the extraction API read, and is told where on the form. */
    @Test
    void theScriptIsToldTheSendersSpellingAsPlainText() throws Exception {
        String form = HtmlUtils.htmlUnescape(
                mvc.perform(get("/quan-ly/van-ban-den/moi").with(user(clerk)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(form).contains("data-sender-url=\"/quan-ly/van-ban-den/moi/noi-gui\"");

        String spelled = mvc.perform(get("/quan-ly/van-ban-den/moi/noi-gui")
                        .param("issuer", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")
                        .param("issuerParent", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM")
                        .with(user(clerk)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("text/plain"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String nothing = mvc.perform(get("/quan-ly/van-ban-den/moi/noi-gui").with(user(clerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(spelled).isEqualTo("Sở Giáo dục và Đào tạo Ủy ban nhân dân tỉnh Quảng Nam");
        assertThat(nothing).isEmpty();
    }

    /** A Word 97-2003 file, which the register keeps as a scan, fills the form too (ADR 0065). */
    @Test
    void aWord97DocumentFillsTheForm() throws Exception {
        byte[] doc = vn.congvan.attachment.OleFiles.wordDocumentWithText(
                "QUẬN ỦY QUẬN 1\rBAN TUYÊN GIÁO\r*\u0007ĐẢNG CỘNG SẢN VIỆT NAM\rQuận 1, ngày 12 tháng 7 năm 2023"
                        + "\u0007\u0007Số 65-CV/BTGQU\rVề việc gửi tài liệu\rKính gửi: Các chi bộ\rNơi nhận:\r"
                        + "- Như trên,\r- Lưu.\rT/M BAN TUYÊN GIÁO\rTRƯỞNG BAN\rNguyễn Trung Châu Tuyên\r",
                0);

        String form = page(fill(new MockMultipartFile("tep-dien", "65-CV-BTGQU.doc", "application/msword", doc)));

        assertThat(form)
                .contains("Đã điền từ tệp \"65-CV-BTGQU.doc\"")
                .contains("value=\"65-CV/BTGQU\"")
                .contains("value=\"2023-07-12\"")
                .contains("name=\"senderName\" value=\"Ban Tuyên giáo Quận ủy Quận 1\"");
    }

    @Test
    void aSignerWithCompetenceAndPositionFillsTheThreeSignerFieldsEachMarked() throws Exception {
        String form = page(fill(new MockMultipartFile(
                "tep-dien",
                "454-UBND-NCTH.txt",
                "text/plain",
                new ClassPathResource("extraction-corpus/s01-haugiang-454-ubnd-ncth-2011.txt")
                        .getContentAsByteArray())));

        assertThat(form)
                .contains("id=\"signerCompetence\" name=\"signerCompetence\" value=\"KT. CHỦ TỊCH\"")
                .contains("id=\"signerPosition\" name=\"signerPosition\" value=\"PHÓ CHỦ TỊCH\"")
                .contains("id=\"signerName\" name=\"signerName\" value=\"Trần Thành Lập\"")
                .containsPattern("<label for=\"signerCompetence\"><span>Thẩm quyền ký</span>\\s*"
                        + "<span class=\"fill-mark fill-mark--(sure|check)\">")
                .containsPattern("<label for=\"signerPosition\"><span>Chức vụ người ký</span>\\s*"
                        + "<span class=\"fill-mark fill-mark--(sure|check)\">")
                .containsPattern("<label for=\"signerName\"><span>Họ và tên người ký</span>\\s*"
                        + "<span class=\"fill-mark fill-mark--(sure|check)\">");
    }

    @Test
    void aDocumentThatDepartsFromTheLayoutHasItsFindingsListedAndItsDoubtfulFieldsMarked() throws Exception {
        String text = """
                ĐẢNG BỘ PHƯỜNG BẾN NGHÉ
                CHI BỘ KHU PHỐ 3
                ĐẢNG CỘNG SẢN VIỆT NAM
                Bến Nghé, ngày 3 tháng 8 năm 2023
                Về việc tổ chức sinh hoạt chi bộ tháng 8
                Kính gửi: Các đảng viên chi bộ
                Chi bộ thông báo lịch sinh hoạt.
                """;

        String form = page(fill(new MockMultipartFile(
                "tep-dien", "thong-bao.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8))));

        assertThat(form)
                .contains("Thiếu số văn bản (\"Số\").")
                .contains("Thiếu \"Nơi nhận\".")
                .contains("Dòng địa danh, ngày tháng không đúng thể thức");
    }

    @Test
    void whatTheClerkTypedIsKeptAndNamed() throws Exception {
        String form = page(fill(sample())
                .param("senderName", "Ban Tuyên giáo Quận ủy Quận 1")
                .param("signerName", "Đ/c Tuyên"));

        assertThat(form)
                .contains("value=\"Ban Tuyên giáo Quận ủy Quận 1\"")
                .doesNotContain("value=\"BAN TUYÊN GIÁO QUẬN ỦY QUẬN 1\"")
                .contains("value=\"Đ/c Tuyên\"")
                .doesNotContain("Nguyễn Trung Châu Tuyên\"")
                .contains("Giữ nguyên các trường đã nhập: Nơi gửi, Họ và tên người ký.");
    }

    @Test
    void aZipOrAnEmptyFileIsRefusedInVietnameseAndNothingIsFilledOrSaved() throws Exception {
        int before = entries();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("cong-van.txt"));
            out.write("Số 65-CV/BTGQU".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        String zipped =
                page(fill(new MockMultipartFile("tep-dien", "cong-van.zip", "application/zip", zip.toByteArray())));
        String empty = page(fill(new MockMultipartFile("tep-dien", "rong.txt", "text/plain", new byte[0])));

        assertThat(zipped)
                .contains("role=\"alert\"")
                .contains("Tệp \"cong-van.zip\" không thuộc loại được chấp nhận")
                .doesNotContain("fill-mark");
        assertThat(empty).contains("Chưa chọn tệp hoặc tệp rỗng").doesNotContain("fill-mark");
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void readingAFileNeedsTheFormsCsrfToken() throws Exception {
        mvc.perform(fill(sample()).with(user(clerk))).andExpect(status().isForbidden());
    }
}
