package vn.congvan.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real clamd (Debian's clamav-daemon) for the tests, started once per test JVM and stopped when it exits. It loads
 * only the signature shipped under {@code src/test/resources/clamav/} (the EICAR test file's, as hex), so it needs
 * no signature download and starts in seconds. It listens on a free TCP port on loopback and on a Unix socket.
 */
public final class TestClamd {

    static final Path CLAMD = Path.of("/usr/sbin/clamd");

    /** Above the tests' largest file (congvan.attachment.max-file-size=2MB), below what the size test sends. */
    static final int STREAM_MAX_BYTES = 3 * 1024 * 1024;

    private static TestClamd running;

    private final int port;

    private final Path socket;

    private TestClamd(int port, Path socket) {
        this.port = port;
        this.socket = socket;
    }

    /** The one clamd of this JVM, started on first use. */
    public static synchronized TestClamd get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    public int port() {
        return port;
    }

    Path socket() {
        return socket;
    }

    ClamdClient tcpClient() {
        return new ClamdClient(new InetSocketAddress("127.0.0.1", port), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    ClamdClient socketClient() {
        return new ClamdClient(UnixDomainSocketAddress.of(socket), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** The EICAR test file, put together here so that no source file carries it whole. */
    public static byte[] eicar() {
        String head = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$";
        String tail = "EICAR-STANDARD-ANTIVIRUS-" + "TEST-FILE!$H+H*";
        return (head + tail).getBytes(StandardCharsets.US_ASCII);
    }

    private static TestClamd start() {
        if (!Files.isExecutable(CLAMD)) {
            throw new IllegalStateException("The tests scan files with a real ClamAV daemon, but " + CLAMD
                    + " is missing: install it with `apt-get install clamav-daemon` (bash .ci/run does).");
        }
        try {
            // One directory per test JVM: the build runs test classes in two JVMs at once, each with its own server.
            Path home = Files.createDirectories(Path.of(
                            "target",
                            "clamd",
                            String.valueOf(ProcessHandle.current().pid()))
                    .toAbsolutePath());
            Path database = Files.createDirectories(home.resolve("db"));
            try (InputStream signatures = TestClamd.class.getResourceAsStream("/clamav/eicar-test.ndb")) {
                Files.copy(
                        signatures,
                        database.resolve("eicar-test.ndb"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            // A Unix socket's path is limited to about 100 bytes; a fresh directory under /tmp keeps it short.
            Path socket = Files.createTempDirectory("clamd").resolve("clamd.sock");
            int port = freePort();
            Path config = home.resolve("clamd.conf");
            Path log = home.resolve("clamd.log");
            Files.deleteIfExists(log);
            try (Writer out = Files.newBufferedWriter(config)) {
                // No User line: as root clamd would otherwise switch to a user that cannot read target/.
                out.write("""
                        Foreground true
                        LogFile %s
                        TCPSocket %d
                        TCPAddr 127.0.0.1
                        LocalSocket %s
                        DatabaseDirectory %s
                        StreamMaxLength %d
                        MaxFileSize %d
                        MaxScanSize %d
                        """.formatted(
                                log, port, socket, database, STREAM_MAX_BYTES, STREAM_MAX_BYTES, STREAM_MAX_BYTES));
            }
            Process process = new ProcessBuilder(CLAMD.toString(), "--config-file=" + config)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("clamd.out").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.destroy();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }));
            TestClamd clamd = new TestClamd(port, socket);
            awaitListening(process, clamd, log);
            return clamd;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Waits until clamd answers PING on both sockets (it loads the database first), or fails with its log if it
     * stops. Waiting on the process between tries ends the wait at once if it dies; the bound keeps a broken clamd
     * from hanging the build.
     */
    private static void awaitListening(Process process, TestClamd clamd, Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        try {
            while (!(clamd.tcpClient().ping() && clamd.socketClient().ping())) {
                if (process.waitFor(200, TimeUnit.MILLISECONDS) || System.nanoTime() > deadline) {
                    process.destroy();
                    throw new IllegalStateException("clamd did not start; its log (" + log + "):\n"
                            + (Files.exists(log) ? Files.readString(log) : ""));
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Points the application at this JVM's clamd; one class for every context, so the context stays shared. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                            "congvan.attachment.scan.mode=required",
                            "congvan.attachment.scan.host=127.0.0.1",
                            "congvan.attachment.scan.port=" + get().port())
                    .applyTo(context);
        }
    }
}
