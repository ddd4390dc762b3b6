package vn.congvan.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentStorage;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.delivery.DeliveryEvent;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchFileDownloaded;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/** ADR 0043: a member's PDF of a restricted dispatch is a copy stamped for them; everyone else gets the original. */
@CongvanIntegrationTest
@RecordApplicationEvents
class StampedCopiesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchManagement management;

    @Autowired
    Attachments attachments;

    @Autowired
    AttachmentStorage storage;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    CurrentUser clerk;

    CurrentUser member;

    UnitSummary ward;

    String wardName;

    @BeforeEach
    void setUp() {
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử bản có dấu");
        clerk = new TestUsers(organization).clerk(issuer.board().code());
        wardName = "Đảng ủy phường Sài Gòn " + Units.uniqueCode("");
        ward = Units.ward(administration, issuer.committee(), wardName, null);
        member = new CurrentUser(
                4711L,
                "saigon-" + ward.code().toLowerCase(),
                "{noop}unused",
                "Sài Gòn",
                ward.id(),
                Set.of(Role.MEMBER),
                true);
    }

    @Test
    void aMembersDownloadOfARestrictedPdfIsAStampedCopyAndTheStoredFileIsUnchanged() throws Exception {
        byte[] original = TestFiles.pdf(2);
        Sent sent = publish(Visibility.RESTRICTED, original, "tai-lieu-mat.pdf");

        MockHttpServletResponse response = mvc.perform(
                        get(inbox(sent) + "/tai-ve").with(user(member)))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        byte[] copy = response.getContentAsByteArray();
        assertThat(copy).isNotEqualTo(original);
        String copyId = events.stream(DispatchFileDownloaded.class)
                .filter(event -> event.dispatchId().equals(sent.id()))
                .map(DispatchFileDownloaded::copyId)
                .findFirst()
                .orElseThrow();
        try (PDDocument document = Loader.loadPDF(copy)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Bản cấp cho: " + wardName)
                    .contains("tài khoản " + member.getUsername())
                    .contains(copyId);
            assertThat(document.getDocumentInformation().getCustomMetadataValue("CongvanCopyId"))
                    .isEqualTo(copyId);
            assertThat(document.getDocumentInformation().getCustomMetadataValue("CongvanAccountId"))
                    .isEqualTo("4711");
        }
        assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-store");
        assertThat(response.getHeader("ETag")).isNull();
        assertThat(response.getHeader("Accept-Ranges")).isEqualTo("none");
        assertThat(response.getContentLengthLong()).isEqualTo(copy.length);
        assertThat(storedSha256(sent.file()))
                .isEqualTo(sha256(original))
                .isEqualTo(sent.file().sha256());
        assertThat(jdbc.queryForObject(
                        "select sha256 from attachment where id = ?",
                        String.class,
                        sent.file().id()))
                .isEqualTo(sha256(original));
    }

    @Test
    void everyDownloadIsANewCopyWithItsOwnIdInTheLedgerAndTheAuditLog() throws Exception {
        Sent sent = publish(Visibility.RESTRICTED, TestFiles.pdf(1), "tai-lieu.pdf");

        byte[] first = mvc.perform(get(inbox(sent)).with(user(member)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] second = mvc.perform(get(inbox(sent) + "/tai-ve").with(user(member)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        List<String> copyIds = events.stream(DeliveryEvent.class)
                .filter(event -> event.dispatchId().equals(sent.id()) && event.kind() == DeliveryEvent.Kind.DOWNLOADED)
                .map(DeliveryEvent::copyId)
                .toList();
        assertThat(copyIds).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(first).isNotEqualTo(second);
        List<String> audited = jdbc.queryForList(
                "select details from audit_entry where action = 'DOWNLOAD' and subject_id = ?",
                String.class,
                sent.id());
        assertThat(audited)
                .anySatisfy(details -> assertThat(details).contains(copyIds.get(0)))
                .anySatisfy(details -> assertThat(details).contains(copyIds.get(1)));
    }

    @Test
    void aRangeOfAStampedCopyIsAnsweredWithTheWholeCopy() throws Exception {
        Sent sent = publish(Visibility.RESTRICTED, TestFiles.pdf(2), "tai-lieu.pdf");

        MockHttpServletResponse response = mvc.perform(get(inbox(sent) + "/tai-ve")
                        .header("Range", "bytes=0-99")
                        .with(user(member)))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Range")).isNull();
        assertThat(response.getContentAsByteArray().length).isGreaterThan(100);
    }

    @Test
    void theIssuersClerkGetsTheOriginalBytes() throws Exception {
        byte[] original = TestFiles.pdf(2);
        Sent sent = publish(Visibility.RESTRICTED, original, "tai-lieu.pdf");

        MockHttpServletResponse response = mvc.perform(get(
                                "/quan-ly/cong-van/{id}/tep/{f}/tai-ve",
                                sent.id(),
                                sent.file().id())
                        .with(user(clerk)))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsByteArray()).isEqualTo(original);
    }

    @Test
    void aPublicDispatchsFileIsTheOriginalInTheInboxAndInThePublicSection() throws Exception {
        byte[] original = TestFiles.pdf(2);
        Sent sent = publish(Visibility.PUBLIC, original, "tai-lieu-cong-khai.pdf");

        MockHttpServletResponse inbox = mvc.perform(get(inbox(sent) + "/tai-ve").with(user(member)))
                .andReturn()
                .getResponse();
        MockHttpServletResponse open = mvc.perform(get(
                        "/tai-lieu-tuyen-truyen/{id}/tep/{f}/tai-ve",
                        sent.id(),
                        sent.file().id()))
                .andReturn()
                .getResponse();

        assertThat(inbox.getContentAsByteArray()).isEqualTo(original);
        assertThat(open.getContentAsByteArray()).isEqualTo(original);
    }

    @Test
    void aRestrictedFileThatIsNotAPdfIsServedAsItIs() throws Exception {
        byte[] png = TestFiles.png();
        Sent sent = publish(Visibility.RESTRICTED, png, "so-do.png");

        MockHttpServletResponse response = mvc.perform(
                        get(inbox(sent) + "/tai-ve").with(user(member)))
                .andReturn()
                .getResponse();

        assertThat(response.getContentAsByteArray()).isEqualTo(png);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-cache");
    }

    @Test
    void aStoredPdfThatCannotBeStampedIsRefusedNotServedAsTheOriginal() throws Exception {
        Sent sent = publish(Visibility.RESTRICTED, TestFiles.pdf(1), "tai-lieu.pdf");
        // A file broken in storage since its upload was inspected: the upload checks refuse such files at the door.
        String key = jdbc.queryForObject(
                "select storage_key from attachment where id = ?",
                String.class,
                sent.file().id());
        Path stored = storage.localFile(key).orElseThrow();
        try (OutputStream out = Files.newOutputStream(stored)) {
            out.write(TestFiles.corruptPdf());
        }

        MockHttpServletResponse response = mvc.perform(
                        get(inbox(sent) + "/tai-ve").with(user(member)))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("Chưa thể cấp bản có dấu");
        assertThat(response.getContentAsString()).doesNotContain("%PDF");
        assertThat(events.stream(DispatchFileDownloaded.class)
                        .filter(event -> event.dispatchId().equals(sent.id())))
                .isEmpty();
    }

    private Sent publish(Visibility visibility, byte[] bytes, String filename) throws IOException {
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(clerk.unitId(), visibility, "Về việc bản có dấu", ward.id()), clerk);
        AttachmentView file = attachments.attach(
                new NewAttachment(id, "Tài liệu", AttachmentKind.APPENDIX, filename), new ByteArrayInputStream(bytes));
        management.publish(id, null, LocalDate.of(2026, 11, 30), clerk);
        return new Sent(id, file);
    }

    private static String inbox(Sent sent) {
        return "/hop-thu/" + sent.id() + "/tep/" + sent.file().id();
    }

    private String storedSha256(AttachmentView file) throws Exception {
        String key = jdbc.queryForObject("select storage_key from attachment where id = ?", String.class, file.id());
        try (InputStream in = storage.open(key)) {
            return sha256(in.readAllBytes());
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    record Sent(Long id, AttachmentView file) {}
}
