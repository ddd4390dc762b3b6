package vn.congvan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/** The ledger as an Excel workbook: the download offered first, one row per recipient unit, moments as date cells. */
@CongvanIntegrationTest
class LedgerWorkbookIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void exportsTheLedgerWithTypedMomentsInVietnamTime() throws Exception {
        TestUsers users = new TestUsers(organization);
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử sổ theo dõi Excel");
        CurrentUser clerk = users.clerk(issuer.board().code());
        UnitSummary benThanh = Units.ward(administration, issuer.committee(), "Đảng ủy phường Bến Thành", null);
        UnitSummary saiGon = Units.ward(administration, issuer.committee(), "Đảng ủy phường Sài Gòn", null);
        CurrentUser member = users.member(benThanh.code());
        Long id = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .subject("Về việc sổ theo dõi dạng Excel")
                        .visibility(Visibility.RESTRICTED)
                        .addressees(
                                Recipient.unit(benThanh.name(), benThanh.id()),
                                Recipient.unit(saiGon.name(), saiGon.id()))
                        .build(),
                clerk);
        String notation =
                management.publish(id, null, LocalDate.of(2024, 9, 2), clerk).notation();
        mvc.perform(post("/hop-thu/{id}/xac-nhan", id).with(user(member)).with(csrf()));
        LocalDateTime acknowledged = jdbc.queryForObject(
                        "select acknowledged_at from delivery where dispatch_id = ? and unit_id = ?",
                        java.sql.Timestamp.class,
                        id,
                        benThanh.id())
                .toInstant()
                .atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
                .toLocalDateTime();
        String ledger = "/quan-ly/cong-van/" + id + "/so-theo-doi";

        mvc.perform(get(ledger).with(user(clerk)))
                .andExpect(content().string(containsString(ledger + ".xlsx?loc=ALL")));
        byte[] workbook = mvc.perform(get(ledger + ".xlsx").with(user(clerk)))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Type",
                                startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
                .andExpect(header().string("Content-Disposition", startsWith("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = read.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .startsWith("Theo dõi nhận văn bản " + notation)
                    .endsWith("Về việc sổ theo dõi dạng Excel");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Đơn vị");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            Row first = sheet.getRow(3);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("Đảng ủy phường Bến Thành");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(benThanh.code());
            assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(new DataFormatter().formatCellValue(first.getCell(2)))
                    .matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d");
            assertThat(first.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            // Excel keeps a moment as a fraction of a day: to the millisecond, not the microsecond.
            assertThat(first.getCell(7).getLocalDateTimeCellValue())
                    .isCloseTo(acknowledged, within(1, ChronoUnit.SECONDS));
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo(member.getUsername());
            Row second = sheet.getRow(4);
            assertThat(second.getCell(0).getStringCellValue()).isEqualTo("Đảng ủy phường Sài Gòn");
            assertThat(second.getCell(7)).isNull();
        }
        mvc.perform(get(ledger + ".xlsx").param("loc", "ACKNOWLEDGED").with(user(clerk)))
                .andExpect(status().isOk());
    }

    @Test
    void anotherIssuersClerkGetsNoWorkbook() throws Exception {
        TestUsers users = new TestUsers(organization);
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử sổ Excel của ban");
        CurrentUser clerk = users.clerk(issuer.board().code());
        CurrentUser other = users.clerk(Issuers.partyBoard(administration, management, "Thử sổ Excel ban khác")
                .board()
                .code());
        UnitSummary ward = Units.ward(administration, issuer.committee(), "Đảng ủy phường Thử Excel", null);
        Long id = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .addressees(Recipient.unit(ward.name(), ward.id()))
                        .build(),
                clerk);
        management.publish(id, null, LocalDate.of(2024, 9, 2), clerk);

        mvc.perform(get("/quan-ly/cong-van/{id}/so-theo-doi.xlsx", id).with(user(other)))
                .andExpect(status().isNotFound());
    }
}
