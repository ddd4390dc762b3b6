package vn.congvan.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * The people of an attack: two new wards under Quận ủy Quận 1 (the recipient and an outsider), a clerk of the
 * issuer (Ban Tuyên giáo Quận ủy), a clerk of another issuer (Ban Tuyên giáo Thành ủy) and an administrator; and
 * dispatches of the issuer made on demand, so that every test starts from data no other test touches.
 */
final class Scenario {

    final CurrentUser clerk;

    final CurrentUser otherClerk;

    final CurrentUser recipient;

    final CurrentUser outsider;

    final CurrentUser admin;

    final UnitSummary recipientUnit;

    final UnitSummary outsiderUnit;

    private final DispatchManagement management;

    private final Attachments attachments;

    private Scenario(ApplicationContext context, String label) {
        OrganizationDirectory organization = context.getBean(OrganizationDirectory.class);
        OrganizationAdministration administration = context.getBean(OrganizationAdministration.class);
        TestUsers users = new TestUsers(organization);
        UnitSummary district = organization.unitByCode("QU-Q1").orElseThrow();
        recipientUnit = Units.ward(administration, district, "Đảng ủy phường Nhận " + label, LocalDate.of(2025, 7, 1));
        outsiderUnit = Units.ward(administration, district, "Đảng ủy phường Ngoài " + label, LocalDate.of(2025, 7, 1));
        clerk = users.clerk("QU-Q1.BTG");
        otherClerk = users.clerk("TU-HCM.BTG");
        recipient = member("nhan-" + label, recipientUnit.id());
        outsider = member("ngoai-" + label, outsiderUnit.id());
        admin = users.admin();
        management = context.getBean(DispatchManagement.class);
        attachments = context.getBean(Attachments.class);
    }

    static Scenario of(ApplicationContext context, String label) {
        return new Scenario(
                context, label + "-" + java.util.UUID.randomUUID().toString().substring(0, 6));
    }

    static CurrentUser member(String username, Long unitId) {
        return new CurrentUser(null, username, "{noop}unused", "Cán bộ " + username, unitId, Set.of(Role.MEMBER), true);
    }

    /** A draft of the issuer addressed to the recipient ward. */
    Long draft(Visibility visibility, String subject) {
        return management.createDraft(
                DispatchDrafts.partyDispatch(clerk.unitId(), visibility, subject, recipientUnit.id()), clerk);
    }

    /** A draft of the other issuer (Ban Tuyên giáo Thành ủy) addressed to the recipient ward. */
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
