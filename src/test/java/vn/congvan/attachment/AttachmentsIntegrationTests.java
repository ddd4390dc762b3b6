package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchRuleException;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.Units;

@CongvanIntegrationTest
class AttachmentsIntegrationTests {

    @Autowired
    Attachments attachments;

    @Autowired
    AttachmentStorage storage;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    CurrentUser clerk;

    Long ward;

    @BeforeEach
    void ownIssuerAndWard() {
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử tệp");
        clerk = new TestUsers(organization).clerk(issuer.board().code());
        ward = Units.ward(administration, issuer.committee(), "Đảng ủy phường Thử tệp", null)
                .id();
    }

    @Test
    void recordsTheSniffedTypeNotTheNameAndCountsPdfPages() throws IOException {
        Long dispatchId = draft();
        AttachmentView briefing = attachments.attach(
                new NewAttachment(dispatchId, "Thông báo nhanh", AttachmentKind.BRIEFING, "thong-bao-nhanh.pdf"),
                new ByteArrayInputStream(TestFiles.pdf(4)));

        AttachmentView image = attachments.attach(
                new NewAttachment(dispatchId, "Ảnh", AttachmentKind.OTHER, "anh.png"),
                new ByteArrayInputStream(TestFiles.png()));

        assertThat(briefing.contentType()).isEqualTo("application/pdf");
        assertThat(briefing.pageCount()).isGreaterThan(3);
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.pageCount()).isNull();
        assertThat(image.position()).isGreaterThan(briefing.position());
    }

    @Test
    void aRolledBackAttachmentLeavesNoFileBehind() throws IOException {
        Long dispatchId = draft();
        String[] key = new String[1];

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    try {
                        AttachmentView view = attachments.attach(
                                new NewAttachment(dispatchId, "Sẽ bị hủy", AttachmentKind.OTHER, "huy.pdf"),
                                new ByteArrayInputStream(TestFiles.pdf(1)));
                        key[0] = attachments.storageKey(view.id());
                        assertThat(storage.localFile(key[0])).isPresent();
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                    throw new IllegalStateException("the surrounding work fails after the file was stored");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(key[0]).isNotNull();
        assertThat(storage.localFile(key[0])).isEmpty();
    }

    @Test
    void refusesToChangeTheFilesOfAPublishedDispatch() throws IOException {
        Long dispatchId = draft();
        AttachmentView sent = attachments.attach(
                new NewAttachment(dispatchId, "Tài liệu", AttachmentKind.APPENDIX, "tai-lieu.pdf"),
                new ByteArrayInputStream(TestFiles.pdf(1)));
        management.publish(dispatchId, null, LocalDate.of(2024, 3, 1), clerk);

        assertThatThrownBy(() -> attachments.attach(
                        new NewAttachment(dispatchId, "Thêm sau", AttachmentKind.APPENDIX, "them-sau.pdf"),
                        new ByteArrayInputStream(TestFiles.pdf(1))))
                .isInstanceOf(DispatchRuleException.class);
        assertThatThrownBy(() -> attachments.remove(dispatchId, sent.id())).isInstanceOf(DispatchRuleException.class);

        assertThat(attachments.ofDispatch(dispatchId))
                .extracting(AttachmentView::id)
                .containsExactly(sent.id());
    }

    private Long draft() {
        return management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .subject("Về việc kiểm thử tệp đính kèm")
                        .addressees(Recipient.unit("Đảng ủy phường Thử tệp", ward))
                        .build(),
                clerk);
    }
}
