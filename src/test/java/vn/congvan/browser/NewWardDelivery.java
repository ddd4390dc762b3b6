package vn.congvan.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.context.ApplicationContext;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
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
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * Test data for the browser tests: a new ward Party committee under the city committee (since the 2025
 * reorganisation the wards sit directly under it), a member account there (demo password), and a restricted dispatch
 * of the merged Ban Tuyên giáo và Dân vận Thành ủy sent to it with one PDF, so that a test starts from an inbox no
 * other test touches.
 */
record NewWardDelivery(String username, Long dispatchId, String notation, String subject, AttachmentView file) {

    static NewWardDelivery send(ApplicationContext context, String label) throws IOException {
        OrganizationDirectory organization = context.getBean(OrganizationDirectory.class);
        DispatchManagement management = context.getBean(DispatchManagement.class);
        UnitSummary ward = Units.ward(
                context.getBean(OrganizationAdministration.class),
                organization.unitByCode("TU-HCM").orElseThrow(),
                "Đảng ủy phường Thử nghiệm " + label,
                LocalDate.of(2025, 7, 1));
        String username = Accounts.uniqueUsername("phuong");
        context.getBean(AccountManagement.class).open(Accounts.member(username, ward.id()));
        CurrentUser clerk = new TestUsers(organization).clerk("TU-HCM.BTGDV");
        String subject = "Về việc triển khai tài liệu sinh hoạt chi bộ (" + label + ")";
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(clerk.unitId(), Visibility.RESTRICTED, subject, ward.id()), clerk);
        AttachmentView file = context.getBean(Attachments.class)
                .attach(
                        new NewAttachment(
                                id, "Tài liệu sinh hoạt chi bộ", AttachmentKind.BRIEFING, "tai-lieu-sinh-hoat.pdf"),
                        new ByteArrayInputStream(TestFiles.pdf(3)));
        DispatchReference sent = management.publish(id, null, LocalDate.now(), clerk);
        return new NewWardDelivery(username, id, sent.notation(), subject, file);
    }
}
