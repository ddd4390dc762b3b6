package vn.congvan.attachment;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Draws the first page of stored PDFs, once: one drawing per file at a time on this instance (later viewers wait for
 * the same drawing), one across instances (a PostgreSQL advisory lock on the attachment), on a small pool with a
 * time and size budget per file. See ADR 0023.
 */
@Component
class ThumbnailRenderer implements DisposableBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ThumbnailRenderer.class);

    /** Advisory lock class of first-page drawings; other classes are taken by other modules (8231, 8240, 8241). */
    private static final int LOCK_CLASS = 8250;

    /** About 150 px wide for an A4 page: enough to recognise a document in a list. */
    private static final float DPI = 18f;

    /** How often a drawing thread looks whether another instance finished the same file. */
    private static final long LOCK_POLL_MILLIS = 100;

    enum Outcome {
        /** The picture is on disk. */
        DRAWN,
        /** The first page cannot be drawn; remembered beside the file. */
        FAILED,
        /** Not drawn yet (busy elsewhere, queue full, or still drawing): ask again later. */
        PENDING
    }

    private final AttachmentStorage storage;

    private final DataSource dataSource;

    private final ThumbnailProperties properties;

    private final ThreadPoolExecutor pool;

    private final Map<Long, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();

    private final Semaphore waiting;

    /** How many times a stored file was opened to draw it: the test of single flight. */
    private final AtomicInteger drawings = new AtomicInteger();

    ThumbnailRenderer(AttachmentStorage storage, DataSource dataSource, ThumbnailProperties properties) {
        this.storage = storage;
        this.dataSource = dataSource;
        this.properties = properties;
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                properties.threads(),
                properties.threads(),
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(properties.queue()),
                task -> {
                    Thread thread = new Thread(task, "thumbnail-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    // Drawing is background work: the request threads that serve lists go first on a busy core.
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
        this.waiting = new Semaphore(properties.maxWaiting());
    }

    int drawings() {
        return drawings.get();
    }

    /**
     * The state of that file's first page, drawing it if nobody has, as a future that never waits longer than
     * {@link ThumbnailProperties#requestWait()}: past that, or when enough requests already wait for drawings, it
     * answers {@link Outcome#PENDING}. Completed at once when the answer is known now (on disk, or too many waiting).
     * Nobody blocks on it in a request: a request that must wait is completed asynchronously (ADR 0027), so a
     * stampede on one new file takes no request threads from the pages. A stored file that cannot be read completes
     * it exceptionally with the {@link IOException}, an error of the request.
     */
    CompletableFuture<Outcome> firstPageLater(Long attachmentId, String key) {
        Outcome known = onDisk(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        // A finished flight still in the map (its completion has not removed it yet) is not joined: it may have
        // ended pending, and the disk was looked at again above.
        CompletableFuture<Outcome> started = new CompletableFuture<>();
        CompletableFuture<Outcome> flight = inFlight.compute(
                attachmentId, (id, current) -> current == null || current.isDone() ? started : current);
        if (flight == started) {
            // Outside compute: the pool may complete the flight at once, and its removal touches the map.
            start(attachmentId, key, started);
        }
        if (!waiting.tryAcquire()) {
            // Enough requests already wait; this one answers at once, so that waiting viewers stay bounded.
            return CompletableFuture.completedFuture(Outcome.PENDING);
        }
        // A copy per viewer: its timeout must not complete the shared flight for the others.
        CompletableFuture<Outcome> answer = flight.handle((outcome, error) -> {
                    if (error == null) {
                        return outcome;
                    }
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    // The drawing thread records its own failures; anything else is the storage's, an error of the
                    // request.
                    if (cause instanceof IOException io) {
                        throw new CompletionException(io);
                    }
                    log.warn("Could not draw the first page of attachment {}", attachmentId, cause);
                    return Outcome.PENDING;
                })
                .completeOnTimeout(Outcome.PENDING, properties.requestWait().toMillis(), TimeUnit.MILLISECONDS);
        answer.whenComplete((outcome, error) -> waiting.release());
        return answer;
    }

    /** {@link #firstPageLater} waited for on the calling thread: for tests and background work, not requests. */
    Outcome firstPage(Long attachmentId, String key) throws IOException {
        try {
            return firstPageLater(attachmentId, key).get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Outcome.PENDING;
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    private void start(Long attachmentId, String key, CompletableFuture<Outcome> flight) {
        // The flight leaves the map when it ends, whoever waits for it; later viewers look at the disk first.
        flight.whenComplete((outcome, error) -> inFlight.remove(attachmentId, flight));
        try {
            pool.execute(() -> {
                try {
                    flight.complete(drawOnce(attachmentId, key));
                } catch (Throwable ex) {
                    flight.completeExceptionally(ex);
                }
            });
        } catch (RejectedExecutionException ex) {
            // Enough other files wait for drawing; this one is drawn when asked for again.
            flight.complete(Outcome.PENDING);
        }
    }

    /** On a drawing thread: takes the cross-instance lock, then draws unless someone else already has. */
    private Outcome drawOnce(Long attachmentId, String key) throws IOException, SQLException, InterruptedException {
        long lockDeadline = System.nanoTime() + properties.lockWait().toNanos();
        while (true) {
            Outcome known = onDisk(key);
            if (known != null) {
                return known;
            }
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    if (tryLock(connection, attachmentId)) {
                        // Another instance may have finished between the look at the disk and the lock.
                        Outcome drawn = onDisk(key);
                        return drawn != null ? drawn : draw(attachmentId, key);
                    }
                } finally {
                    // The lock is transaction-scoped: ending the transaction releases it, whatever happened.
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
            if (System.nanoTime() > lockDeadline) {
                log.info("Attachment {} is still being drawn elsewhere; not drawn here", attachmentId);
                return Outcome.PENDING;
            }
            Thread.sleep(LOCK_POLL_MILLIS);
        }
    }

    private static boolean tryLock(Connection connection, Long attachmentId) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select pg_try_advisory_xact_lock(?, hashint8(?))")) {
            statement.setInt(1, LOCK_CLASS);
            statement.setLong(2, attachmentId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private Outcome draw(Long attachmentId, String key) throws IOException {
        Path target = storage.derivedFile(key, Thumbnails.VARIANT);
        Path failed = storage.derivedFile(key, Thumbnails.FAILED_VARIANT);
        Path temporary = Files.createTempFile(target.getParent(), "thumb-", ".part");
        long started = System.nanoTime();
        long deadline = started + properties.renderTimeout().toNanos();
        // A stored file that cannot be read (or fetched) now is an error of the request, not a bad first page.
        try (LocalCopy source = storage.copyToLocal(key)) {
            drawings.incrementAndGet();
            try (PDDocument document =
                    Loader.loadPDF(source.path().toFile(), IOUtils.createTempFileOnlyStreamCache())) {
                PDPage page = document.getPage(0);
                PDRectangle box = page.getCropBox();
                float longest = Math.max(box.getWidth(), box.getHeight());
                if (!(longest > 0) || !Float.isFinite(longest)) {
                    throw new IOException("The first page has no size");
                }
                // A page of any size yields a picture of a bounded size: the page is drawn scaled, never whole.
                float scale = Math.min(DPI / 72f, properties.maxPixels() / longest);
                BudgetedRenderer renderer = new BudgetedRenderer(document, deadline);
                renderer.content.page(page);
                // A scanned page's image is decoded at the thumbnail's size, not at full resolution.
                renderer.setSubsamplingAllowed(true);
                BufferedImage image = renderer.renderImage(0, scale, ImageType.RGB);
                ImageIO.write(image, "png", temporary.toFile());
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                log.info(
                        "Drew the first page of attachment {} ({}x{} px) in {} ms",
                        attachmentId,
                        image.getWidth(),
                        image.getHeight(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                return Outcome.DRAWN;
            } catch (IOException | RuntimeException | OutOfMemoryError ex) {
                // A page PDFBox cannot draw within budget leaves the file without a picture, for good; the file
                // itself is still served. An image too large for the heap even subsampled is such a page too: the
                // error is local to this drawing's allocations, and trying again at every view would repeat it.
                log.warn("Could not draw the first page of attachment {}", attachmentId, ex);
                Files.write(failed, new byte[0]);
                return Outcome.FAILED;
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Where the picture of that file is, once {@link #firstPage} answered {@link Outcome#DRAWN}. */
    Path drawnFile(String key) {
        return storage.derivedFile(key, Thumbnails.VARIANT);
    }

    private Outcome onDisk(String key) {
        if (Files.isRegularFile(storage.derivedFile(key, Thumbnails.VARIANT))) {
            return Outcome.DRAWN;
        }
        // A first page that could not be drawn once is not tried again at every view of a list.
        if (Files.exists(storage.derivedFile(key, Thumbnails.FAILED_VARIANT))) {
            return Outcome.FAILED;
        }
        return null;
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    /** Stops drawing once the file's time is up (or its thread is interrupted), between two drawing operators. */
    private static final class BudgetedRenderer extends PDFRenderer {

        private final long deadline;

        /** What the page and the forms it draws may unpack to: PDFBox unpacks each whole into memory. */
        final PdfContentBudget content = new PdfContentBudget();

        BudgetedRenderer(PDDocument document, long deadline) {
            super(document);
            this.deadline = deadline;
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new BoundedPageDrawer(parameters, document, content, () -> {
                if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                    throw new RenderBudgetExceeded();
                }
            });
        }
    }

    /** Unchecked, so that PDFBox's handling of broken operators does not swallow it. */
    static final class RenderBudgetExceeded extends RuntimeException {

        RenderBudgetExceeded() {
            super("The first page took longer than its budget to draw");
        }
    }
}
