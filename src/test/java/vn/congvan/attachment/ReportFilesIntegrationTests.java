package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.attachment.AttachmentRejectedException.Reason;
import vn.congvan.system.Rows;

/**
 * The files of units' reports (ADR 0034) go through the dispatches' files' pipeline and live in the same store; the
 * report row is written in SQL, as the delivery module would.
 */
@CongvanIntegrationTest
class ReportFilesIntegrationTests {

    @Autowired
    ReportFiles files;

    @Autowired
    StorageReconciler reconciler;

    @Autowired
    AttachmentStorage storage;

    @Autowired
    MalwareScanner scanner;

    @Autowired
    JdbcTemplate jdbc;

    long report;

    @BeforeEach
    void aReport() {
        long issuer = Rows.unit(jdbc, "Ủy ban nhân dân phường thử báo cáo");
        long ward = Rows.unit(jdbc, "Đảng ủy phường thử báo cáo");
        long dispatch =
                Rows.publishedDispatch(jdbc, issuer, 1, "Về việc thử tệp báo cáo", "RESTRICTED", LocalDate.now());
        report = jdbc.queryForObject("""
                insert into report (dispatch_id, unit_id, revision, body, first_submitted_at, submitted_at,
                    submitted_by, on_time)
                values (?, ?, 1, 'Báo cáo thử.', now(), now(), 'thu', true) returning id
                """, Long.class, dispatch, ward);
    }

    @Test
    void aReportsFileIsScannedKeptByTheReconcilerAndReadBackByteForByte() throws Exception {
        byte[] pdf = TestFiles.pdf(1);
        ReportFileView file = attach("Báo cáo\u202Efdp.exe.pdf", pdf);

        reconciler.reconcile(Duration.ZERO.minusSeconds(5));

        assertThat(file.originalFilename()).doesNotContain("\u202E");
        assertThat(jdbc.queryForObject("select scan_state from report_file where id = ?", String.class, file.id()))
                .isEqualTo("CLEAN");
        try (InputStream in = files.open(report, file.id())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(files.ofReport(report)).extracting(ReportFileView::id).containsExactly(file.id());
        assertThatThrownBy(() -> files.open(report + 1, file.id())).isInstanceOf(AttachmentNotFoundException.class);
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysOrIsInfectedIsRefusedAsADispatchsFileWouldBe() {
        assertThatThrownBy(() -> attach("bang-tinh.xlsx", TestFiles.pdf(1)))
                .isInstanceOfSatisfying(
                        AttachmentRejectedException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(Reason.MISLABELLED));
        byte[] eicar = TestClamd.eicar();
        assertThatThrownBy(() -> attach("nhiem.pdf", eicar))
                .isInstanceOfSatisfying(
                        AttachmentRejectedException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(Reason.INFECTED));
        assertThat(files.ofReport(report)).isEmpty();
    }

    @Test
    void aFileTheScannerCannotTakeNowIsRefusedRatherThanKeptWaiting() throws Exception {
        ClamdClient working = scanner.replaceClient(deadScanner());
        try {
            assertThatThrownBy(() -> attach("cho-quet.pdf", TestFiles.pdf(1)))
                    .isInstanceOfSatisfying(
                            AttachmentRejectedException.class,
                            ex -> assertThat(ex.reason()).isEqualTo(Reason.SCAN_UNAVAILABLE));
        } finally {
            scanner.replaceClient(working);
        }
        assertThat(files.ofReport(report)).isEmpty();
    }

    private ReportFileView attach(String name, byte[] content) throws IOException {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return files.attach(report, 1, name, in);
        }
    }

    private static ClamdClient deadScanner() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new ClamdClient(new InetSocketAddress("127.0.0.1", port), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }
}
