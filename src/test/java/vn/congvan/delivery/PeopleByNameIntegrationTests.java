package vn.congvan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.AccountSummary;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * Pages that say who did something name the person (the account's display name), not the login name; the audit log,
 * where administrators search and unlock by login name, shows both.
 */
@CongvanIntegrationTest
class PeopleByNameIntegrationTests {

    static final String NAME = "Nguyễn Thị Thu Hà";

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchManagement management;

    @Autowired
    Attachments attachments;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    CurrentUser clerk;

    CurrentUser member;

    UnitSummary ward;

    @BeforeEach
    void aWardWithAMemberWhoHasAName() {
        TestUsers users = new TestUsers(organization);
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử tên người");
        clerk = users.clerk(issuer.board().code());
        ward = Units.ward(administration, issuer.committee(), "Đảng ủy phường Thử Tên", null);
        String username = Accounts.uniqueUsername("ha.ntt");
        AccountSummary account = accounts.open(
                new NewAccount(username, NAME, null, ward.id(), Set.of(Role.MEMBER), Accounts.DEMO_PASSWORD));
        member = new CurrentUser(
                account.id(), account.username(), "{noop}unused", NAME, ward.id(), Set.of(Role.MEMBER), true);
    }

    @Test
    void whoAcknowledgedIsNamedInTheInboxTheLedgerItsExportAndTheAuditLog() throws Exception {
        Long id = publishedToTheWard("Về việc gọi người nhận bằng tên");
        mvc.perform(post("/hop-thu/{id}/xac-nhan", id).with(user(member)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(page("/hop-thu/" + id, member)).contains(NAME).doesNotContain(member.getUsername());
        String ledger = "/quan-ly/cong-van/" + id + "/so-theo-doi";
        assertThat(page(ledger, clerk)).contains("(" + NAME + ")").doesNotContain(member.getUsername());
        assertThat(page(ledger + ".csv", clerk)).contains(NAME).doesNotContain(member.getUsername());
        assertThat(page("/quan-tri/nhat-ky?username=" + member.getUsername(), new TestUsers(organization).admin()))
                .contains(NAME + " (" + member.getUsername() + ")");
    }

    @Test
    void aUsernameWithoutAnAccountIsShownAsItWasRecorded() {
        assertThat(accounts.displayNames(java.util.Arrays.asList("khong-co-tai-khoan", null, member.getUsername())))
                .containsEntry(member.getUsername(), NAME)
                .doesNotContainKey("khong-co-tai-khoan");
        assertThat(AccountManagement.nameOr(accounts.displayNames(Set.of("khong-co-tai-khoan")), "khong-co-tai-khoan"))
                .isEqualTo("khong-co-tai-khoan");
    }

    private Long publishedToTheWard(String subject) throws IOException {
        Long id = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .subject(subject)
                        .addressees(Recipient.unit(ward.name(), ward.id()))
                        .build(),
                clerk);
        attachments.attach(
                new NewAttachment(id, "Tài liệu", AttachmentKind.APPENDIX, "tai-lieu.pdf"),
                new ByteArrayInputStream(TestFiles.pdf(1)));
        management.publish(id, null, LocalDate.of(2024, 10, 1), clerk);
        return id;
    }

    private String page(String path, CurrentUser who) throws Exception {
        return mvc.perform(get(path).with(user(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
