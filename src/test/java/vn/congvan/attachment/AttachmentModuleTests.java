package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.congvan.ModuleTestSupport;
import vn.congvan.system.Rows;

/**
 * The attachment module alone. The rule on which dispatches' files may change belongs to the dispatch module and is
 * a stub here; the file store, the content inspection and the malware scan are real (the clamd of the test support,
 * as the test profile requires scanning). The dispatch rows are written in SQL for the foreign key.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import(ModuleTestSupport.class)
@ContextConfiguration(initializers = TestClamd.Initializer.class)
class AttachmentModuleTests {

    @MockitoBean
    FileChangeRule changes;

    @Autowired
    Attachments attachments;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPdfAttachedToADispatchWhoseFilesMayChangeIsScannedStoredAndAnnounced(Scenario scenario) {
        long dispatch = dispatch("Về việc thử nghiệm đính kèm");
        byte[] pdf = TestFiles.pdf(2);
        NewAttachment file = new NewAttachment(
                dispatch, "Kế hoạch tuyên truyền", AttachmentKind.DOCUMENT, "Kế hoạch tuyên truyền.pdf");

        scenario.stimulate(() -> attach(file, pdf))
                .andWaitForEventOfType(AttachmentStored.class)
                .matching(event -> event.dispatchId().equals(dispatch))
                .toArriveAndVerify((event, view) -> {
                    assertThat(event.attachmentId()).isEqualTo(view.id());
                    assertThat(event.contentType()).isEqualTo("application/pdf");
                    assertThat(view.scanState()).isEqualTo(ScanState.CLEAN);
                    assertThat(view.pageCount()).isEqualTo(2);
                    assertThat(view.size()).isEqualTo(pdf.length);
                });
        then(changes).should().requireChangeable(dispatch);
        assertThat(attachments.ofDispatch(dispatch))
                .singleElement()
                .satisfies(view -> assertThat(view.originalFilename()).isEqualTo("Kế hoạch tuyên truyền.pdf"));
    }

    @Test
    void aDispatchWhoseFilesMayNotChangeTakesNoFile() {
        long dispatch = dispatch("Về việc thử nghiệm công văn đã ban hành");
        willThrow(new IllegalStateException("published")).given(changes).requireChangeable(dispatch);
        NewAttachment file = new NewAttachment(dispatch, "Phụ lục", AttachmentKind.APPENDIX, "phu-luc.pdf");

        assertThatThrownBy(() -> attach(file, TestFiles.pdf(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("published");
        assertThat(attachments.ofDispatch(dispatch)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from attachment where dispatch_id = ?", Integer.class, dispatch))
                .isZero();
    }

    @Test
    void anInfectedFileIsRefusedWithItsSignatureBeforeTheDispatchIsAsked() {
        long dispatch = dispatch("Về việc thử nghiệm quét mã độc");
        NewAttachment file = new NewAttachment(dispatch, "Tệp lạ", AttachmentKind.OTHER, "tep-la.pdf");

        assertThatThrownBy(() -> attach(file, TestClamd.eicar()))
                .isInstanceOfSatisfying(AttachmentRejectedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(AttachmentRejectedException.Reason.INFECTED);
                    assertThat(refused.detail()).isNotBlank();
                });
        then(changes).should(never()).requireChangeable(dispatch);
        assertThat(attachments.ofDispatch(dispatch)).isEmpty();
    }

    private AttachmentView attach(NewAttachment file, byte[] content) {
        try {
            return attachments.attach(file, new ByteArrayInputStream(content));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private long dispatch(String subject) {
        long issuer = Rows.unit(jdbc, "Ủy ban nhân dân phường thử nghiệm");
        return Rows.publishedDispatch(jdbc, issuer, 1, subject, "PUBLIC", LocalDate.of(2025, 9, 9));
    }
}
