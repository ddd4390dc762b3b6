package vn.congvan.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * The people of an attack, in a world of its own: an issuing board with its committee and a party term, another
 * issuing board, two new wards under the committee (the recipient and an outsider), a clerk of each board (the
 * issuer's clerk also as an account that can sign in with {@link Accounts#DEMO_PASSWORD}) and an administrator; and
 * dispatches of the issuer made on demand, so that every test starts from data no other test touches and no test
 * leans on the demo codes.
 */
final class Scenario {

    final CurrentUser clerk;

    final CurrentUser otherClerk;

    final CurrentUser recipient;

    final CurrentUser outsider;

    final CurrentUser admin;

    /** The username of the account of the issuer's clerk, to sign in through the login form. */
    final String clerkUsername;

    /** The committee of the issuing board, under which a test puts wards of its own that the issuer reaches. */
    final UnitSummary committee;

    final UnitSummary recipientUnit;

    final UnitSummary outsiderUnit;

    private final DispatchManagement management;

    private final Attachments attachments;

    private Scenario(ApplicationContext context, String label) {
        OrganizationAdministration administration = context.getBean(OrganizationAdministration.class);
        management = context.getBean(DispatchManagement.class);
        attachments = context.getBean(Attachments.class);
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Phát " + label);
        Issuers.Issuer other = Issuers.partyBoard(administration, management, "Khác " + label);
        committee = issuer.committee();
        recipientUnit = Units.ward(administration, committee, "Đảng ủy phường Nhận " + label, LocalDate.of(2025, 7, 1));
        outsiderUnit = Units.ward(administration, committee, "Đảng ủy phường Ngoài " + label, LocalDate.of(2025, 7, 1));
        clerkUsername = Accounts.uniqueUsername("vanthu");
        context.getBean(AccountManagement.class)
                .open(new NewAccount(
                        clerkUsername,
                        "Văn thư " + label,
                        null,
                        issuer.board().id(),
                        Set.of(Role.CLERK),
                        Accounts.DEMO_PASSWORD));
        clerk = user(clerkUsername, issuer.board().id(), Role.CLERK);
        otherClerk = user("vanthu-khac-" + label, other.board().id(), Role.CLERK);
        recipient = member("nhan-" + label, recipientUnit.id());
        outsider = member("ngoai-" + label, outsiderUnit.id());
        admin = new CurrentUser(
                null, "quantri-" + label, "{noop}unused", "Quản trị viên", null, Set.of(Role.ADMIN), true);
    }

    static Scenario of(ApplicationContext context, String label) {
        return new Scenario(
                context, label + "-" + java.util.UUID.randomUUID().toString().substring(0, 6));
    }

    static CurrentUser member(String username, Long unitId) {
        return user(username, unitId, Role.MEMBER);
    }

    private static CurrentUser user(String username, Long unitId, Role role) {
        return new CurrentUser(null, username, "{noop}unused", "Cán bộ " + username, unitId, Set.of(role), true);
    }

    /** A draft of the issuer addressed to the recipient ward. */
    Long draft(Visibility visibility, String subject) {
        return management.createDraft(
                DispatchDrafts.partyDispatch(clerk.unitId(), visibility, subject, recipientUnit.id()), clerk);
    }

    /** A draft of the other issuer addressed to the recipient ward. */
    Long otherIssuersDraft(String subject) {
        return management.createDraft(
                DispatchDrafts.partyDispatch(otherClerk.unitId(), Visibility.RESTRICTED, subject, recipientUnit.id()),
                otherClerk);
    }

    /** A published dispatch of the issuer with one PDF of three pages. */
    Published published(Visibility visibility, String subject) {
        Long id = draft(visibility, subject);
        AttachmentView file = attach(id, "Tài liệu", "tai-lieu.pdf", TestFiles.pdf(3));
        management.publish(id, null, LocalDate.now(), clerk);
        return new Published(id, file);
    }

    Published withdrawn(Visibility visibility, String subject) {
        Published dispatch = published(visibility, subject);
        management.withdraw(dispatch.id(), "Ban hành nhầm", clerk);
        return dispatch;
    }

    AttachmentView attach(Long dispatchId, String title, String filename, byte[] content) {
        try {
            return attachments.attach(
                    new NewAttachment(dispatchId, title, AttachmentKind.APPENDIX, filename),
                    new ByteArrayInputStream(content));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    record Published(Long id, AttachmentView file) {

        Long fileId() {
            return file.id();
        }
    }
}
