package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.AttachmentRejectedException.Reason;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;

/** What the portal accepts as an attachment, decided from the bytes; the test profile caps files at 2 MB, 3 MB in all. */
@CongvanIntegrationTest
class UploadRulesIntegrationTests {

    @Autowired
    Attachments attachments;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    StorageReconciler reconciler;

    @Autowired
    AttachmentStorage storage;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AttachmentProperties properties;

    Long draft;

    @BeforeEach
    void newDraft() {
        CurrentUser clerk = new TestUsers(organization)
                .clerk(Issuers.partyBoard(administration, management, "Thử tệp đính kèm")
                        .board()
                        .code());
        draft = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .subject("Về việc kiểm thử tệp")
                        .addressees(Recipient.text("Các đơn vị"))
                        .build(),
                clerk);
    }

    @Test
    void acceptsEveryCirculatedTypeAndRecordsWhatItReallyIs() throws Exception {
        assertThat(attach("bao-cao.pdf", TestFiles.pdf(3))).satisfies(view -> {
            assertThat(view.contentType()).isEqualTo("application/pdf");
            assertThat(view.pageCount()).isEqualTo(3);
        });
        assertThat(attach("Phụ lục.docx", TestFiles.docx()).contentType()).isEqualTo(ContentInspector.DOCX);
        assertThat(attach("bang-tinh.xlsx", TestFiles.xlsx()).contentType()).isEqualTo(ContentInspector.XLSX);
        assertThat(attach("van-ban.odt", TestFiles.odt()).contentType()).isEqualTo(ContentInspector.ODT);
        assertThat(attach("anh.png", TestFiles.png()).contentType()).isEqualTo("image/png");
        assertThat(attach("anh.JPG", TestFiles.jpeg()).contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused("rong.pdf", new byte[0], Reason.EMPTY);
    }

    @Test
    void refusesAFileLargerThanTheLimitWithoutKeepingAnyOfIt() throws Exception {
        int before = stagingFiles();

        assertRefused("lon.pdf", new byte[2 * 1024 * 1024 + 1], Reason.TOO_LARGE);

        assertThat(stagingFiles()).isEqualTo(before);
    }

    @Test
    void refusesAFileThatWouldTakeTheDispatchPastItsTotal() throws Exception {
        attach("mot.png", padded(TestFiles.png(), 1_600_000));

        assertRefused("hai.png", padded(TestFiles.png(), 1_600_000), Reason.TOTAL_TOO_LARGE);
    }

    @Test
    void refusesTypesThePortalDoesNotCirculate() {
        assertRefused("ghi-chu.txt", "Chỉ là văn bản".getBytes(StandardCharsets.UTF_8), Reason.TYPE_NOT_ALLOWED);
        assertRefused(
                "trang.html", "<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8), Reason.TYPE_NOT_ALLOWED);
    }

    @Test
    void refusesAFileWhoseNameClaimsAnotherType() {
        assertRefused("anh-that-ra.pdf", TestFiles.png(), Reason.MISLABELLED);
        assertRefused("van-ban.docx", TestFiles.pdf(1), Reason.MISLABELLED);
    }

    @Test
    void refusesCorruptFiles() {
        assertRefused("hong.pdf", TestFiles.corruptPdf(), Reason.PDF_TRUNCATED);
        assertRefused("hong.docx", TestFiles.truncatedDocx(), Reason.CORRUPT);
    }

    @Test
    void refusesAnOfficePackageThatUnpacksFarBeyondItsSize() {
        assertRefused("bom.docx", TestFiles.zipBomb(), Reason.UNPACKS_TOO_LARGE);
    }

    @Test
    void refusesAnEncryptedPdf() {
        assertRefused("mat-khau.pdf", TestFiles.encryptedPdf(), Reason.ENCRYPTED);
    }

    @Test
    void theReconcilerRemovesStoredFilesThatNoRowClaimsAndKeepsTheOthers() throws Exception {
        AttachmentView kept = attach("giu.pdf", TestFiles.pdf(1));
        String orphan;
        try (StagedFile staged = storage.stage(new ByteArrayInputStream(TestFiles.pdf(1)), 1024 * 1024)) {
            orphan = storage.commit(staged);
        }

        reconciler.reconcile(Duration.ZERO.minusSeconds(5));

        assertThat(storage.localFile(orphan)).isEmpty();
        assertThat(storage.localFile(attachments.storageKey(kept.id()))).isPresent();
    }

    private AttachmentView attach(String name, byte[] content) throws Exception {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return attachments.attach(new NewAttachment(draft, name, AttachmentKind.APPENDIX, name), in);
        }
    }

    private void assertRefused(String name, byte[] content, Reason reason) {
        assertThatThrownBy(() -> attach(name, content))
                .isInstanceOfSatisfying(AttachmentRejectedException.class, ex -> {
                    assertThat(ex.reason()).isEqualTo(reason);
                    assertThat(ex.filename()).isEqualTo(name);
                });
        assertThat(jdbc.queryForObject(
                        "select count(*) from attachment where dispatch_id = ? and original_filename = ?",
                        Integer.class,
                        draft,
                        name))
                .isZero();
    }

    /** A valid image followed by padding: image readers stop at the image's end. */
    private static byte[] padded(byte[] image, int size) {
        return java.util.Arrays.copyOf(image, size);
    }

    private int stagingFiles() throws Exception {
        try (Stream<Path> files = Files.list(properties.storageRoot().resolve("staging"))) {
            return (int) files.count();
        }
    }
}
