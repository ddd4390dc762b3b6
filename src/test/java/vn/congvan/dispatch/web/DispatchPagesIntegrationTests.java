package vn.congvan.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchDraft;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchRuleException;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Issuers.Issuer;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Signer;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.Units;

/** The clerk's journey through the pages: draft, upload, preview, publish, ledger. */
@CongvanIntegrationTest
class DispatchPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    DispatchManagement management;

    CurrentUser clerk;

    Issuer issuer;

    @BeforeEach
    void setUp() {
        issuer = Issuers.partyBoard(administration, management, "trang công văn");
        clerk = new TestUsers(organization).clerk(issuer.board().code());
    }

    @Test
    void aClerkDraftsUploadsPreviewsAndPublishes() throws Exception {
        Set<Long> wards = new HashSet<>();
        wards.add(Units.ward(administration, issuer.committee(), "Đảng ủy phường Phạm Ngũ Lão", null)
                .id());
        for (int i = 1; i < 10; i++) {
            wards.add(Units.ward(administration, issuer.committee(), "Đảng ủy phường Thử " + i, null)
                    .id());
        }
        Long group = administration
                .createGroup(Units.uniqueCode("G"), "Cấp ủy cơ sở thử trang", null, wards)
                .id();
        mvc.perform(get("/quan-ly/cong-van/moi").with(user(clerk)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cấp ủy cơ sở thử trang (10)")))
                .andExpect(content().string(containsString("Tìm đơn vị theo tên")));

        MvcResult created = mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(clerk))
                        .with(csrf())
                        .param("family", "PARTY")
                        .param("typeCode", "CV")
                        .param("urgency", "NORMAL")
                        .param("visibility", "PUBLIC")
                        .param("place", "Quận 1")
                        .param("subject", "Về việc tổ chức Hội nghị báo cáo viên tháng 11")
                        .param("body", "Ban Tuyên giáo Quận ủy thông báo.\n\nTrân trọng.")
                        .param("addresseeGroups", group.toString())
                        .param("distributionLines", "Như trên\nLưu Ban Tuyên giáo Quận ủy")
                        .param("signerCompetence", "K/T")
                        .param("signerAuthority", "TRƯỞNG BAN")
                        .param("signerPosition", "PHÓ TRƯỞNG BAN")
                        .param("signerName", "Nguyễn Văn Thử"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "dispatch.flash.created"))
                .andReturn();
        String draft = created.getResponse().getRedirectedUrl();

        mvc.perform(multipart(draft + "/tep")
                        .file(new MockMultipartFile(
                                "files", "Thông báo nhanh.pdf", "application/octet-stream", TestFiles.pdf(2)))
                        .file(new MockMultipartFile(
                                "files",
                                "ghi-chu.txt",
                                "text/plain",
                                "không phải tệp hợp lệ".getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "BRIEFING")
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "dispatch.flash.uploaded"))
                .andExpect(flash().attribute(
                                "flashErrors",
                                List.of("Tệp \"ghi-chu.txt\" không thuộc loại được chấp "
                                        + "nhận (PDF, DOC, DOCX, XLSX, ODT, PNG, JPEG).")));

        mvc.perform(get(draft).with(user(clerk)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dự thảo")))
                .andExpect(content().string(containsString("Về việc tổ chức Hội nghị báo cáo viên tháng 11")))
                .andExpect(content().string(containsString("K/T TRƯỞNG BAN")))
                .andExpect(content().string(containsString("<span>Cấp ủy cơ sở thử trang.</span>")))
                .andExpect(content().string(not(containsString("- Cấp ủy cơ sở thử trang."))))
                .andExpect(content().string(containsString("Thông báo nhanh")))
                .andExpect(content().string(containsString("2 trang")));

        MvcResult published = mvc.perform(post(draft + "/phat-hanh")
                        .with(user(clerk))
                        .with(csrf())
                        .param("issuedOn", "2024-11-20"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String message = (String) published.getFlashMap().get("flashText");
        assertThat(message).matches("Đã phát hành văn bản số \\d+-CV/BTGQU\\.");
        String notation = message.replaceAll(".* số (\\S+)\\.", "$1");

        mvc.perform(get(draft).with(user(clerk)))
                .andExpect(content().string(containsString("Số " + notation)))
                .andExpect(content().string(containsString("Quận 1, ngày 20 tháng 11 năm 2024")));
        mvc.perform(get(draft + "/so-theo-doi").with(user(clerk)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("0/10 đơn vị đã xác nhận")))
                .andExpect(content().string(containsString("Đảng ủy phường Phạm Ngũ Lão")));
        mvc.perform(get("/tai-lieu-tuyen-truyen")).andExpect(content().string(containsString(notation)));
    }

    @Test
    void aFormWithErrorsIsShownAgainWithTheMessages() throws Exception {
        mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(clerk))
                        .with(csrf())
                        .param("family", "PARTY")
                        .param("typeCode", "CV")
                        .param("urgency", "NORMAL")
                        .param("visibility", "PUBLIC")
                        .param("subject", " ")
                        .param("body", "Nội dung"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vui lòng nhập trích yếu.")))
                .andExpect(content().string(containsString("Vui lòng chọn ít nhất một nơi")));
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        int before = jdbc.queryForObject("select count(*) from dispatch", Integer.class);

        mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(clerk))
                        .param("family", "PARTY")
                        .param("typeCode", "CV")
                        .param("subject", "Về việc giả mạo")
                        .param("body", "x")
                        .param("addresseeLines", "Các đơn vị"))
                .andExpect(status().isForbidden());

        assertThat(jdbc.queryForObject("select count(*) from dispatch", Integer.class))
                .isEqualTo(before);
    }

    @Test
    void aHandNumberThatIsTakenIsRefusedWithAClearMessage() throws Exception {
        Long benNghe = Units.ward(administration, issuer.committee(), "Đảng ủy phường Bến Nghé", null)
                .id();
        // The board's number 65 of the term is already in its register.
        management.publish(
                management.createDraft(
                        DispatchDrafts.partyDispatch(
                                issuer.board().id(), Visibility.RESTRICTED, "Về việc số 65", benNghe),
                        clerk),
                65,
                LocalDate.of(2023, 7, 29),
                clerk);
        String draft = mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(clerk))
                        .with(csrf())
                        .param("family", "PARTY")
                        .param("typeCode", "CV")
                        .param("urgency", "NORMAL")
                        .param("visibility", "RESTRICTED")
                        .param("subject", "Về việc số trùng")
                        .param("body", "Nội dung.")
                        .param("addresseeUnits", benNghe.toString()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        mvc.perform(post(draft + "/phat-hanh")
                        .with(user(clerk))
                        .with(csrf())
                        .param("manualNumber", "65")
                        .param("issuedOn", "2023-07-30"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "flashErrors",
                                List.of("Số 65-CV/BTGQU đã được dùng trong sổ văn bản của "
                                        + "đơn vị. Vui lòng chọn số khác hoặc để trống để cấp số tự động.")));
    }

    @Test
    void aPlanNeedsNoKinhGuiButALetterDoes() throws Exception {
        Long ward = Units.ward(administration, issuer.committee(), "Đảng ủy phường Kế hoạch", null)
                .id();
        mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(clerk))
                        .with(csrf())
                        .param("family", "PARTY")
                        .param("typeCode", "KH")
                        .param("urgency", "NORMAL")
                        .param("visibility", "RESTRICTED")
                        .param("subject", "tuyên truyền kỷ niệm ngày thành lập Đảng")
                        .param("body", "Nội dung.")
                        .param("distributionUnits", ward.toString())
                        .param("distributionLines", "Như trên\nLưu Ban Tuyên giáo Quận ủy"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(clerk))
                        .with(csrf())
                        .param("family", "PARTY")
                        .param("typeCode", "CV")
                        .param("urgency", "NORMAL")
                        .param("visibility", "RESTRICTED")
                        .param("subject", "Về việc không có Kính gửi")
                        .param("body", "Nội dung.")
                        .param("distributionUnits", ward.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vui lòng chọn ít nhất một nơi")));
    }

    @Test
    void aPartyDocumentCannotBeSignedWithAStateCompetence() throws Exception {
        int before = jdbc.queryForObject("select count(*) from dispatch", Integer.class);

        mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(clerk))
                        .with(csrf())
                        .param("family", "PARTY")
                        .param("typeCode", "CV")
                        .param("urgency", "NORMAL")
                        .param("visibility", "RESTRICTED")
                        .param("subject", "Về việc ký sai thẩm quyền")
                        .param("body", "Nội dung.")
                        .param("addresseeLines", "Các chi bộ")
                        .param("signerCompetence", "KT.")
                        .param("signerAuthority", "TRƯỞNG BAN")
                        .param("signerName", "Nguyễn Văn Thử"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Thẩm quyền ký &quot;KT.&quot; không dùng")))
                .andExpect(content().string(containsString("T/M, K/T, T/L, T/U, Q.")));

        assertThat(jdbc.queryForObject("select count(*) from dispatch", Integer.class))
                .isEqualTo(before);
    }

    @Test
    void theFormOffersTheSignersOfTheIssuersPublishedDocuments() throws Exception {
        Long ward = Units.ward(administration, issuer.committee(), "Đảng ủy phường Người ký", null)
                .id();
        management.publish(
                management.createDraft(
                        DispatchDrafts.partyDispatch(issuer.board().id(), Visibility.RESTRICTED, "Về việc ký", ward),
                        clerk),
                null,
                LocalDate.of(2024, 3, 1),
                clerk);

        mvc.perform(get("/quan-ly/cong-van/moi").with(user(clerk)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"Nguyễn Văn Thử\">")))
                .andExpect(content().string(containsString("<option value=\"PHÓ TRƯỞNG BAN\">")))
                .andExpect(content().string(containsString("<optgroup label=\"Văn bản của Đảng\">")));
    }

    @Test
    void aPickedUnitComesAfterNhuTrenInTheSavedDistribution() throws Exception {
        Long ward = Units.ward(administration, issuer.committee(), "Đội ngũ báo cáo viên thử", null)
                .id();
        String draft = mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(clerk))
                        .with(csrf())
                        .param("family", "PARTY")
                        .param("typeCode", "CV")
                        .param("urgency", "FLASH")
                        .param("visibility", "RESTRICTED")
                        .param("subject", "Về việc thứ tự nơi nhận")
                        .param("body", "Nội dung.")
                        .param("addresseeLines", "Cấp ủy cơ sở đảng")
                        .param("distributionRows[0].target", "")
                        .param("distributionRows[0].text", "Như trên")
                        .param("distributionRows[0].position", "1")
                        .param("distributionUnits", ward.toString())
                        .param("distributionLines", "Lưu Ban Tuyên giáo Quận ủy"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        String page = mvc.perform(get(draft).with(user(clerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .containsSubsequence("- Như trên;", "- Đội ngũ báo cáo viên thử;", "- Lưu Ban Tuyên giáo Quận ủy.")
                .contains("Kính gửi:", "Cấp ủy cơ sở đảng.", "<p class=\"document__urgency\">HỎA TỐC</p>");
        mvc.perform(get("/quan-ly/cong-van").with(user(clerk)))
                .andExpect(content().string(containsString("<span class=\"urgency\">Hỏa tốc</span>")));
    }

    @Test
    void theDispatchItselfRefusesACompetenceOfTheOtherFamily() {
        Long ward = Units.ward(administration, issuer.committee(), "Đảng ủy phường Thẩm quyền", null)
                .id();
        DispatchDraft draft = DispatchDrafts.party(issuer.board().id())
                .addressees(Recipient.unit("Đảng ủy phường Thẩm quyền", ward))
                .signer(new Signer("KT.", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Thử"))
                .build();

        assertThatThrownBy(() -> management.createDraft(draft, clerk))
                .isInstanceOf(DispatchRuleException.class)
                .extracting(ex -> ((DispatchRuleException) ex).messageKey())
                .isEqualTo("dispatch.error.competence");
    }
}
