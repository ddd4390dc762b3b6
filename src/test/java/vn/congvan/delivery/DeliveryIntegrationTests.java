package vn.congvan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
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
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * Every test makes its own issuer, a committee of ten wards and a group of them, so that what it counts in the
 * ledger and finds in an inbox is its own.
 */
@CongvanIntegrationTest
@RecordApplicationEvents
class DeliveryIntegrationTests {

    static final List<String> WARDS = List.of(
            "Bến Nghé",
            "Bến Thành",
            "Cầu Kho",
            "Cầu Ông Lãnh",
            "Cô Giang",
            "Đa Kao",
            "Nguyễn Cư Trinh",
            "Nguyễn Thái Bình",
            "Phạm Ngũ Lão",
            "Tân Định");

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

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    CurrentUser clerk;

    CurrentUser benNghe;

    CurrentUser daKao;

    /** The clerk of another issuer of this test's own. */
    CurrentUser otherClerk;

    Long group;

    @BeforeEach
    void setUp() {
        TestUsers users = new TestUsers(organization);
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử giao nhận");
        clerk = users.clerk(issuer.board().code());
        otherClerk = users.clerk(Issuers.partyBoard(administration, management, "Thử giao nhận khác")
                .board()
                .code());
        Map<String, UnitSummary> wards = new HashMap<>();
        for (String ward : WARDS) {
            wards.put(ward, Units.ward(administration, issuer.committee(), "Đảng ủy phường " + ward, null));
        }
        benNghe = users.member(wards.get("Bến Nghé").code());
        daKao = users.member(wards.get("Đa Kao").code());
        group = administration
                .createGroup(
                        Units.uniqueCode("G"),
                        "Cấp ủy cơ sở đảng",
                        null,
                        wards.values().stream().map(UnitSummary::id).collect(Collectors.toSet()))
                .id();
    }

    @Test
    void viewDownloadAndAcknowledgeAreRecordedOnceAndTheFirstTimeIsKept() throws Exception {
        Sent sent = publishToGroup(Visibility.RESTRICTED, "Về việc ghi sổ theo dõi");
        String page = "/hop-thu/" + sent.id();
        String file = page + "/tep/" + sent.file().id() + "/tai-ve";

        mvc.perform(get(page).with(user(benNghe))).andExpect(status().isOk());
        Map<String, Object> first = ledgerRow(sent.id(), benNghe.unitId());
        mvc.perform(get(page).with(user(benNghe))).andExpect(status().isOk());
        mvc.perform(get(file).with(user(benNghe))).andExpect(status().isOk());
        Map<String, Object> afterDownload = ledgerRow(sent.id(), benNghe.unitId());
        mvc.perform(get(file).with(user(benNghe))).andExpect(status().isOk());
        mvc.perform(post(page + "/xac-nhan").with(user(benNghe)).with(csrf())).andExpect(status().is3xxRedirection());
        Map<String, Object> afterAcknowledge = ledgerRow(sent.id(), benNghe.unitId());
        mvc.perform(post(page + "/xac-nhan").with(user(benNghe)).with(csrf())).andExpect(status().is3xxRedirection());
        Map<String, Object> last = ledgerRow(sent.id(), benNghe.unitId());

        assertThat(first.get("first_viewed_at")).isNotNull();
        assertThat(last.get("first_viewed_at")).isEqualTo(first.get("first_viewed_at"));
        assertThat(afterDownload.get("first_downloaded_at")).isNotNull();
        assertThat(last.get("first_downloaded_at")).isEqualTo(afterDownload.get("first_downloaded_at"));
        assertThat(afterAcknowledge.get("acknowledged_at")).isNotNull();
        assertThat(last.get("acknowledged_at")).isEqualTo(afterAcknowledge.get("acknowledged_at"));
        assertThat(last.get("acknowledged_by")).isEqualTo(benNghe.getUsername());
        assertThat(events.stream(DeliveryEvent.class)
                        .filter(event -> event.dispatchId().equals(sent.id())))
                .extracting(DeliveryEvent::kind)
                .containsExactly(
                        DeliveryEvent.Kind.VIEWED,
                        DeliveryEvent.Kind.VIEWED,
                        DeliveryEvent.Kind.DOWNLOADED,
                        DeliveryEvent.Kind.DOWNLOADED,
                        DeliveryEvent.Kind.ACKNOWLEDGED,
                        DeliveryEvent.Kind.ACKNOWLEDGED);
        Map<String, Object> otherWard = ledgerRow(sent.id(), daKao.unitId());
        assertThat(otherWard.get("first_viewed_at")).isNull();
    }

    @Test
    void inboxMarksTheNewDispatchUnreadThenAcknowledged() throws Exception {
        Sent sent = publishToGroup(Visibility.RESTRICTED, "Về việc hộp thư đến của phường");

        mvc.perform(get("/hop-thu").with(user(daKao)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Về việc hộp thư đến của phường")))
                .andExpect(content().string(containsString("Chưa xem")));
        mvc.perform(get("/hop-thu/{id}", sent.id()).with(user(daKao)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Xác nhận đã nhận")));
        mvc.perform(post("/hop-thu/{id}/xac-nhan", sent.id()).with(user(daKao)).with(csrf()));

        mvc.perform(get("/hop-thu/{id}", sent.id()).with(user(daKao)))
                .andExpect(content().string(containsString("Đã xác nhận")))
                .andExpect(content().string(not(containsString("Xác nhận đã nhận"))));
    }

    @Test
    void aMemberOfAUnitTheDispatchWasNotSentToFindsNeitherItNorItsFile() throws Exception {
        Long issuer = clerk.unitId();
        Long draft = management.createDraft(
                DispatchDrafts.party(issuer)
                        .subject("Về việc chỉ gửi Bến Nghé")
                        .addressees(Recipient.unit("Đảng ủy phường Bến Nghé", benNghe.unitId()))
                        .build(),
                clerk);
        AttachmentView file = attach(draft);
        DispatchReference toBenNghe = management.publish(draft, null, LocalDate.of(2024, 2, 1), clerk);

        mvc.perform(get("/hop-thu/{id}", toBenNghe.id()).with(user(daKao))).andExpect(status().isNotFound());
        mvc.perform(get("/hop-thu/{id}/tep/{f}", toBenNghe.id(), file.id()).with(user(daKao)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/hop-thu/{id}/xac-nhan", toBenNghe.id())
                        .with(user(daKao))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/hop-thu/{id}/tep/{f}", toBenNghe.id(), file.id()).with(user(benNghe)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "private, no-store"));
    }

    @Test
    void ledgerCountsFiltersAndExportsTheRecipients() throws Exception {
        Sent sent = publishToGroup(Visibility.PUBLIC, "Về việc sổ theo dõi có bộ lọc");
        mvc.perform(
                post("/hop-thu/{id}/xac-nhan", sent.id()).with(user(benNghe)).with(csrf()));
        String ledger = "/quan-ly/cong-van/" + sent.id() + "/so-theo-doi";

        mvc.perform(get(ledger).with(user(clerk)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1/10 đơn vị đã xác nhận")))
                .andExpect(content().string(containsString("Đảng ủy phường Bến Nghé")))
                .andExpect(content().string(containsString("Đảng ủy phường Tân Định")));
        mvc.perform(get(ledger).param("loc", "NOT_ACKNOWLEDGED").with(user(clerk)))
                .andExpect(content().string(not(containsString("Đảng ủy phường Bến Nghé"))))
                .andExpect(content().string(containsString("Đảng ủy phường Đa Kao")));
        mvc.perform(get(ledger).param("loc", "NOT_VIEWED").with(user(clerk)))
                .andExpect(content().string(not(containsString("Đảng ủy phường Bến Nghé"))));
        String csv = mvc.perform(get(ledger + ".csv").with(user(clerk)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFĐơn vị,").contains("\"Đảng ủy phường Bến Nghé\"", benNghe.getUsername());
        assertThat(csv.lines()).hasSize(11);
        mvc.perform(get(ledger).with(user(otherClerk))).andExpect(status().isNotFound());
    }

    @Test
    void aWithdrawnDispatchIsGoneFromThePublicSectionAndStaysInTheInboxAsANoticeWithItsReason() throws Exception {
        Sent sent = publishToGroup(Visibility.PUBLIC, "Về việc sẽ bị thu hồi");
        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}", sent.id())).andExpect(status().isOk());

        management.withdraw(sent.id(), "Ban hành nhầm đối tượng", clerk);

        mvc.perform(get("/tai-lieu-tuyen-truyen"))
                .andExpect(content().string(not(containsString("Về việc sẽ bị thu hồi"))));
        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}", sent.id()))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Văn bản đã bị thu hồi")))
                .andExpect(content().string(containsString("Ban hành nhầm đối tượng")));
        mvc.perform(get(
                        "/tai-lieu-tuyen-truyen/{id}/tep/{f}",
                        sent.id(),
                        sent.file().id()))
                .andExpect(status().isGone());
        mvc.perform(get("/hop-thu").with(user(benNghe)))
                .andExpect(content().string(containsString("Về việc sẽ bị thu hồi")))
                .andExpect(content().string(containsString("Văn bản đã bị thu hồi ngày")))
                .andExpect(content().string(containsString("Ban hành nhầm đối tượng")));
        mvc.perform(get("/hop-thu/{id}", sent.id()).with(user(benNghe)))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Văn bản đã bị thu hồi")))
                .andExpect(content().string(containsString("Ban hành nhầm đối tượng")))
                .andExpect(content()
                        .string(not(containsString("/tep/" + sent.file().id()))));
        mvc.perform(get("/hop-thu/{id}/tep/{f}", sent.id(), sent.file().id()).with(user(benNghe)))
                .andExpect(status().isGone());
        mvc.perform(get("/quan-ly/cong-van/{id}", sent.id()).with(user(clerk)))
                .andExpect(content().string(containsString("Ban hành nhầm đối tượng")));
    }

    private Sent publishToGroup(Visibility visibility, String subject) throws IOException {
        Long id = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .subject(subject)
                        .visibility(visibility)
                        .addressees(Recipient.group("Cấp ủy cơ sở đảng", group))
                        .build(),
                clerk);
        AttachmentView file = attach(id);
        management.publish(id, null, LocalDate.of(2024, 10, 1), clerk);
        return new Sent(id, file);
    }

    private AttachmentView attach(Long dispatchId) throws IOException {
        return attachments.attach(
                new NewAttachment(dispatchId, "Tài liệu", AttachmentKind.APPENDIX, "tai-lieu.pdf"),
                new ByteArrayInputStream(TestFiles.pdf(2)));
    }

    private Map<String, Object> ledgerRow(Long dispatchId, Long unitId) {
        return jdbc.queryForMap("select * from delivery where dispatch_id = ? and unit_id = ?", dispatchId, unitId);
    }

    record Sent(Long id, AttachmentView file) {}
}
