package vn.congvan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.ScanGate;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.DispatchRuleException;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;
import vn.congvan.system.Times;

/**
 * Reports back and reminders (ADR 0034). Every test has its own issuer and three wards of its own; deadlines are set
 * relative to today in Vietnam, and a deadline that has passed is made by moving the published dispatch's deadline
 * back, as the days would.
 */
@CongvanIntegrationTest
@RecordApplicationEvents
class ReportsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    AccountManagement accounts;

    @Autowired
    ReportReminderJob job;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Times times;

    @Autowired
    ApplicationEvents events;

    @Autowired
    org.springframework.context.ApplicationContext context;

    CurrentUser clerk;

    CurrentUser otherClerk;

    UnitSummary benNghe;

    UnitSummary daKao;

    UnitSummary tanDinh;

    CurrentUser benNgheMember;

    CurrentUser daKaoMember;

    /** A member of a ward of the same committee that the dispatches are not sent to. */
    CurrentUser outsider;

    LocalDate today;

    @BeforeEach
    void setUp() {
        TestUsers users = new TestUsers(organization);
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử báo cáo");
        clerk = users.clerk(issuer.board().code());
        otherClerk = users.clerk(Issuers.partyBoard(administration, management, "Thử báo cáo khác")
                .board()
                .code());
        benNghe = Units.ward(administration, issuer.committee(), "Đảng ủy phường Bến Nghé", null);
        daKao = Units.ward(administration, issuer.committee(), "Đảng ủy phường Đa Kao", null);
        tanDinh = Units.ward(administration, issuer.committee(), "Đảng ủy phường Tân Định", null);
        benNgheMember = users.member(benNghe.code());
        daKaoMember = users.member(daKao.code());
        outsider = users.member(Units.ward(administration, issuer.committee(), "Đảng ủy phường Cầu Kho", null)
                .code());
        today = LocalDate.now(Times.VIETNAM);
    }

    @Test
    void aDeadlineAlreadyPastOrBeforeTheIssueDateIsRefusedWithAVietnameseMessage() throws Exception {
        assertThatThrownBy(() -> management.createDraft(draft("Về việc hạn đã qua", today.minusDays(1)), clerk))
                .isInstanceOf(DispatchRuleException.class)
                .extracting(ex -> ((DispatchRuleException) ex).messageKey())
                .isEqualTo("dispatch.error.reportDuePast");
        mvc.perform(post("/quan-ly/cong-van/moi")
                        .param("family", "PARTY")
                        .param("typeCode", "CV")
                        .param("subject", "Về việc hạn báo cáo đã qua")
                        .param("body", "Đề nghị báo cáo.")
                        .param("urgency", "NORMAL")
                        .param("visibility", "RESTRICTED")
                        .param("addresseeLines", "Các đảng ủy phường")
                        .param("reportDueOn", today.minusDays(3).toString())
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hạn báo cáo (")))
                .andExpect(content().string(containsString("đã qua; vui lòng chọn từ hôm nay trở đi")));

        Long id = management.createDraft(draft("Về việc hạn trước ngày ban hành", today.plusDays(2)), clerk);
        assertThatThrownBy(() -> management.publish(id, null, today.plusDays(5), clerk))
                .isInstanceOf(DispatchRuleException.class)
                .extracting(ex -> ((DispatchRuleException) ex).messageKey())
                .isEqualTo("dispatch.error.reportDueBeforeIssue");

        DispatchReference sent = management.publish(id, null, today, clerk);
        mvc.perform(get("/quan-ly/cong-van/{id}", sent.id()).with(user(clerk)))
                .andExpect(content().string(containsString("Hạn báo cáo: " + short_(today.plusDays(2)))));
        mvc.perform(get("/hop-thu").with(user(benNgheMember)))
                .andExpect(content().string(containsString("Hạn báo cáo: " + short_(today.plusDays(2)))));
    }

    @Test
    void aUnitSendsItsReportWithAFileAndTheLedgerSaysReportedOnTime() throws Exception {
        DispatchReference sent = publish("Về việc báo cáo đúng hạn", today.plusDays(30));

        submit(sent, benNgheMember, "Phường đã tổ chức 3 buổi tuyên truyền.", file("Báo cáo phường.pdf", pdf()))
                .andExpect(flash().attribute("flash", "delivery.flash.reported"));

        assertThat(jdbc.queryForObject(
                        "select acknowledged_by from delivery where dispatch_id = ? and unit_id = ?",
                        String.class,
                        sent.id(),
                        benNghe.id()))
                .isEqualTo(benNgheMember.getUsername());
        assertThat(events.stream(DeliveryEvent.class)
                        .filter(event -> event.dispatchId().equals(sent.id())))
                .extracting(DeliveryEvent::kind)
                .contains(DeliveryEvent.Kind.REPORTED, DeliveryEvent.Kind.ACKNOWLEDGED);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'REPORT' and subject_id = ?",
                        Integer.class,
                        sent.id()))
                .isEqualTo(1);
        String ledger = page("/quan-ly/cong-van/" + sent.id() + "/so-theo-doi", clerk);
        assertThat(ledger).contains("1/3 đơn vị đã báo cáo", "0 báo cáo trễ hạn", "2 chưa báo cáo", "Đã báo cáo");
        assertThat(page("/quan-ly/cong-van/" + sent.id() + "/so-theo-doi?loc=REPORTED", clerk))
                .contains("Bến Nghé")
                .doesNotContain("Đa Kao");
        assertThat(page("/quan-ly/cong-van/" + sent.id() + "/so-theo-doi?loc=NOT_REPORTED", clerk))
                .contains("Đa Kao", "Tân Định", "Chưa báo cáo")
                .doesNotContain("phường Bến Nghé");
        assertThat(page("/quan-ly/cong-van/" + sent.id() + "/bao-cao/" + benNghe.id(), clerk))
                .contains("Phường đã tổ chức 3 buổi tuyên truyền.", "Báo cáo phường.pdf");
        Long fileId = reportFileId(sent, benNghe);
        byte[] downloaded = mvc.perform(
                        get("/quan-ly/cong-van/{id}/bao-cao/{unit}/tep/{file}", sent.id(), benNghe.id(), fileId)
                                .with(user(clerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(downloaded).isEqualTo(pdf());
    }

    @Test
    void aRevisedReportKeepsEveryVersionAndTheFirstDecidesItWasOnTime() throws Exception {
        DispatchReference sent = publish("Về việc báo cáo gửi lại", today.plusDays(30));
        submit(sent, benNgheMember, "Bản thứ nhất.");
        pastDeadline(sent);
        submit(sent, benNgheMember, "Bản thứ hai, bổ sung số liệu.");

        assertThat(jdbc.queryForList("""
                        select v.body from report_revision v join report r on r.id = v.report_id
                        where r.dispatch_id = ? order by v.revision
                        """, String.class, sent.id()))
                .containsExactly("Bản thứ nhất.", "Bản thứ hai, bổ sung số liệu.");
        assertThat(page("/quan-ly/cong-van/" + sent.id() + "/so-theo-doi?loc=LATE", clerk))
                .doesNotContain("phường Bến Nghé");
        assertThat(page("/hop-thu/" + sent.id(), benNgheMember))
                .contains("Bản thứ hai, bổ sung số liệu.", "Gửi lại báo cáo");
    }

    /**
     * The files of a version are scanned before the report's row is locked or a transaction opened (ADR 0070):
     * another version of the same unit's report goes through while a slow scan is held, and comes first.
     */
    @Test
    void anotherVersionIsNotKeptWaitingByTheScanOfAFileSentWithTheFirst() throws Exception {
        DispatchReference sent = publish("Về việc báo cáo trong khi quét tệp", today.plusDays(30));
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch otherDone = new java.util.concurrent.CountDownLatch(1);
        try (ScanGate gate = ScanGate.install(context)) {
            java.util.concurrent.Future<?> slow = threads.submit(
                    () -> submit(sent, benNgheMember, "Bản kèm tệp quét chậm.", file("Báo cáo chậm.pdf", pdf())));
            assertThat(gate.awaitHeldScan()).isTrue();
            assertThat(gate.heldInTransaction()).isFalse();
            java.util.concurrent.Future<?> other = threads.submit(() -> {
                try {
                    return submit(sent, benNgheMember, "Bản gửi trong khi tệp đang quét.");
                } finally {
                    otherDone.countDown();
                }
            });
            assertThat(otherDone.await(60, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the other version was sent while the first one's file was still being scanned")
                    .isTrue();
            other.get();
            gate.open();
            slow.get();
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForList("""
                        select v.body from report_revision v join report r on r.id = v.report_id
                        where r.dispatch_id = ? order by v.revision
                        """, String.class, sent.id()))
                .containsExactly("Bản gửi trong khi tệp đang quét.", "Bản kèm tệp quét chậm.");
        assertThat(reportFileId(sent, benNghe)).isNotNull();
    }

    @Test
    void anEmptyReportOrARefusedFileSendsNothingAndSaysWhyInVietnamese() throws Exception {
        DispatchReference sent = publish("Về việc báo cáo bị từ chối", today.plusDays(30));

        mvc.perform(multipart("/hop-thu/{id}/bao-cao", sent.id())
                        .param("body", "   ")
                        .with(user(benNgheMember))
                        .with(csrf()))
                .andExpect(flash().attribute("flashErrors", List.of("Vui lòng nhập nội dung báo cáo.")));
        submit(sent, benNgheMember, "Báo cáo kèm tệp sai.", file("so-lieu.xlsx", pdf()))
                .andExpect(flash().attribute(
                                "flashErrors",
                                List.of("Tệp \"so-lieu.xlsx\" có phần mở rộng không đúng với nội dung thật của tệp.")))
                .andExpect(flash().attribute("reportBody", "Báo cáo kèm tệp sai."));

        assertThat(jdbc.queryForObject("select count(*) from report where dispatch_id = ?", Integer.class, sent.id()))
                .isZero();
    }

    @Test
    void aReportAfterTheDeadlineIsLateAndUnitsWithoutOneAreOverdue() throws Exception {
        DispatchReference sent = publish("Về việc báo cáo trễ hạn", today.plusDays(30));
        pastDeadline(sent);

        submit(sent, daKaoMember, "Báo cáo muộn của phường.");

        String ledger = page("/quan-ly/cong-van/" + sent.id() + "/so-theo-doi", clerk);
        assertThat(ledger).contains("1/3 đơn vị đã báo cáo", "1 báo cáo trễ hạn", "Báo cáo trễ hạn");
        assertThat(ledger).contains("Quá hạn, chưa báo cáo");
        assertThat(page("/quan-ly/cong-van/" + sent.id() + "/so-theo-doi?loc=LATE", clerk))
                .contains("Đa Kao")
                .doesNotContain("phường Bến Nghé");
    }

    @Test
    void noOneOutsideTheUnitMaySendOrReadItsReport() throws Exception {
        DispatchReference sent = publish("Về việc báo cáo riêng của đơn vị", today.plusDays(30));
        submit(sent, benNgheMember, "Chỉ Bến Nghé đọc được.", file("rieng.pdf", pdf()));
        Long fileId = reportFileId(sent, benNghe);

        mvc.perform(multipart("/hop-thu/{id}/bao-cao", sent.id())
                        .param("body", "Báo cáo mạo danh.")
                        .with(user(outsider))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/hop-thu/{id}/bao-cao/tep/{file}", sent.id(), fileId).with(user(daKaoMember)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/hop-thu/{id}", sent.id()).with(user(daKaoMember)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Chỉ Bến Nghé đọc được."))));
        mvc.perform(get("/quan-ly/cong-van/{id}/bao-cao/{unit}", sent.id(), benNghe.id())
                        .with(user(otherClerk)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/quan-ly/cong-van/{id}/bao-cao.zip", sent.id()).with(user(otherClerk)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/quan-ly/cong-van/{id}/nhac", sent.id())
                        .with(user(otherClerk))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from report where dispatch_id = ?", Integer.class, sent.id()))
                .isEqualTo(1);
    }

    @Test
    void theZipHoldsEveryReportsTextAndFilesUnderTheUnitsNames() throws Exception {
        DispatchReference sent = publish("Về việc tải tất cả báo cáo", today.plusDays(30));
        submit(
                sent,
                benNgheMember,
                "Báo cáo của Bến Nghé.",
                file("Báo cáo kết quả.pdf", pdf()),
                file("Ảnh hội nghị.png", TestFiles.png()));
        submit(sent, daKaoMember, "Báo cáo của Đa Kao.", file("Báo cáo kết quả.pdf", TWO_PAGES));

        byte[] zip = mvc.perform(
                        get("/quan-ly/cong-van/{id}/bao-cao.zip", sent.id()).with(user(clerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries.keySet())
                .containsExactlyInAnyOrder(
                        "Đảng ủy phường Bến Nghé/bao-cao.txt",
                        "Đảng ủy phường Bến Nghé/Báo cáo kết quả.pdf",
                        "Đảng ủy phường Bến Nghé/Ảnh hội nghị.png",
                        "Đảng ủy phường Đa Kao/bao-cao.txt",
                        "Đảng ủy phường Đa Kao/Báo cáo kết quả.pdf");
        assertThat(new String(entries.get("Đảng ủy phường Bến Nghé/bao-cao.txt"), StandardCharsets.UTF_8))
                .contains("Báo cáo của Bến Nghé.");
        assertThat(new String(entries.get("Đảng ủy phường Đa Kao/bao-cao.txt"), StandardCharsets.UTF_8))
                .contains("Báo cáo của Đa Kao.");
        assertThat(entries.get("Đảng ủy phường Bến Nghé/Báo cáo kết quả.pdf")).isEqualTo(pdf());
        assertThat(entries.get("Đảng ủy phường Bến Nghé/Ảnh hội nghị.png")).isEqualTo(TestFiles.png());
        assertThat(entries.get("Đảng ủy phường Đa Kao/Báo cáo kết quả.pdf")).isEqualTo(TWO_PAGES);
        // The first local header's general-purpose flags: bit 11 says the names are UTF-8.
        int flags = (zip[6] & 0xff) | (zip[7] & 0xff) << 8;
        assertThat(flags & 0x800).isEqualTo(0x800);
    }

    @Test
    void aReminderByHandFlagsTheInboxAndQueuesAMailToTheUnitsAccounts() throws Exception {
        String address = Accounts.uniqueUsername("nhac") + "@phuong.test";
        accounts.openUnlessExists(new NewAccount(
                Accounts.uniqueUsername("nhac"),
                "Cán bộ phường Đa Kao",
                address,
                daKao.id(),
                Set.of(Role.MEMBER),
                Accounts.DEMO_PASSWORD));
        DispatchReference sent = publish("Về việc nhắc báo cáo", today.plusDays(30));
        submit(sent, benNgheMember, "Đã báo cáo trước khi được nhắc.");

        mvc.perform(post("/quan-ly/cong-van/{id}/nhac", sent.id())
                        .param("don-vi", String.valueOf(daKao.id()))
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(flash().attribute("flash", "delivery.flash.reminded"));

        assertThat(page("/hop-thu", daKaoMember)).contains("Đã được nhắc lúc", "is-reminded");
        assertThat(page("/hop-thu/" + sent.id(), daKaoMember)).contains("Đã được nhắc lúc");
        assertThat(page("/hop-thu", benNgheMember)).doesNotContain("Đã được nhắc lúc");
        List<Map<String, Object>> mails = jdbc.queryForList("""
                select o.recipient, o.subject from mail_outbox o join reminder r on r.id = o.reminder_id
                where r.dispatch_id = ?
                """, sent.id());
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.get("recipient")).isEqualTo(address);
            assertThat((String) mail.get("subject")).startsWith("[Nhắc]").contains(sent.notation());
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'REMIND' and subject_id = ?",
                        Integer.class,
                        sent.id()))
                .isEqualTo(1);

        // "Nhắc tất cả chưa báo cáo": the wards without a report, not the one that sent it, and not Đa Kao, reminded
        // a moment ago (congvan.reports.remind-again-after).
        mvc.perform(post("/quan-ly/cong-van/{id}/nhac", sent.id())
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "flashText",
                                startsWith("Đã gửi lời nhắc đến 1 đơn vị. 1 đơn vị vừa được nhắc nên chưa nhắc lại")));
        assertThat(jdbc.queryForList(
                        "select unit_id from reminder where dispatch_id = ? order by id", Long.class, sent.id()))
                .containsExactlyInAnyOrder(daKao.id(), tanDinh.id());
    }

    @Test
    void aClerkRemindsAUnitAgainOnlyOnceTheIntervalHasPassed() throws Exception {
        DispatchReference sent = publish("Về việc nhắc nhiều lần", today.plusDays(30));
        String remind = "/quan-ly/cong-van/" + sent.id() + "/nhac";
        mvc.perform(post(remind)
                        .param("don-vi", String.valueOf(daKao.id()))
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(flash().attribute("flash", "delivery.flash.reminded"));
        java.time.Instant first = jdbc.queryForObject(
                        "select reminded_at from reminder where dispatch_id = ?", java.sql.Timestamp.class, sent.id())
                .toInstant();

        mvc.perform(post(remind)
                        .param("don-vi", String.valueOf(daKao.id()))
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "flashErrors",
                                List.of("Đơn vị này vừa được nhắc. Mỗi đơn vị chỉ được nhắc lại sau 1 giờ; "
                                        + "có thể nhắc lại từ "
                                        + times.format(first.plus(java.time.Duration.ofHours(1)))
                                        + ".")));
        mvc.perform(post(remind).with(user(clerk)).with(csrf()))
                .andExpect(flash().attribute("flashText", startsWith("Đã gửi lời nhắc đến 2 đơn vị. 1 đơn vị")));
        mvc.perform(post(remind).with(user(clerk)).with(csrf()))
                .andExpect(flash().attribute(
                                "flashErrors", contains(startsWith("Các đơn vị cần nhắc đều vừa được nhắc."))));
        assertThat(jdbc.queryForObject(
                        "select count(*) from reminder where dispatch_id = ? and unit_id = ?",
                        Integer.class,
                        sent.id(),
                        daKao.id()))
                .isEqualTo(1);

        // An hour later (the reminders moved back rather than the clock forward) Đa Kao can be reminded again.
        jdbc.update(
                "update reminder set reminded_at = reminded_at - interval '61 minutes' where dispatch_id = ?",
                sent.id());
        mvc.perform(post(remind)
                        .param("don-vi", String.valueOf(daKao.id()))
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(flash().attribute("flash", "delivery.flash.reminded"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from reminder where dispatch_id = ? and unit_id = ?",
                        Integer.class,
                        sent.id(),
                        daKao.id()))
                .isEqualTo(2);
    }

    @Test
    void withoutADeadlineTheUnitsThatHaveNotAcknowledgedAreReminded() throws Exception {
        Long id = management.createDraft(draft("Về việc nhắc xác nhận", null), clerk);
        DispatchReference sent = management.publish(id, null, today, clerk);
        mvc.perform(post("/hop-thu/{id}/xac-nhan", sent.id())
                .with(user(benNgheMember))
                .with(csrf()));

        mvc.perform(post("/quan-ly/cong-van/{id}/nhac", sent.id())
                        .with(user(clerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForList("select unit_id from reminder where dispatch_id = ?", Long.class, sent.id()))
                .containsExactlyInAnyOrder(daKao.id(), tanDinh.id());
        mvc.perform(multipart("/hop-thu/{id}/bao-cao", sent.id())
                        .param("body", "Không có hạn báo cáo.")
                        .with(user(daKaoMember))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theAutomaticReminderComesOnceBeforeTheDeadlineAndNotTwice() throws Exception {
        DispatchReference soon = publish("Về việc nhắc tự động", today.plusDays(1));
        DispatchReference later = publish("Về việc hạn còn xa", today.plusDays(20));
        submit(soon, tanDinhMember(), "Tân Định báo cáo sớm.");

        job.run();
        job.run();

        assertThat(jdbc.queryForList(
                        "select unit_id from reminder where dispatch_id = ? and automatic", Long.class, soon.id()))
                .containsExactlyInAnyOrder(benNghe.id(), daKao.id());
        assertThat(jdbc.queryForObject(
                        "select count(*) from reminder where dispatch_id = ?", Integer.class, later.id()))
                .isZero();
        assertThat(page("/hop-thu/" + soon.id(), benNgheMember)).contains("Đã được nhắc lúc");
    }

    private CurrentUser tanDinhMember() {
        return new TestUsers(organization).member(tanDinh.code());
    }

    private vn.congvan.dispatch.DispatchDraft draft(String subject, LocalDate due) {
        return DispatchDrafts.party(clerk.unitId())
                .subject(subject)
                .reportDueOn(due)
                .addressees(
                        Recipient.unit("Đảng ủy phường Bến Nghé", benNghe.id()),
                        Recipient.unit("Đảng ủy phường Đa Kao", daKao.id()),
                        Recipient.unit("Đảng ủy phường Tân Định", tanDinh.id()))
                .build();
    }

    private DispatchReference publish(String subject, LocalDate due) {
        Long id = management.createDraft(draft(subject, due), clerk);
        return management.publish(id, null, today, clerk);
    }

    /** The deadline has passed: yesterday, as if the days had gone by since the publication. */
    private void pastDeadline(DispatchReference sent) {
        jdbc.update("update dispatch set report_due_on = ? where id = ?", today.minusDays(1), sent.id());
    }

    private org.springframework.test.web.servlet.ResultActions submit(
            DispatchReference sent, CurrentUser member, String body, MockMultipartFile... files) throws Exception {
        var request = multipart("/hop-thu/{id}/bao-cao", sent.id()).param("body", body);
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return mvc.perform(request.with(user(member)).with(csrf())).andExpect(status().is3xxRedirection());
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("files", name, "application/octet-stream", content);
    }

    /** One PDF's bytes for the whole class, so that a file read back is compared with the very bytes sent. */
    private static final byte[] PDF = TestFiles.pdf(1);

    private static final byte[] TWO_PAGES = TestFiles.pdf(2);

    private static byte[] pdf() {
        return PDF.clone();
    }

    private Long reportFileId(DispatchReference sent, UnitSummary unit) {
        return jdbc.queryForObject("""
                select f.id from report_file f join report r on r.id = f.report_id
                where r.dispatch_id = ? and r.unit_id = ? order by f.id limit 1
                """, Long.class, sent.id(), unit.id());
    }

    private String page(String path, CurrentUser who) throws Exception {
        return mvc.perform(get(path).with(user(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String short_(LocalDate date) {
        return date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
