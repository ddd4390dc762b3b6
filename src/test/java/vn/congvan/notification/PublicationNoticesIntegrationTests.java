package vn.congvan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.Units;

/**
 * Every test publishes as an issuer of its own to wards and accounts of its own, with addresses no other test
 * uses, so that the notices it counts are its own.
 */
@CongvanIntegrationTest
class PublicationNoticesIntegrationTests {

    @Autowired
    DispatchManagement management;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    GreenMail smtp;

    Issuers.Issuer issuer;

    /** What this test's addresses begin with. */
    String mailbox;

    @BeforeEach
    void makeAnIssuer() {
        issuer = Issuers.partyBoard(administration, management, "Thử thông báo");
        mailbox = Accounts.uniqueUsername("thu");
    }

    @AfterEach
    void stopMailServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void membersOfTheRecipientUnitsAndNoOneElseGetAVietnameseNoticeWithALink() throws Exception {
        Long recipient = unit("Đảng ủy phường Thư A");
        Long other = unit("Đảng ủy phường Thư B");
        member("mail-a1", recipient, address("a1"));
        member("mail-a2", recipient, address("a2"));
        member("mail-a3", recipient, null);
        accounts.openUnlessExists(new NewAccount(
                Accounts.uniqueUsername("mail-a4"),
                "Văn thư phường",
                address("clerk"),
                recipient,
                Set.of(Role.CLERK),
                Accounts.DEMO_PASSWORD));
        member("mail-b1", other, address("b1"));
        smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();

        DispatchReference sent = publishTo(recipient, "Về việc thông báo qua thư điện tử");
        outbox.sendDue(1000);

        List<MimeMessage> ours = Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> GreenMailUtil.getBody(message) != null)
                .filter(message -> subject(message).contains("Về việc thông báo qua thư điện tử"))
                .toList();
        assertThat(ours).hasSize(2);
        assertThat(ours.stream().map(PublicationNoticesIntegrationTests::to).toList())
                .containsExactlyInAnyOrder(address("a1"), address("a2"));
        MimeMessage notice = ours.get(0);
        assertThat(subject(notice)).contains("[Văn bản mới]", sent.notation());
        String body = GreenMailUtil.getBody(notice);
        assertThat(decoded(notice))
                .contains("http://congvan.test/hop-thu/" + sent.id(), "Kính gửi đồng chí")
                .contains(sent.notation());
        assertThat(body).isNotEmpty();
    }

    @Test
    void aMailServerThatIsDownNeitherBlocksNorUndoesAPublicationAndTheNoticeIsSentLater() throws Exception {
        Long recipient = unit("Đảng ủy phường Thư C");
        member("mail-c1", recipient, address("c1"));

        DispatchReference sent = publishTo(recipient, "Về việc máy chủ thư tạm ngừng");
        outbox.sendDue(1000);

        assertThat(jdbc.queryForObject("select status from dispatch where id = ?", String.class, sent.id()))
                .isEqualTo("PUBLISHED");
        assertThat(jdbc.queryForMap(
                        "select status, attempts, last_error from mail_outbox where dispatch_id = ?", sent.id()))
                .satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("PENDING");
                    assertThat(row.get("attempts")).isEqualTo(1);
                    assertThat(row.get("last_error")).isNotNull();
                });

        smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
        jdbc.update("update mail_outbox set next_attempt_at = now() where dispatch_id = ?", sent.id());
        outbox.sendDue(1000);

        assertThat(jdbc.queryForObject("select status from mail_outbox where dispatch_id = ?", String.class, sent.id()))
                .isEqualTo("SENT");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(PublicationNoticesIntegrationTests::to))
                .contains(address("c1"));
    }

    private DispatchReference publishTo(Long unitId, String subject) {
        CurrentUser clerk = new TestUsers(organization).clerk(issuer.board().code());
        Long id = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .type("TB")
                        .subject(subject)
                        .addressees(Recipient.unit("Đơn vị thử", unitId))
                        .build(),
                clerk);
        return management.publish(id, null, LocalDate.of(2024, 12, 1), clerk);
    }

    private Long unit(String name) {
        return Units.ward(administration, issuer.committee(), name, null).id();
    }

    private void member(String name, Long unitId, String email) {
        String username = Accounts.uniqueUsername(name);
        accounts.openUnlessExists(new NewAccount(
                username, "Cán bộ " + username, email, unitId, Set.of(Role.MEMBER), Accounts.DEMO_PASSWORD));
    }

    private String address(String who) {
        return mailbox + "-" + who + "@phuong.test";
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String decoded(MimeMessage message) {
        try {
            return new String(message.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
