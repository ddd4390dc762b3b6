package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The INSTREAM client against the real clamd the tests start, with the EICAR test signature loaded. */
class ClamdClientTests {

    private final TestClamd clamd = TestClamd.get();

    @TempDir
    Path directory;

    @Test
    void answersCleanForAnOrdinaryPdf() throws IOException {
        assertThat(clamd.tcpClient().scan(file("bao-cao.pdf", TestFiles.pdf(2))))
                .isEqualTo(ClamdClient.Verdict.CLEAN);
    }

    @Test
    void namesTheSignatureOfAnInfectedFile() throws IOException {
        ClamdClient.Verdict verdict = clamd.tcpClient().scan(file("eicar.txt", TestClamd.eicar()));

        assertThat(verdict.infected()).isTrue();
        assertThat(verdict.signature()).startsWith("Eicar-Test-Signature");
    }

    @Test
    void findsTheSignatureInsideAPdfAcrossChunks() throws IOException {
        // The test file straddles the end of the first 64 KB chunk: clamd must see the chunks as one stream.
        byte[] pdf = TestFiles.pdf(1);
        byte[] content = new byte[70_000];
        System.arraycopy(pdf, 0, content, 0, pdf.length);
        System.arraycopy(TestClamd.eicar(), 0, content, 64 * 1024 - 30, TestClamd.eicar().length);

        assertThat(clamd.tcpClient().scan(file("nhiem.pdf", content)).infected())
                .isTrue();
    }

    @Test
    void speaksOverTheUnixSocketToo() throws IOException {
        assertThat(clamd.socketClient()
                        .scan(file("eicar.txt", TestClamd.eicar()))
                        .infected())
                .isTrue();
        assertThat(clamd.socketClient().scan(file("sach.pdf", TestFiles.pdf(1))).infected())
                .isFalse();
        assertThat(clamd.socketClient().ping()).isTrue();
    }

    @Test
    void treatsAStreamPastClamdsLimitAsAnErrorNotAsClean() throws IOException {
        Path large = file("lon.bin", new byte[TestClamd.STREAM_MAX_BYTES + 512 * 1024]);

        assertThatThrownBy(() -> clamd.tcpClient().scan(large))
                .isInstanceOf(ClamdClient.ScanErrorException.class)
                .hasMessageContaining("size limit exceeded");
    }

    @Test
    void readsTheSizeLimitErrorAsClamdsAnswer() {
        assertThatThrownBy(() -> ClamdClient.verdict("INSTREAM size limit exceeded. ERROR"))
                .isInstanceOf(ClamdClient.ScanErrorException.class)
                .hasMessageContaining("size limit exceeded");
        assertThatThrownBy(() -> ClamdClient.verdict("stream: Can't allocate memory ERROR"))
                .isInstanceOf(ClamdClient.ScanErrorException.class);
    }

    @Test
    void reportsAScannerThatIsNotListeningAsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ClamdClient dead = new ClamdClient(
                new InetSocketAddress("127.0.0.1", closedPort), Duration.ofSeconds(2), Duration.ofSeconds(2));
        Path pdf = file("bao-cao.pdf", TestFiles.pdf(1));

        assertThatThrownBy(() -> dead.scan(pdf)).isInstanceOf(ClamdClient.ScannerUnavailableException.class);
        assertThat(dead.ping()).isFalse();
        ClamdClient noSocket = new ClamdClient(
                UnixDomainSocketAddress.of(directory.resolve("none.sock")),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2));
        assertThatThrownBy(() -> noSocket.scan(pdf)).isInstanceOf(ClamdClient.ScannerUnavailableException.class);
    }

    @Test
    void givesUpOnAScannerThatAcceptsButNeverAnswers() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            ClamdClient client = new ClamdClient(
                    new InetSocketAddress("127.0.0.1", silent.getLocalPort()),
                    Duration.ofSeconds(2),
                    Duration.ofMillis(300));
            Path pdf = file("bao-cao.pdf", TestFiles.pdf(1));

            assertThatThrownBy(() -> client.scan(pdf))
                    .isInstanceOf(ClamdClient.ScannerUnavailableException.class)
                    .hasMessageContaining("did not answer");
        }
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }
}
