package vn.congvan.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;

/**
 * The new-dispatch form filled from a file without script (ADR 0045): the canonical sample 65-CV/BTGQU fills type,
 * subject, "Kính gửi", "Nơi nhận", signer and the urgency its mark prints, each marked in words, the layout findings
 * listed; nothing is saved.
 */
@CongvanIntegrationTest
class DraftFillFromFileIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    DispatchManagement management;

    @Autowired
    JdbcTemplate jdbc;

    CurrentUser clerk;

    /** The district of the test's own board, "Ban Tuyên giáo Quận ủy Quận 97", whose own document {@link #sample} is. */
    private static final String DISTRICT = "Quận 97";

    @BeforeEach
    void setUp() {
        clerk = new TestUsers(organization)
                .clerk(Issuers.partyBoard(administration, management, DISTRICT)
                        .board()
                        .code());
    }

    /** The canonical sample 65-CV/BTGQU, as the test's own board issued it: its heading names the board's committee. */
    private static MockMultipartFile sample() throws IOException {
        return new MockMultipartFile(
                "tep-dien",
                "65-CV-BTGQU.txt",
                "text/plain",
                canonical().replace("QUẬN ỦY QUẬN 1\n", "QUẬN ỦY QUẬN 97\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String canonical() throws IOException {
        return new ClassPathResource("extraction-corpus/p01-65-cv-btgqu.txt")
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The blank new-draft form as the browser posts it, with the file and the "Đọc tệp và điền" button. */
    private static MockMultipartHttpServletRequestBuilder blankFormWith(MockMultipartFile file) {
        return blankFormWith(file, "NORMAL");
    }

    private static MockMultipartHttpServletRequestBuilder blankFormWith(MockMultipartFile file, String urgency) {
        MockMultipartHttpServletRequestBuilder request = multipart("/quan-ly/cong-van/moi");
        request.file(file)
                .param("doc-tep", "1")
                .param("family", "STATE")
                .param("typeCode", "KH")
                .param("subject", "")
                .param("body", "")
                .param("place", "Quận 1")
                .param("distributionRows[0].target", "")
                .param("distributionRows[0].text", "Như trên")
                .param("distributionRows[0].position", "1")
                .param("urgency", urgency)
                .param("visibility", "RESTRICTED");
        return request;
    }

    private String page(MockMultipartHttpServletRequestBuilder request) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(request.with(user(clerk)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("dispatch/form"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private int drafts() {
        return jdbc.queryForObject("select count(*) from dispatch", Integer.class);
    }

    @Test
    void theNewDraftFormOffersTheDropZone() throws Exception {
        String form =
                HtmlUtils.htmlUnescape(mvc.perform(get("/quan-ly/cong-van/moi").with(user(clerk)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));

        assertThat(form)
                .contains("Kéo thả tệp văn bản vào đây hoặc chọn tệp để điền tự động")
                .contains("id=\"tep-dien\"")
                .contains("Đọc tệp và điền")
                .contains("data-fields=\"family:family typeCode:type subject:subject")
                .contains("/js/fill.js");
    }

    @Test
    void theSampleFillsTheDraftAndMarksEachFieldWithoutSaving() throws Exception {
        int before = drafts();

        String form = page(blankFormWith(sample()));

        assertThat(form)
                // The lists take what the file says: a Party công văn.
                .containsPattern("<option value=\"PARTY\" selected=\"selected\">")
                .containsPattern("<option value=\"CV\" selected=\"selected\">")
                .contains("Về việc gửi tài liệu “Thông báo nhanh kết quả Hội nghị Ban Chấp hành Đảng bộ thành phố")
                .contains("Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quận\nCấp ủy cơ sở đảng\n"
                        + "Các đồng chí báo cáo viên cấp quận")
                // "Như trên" stays once and first, "Lưu ..." last.
                .containsSubsequence(
                        "value=\"Như trên\"", "value=\"Thường trực Quận ủy\"", "value=\"Lưu Ban Tuyên giáo Quận ủy\"")
                .contains("value=\"Nguyễn Trung Châu Tuyên\"")
                .contains("fill-mark--sure")
                .contains("chắc chắn")
                .contains("Thể thức so với Hướng dẫn 36 / Nghị định 30")
                // The place the clerk's unit gave is kept.
                .contains("value=\"Quận 1\"")
                // The file prints no urgency mark: the form's urgency stays as posted.
                .contains("<option value=\"NORMAL\" selected=\"selected\">")
                .doesNotContain("hãy chọn lại tệp ở ô bản scan");
        assertThat(form.split("value=\"Như trên\"", -1)).hasSize(2);
        assertThat(drafts()).isEqualTo(before);
    }

    /**
     * The urgency mark printed under the number (NĐ 30 Điều 15, ADR 0073) is the draft's urgency, marked like the other
     * fields read: "HỎA TỐC" and "KHẨN" each select theirs in place of the urgency the form posted.
     */
    @Test
    void theUrgencyMarkPrintedOnTheFileFillsTheDraftsUrgency() throws Exception {
        for (String[] marked : new String[][] {{"HỎA TỐC", "FLASH"}, {"KHẨN", "URGENT"}}) {
            MockMultipartFile file = new MockMultipartFile(
                    "tep-dien",
                    "65-CV-BTGQU.txt",
                    "text/plain",
                    new String(sample().getBytes(), StandardCharsets.UTF_8)
                            .replace("\nSố 65-CV/BTGQU\n", "\nSố 65-CV/BTGQU\n" + marked[0] + "\n")
                            .getBytes(StandardCharsets.UTF_8));

            String form = page(blankFormWith(file));

            assertThat(form)
                    .as(marked[0])
                    .contains("<option value=\"" + marked[1] + "\" selected=\"selected\">")
                    .doesNotContain("<option value=\"NORMAL\" selected=\"selected\">")
                    // The label says the field was filled from the file.
                    .containsPattern("(?s)<label for=\"urgency\">((?!</label>).)*class=\"fill-mark");
        }
        // A file without a mark leaves the urgency the clerk posted (not the default).
        assertThat(page(blankFormWith(sample(), "URGENT")))
                .contains("<option value=\"URGENT\" selected=\"selected\">")
                .doesNotContain("<option value=\"NORMAL\" selected=\"selected\">");
    }

    /**
     * Another body's issued document dropped on the draft (the clerk trial: 65-CV/BTGQU forwards 3080-CV/BTGTU) is
     * the document the draft implements: "Thực hiện văn bản" and the empty body take its citation, as a draft started
     * from the incoming register does; the clerk's own document (the sample, ký hiệu BTGQU) is a copy and cites none.
     */
    @Test
    void anotherBodysDocumentIsCitedAsTheOneTheDraftImplements() throws Exception {
        MockMultipartFile other = new MockMultipartFile(
                "tep-dien",
                "454-UBND-NCTH.txt",
                "text/plain",
                new ClassPathResource("extraction-corpus/s01-haugiang-454-ubnd-ncth-2011.txt").getContentAsByteArray());
        String reference = "Công văn số 454/UBND-NCTH ngày 06 tháng 4 năm 2011 của Ủy ban nhân dân tỉnh Hậu Giang";

        String cited = page(blankFormWith(other));
        String typed = page(blankFormWith(other)
                .param("forwardsReference", "Kế hoạch số 1-KH/TU")
                .param("body", "Nội dung đã soạn."));
        String own = page(blankFormWith(sample()));

        assertThat(cited)
                .contains("name=\"forwardsReference\" value=\"" + reference + "\"")
                .contains("Thực hiện " + reference + " về việc tiếp tục phối hợp tuyên truyền và tham gia bầu chọn"
                        + " Vịnh Hạ Long là kỳ quan thiên nhiên thế giới, </textarea>")
                .containsPattern("<label for=\"forwardsReference\"><span>[^<]*</span>\\s*<span class=\"fill-mark")
                // The subject is the matter of both; what belongs to the other body is not offered, and is named.
                .contains(
                        ">V/v tiếp tục phối hợp tuyên truyền và tham gia bầu chọn Vịnh Hạ Long là kỳ quan thiên nhiên thế giới</textarea>")
                .doesNotContain("Trần Thành Lập")
                .doesNotContain("PHÓ CHỦ TỊCH")
                .doesNotContain("Giám đốc Sở Văn hóa, Thể thao và Du lịch")
                .doesNotContain("Sở, ban, ngành tỉnh")
                // The type the clerk chose (Kế hoạch) is not the cited công văn's.
                .contains("<option value=\"KH\" selected=\"selected\">")
                .contains("value=\"Quận 1\"")
                .contains("<p>Tệp này là văn bản của cơ quan khác nên chỉ được trích dẫn")
                .contains("<p>Không điền vì là của cơ quan ban hành tệp, không phải của văn bản đang soạn: Hệ thống văn"
                        + " bản, Loại văn bản, Địa danh, Kính gửi, Nơi nhận, Người ký.</p>");
        assertThat(typed)
                .contains("value=\"Kế hoạch số 1-KH/TU\"")
                .contains("Nội dung đã soạn.</textarea>")
                .doesNotContain("Thực hiện Công văn");
        assertThat(own)
                .doesNotContain("Thực hiện Công văn")
                .doesNotContain("name=\"forwardsReference\" value=\"Công")
                .doesNotContain("<p>Tệp này là văn bản của cơ quan khác nên được trích dẫn");
    }

    /**
     * Another district's propaganda board has the same short name, "Ban Tuyên giáo", and signs the same "BTGQU": the
     * body above in its heading (Quận ủy Quận 1, not the clerk's Quận ủy Quận 97) makes its document another body's,
     * cited with its signer not offered.
     */
    @Test
    void aPeerBoardOfTheSameSymbolUnderAnotherCommitteeIsCited() throws Exception {
        MockMultipartFile peers = new MockMultipartFile(
                "tep-dien", "65-CV-BTGQU.txt", "text/plain", canonical().getBytes(StandardCharsets.UTF_8));

        String form = page(blankFormWith(peers));

        assertThat(form)
                .contains("name=\"forwardsReference\" value=\"Công văn số 65-CV/BTGQU ngày 12 tháng 7 năm 2023 của Ban"
                        + " Tuyên giáo Quận ủy Quận 1\"")
                .doesNotContain("Nguyễn Trung Châu Tuyên")
                .contains("<p>Tệp này là văn bản của cơ quan khác nên chỉ được trích dẫn");
    }

    /** fill.js asks the server for the same citation from what the extraction API read, and is told where. */
    @Test
    void theScriptIsGivenTheCitationOfAnotherBodysDocumentOnly() throws Exception {
        String form =
                HtmlUtils.htmlUnescape(mvc.perform(get("/quan-ly/cong-van/moi").with(user(clerk)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(form).contains("data-cite-url=\"/quan-ly/cong-van/trich-dan\"");

        String other = citation("STATE", "454", "UBND-NCTH", "ỦY BAN NHÂN DÂN TỈNH HẬU GIANG", null);
        String own = citation("PARTY", "65", "CV/BTGQU", "BAN TUYÊN GIÁO", "QUẬN ỦY QUẬN 97");
        String peer = citation("PARTY", "65", "CV/BTGQU", "BAN TUYÊN GIÁO", "QUẬN ỦY QUẬN 1");
        String draft = citation("PARTY", null, "CV/BTGTU", "BAN TUYÊN GIÁO", "THÀNH ỦY");

        assertThat(other)
                .contains("\"forwardsReference\":\"Công văn số 454/UBND-NCTH ngày 06 tháng 4 năm 2011 của Ủy ban nhân"
                        + " dân tỉnh Hậu Giang\"")
                .contains("\"body\":\"Thực hiện Công văn số 454/UBND-NCTH ngày 06 tháng 4 năm 2011 của Ủy ban nhân dân"
                        + " tỉnh Hậu Giang về việc tiếp tục phối hợp tuyên truyền, \"");
        assertThat(own).isEqualTo("{}");
        assertThat(peer)
                .contains("\"forwardsReference\":\"Công văn số 65-CV/BTGQU ngày 06 tháng 4 năm 2011 của Ban"
                        + " Tuyên giáo Quận ủy Quận 1\"");
        assertThat(draft).isEqualTo("{}");
    }

    private String citation(String family, String number, String notation, String issuer, String parent)
            throws Exception {
        return citation(family, number, notation, issuer, parent, "V/v tiếp tục phối hợp tuyên truyền", 200);
    }

    private String citation(
            String family, String number, String notation, String issuer, String parent, String subject, int expected)
            throws Exception {
        var request = post("/quan-ly/cong-van/trich-dan")
                .param("family", family)
                .param("typeName", "Công văn")
                .param("notation", notation)
                .param("issuedOn", "2011-04-06")
                .param("issuer", issuer)
                .param("subject", subject);
        if (number != null) {
            request.param("number", number);
        }
        if (parent != null) {
            request.param("issuerParent", parent);
        }
        return mvc.perform(request.with(user(clerk)).with(csrf()))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * The subject is posted, not put in a query string the server's header limit would cut; one longer than the form
     * takes is refused with a sentence that says so and the form's limit, not answered with nothing.
     */
    @Test
    void aSubjectUpToTheFormsLimitIsCitedAndALongerOneIsRefusedSayingWhy() throws Exception {
        String longest = "V/v " + "tuyên truyền ".repeat(80).substring(0, DispatchForm.SUBJECT_MAX - 4);
        String tooLong = longest + "x";

        String cited = citation("STATE", "454", "UBND-NCTH", "ỦY BAN NHÂN DÂN TỈNH HẬU GIANG", null, longest, 200);
        String refused = citation("STATE", "454", "UBND-NCTH", "ỦY BAN NHÂN DÂN TỈNH HẬU GIANG", null, tooLong, 400);

        assertThat(cited).contains("\"forwardsReference\":\"Công văn số 454/UBND-NCTH");
        assertThat(refused)
                .contains("\"detail\":\"Trích yếu đọc từ tệp dài 1.001 ký tự, quá 1.000 ký tự mà biểu mẫu nhận")
                .doesNotContain("forwardsReference");
        mvc.perform(post("/quan-ly/cong-van/trich-dan")
                        .param("number", "1")
                        .param("notation", "UBND")
                        .param("issuedOn", "2011-04-06")
                        .with(user(clerk)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnreadableFileIsToldInVietnameseAndTheFormIsLeftAsItWas() throws Exception {
        String form = page(blankFormWith(new MockMultipartFile("tep-dien", "scan.png", "image/png", TestFiles.png()))
                .param("subject", "Về việc giữ nguyên"));

        assertThat(form)
                .contains("role=\"alert\"")
                .contains("Không tìm thấy chữ nào trong bản quét")
                .contains("Về việc giữ nguyên")
                .doesNotContain("fill-mark");
    }

    @Test
    void aDraftBeingEditedIsFilledWhereBlankAndNotSaved() throws Exception {
        Long draft = management.createDraft(
                vn.congvan.dispatch.DispatchDrafts.party(clerk.unitId())
                        .subject("Về việc đã soạn")
                        .build(),
                clerk);
        MockMultipartHttpServletRequestBuilder edit = multipart("/quan-ly/cong-van/{id}/sua", draft);
        edit.file(sample())
                .param("doc-tep", "1")
                .param("family", "PARTY")
                .param("typeCode", "CV")
                .param("subject", "")
                .param("body", "")
                .param("place", "")
                .param("distributionRows[0].target", "")
                .param("distributionRows[0].text", "Như trên")
                .param("distributionRows[0].position", "1")
                .param("urgency", "NORMAL")
                .param("visibility", "RESTRICTED");

        String form = page(edit);

        assertThat(form).contains("fill-mark").contains("value=\"Nguyễn Trung Châu Tuyên\"");
        assertThat(jdbc.queryForObject("select subject from dispatch where id = ?", String.class, draft))
                .isEqualTo("Về việc đã soạn");
    }

    @Test
    void readingAFileNeedsTheFormsCsrfToken() throws Exception {
        mvc.perform(blankFormWith(sample()).with(user(clerk))).andExpect(status().isForbidden());
    }
}
