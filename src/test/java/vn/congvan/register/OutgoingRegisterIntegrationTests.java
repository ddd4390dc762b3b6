package vn.congvan.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchRelation;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * Sổ văn bản đi: a clerk sees the year's numbered documents of her own unit in number order per series, filters
 * them, prints them and takes them as a workbook with typed cells; another unit's clerk sees none of them.
 */
@CongvanIntegrationTest
class OutgoingRegisterIntegrationTests {

    private static final String PAGE = "/quan-ly/so-van-ban-di";

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchManagement management;

    @Autowired
    Attachments attachments;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    CurrentUser clerk;

    CurrentUser otherClerk;

    UnitSummary ward;

    @BeforeEach
    void documents() throws Exception {
        TestUsers users = new TestUsers(organization);
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử sổ văn bản đi");
        clerk = users.clerk(issuer.board().code());
        ward = Units.ward(administration, issuer.committee(), "Đảng ủy phường Thử sổ", null);
        Issuers.Issuer other = Issuers.partyBoard(administration, management, "Thử sổ khác");
        otherClerk = users.clerk(other.board().code());
        UnitSummary otherWard = Units.ward(administration, other.committee(), "Đảng ủy phường Thử sổ khác", null);

        // One series (the term 2020-2025) across the years: 1-CV in 2023, then 2-CV, 3-CV and 1-KH in 2024.
        publish(clerk, "CV", "Về việc tổng kết năm 2023", LocalDate.of(2023, 12, 20), false);
        publish(clerk, "CV", "Về việc thứ nhất năm 2024", LocalDate.of(2024, 3, 1), true);
        Long third = publish(clerk, "CV", "Về việc sẽ thu hồi", LocalDate.of(2024, 5, 10), false);
        publish(clerk, "KH", "Kế hoạch tuyên truyền năm 2024", LocalDate.of(2024, 2, 1), false);
        management.withdraw(third, "Ban hành nhầm", clerk);
        Long corrected = publishTo(clerk, ward, "CV", "Về việc sẽ được đính chính", LocalDate.of(2024, 6, 1), false);
        Long correction = management.supersede(corrected, DispatchRelation.CORRECTS, clerk);
        management.publish(correction, null, LocalDate.of(2024, 6, 3), clerk);
        publishTo(otherClerk, otherWard, "CV", "Về việc của ban khác", LocalDate.of(2024, 4, 1), false);
    }

    @Test
    void listsOnlyTheUnitsDocumentsOfTheYearInNumberOrderPerSeries() throws Exception {
        String html = page(get(PAGE).param("nam", "2024"), clerk);

        assertThat(html)
                .contains("Sổ văn bản đi năm 2024", "Ban Tuyên giáo Quận ủy Thử sổ văn bản đi")
                .doesNotContain("Về việc tổng kết năm 2023", "Về việc của ban khác");
        // Công văn before Kế hoạch (the Party numbers per type), each in number order.
        assertThat(html)
                .containsSubsequence(
                        "02-CV/BTGQU",
                        "Về việc thứ nhất năm 2024",
                        "03-CV/BTGQU",
                        "Về việc sẽ thu hồi",
                        "Đã thu hồi",
                        "04-CV/BTGQU",
                        "Về việc sẽ được đính chính",
                        "Đã đính chính bằng 05-CV/BTGQU",
                        "05-CV/BTGQU",
                        "01-KH/BTGQU",
                        "Kế hoạch tuyên truyền năm 2024");
        assertThat(page(get(PAGE).param("nam", "2023"), clerk))
                .contains("01-CV/BTGQU", "Về việc tổng kết năm 2023")
                .doesNotContain("Về việc thứ nhất năm 2024");
    }

    @Test
    void filtersByTypeDatesAndTextWithOrWithoutDiacritics() throws Exception {
        assertThat(page(get(PAGE).param("nam", "2024").param("loai", "KH"), clerk))
                .contains("Kế hoạch tuyên truyền năm 2024")
                .doesNotContain("Về việc thứ nhất năm 2024");
        assertThat(page(get(PAGE).param("nam", "2024").param("tu", "2024-02-15").param("den", "2024-05-31"), clerk))
                .contains("Về việc thứ nhất năm 2024", "Về việc sẽ thu hồi")
                .doesNotContain("Kế hoạch tuyên truyền năm 2024", "Về việc sẽ được đính chính");
        assertThat(page(get(PAGE).param("nam", "2024").param("tim", "thu nhat"), clerk))
                .contains("Về việc thứ nhất năm 2024")
                .doesNotContain("Về việc sẽ thu hồi");
        assertThat(page(get(PAGE).param("nam", "2024").param("tim", "1-kh/btg"), clerk))
                .contains("Kế hoạch tuyên truyền năm 2024")
                .doesNotContain("Về việc thứ nhất năm 2024");
        assertThat(page(get(PAGE).param("nam", "2024").param("tim", "100%"), clerk))
                .contains("Không có văn bản nào phù hợp.");
    }

    @Test
    void anotherUnitsClerkSeesNothingOfIt() throws Exception {
        String html = page(get(PAGE).param("nam", "2024"), otherClerk);

        assertThat(html).contains("Về việc của ban khác").doesNotContain("Về việc thứ nhất năm 2024");
        byte[] workbook = xlsx(get(PAGE + ".xlsx").param("nam", "2024"), otherClerk);
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = read.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("Về việc của ban khác");
        }
    }

    @Test
    void printsTheWholeFilteredYearWithoutPaging() throws Exception {
        String html = page(get(PAGE).param("nam", "2024").param("in", "true"), clerk);

        assertThat(html).contains("register--print", "01-KH/BTGQU").doesNotContain("rel=\"next\"");
    }

    @Test
    void exportsTheFilteredRegisterWithTypedCells() throws Exception {
        byte[] workbook = xlsx(get(PAGE + ".xlsx").param("nam", "2024").param("loai", "CV"), clerk);

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = read.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Sổ văn bản đi năm 2024 — Ban Tuyên giáo Quận ủy Thử sổ văn bản đi");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Số, ký hiệu");
            Row first = sheet.getRow(3);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(2);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("02-CV/BTGQU");
            assertThat(first.getCell(2).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2024, 3, 1, 0, 0));
            assertThat(new DataFormatter().formatCellValue(first.getCell(2))).isEqualTo("01/03/2024");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("Công văn");
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("Nguyễn Văn Thử");
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("Như trên; Lưu Ban Tuyên giáo Quận ủy");
            assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo("Thường");
            assertThat(sheet.getRow(4).getCell(9).getStringCellValue()).isEqualTo("Đã thu hồi");
            assertThat(sheet.getRow(5).getCell(9).getStringCellValue()).isEqualTo("Đã đính chính bằng 05-CV/BTGQU");
            assertThat(sheet.getRow(6).getCell(1).getStringCellValue()).isEqualTo("05-CV/BTGQU");
            assertThat(sheet.getRow(6).getCell(7).getNumericCellValue()).isZero();
            // Only công văn of 2024: the plan and the 2023 letter are not in it.
            assertThat(sheet.getLastRowNum()).isEqualTo(6);
        }
    }

    private String page(MockHttpServletRequestBuilder request, CurrentUser who) throws Exception {
        return mvc.perform(request.with(user(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private byte[] xlsx(MockHttpServletRequestBuilder request, CurrentUser who) throws Exception {
        return mvc.perform(request.with(user(who)))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Type",
                                org.hamcrest.Matchers.startsWith(
                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private Long publish(CurrentUser who, String type, String subject, LocalDate issuedOn, boolean withFile)
            throws Exception {
        return publishTo(who, ward, type, subject, issuedOn, withFile);
    }

    private Long publishTo(
            CurrentUser who, UnitSummary to, String type, String subject, LocalDate issuedOn, boolean withFile)
            throws Exception {
        Long id = management.createDraft(
                DispatchDrafts.party(who.unitId())
                        .type(type)
                        .subject(subject)
                        .addressees(Recipient.unit(to.name(), to.id()))
                        .build(),
                who);
        if (withFile) {
            attachments.attach(
                    new NewAttachment(id, "Tài liệu", AttachmentKind.APPENDIX, "tai-lieu.pdf"),
                    new ByteArrayInputStream(TestFiles.pdf(1)));
        }
        management.publish(id, null, issuedOn, who);
        return id;
    }
}
