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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.NewUnit;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitKind;

@CongvanIntegrationTest
class PublicationNoticesIntegrationTests {

    @Autowired
    DispatchManagement management;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    GreenMail smtp;

    @AfterEach
    void stopMailServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void membersOfTheRecipientUnitsAndNoOneElseGetAVietnameseNoticeWithALink() throws Exception {
        Long recipient = unit("TEST-MAIL-A");
        Long other = unit("TEST-MAIL-B");
        member("mail-a1", recipient, "a1@phuong.test");
        member("mail-a2", recipient, "a2@phuong.test");
        member("mail-a3", recipient, null);
        accounts.openUnlessExists(new NewAccount(
                "mail-a4", "Văn thư phường", "clerk@phuong.test", recipient, Set.of(Role.CLERK), "Demo@2023"));
        member("mail-b1", other, "b1@phuong.test");
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
                .containsExactlyInAnyOrder("a1@phuong.test", "a2@phuong.test");
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
        Long recipient = unit("TEST-MAIL-C");
        member("mail-c1", recipient, "c1@phuong.test");

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
                .contains("c1@phuong.test");
    }

    private DispatchReference publishTo(Long unitId, String subject) {
        CurrentUser clerk = new TestUsers(organization).clerk("QU-Q1.BTG");
        Long id = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .type("TB")
                        .subject(subject)
                        .addressees(Recipient.unit("Đơn vị thử", unitId))
                        .build(),
                clerk);
        return management.publish(id, null, LocalDate.of(2024, 12, 1), clerk);
    }

    private Long unit(String code) {
        return organization
                .registerUnit(new NewUnit(
                        code,
                        "QU-Q1",
                        UnitKind.GRASSROOTS_PARTY_COMMITTEE,
                        "Đảng ủy " + code,
                        "Đảng ủy " + code,
                        "ĐU",
                        "Quận 1",
                        null))
                .id();
    }

    private void member(String username, Long unitId, String email) {
        accounts.openUnlessExists(
                new NewAccount(username, "Cán bộ " + username, email, unitId, Set.of(Role.MEMBER), "Demo@2023"));
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
