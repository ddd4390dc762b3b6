package vn.congvan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.DispatchRelation;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * A withdrawal, correction or replacement is announced to every unit the dispatch was sent to (a group of a few
 * hundred units here): the inbox keeps the item as a notice, the members get a mail through the outbox, the public
 * and inbox addresses of a withdrawn dispatch and its files answer 410 with the date, the reason and the replacing
 * document, and the feed carries the change. Each test makes its own issuer, units, group and members.
 */
@CongvanIntegrationTest
class ChangeNoticesIntegrationTests {

    static final int UNITS = 300;

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
    AccountManagement accounts;

    @Autowired
    JdbcTemplate jdbc;

    CurrentUser clerk;

    CurrentUser member;

    Issuers.Issuer issuer;

    Long group;

    String mailbox;

    @BeforeEach
    void setUp() {
        TestUsers users = new TestUsers(organization);
        issuer = Issuers.partyBoard(administration, management, "Thử thông báo thu hồi");
        clerk = users.clerk(issuer.board().code());
        UnitSummary first = Units.ward(administration, issuer.committee(), "Đảng ủy phường Thông Báo", null);
        UnitSummary second = Units.ward(administration, issuer.committee(), "Đảng ủy phường Thu Hồi", null);
        // The rest of the group in one statement, under the committee (not crowding the top of the unit tree other
        // tests read): what is counted is the fan-out, not the making of units.
        List<Long> others = jdbc.queryForList(
                """
                insert into unit (kind, code, name, short_name, parent_id)
                select 'OTHER', ? || n, 'Chi bộ thử thông báo ' || n, 'Chi bộ ' || n, ?
                from generate_series(1, ?) n returning id
                """,
                Long.class,
                Units.uniqueCode("CB") + "-",
                issuer.committee().id(),
                UNITS - 2);
        Set<Long> members = new java.util.HashSet<>(others);
        members.add(first.id());
        members.add(second.id());
        group = administration
                .createGroup(Units.uniqueCode("G"), "Các đơn vị thử thông báo", null, members)
                .id();
        member = users.member(first.code());
        mailbox = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        openMember(first.id(), mailbox + "-a@phuong.test");
        openMember(second.id(), mailbox + "-b@phuong.test");
        openMember(others.get(0), mailbox + "-c@phuong.test");
    }

    @Test
    void aWithdrawnDispatchStaysInEveryInboxAsANoticeIsMailedAndItsAddressesAnswerGone() throws Exception {
        Sent sent = publish(Visibility.PUBLIC, "Về việc tuyên truyền sẽ thu hồi");

        management.withdraw(sent.id(), "Ban hành nhầm đối tượng", clerk);

        assertThat(jdbc.queryForObject(
                        "select count(*) from delivery where dispatch_id = ? and noticed_at = withdrawn_at",
                        Integer.class,
                        sent.id()))
                .isEqualTo(UNITS);
        assertThat(outbox(sent.id(), "WITHDRAWN"))
                .containsExactlyInAnyOrder(
                        mailbox + "-a@phuong.test", mailbox + "-b@phuong.test", mailbox + "-c@phuong.test");
        assertThat(jdbc.queryForObject(
                        "select body from mail_outbox where dispatch_id = ? and kind = 'WITHDRAWN' limit 1",
                        String.class,
                        sent.id()))
                .contains("đã bị thu hồi ngày", "Lý do: Ban hành nhầm đối tượng", "/hop-thu/" + sent.id());

        mvc.perform(get("/hop-thu").with(user(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Về việc tuyên truyền sẽ thu hồi")))
                .andExpect(content().string(containsString("Văn bản đã bị thu hồi ngày")))
                .andExpect(content().string(containsString("Lý do: Ban hành nhầm đối tượng")));
        for (String page : List.of("/tai-lieu-tuyen-truyen/" + sent.id(), "/hop-thu/" + sent.id())) {
            mvc.perform(get(page).with(user(member)))
                    .andExpect(status().isGone())
                    .andExpect(content().string(containsString("Văn bản đã bị thu hồi")))
                    .andExpect(content().string(containsString("Thu hồi ngày")))
                    .andExpect(content().string(containsString("Lý do: Ban hành nhầm đối tượng")))
                    .andExpect(content().string(not(containsString("Đề nghị các đơn vị triển khai"))));
        }
        for (String file : List.of(
                "/tai-lieu-tuyen-truyen/" + sent.id() + "/tep/" + sent.file() + "/tai-ve",
                "/hop-thu/" + sent.id() + "/tep/" + sent.file() + "/tai-ve")) {
            mvc.perform(get(file).with(user(member)))
                    .andExpect(status().isGone())
                    .andExpect(content().contentTypeCompatibleWith("text/html"))
                    .andExpect(content().string(not(containsString("%PDF"))));
        }
        mvc.perform(get("/tai-lieu-tuyen-truyen/" + sent.id() + "/tep/" + sent.file()))
                .andExpect(status().isGone());
        mvc.perform(get("/tai-lieu-tuyen-truyen/feed.atom"))
                .andExpect(content().string(containsString("[Đã thu hồi] Công văn " + sent.notation())))
                .andExpect(content().string(containsString("Lý do: Ban hành nhầm đối tượng")))
                .andExpect(content().string(containsString("+07:00</updated>")));
    }

    @Test
    void aWithdrawnDispatchStillDoesNotExistForWhoCouldNotSeeIt() throws Exception {
        Sent sent = publish(Visibility.RESTRICTED, "Về việc nội bộ sẽ thu hồi");
        management.withdraw(sent.id(), "Ban hành nhầm", clerk);

        mvc.perform(get("/tai-lieu-tuyen-truyen/" + sent.id())).andExpect(status().isNotFound());
        mvc.perform(get("/tai-lieu-tuyen-truyen/" + sent.id() + "/tep/" + sent.file()))
                .andExpect(status().isNotFound());
        CurrentUser stranger = new TestUsers(organization)
                .member(Units.ward(
                                administration,
                                Units.root(administration, "Gốc người ngoài"),
                                "Đảng ủy phường Người Ngoài",
                                null)
                        .code());
        mvc.perform(get("/hop-thu/" + sent.id()).with(user(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void aCorrectionIsAnnouncedOnceItIsPublishedWithALinkToIt() throws Exception {
        Sent sent = publish(Visibility.PUBLIC, "Về việc tuyên truyền sẽ đính chính");
        Long correction = management.supersede(sent.id(), DispatchRelation.CORRECTS, clerk);

        assertThat(outbox(sent.id(), "CORRECTED")).isEmpty();
        mvc.perform(get("/hop-thu").with(user(member)))
                .andExpect(content().string(not(containsString("Đã có văn bản đính chính"))));

        DispatchReference published = management.publish(correction, null, LocalDate.of(2024, 10, 3), clerk);

        assertThat(outbox(sent.id(), "CORRECTED")).hasSize(3);
        assertThat(jdbc.queryForObject(
                        "select subject from mail_outbox where dispatch_id = ? and kind = 'CORRECTED' limit 1",
                        String.class,
                        sent.id()))
                .startsWith("[Đính chính văn bản] Công văn số " + sent.notation());
        assertThat(jdbc.queryForObject(
                        "select count(*) from delivery where dispatch_id = ? and noticed_at is not null",
                        Integer.class,
                        sent.id()))
                .isEqualTo(UNITS);
        mvc.perform(get("/hop-thu").with(user(member)))
                .andExpect(content().string(containsString("Đã có văn bản đính chính:")))
                .andExpect(content().string(containsString("/hop-thu/" + published.id())));
        mvc.perform(get("/tai-lieu-tuyen-truyen/" + sent.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/tai-lieu-tuyen-truyen/" + published.id())));
        String feed = mvc.perform(get("/tai-lieu-tuyen-truyen/feed.atom"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(feed)
                .contains("[Đã đính chính] Công văn " + sent.notation())
                .contains("rel=\"related\" href=\"http://congvan.test/tai-lieu-tuyen-truyen/" + published.id() + "\"");
    }

    @Test
    void theGonePageOfAReplacedAndWithdrawnDispatchLinksToItsReplacement() throws Exception {
        Sent sent = publish(Visibility.PUBLIC, "Về việc tuyên truyền sẽ thay thế");
        Long replacement = management.supersede(sent.id(), DispatchRelation.REPLACES, clerk);
        DispatchReference published = management.publish(replacement, null, LocalDate.of(2024, 10, 4), clerk);
        management.withdraw(sent.id(), "Thay thế bằng văn bản mới", clerk);

        assertThat(outbox(sent.id(), "REPLACED")).hasSize(3);
        assertThat(outbox(sent.id(), "WITHDRAWN")).hasSize(3);
        mvc.perform(get("/tai-lieu-tuyen-truyen/" + sent.id()))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Văn bản thay thế:")))
                .andExpect(content().string(containsString("href=\"/tai-lieu-tuyen-truyen/" + published.id() + "\"")));
        mvc.perform(get("/hop-thu/" + sent.id()).with(user(member)))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("href=\"/hop-thu/" + published.id() + "\"")));
    }

    @Test
    void aReplacementSentToOtherUnitsOnlyIsNeitherNamedNorLinkedForTheFirstRecipients() throws Exception {
        Sent sent = publish(Visibility.RESTRICTED, "Về việc nội bộ sẽ thay thế ở nơi khác");
        Long replacement = management.supersede(sent.id(), DispatchRelation.REPLACES, clerk);
        UnitSummary elsewhere = Units.ward(administration, issuer.committee(), "Đảng ủy phường Nơi Khác", null);
        long version = jdbc.queryForObject("select version from dispatch where id = ?", Long.class, replacement);
        management.reviseDraft(
                replacement,
                version,
                management.draftOf(replacement, clerk).toBuilder()
                        .subject("Về việc riêng của phường Nơi Khác")
                        .addressees(Recipient.unit("Đảng ủy phường Nơi Khác", elsewhere.id()))
                        .distribution(List.of(Recipient.text("Lưu VT")))
                        .build(),
                clerk);
        DispatchReference published = management.publish(replacement, null, LocalDate.of(2024, 10, 4), clerk);
        mvc.perform(get("/hop-thu/" + published.id()).with(user(member))).andExpect(status().isNotFound());

        mvc.perform(get("/hop-thu").with(user(member)))
                .andExpect(content().string(not(containsString("/hop-thu/" + published.id() + "\""))))
                .andExpect(content().string(not(containsString(published.notation()))));

        management.withdraw(sent.id(), "Thay thế bằng văn bản gửi nơi khác", clerk);

        mvc.perform(get("/hop-thu/" + sent.id()).with(user(member)))
                .andExpect(status().isGone())
                .andExpect(content().string(not(containsString(published.notation()))))
                .andExpect(content().string(not(containsString("Về việc riêng của phường Nơi Khác"))));
        mvc.perform(get("/hop-thu").with(user(member)))
                .andExpect(content().string(containsString("Thay thế bằng văn bản gửi nơi khác")))
                .andExpect(content().string(not(containsString(published.notation()))));
    }

    private List<String> outbox(Long dispatchId, String kind) {
        return jdbc.queryForList(
                "select recipient from mail_outbox where dispatch_id = ? and kind = ? and recipient like ?",
                String.class,
                dispatchId,
                kind,
                mailbox + "-%");
    }

    private void openMember(Long unitId, String email) {
        String username = Accounts.uniqueUsername("tb");
        accounts.open(new NewAccount(
                username, "Cán bộ " + username, email, unitId, Set.of(Role.MEMBER), Accounts.DEMO_PASSWORD));
    }

    private Sent publish(Visibility visibility, String subject) throws IOException {
        Long id = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .subject(subject)
                        .visibility(visibility)
                        .addressees(Recipient.group("Các đơn vị thử thông báo", group))
                        .build(),
                clerk);
        AttachmentView file = attachments.attach(
                new NewAttachment(id, "Tài liệu", AttachmentKind.APPENDIX, "tai-lieu.pdf"),
                new ByteArrayInputStream(TestFiles.pdf(2)));
        DispatchReference reference = management.publish(id, null, LocalDate.of(2024, 10, 1), clerk);
        return new Sent(id, reference.notation(), file.id());
    }

    record Sent(Long id, String notation, Long file) {}
}
