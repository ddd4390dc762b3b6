package vn.congvan.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server for the tests: S3Proxy (org.gaul:s3proxy on Maven Central, its jar with dependencies,
 * which the build copies to {@code target/s3proxy/s3proxy.jar} before the integration tests) with jclouds'
 * in-memory "transient" back end. It runs as a child JVM, so that its own Jetty and Jackson never meet the
 * application's; started once per test JVM on a free loopback port, stopped when the JVM exits.
 */
public final class TestS3Proxy {

    public static final String ACCESS_KEY = "congvan-test";

    public static final String SECRET_KEY = "congvan-test-secret";

    public static final String REGION = "us-east-1";

    private static TestS3Proxy running;

    private final URI endpoint;

    private TestS3Proxy(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The one S3Proxy of this JVM, started on first use. */
    public static synchronized TestS3Proxy get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client as the application builds one: path-style, checksums only where required. */
    public S3Client client() {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** A new, empty bucket; answers its name. */
    public String newBucket() {
        String bucket = "congvan-" + UUID.randomUUID();
        try (S3Client s3 = client()) {
            s3.createBucket(create -> create.bucket(bucket));
        }
        return bucket;
    }

    private static TestS3Proxy start() {
        Path jar = Path.of(System.getProperty("congvan.s3proxy.jar", "target/s3proxy/s3proxy.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The S3 storage tests need S3Proxy at " + jar + ": the build copies it "
                    + "there in pre-integration-test (./mvnw verify, or ./mvnw dependency:copy@s3proxy)");
        }
        try {
            // One directory per test JVM: the build runs test classes in two JVMs at once, each with its own server.
            Path home = Files.createDirectories(Path.of(
                            "target",
                            "s3proxy",
                            String.valueOf(ProcessHandle.current().pid()))
                    .toAbsolutePath());
            int port = freePort();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Path config = home.resolve("s3proxy.properties");
            try (Writer out = Files.newBufferedWriter(config)) {
                out.write("""
                        s3proxy.endpoint=%s
                        s3proxy.authorization=aws-v2-or-v4
                        s3proxy.identity=%s
                        s3proxy.credential=%s
                        jclouds.provider=transient
                        jclouds.identity=unused
                        jclouds.credential=unused
                        """.formatted(endpoint, ACCESS_KEY, SECRET_KEY));
            }
            Path log = home.resolve("s3proxy.log");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(
                            java.toString(),
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-jar",
                            jar.toString(),
                            "--properties",
                            config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.destroy();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }));
            TestS3Proxy proxy = new TestS3Proxy(endpoint);
            awaitListening(process, proxy, log);
            return proxy;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Waits until S3Proxy answers a request (listing the buckets), or fails with its log if it stops. Waiting on the
     * process between tries ends the wait at once if it dies; the bound keeps a broken server from hanging the build.
     */
    private static void awaitListening(Process process, TestS3Proxy proxy, Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try (S3Client s3 = proxy.client()) {
            while (true) {
                try {
                    s3.listBuckets();
                    return;
                } catch (RuntimeException notYet) {
                    if (process.waitFor(200, TimeUnit.MILLISECONDS) || System.nanoTime() > deadline) {
                        process.destroy();
                        throw new IllegalStateException(
                                "S3Proxy did not start; its log (" + log + "):\n" + Files.readString(log), notYet);
                    }
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
