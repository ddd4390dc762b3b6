package vn.congvan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.OleFiles;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;
import vn.congvan.system.Times;

/** A ward's report as it is really sent (often a Word 97-2003 file) and as the issuer's clerk takes it back. */
@CongvanIntegrationTest
class ReportFilesAsAWardSendsThemIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    Reports reports;

    CurrentUser clerk;

    UnitSummary ward;

    CurrentUser member;

    DispatchReference sent;

    @BeforeEach
    void setUp() {
        TestUsers users = new TestUsers(organization);
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử tệp báo cáo");
        clerk = users.clerk(issuer.board().code());
        ward = Units.ward(administration, issuer.committee(), "Đảng ủy phường Gửi Báo Cáo", null);
        member = users.member(ward.code());
        LocalDate today = LocalDate.now(Times.VIETNAM);
        Long draft = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .subject("Về việc báo cáo kết quả sinh hoạt chuyên đề")
                        .reportDueOn(today.plusDays(30))
                        .addressees(Recipient.unit("Đảng ủy phường Gửi Báo Cáo", ward.id()))
                        .build(),
                clerk);
        sent = management.publish(draft, null, today, clerk);
    }

    @Test
    void theReportFormOffersWordDocumentsAsTheServerTakesThem() throws Exception {
        String inbox = mvc.perform(get("/hop-thu/{id}", sent.id()).with(user(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(inbox).contains("accept=\".pdf,.doc,.docx,").contains("PDF, DOC, DOCX,");

        mvc.perform(multipart("/hop-thu/{id}/bao-cao", sent.id())
                        .file(new MockMultipartFile(
                                "files",
                                "Báo cáo sinh hoạt chuyên đề.doc",
                                "application/msword",
                                OleFiles.wordDocument()))
                        .param("body", "Đảng ủy phường đã tổ chức sinh hoạt chuyên đề tại các chi bộ.")
                        .with(user(member))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "delivery.flash.reported"));

        assertThat(reports.ofUnit(sent.id(), ward.id()).orElseThrow().files())
                .singleElement()
                .satisfies(file -> assertThat(file.originalFilename()).isEqualTo("Báo cáo sinh hoạt chuyên đề.doc"));
    }

    /**
     * A ZIP holds local times without a zone: the entries carry the moment the report was sent as read in Vietnam,
     * not the moment of the download in the server's zone (here UTC, as on most servers).
     */
    @Test
    void theEntriesOfTheZipAreDatedWhenTheReportWasSentInVietnamTime() throws Exception {
        mvc.perform(multipart("/hop-thu/{id}/bao-cao", sent.id())
                        .file(new MockMultipartFile(
                                "files", "Báo cáo.pdf", "application/pdf", vn.congvan.attachment.TestFiles.pdf(1)))
                        .param("body", "Báo cáo kết quả.")
                        .with(user(member))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        ReportView report = reports.ofUnit(sent.id(), ward.id()).orElseThrow();
        LocalDateTime sentInVietnam =
                LocalDateTime.ofInstant(report.submittedAt(), Times.VIETNAM).withNano(0);

        TimeZone jvmZone = TimeZone.getDefault();
        byte[] zip;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            zip = mvc.perform(
                            get("/quan-ly/cong-van/{id}/bao-cao.zip", sent.id()).with(user(clerk)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
        } finally {
            TimeZone.setDefault(jvmZone);
        }

        List<LocalDateTime> times = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                times.add(entry.getTimeLocal());
            }
        }
        // DOS times count seconds two at a time.
        assertThat(times)
                .hasSize(2)
                .allSatisfy(time -> assertThat(time).isBetween(sentInVietnam.minusSeconds(2), sentInVietnam));
    }
}
