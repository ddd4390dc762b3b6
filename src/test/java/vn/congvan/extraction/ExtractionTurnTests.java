package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.attachment.UploadChecks;

/**
 * A file holds its turn of the extraction pool only for the work of the JVM (ADR 0058): it gives the turn back while it
 * waits for a Tesseract slot and while Tesseract runs, so that scans being recognised never keep a typed file waiting,
 * and takes it again without ever holding two. Tesseract is a stand-in that runs until the test lets it finish.
 */
class ExtractionTurnTests {

    /** Only a safety net: every wait below ends as soon as what it waits for happens. */
    private static final Duration SAFETY = Duration.ofMinutes(2);

    @TempDir
    Path directory;

    private final ExecutorService clerks = Executors.newFixedThreadPool(4);

    @AfterEach
    void letEveryRunFinish() throws IOException {
        Files.writeString(directory.resolve("release"), "");
        clerks.shutdownNow();
    }

    @Test
    void aScanBeingRecognisedDoesNotKeepATypedFileWaitingForTheOnlyTurn() throws Exception {
        ExtractionPool pool = pool(1, Duration.ofSeconds(5));
        TesseractOcr ocr = blockingTesseract(SAFETY);
        Extractor extractor = extractor(pool, ocr, null);
        Path scan = scan("scan.png");

        Future<Extraction> scanned = clerks.submit(() -> extractor.extract(scan, "scan.png"));
        awaitFile(directory.resolve("started"));

        // Tesseract is still running on the scan: the typed file is read at once, not refused as busy.
        assertThat(extractor.extract(typed("cv.txt"), "cv.txt").number()).isEqualTo(12);

        release();
        assertThat(scanned.get(SAFETY.toSeconds(), TimeUnit.SECONDS).number()).isEqualTo(65);
        assertEverythingGivenBack(pool, ocr);
    }

    @Test
    void aScanWaitingForATesseractSlotDoesNotHoldTheTurnEither() throws Exception {
        // The typed file may wait the instant between the scan's checks and its giving the turn back.
        ExtractionPool pool = pool(1, Duration.ofSeconds(30));
        TesseractOcr ocr = blockingTesseract(SAFETY);
        CountDownLatch checked = new CountDownLatch(1);
        Extractor extractor = extractor(pool, ocr, checked);
        Path scan = scan("scan.png");
        release();

        // Every slot is taken (another file being recognised): the scan passes its checks and then waits for one.
        ocr.runs.acquire();
        Future<Extraction> scanned;
        try {
            scanned = clerks.submit(() -> extractor.extract(scan, "scan.png"));
            assertThat(checked.await(SAFETY.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(extractor.extract(typed("cv.txt"), "cv.txt").number()).isEqualTo(12);
        } finally {
            ocr.runs.release();
        }

        assertThat(scanned.get(SAFETY.toSeconds(), TimeUnit.SECONDS).number()).isEqualTo(65);
        assertEverythingGivenBack(pool, ocr);
    }

    @Test
    void scansTakingEveryTurnAndEverySlotNeitherDeadlockNorKeepTypedFilesWaiting() throws Exception {
        ExtractionPool pool = pool(1, Duration.ofSeconds(30));
        TesseractOcr ocr = blockingTesseract(SAFETY);
        Extractor extractor = extractor(pool, ocr, null);
        List<Future<Extraction>> scans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path scan = scan("scan-" + i + ".png");
            scans.add(clerks.submit(
                    () -> extractor.extract(scan, scan.getFileName().toString())));
        }
        awaitFile(directory.resolve("started"));

        // One scan is being recognised, the others wait for its slot or for the turn: none holds the turn meanwhile.
        assertThat(extractor.extract(typed("cv.txt"), "cv.txt").number()).isEqualTo(12);

        release();
        for (Future<Extraction> scanned : scans) {
            // Each takes the turn again after its run, the slot held and the turn given back by the others in turn.
            assertThat(scanned.get(SAFETY.toSeconds(), TimeUnit.SECONDS).number())
                    .isEqualTo(65);
        }
        assertEverythingGivenBack(pool, ocr);
    }

    @Test
    void theTurnAndTheSlotComeBackWhenTesseractFailsOrOverrunsItsBudget() throws Exception {
        ExtractionPool pool = pool(1, Duration.ofSeconds(5));
        TesseractOcr failing = tesseract("echo 'Error in pixReadStream' >&2; exit 1", SAFETY);
        TesseractOcr endless = tesseract("sleep 600", Duration.ofMillis(300));
        Path scan = scan("scan.png");

        assertThatThrownBy(() -> extractor(pool, failing, null).extract(scan, "scan.png"))
                .isInstanceOfSatisfying(
                        OcrException.class, e -> assertThat(e.reason()).isEqualTo(OcrException.Reason.FAILED));
        assertEverythingGivenBack(pool, failing);

        assertThatThrownBy(() -> extractor(pool, endless, null).extract(scan, "scan.png"))
                .isInstanceOfSatisfying(
                        OcrException.class, e -> assertThat(e.reason()).isEqualTo(OcrException.Reason.TIMEOUT));
        assertEverythingGivenBack(pool, endless);
    }

    @Test
    void aScanWhoseTurnDoesNotComeBackInTimeIsRefusedAsBusyAndKeepsNeitherTurnNorSlot() throws Exception {
        ExtractionPool pool = pool(1, Duration.ofMillis(200));
        TesseractOcr ocr = blockingTesseract(SAFETY);
        Extractor extractor = extractor(pool, ocr, null);
        Path scan = scan("scan.png");

        Future<Extraction> scanned = clerks.submit(() -> extractor.extract(scan, "scan.png"));
        awaitFile(directory.resolve("started"));
        // Another file takes the turn the scan gave back, and keeps it past the queue wait of the scan's run's end.
        try (ExtractionPool.Turn other = pool.take("other.docx")) {
            release();
            assertThatThrownBy(() -> scanned.get(SAFETY.toSeconds(), TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(
                            ExtractionLimitException.class,
                            e -> assertThat(e.reason()).isEqualTo(ExtractionLimitException.Reason.BUSY));
        }
        assertEverythingGivenBack(pool, ocr);
    }

    @Test
    void aScanWhoseSlotComesButNotItsTurnGivesTheSlotBackWithTheBusyRefusal() throws Exception {
        ExtractionPool pool = pool(1, Duration.ofMillis(200));
        TesseractOcr ocr = blockingTesseract(SAFETY);
        CountDownLatch checked = new CountDownLatch(1);
        Extractor extractor = extractor(pool, ocr, checked);
        Path scan = scan("scan.png");
        release();

        // Every slot taken: the scan, checked within its turn, gives the turn back to wait for one, and another file
        // takes that turn.
        ocr.runs.acquire();
        Future<Extraction> scanned = clerks.submit(() -> extractor.extract(scan, "scan.png"));
        assertThat(checked.await(SAFETY.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(pool.turns.tryAcquire(SAFETY.toSeconds(), TimeUnit.SECONDS)).isTrue();
        try {
            // The slot comes, the turn does not within the queue wait: the scan is refused busy and keeps no slot.
            ocr.runs.release();
            assertThatThrownBy(() -> scanned.get(SAFETY.toSeconds(), TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(
                            ExtractionLimitException.class,
                            e -> assertThat(e.reason()).isEqualTo(ExtractionLimitException.Reason.BUSY));
            assertThat(ocr.runs.availablePermits())
                    .as("Tesseract slot given back")
                    .isEqualTo(1);
        } finally {
            pool.turns.release();
        }
        assertEverythingGivenBack(pool, ocr);
    }

    @Test
    void aTurnIsNeverTakenTwiceByOneFile() throws IOException {
        ExtractionPool pool = pool(2, Duration.ofMillis(200));

        try (ExtractionPool.Turn turn = pool.take("cv.pdf")) {
            assertThat(pool.turns.availablePermits()).isEqualTo(1);
            // Given back, its step can take no turn of the file's own, and the turn is taken again once after it.
            assertThat(turn.givenBackFor(() -> pool.turns.availablePermits())).isEqualTo(2);
            assertThat(pool.turns.availablePermits()).isEqualTo(1);
            turn.takeBack();
            assertThat(pool.turns.availablePermits()).as("held already").isEqualTo(1);
            assertThatThrownBy(() -> turn.givenBackFor(() -> turn.givenBackFor(() -> 0)))
                    .isInstanceOf(IllegalStateException.class);
            // The step failed: the turn stays given back until the caller takes it back, once.
            assertThat(pool.turns.availablePermits()).isEqualTo(2);
            turn.takeBack();
            turn.takeBack();
            assertThat(pool.turns.availablePermits()).isEqualTo(1);
        }
        assertThat(pool.turns.availablePermits()).isEqualTo(2);

        // Closed after a failed step, a turn not taken back is not given back a second time.
        try (ExtractionPool.Turn turn = pool.take("cv.pdf")) {
            assertThatThrownBy(() -> turn.givenBackFor(() -> {
                        throw new IOException("broken");
                    }))
                    .isInstanceOf(IOException.class);
        }
        assertThat(pool.turns.availablePermits()).isEqualTo(2);
    }

    @Test
    void aScanWhoseRunFailsIsToldWhyAtOnceAndGivesItsSlotBackWhileAnotherFileHoldsTheTurn() throws Exception {
        ExtractionPool pool = pool(1, Duration.ofMillis(200));
        TesseractOcr ocr = tesseract(
                "touch '" + directory.resolve("started") + "'\n"
                        + "while [ ! -e '" + directory.resolve("release") + "' ]; do sleep 0.05; done\n"
                        + "echo 'Error in pixReadStream' >&2; exit 1",
                SAFETY);
        Extractor extractor = extractor(pool, ocr, null);
        Path scan = scan("scan.png");

        Future<Extraction> scanned = clerks.submit(() -> extractor.extract(scan, "scan.png"));
        awaitFile(directory.resolve("started"));
        try (ExtractionPool.Turn other = pool.take("other.docx")) {
            release();
            // Tesseract's failure (422: the scan cannot be read), not a busy server after a wait for a turn that the
            // scan would only have given back; and its slot is free for the next scan meanwhile.
            assertThatThrownBy(() -> scanned.get(SAFETY.toSeconds(), TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(
                            OcrException.class, e -> assertThat(e.reason()).isEqualTo(OcrException.Reason.FAILED));
            assertThat(ocr.runs.availablePermits())
                    .as("Tesseract slot given back")
                    .isEqualTo(1);
            assertThat(pool.turns.availablePermits())
                    .as("the other file's turn alone")
                    .isZero();
        }
        assertEverythingGivenBack(pool, ocr);
    }

    @Test
    void aPageWhoseOrientationIsNotFoundIsReadWithItsTurnTakenBack() throws Exception {
        ExtractionPool pool = pool(1, Duration.ofSeconds(30));
        // Tesseract with its orientation data, which finds too few letters to tell the page's orientation.
        TesseractOcr ocr = tesseract(
                "case \"$*\" in *osd*) echo 'Too few characters. Skipping this page' >&2; exit 1;; esac\n"
                        + "echo 'Số: 65/UBND-VP'",
                SAFETY,
                "vie osd");
        assertThat(ocr.orientable()).isTrue();

        assertThat(extractor(pool, ocr, null)
                        .extract(scan("scan.png"), "scan.png")
                        .number())
                .isEqualTo(65);
        assertEverythingGivenBack(pool, ocr);
    }

    @Test
    void aReadingInterruptedWhileTesseractRunsLeavesNoRunBehind() throws Exception {
        Path pid = directory.resolve("pid");
        TesseractOcr ocr = tesseract(
                "echo $$ > '" + pid + ".part'; mv '" + pid + ".part' '" + pid + "'\n"
                        + "while [ ! -e '" + directory.resolve("release") + "' ]; do sleep 0.05; done\n"
                        + "echo 'Số: 65/UBND-VP'",
                SAFETY);
        Path scan = scan("scan.png");
        CountDownLatch ended = new CountDownLatch(1);

        Future<String> reading = clerks.submit(() -> {
            try {
                return ocr.readImage(scan, "scan.png");
            } finally {
                ended.countDown();
            }
        });
        awaitFile(pid);
        reading.cancel(true);
        assertThat(ended.await(SAFETY.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // Its slot is given back, so its run must be over: else more runs than slots would share the cores.
        assertThat(ocr.runs.availablePermits()).isEqualTo(1);
        long run = Long.parseLong(Files.readString(pid).strip());
        assertThat(ProcessHandle.of(run).map(ProcessHandle::isAlive))
                .as("Tesseract run %d", run)
                .isNotEqualTo(Optional.of(true));
    }

    private static void assertEverythingGivenBack(ExtractionPool pool, TesseractOcr ocr) {
        assertThat(pool.turns.availablePermits()).as("turns given back").isEqualTo(1);
        assertThat(ocr.runs.availablePermits()).as("Tesseract slots given back").isEqualTo(1);
    }

    private static ExtractionPool pool(int turns, Duration queueWait) {
        return new ExtractionPool(
                new ExtractionProperties(turns, queueWait, Duration.ofSeconds(60), Duration.ofSeconds(30)));
    }

    /** The upload checks stand-in: a file's type by its name; {@code checked} counted down when a scan passes. */
    private static Extractor extractor(ExtractionPool pool, TesseractOcr ocr, CountDownLatch checked)
            throws IOException {
        UploadChecks checks = mock(UploadChecks.class);
        when(checks.check(any(), anyString())).thenAnswer(call -> {
            String name = call.getArgument(1);
            if (name.endsWith(".txt")) {
                return DocumentText.TEXT;
            }
            if (checked != null) {
                checked.countDown();
            }
            return "image/png";
        });
        return new Extractor(checks, ocr, properties("tesseract", SAFETY), pool);
    }

    /** A stand-in for Tesseract that says it started and recognises a "Số" line once the test lets it. */
    private TesseractOcr blockingTesseract(Duration pageTimeout) throws IOException {
        return tesseract(
                "touch '" + directory.resolve("started") + "'\n"
                        + "while [ ! -e '" + directory.resolve("release") + "' ]; do sleep 0.05; done\n"
                        + "echo 'Số: 65/UBND-VP'",
                pageTimeout);
    }

    private TesseractOcr tesseract(String run, Duration pageTimeout) throws IOException {
        return tesseract(run, pageTimeout, "vie");
    }

    /** A stand-in for Tesseract that runs {@code run} and has the data of {@code languages} (separated by spaces). */
    private TesseractOcr tesseract(String run, Duration pageTimeout, String languages) throws IOException {
        Path script = directory.resolve("fake-tesseract-" + Integer.toHexString((run + languages).hashCode()));
        Files.writeString(
                script,
                "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo 'List of available languages:'; for l in "
                        + languages + "; do echo $l; done; exit 0; fi\n" + run + "\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return new TesseractOcr(properties(script.toString(), pageTimeout));
    }

    private static OcrProperties properties(String command, Duration pageTimeout) {
        return new OcrProperties(
                OcrProperties.Mode.ON, command, "vie", 4, 1, pageTimeout, SAFETY, 3, 300, 12_000_000, 40);
    }

    private void release() throws IOException {
        Files.writeString(directory.resolve("release"), "");
    }

    /** A small gray picture: the stand-in does not look at it, and drawing and cleaning it is quick. */
    private Path scan(String name) throws IOException {
        BufferedImage picture = new BufferedImage(400, 560, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = picture.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 400, 560);
        graphics.setColor(Color.BLACK);
        graphics.fillRect(40, 40, 200, 12);
        graphics.dispose();
        Path file = directory.resolve(name);
        ImageIO.write(picture, "png", file.toFile());
        return file;
    }

    private Path typed(String name) throws IOException {
        return Files.writeString(directory.resolve(name), "Số: 12/UBND-VP", StandardCharsets.UTF_8);
    }

    /** Waits until {@code file} exists, woken by the file system as it is created. */
    private static void awaitFile(Path file) throws IOException, InterruptedException {
        try (WatchService watcher = file.getFileSystem().newWatchService()) {
            file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            long deadline = System.nanoTime() + SAFETY.toNanos();
            while (!Files.exists(file)) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("%s created", file).isPositive();
                WatchKey key = watcher.poll(left, TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
    }
}
