package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.Accounts;
import vn.congvan.attachment.ThumbnailRenderer.Outcome;
import vn.congvan.demo.DemoData;

/** First pages drawn once however many ask at once, within a size budget, and never twice when they cannot be. */
@CongvanIntegrationTest
class ThumbnailRendererIntegrationTests {

    /** Attachment ids no row has: the renderer only uses them to name its lock. */
    private static final AtomicLong FAKE_IDS = new AtomicLong(7_700_000_000L);

    @LocalServerPort
    int port;

    @Autowired
    AttachmentStorage storage;

    @Autowired
    DataSource dataSource;

    @Autowired
    AttachmentRepository attachmentRows;

    @Autowired
    Attachments attachments;

    @Autowired
    ThumbnailRenderer sharedRenderer;

    @Autowired
    DemoData demo;

    private final List<ThumbnailRenderer> renderers = new ArrayList<>();

    @AfterEach
    void stopRenderers() {
        renderers.forEach(ThumbnailRenderer::destroy);
    }

    @Test
    void fiftyViewersOfAFreshFileAtOnceShareOneDrawing() throws Exception {
        ThumbnailRenderer renderer = renderer(Duration.ofSeconds(60), Duration.ofSeconds(10));
        String key = store(manyPages(60));
        Long id = FAKE_IDS.incrementAndGet();

        List<Outcome> outcomes = all(50, () -> renderer.firstPage(id, key));

        assertThat(outcomes).hasSize(50).containsOnly(Outcome.DRAWN);
        assertThat(renderer.drawings()).isEqualTo(1);
        BufferedImage image =
                ImageIO.read(storage.derivedFile(key, Thumbnails.VARIANT).toFile());
        assertThat(image.getHeight()).isGreaterThan(image.getWidth());
    }

    @Test
    void fiftyConcurrentRequestsForAFreshThumbnailAllGetAPictureFromOneDrawing() throws Exception {
        Long dispatch = demo.load().district().id();
        AttachmentView briefing = attachments.ofDispatch(dispatch).get(0);
        String key = attachmentRows.findById(briefing.id()).orElseThrow().getStorageKey();
        Files.deleteIfExists(storage.derivedFile(key, Thumbnails.VARIANT));
        Files.deleteIfExists(storage.derivedFile(key, Thumbnails.FAILED_VARIANT));
        int before = sharedRenderer.drawings();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://localhost:" + port + "/tai-lieu-tuyen-truyen/" + dispatch + "/tep/" + briefing.id()
                + "/trang-dau.png");

        List<HttpResponse<byte[]>> responses = all(
                50, () -> client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray()));

        assertThat(sharedRenderer.drawings() - before).isEqualTo(1);
        byte[] drawn = Files.readAllBytes(storage.derivedFile(key, Thumbnails.VARIANT));
        for (HttpResponse<byte[]> response : responses) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(response.headers().allValues("Cache-Control")).hasSize(1);
            if (response.headers().firstValue("Retry-After").isEmpty()) {
                assertThat(response.body()).isEqualTo(drawn);
                assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, no-cache");
            } else {
                assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            }
        }
    }

    @Test
    void aSignedInRequestForAFreshThumbnailWaitsAsynchronouslyAndKeepsItsSessionAndHeaders() throws Exception {
        Long dispatch = demo.load().district().id();
        AttachmentView briefing = attachments.ofDispatch(dispatch).get(0);
        String key = attachmentRows.findById(briefing.id()).orElseThrow().getStorageKey();
        Files.deleteIfExists(storage.derivedFile(key, Thumbnails.VARIANT));
        Files.deleteIfExists(storage.derivedFile(key, Thumbnails.FAILED_VARIANT));
        int before = sharedRenderer.drawings();
        HttpClient clerk = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(clerk.send(
                                HttpRequest.newBuilder(uri("/dang-nhap")).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = clerk.send(
                HttpRequest.newBuilder(uri("/dang-nhap"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=vanthu&password="
                                + URLEncoder.encode(Accounts.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("dang-nhap"));

        HttpResponse<byte[]> response = clerk.send(
                HttpRequest.newBuilder(
                                uri("/quan-ly/cong-van/" + dispatch + "/tep/" + briefing.id() + "/trang-dau.png"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        // Drawn by this request, which therefore waited; the asynchronous answer still passed the security chain
        // as the clerk (a stranger's request is 404, ObjectAccessIntegrationTests) and carries only its own caching.
        assertThat(sharedRenderer.drawings() - before).isEqualTo(1);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().allValues("Cache-Control")).hasSize(1);
        assertThat(response.headers().firstValue("Pragma")).isEmpty();
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        if (response.headers().firstValue("Retry-After").isEmpty()) {
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
            assertThat(response.headers().firstValue("ETag")).hasValue("\"" + briefing.sha256() + "-p1\"");
            assertThat(response.body()).isEqualTo(Files.readAllBytes(storage.derivedFile(key, Thumbnails.VARIANT)));
        } else {
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void aThumbnailRememberedAsUndrawableIsServedAsThePlaceholderWithoutValidators() throws Exception {
        Long dispatch = demo.load().city().id();
        AttachmentView briefing = attachments.ofDispatch(dispatch).get(0);
        String key = attachmentRows.findById(briefing.id()).orElseThrow().getStorageKey();
        Path drawn = storage.derivedFile(key, Thumbnails.VARIANT);
        Path failed = storage.derivedFile(key, Thumbnails.FAILED_VARIANT);
        Files.deleteIfExists(drawn);
        Files.write(failed, new byte[0]);
        int before = sharedRenderer.drawings();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tai-lieu-tuyen-truyen/"
                                            + dispatch + "/tep/" + briefing.id() + "/trang-dau.png"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, no-cache");
            assertThat(response.headers().firstValue("ETag")).isEmpty();
            assertThat(response.headers().firstValue("Retry-After")).isEmpty();
            assertThat(ImageIO.read(new ByteArrayInputStream(response.body()))).isNotNull();
            assertThat(sharedRenderer.drawings()).isEqualTo(before);
            assertThat(drawn).doesNotExist();
        } finally {
            Files.deleteIfExists(failed);
        }
    }

    @Test
    void anEnormousPageIsDrawnScaledToABoundedPicture() throws Exception {
        ThumbnailRenderer renderer = renderer(Duration.ofSeconds(60), Duration.ofSeconds(10));
        String key = store(onePage(new PDRectangle(20_000, 20_000)));

        assertThat(renderer.firstPage(FAKE_IDS.incrementAndGet(), key)).isEqualTo(Outcome.DRAWN);

        BufferedImage image =
                ImageIO.read(storage.derivedFile(key, Thumbnails.VARIANT).toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(1200);
    }

    @Test
    void aFirstPageWhoseDrawingUnpacksBeyondTheBudgetIsNotDrawn() throws Exception {
        // PDFBox unpacks a page's drawing whole into memory: a few hundred kilobytes may unpack to gigabytes, which
        // would take the heap of every thread (a 600 kB PDF of 600 MB killed the portal's connection thread).
        ThumbnailRenderer renderer = renderer(Duration.ofSeconds(60), Duration.ofSeconds(10));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            COSStream drawing = document.getDocument().createCOSStream();
            byte[] comments = "% nothing drawn\n".repeat(4096).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = drawing.createOutputStream(COSName.FLATE_DECODE)) {
                for (long written = 0; written <= PdfContentBudget.MAX_DECODED; written += comments.length) {
                    out.write(comments);
                }
            }
            page.getCOSObject().setItem(COSName.CONTENTS, drawing);
            document.save(file);
        }
        String key = store(file.toByteArray());

        assertThat(renderer.firstPage(FAKE_IDS.incrementAndGet(), key)).isEqualTo(Outcome.FAILED);
        assertThat(storage.derivedFile(key, Thumbnails.VARIANT)).doesNotExist();
    }

    @Test
    void aFileThatCannotBeDrawnIsRememberedAndNotOpenedAgain() throws Exception {
        ThumbnailRenderer renderer = renderer(Duration.ofSeconds(60), Duration.ofSeconds(10));
        String key = store("%PDF-1.7\n1 0 obj << /Type /Catalog >> nonsense\n".getBytes(StandardCharsets.US_ASCII));
        Long id = FAKE_IDS.incrementAndGet();

        assertThat(renderer.firstPage(id, key)).isEqualTo(Outcome.FAILED);
        assertThat(renderer.firstPage(id, key)).isEqualTo(Outcome.FAILED);

        assertThat(renderer.drawings()).isEqualTo(1);
        assertThat(storage.derivedFile(key, Thumbnails.FAILED_VARIANT)).exists();
        assertThat(storage.derivedFile(key, Thumbnails.VARIANT)).doesNotExist();
    }

    @Test
    void aFileDrawnByAnotherInstanceIsWaitedForBrieflyThenAnsweredPendingWithoutDrawingIt() throws Exception {
        ThumbnailRenderer renderer = renderer(Duration.ofSeconds(30), Duration.ofMillis(300));
        String key = store(manyPages(3));
        Long id = FAKE_IDS.incrementAndGet();

        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement lock =
                    otherInstance.prepareStatement("select pg_advisory_xact_lock(8250, hashint8(?))")) {
                lock.setLong(1, id);
                lock.execute();
            }

            assertThat(renderer.firstPage(id, key)).isEqualTo(Outcome.PENDING);
            assertThat(renderer.drawings()).isZero();
            assertThat(storage.derivedFile(key, Thumbnails.VARIANT)).doesNotExist();

            otherInstance.rollback();
        }
        assertThat(renderer.firstPage(id, key)).isEqualTo(Outcome.DRAWN);
        assertThat(renderer.drawings()).isEqualTo(1);
    }

    @Test
    void aRequestThatWaitsLongerThanItsBudgetGetsThePlaceholderAndTheDrawingGoesOn() throws Exception {
        ThumbnailRenderer renderer = renderer(Duration.ZERO, Duration.ofSeconds(30));
        String key = store(manyPages(3));
        Long id = FAKE_IDS.incrementAndGet();

        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement lock =
                    otherInstance.prepareStatement("select pg_advisory_xact_lock(8250, hashint8(?))")) {
                lock.setLong(1, id);
                lock.execute();
            }
            assertThat(renderer.firstPage(id, key)).isEqualTo(Outcome.PENDING);
            otherInstance.rollback();
        }
        ThumbnailRenderer patient = renderer(Duration.ofSeconds(60), Duration.ofSeconds(30));
        // Whichever of the two drawings takes the lock first draws; the other finds the picture.
        assertThat(patient.firstPage(id, key)).isEqualTo(Outcome.DRAWN);
        assertThat(renderer.drawings() + patient.drawings()).isEqualTo(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private ThumbnailRenderer renderer(Duration requestWait, Duration lockWait) {
        ThumbnailRenderer renderer = new ThumbnailRenderer(
                storage,
                dataSource,
                new ThumbnailProperties(
                        1, 8, 1200, Duration.ofSeconds(20), requestWait, lockWait, 64, Duration.ofSeconds(5)));
        renderers.add(renderer);
        return renderer;
    }

    private String store(byte[] content) throws IOException {
        try (StagedFile staged = storage.stage(new ByteArrayInputStream(content), content.length)) {
            return storage.commit(staged);
        }
    }

    /** Starts the tasks together and answers their results. */
    private static <T> List<T> all(int count, Callable<T> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    static byte[] manyPages(int pages) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (int line = 0; line < 40; line++) {
                        content.addRect(60, 780 - line * 18, 300 + (line * 37 % 170), 8);
                    }
                    content.fill();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] onePage(PDRectangle size) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(size);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(1000, 1000, size.getWidth() - 2000, size.getHeight() - 2000);
                content.fill();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
