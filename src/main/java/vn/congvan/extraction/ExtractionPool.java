package vn.congvan.extraction;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import vn.congvan.extraction.ExtractionLimitException.Reason;

/**
 * How many files are read at once (ADR 0058): parsing a PDF, laying out its pages, unpacking a DOCX or drawing a scan
 * takes a core and tens of megabytes, and uploads come in bursts; a file waits its turn for at most
 * {@code queue-wait}, then is refused as busy rather than queued without end. A file gives its turn back while it
 * waits for Tesseract and while Tesseract runs ({@link Turn#givenBackFor}): those take no core or memory of the JVM.
 */
@Component
class ExtractionPool {

    /** Package-private so that a test can hold every turn and see the next file refused. */
    final Semaphore turns;

    private final ExtractionProperties properties;

    ExtractionPool(ExtractionProperties properties) {
        this.properties = properties;
        this.turns = new Semaphore(properties.permits(), true);
    }

    /** @throws ExtractionLimitException (busy) when no turn came free within the queue wait */
    Turn take(String filename) {
        acquire(filename);
        return new Turn(this, filename);
    }

    private void acquire(String filename) {
        try {
            if (turns.tryAcquire(properties.queueWait().toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
            throw new ExtractionLimitException(Reason.BUSY, filename, "No turn free to read " + filename);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionLimitException(Reason.BUSY, filename, "Interrupted while waiting to read " + filename);
        }
    }

    Budget budget(String filename) {
        return Budget.of(properties.timeout(), filename);
    }

    /**
     * A file's turn, held by the one thread reading it, given back when closed. It is never taken twice: a step that
     * gives it back takes it again before going on (or not at all, when it failed), so no thread ever waits for a turn
     * while it holds one.
     */
    static final class Turn implements AutoCloseable {

        private static final Turn NONE = new Turn(null, "");

        /** Null for {@link #none()}. */
        private final ExtractionPool pool;

        private final String filename;

        private boolean held;

        private Turn(ExtractionPool pool, String filename) {
            this.pool = pool;
            this.filename = filename;
            this.held = pool != null;
        }

        /** For tests and tools that read a file outside any pool. */
        static Turn none() {
            return NONE;
        }

        /**
         * Does {@code step} with the turn given back, then takes it again, waiting as a new file would: for a step
         * that needs no core or memory of the JVM (waiting for a Tesseract run, the run itself), so that typed files
         * are read meanwhile. When the step fails the turn is not taken again: most failures end the file, which must
         * not wait up to a queue wait (holding its Tesseract slot, past its budget) for a turn only to give it back,
         * nor be answered busy instead of why it failed; a caller that goes on reading calls {@link #takeBack}.
         *
         * @throws ExtractionLimitException (busy) when no turn came free again within the queue wait; the turn is
         *     then not held
         */
        <T> T givenBackFor(Step<T> step) throws IOException {
            if (pool == null) {
                return step.run();
            }
            if (!held) {
                throw new IllegalStateException("The turn to read " + filename + " is not held");
            }
            held = false;
            pool.turns.release();
            T result = step.run();
            takeBack();
            return result;
        }

        /**
         * Takes the turn again, waiting as a new file would, after a step that failed, for a caller that goes on
         * reading; nothing when it is held.
         *
         * @throws ExtractionLimitException (busy) when no turn came free within the queue wait
         */
        void takeBack() {
            if (pool != null && !held) {
                pool.acquire(filename);
                held = true;
            }
        }

        @Override
        public void close() {
            if (held) {
                held = false;
                pool.turns.release();
            }
        }
    }

    /** What a file does without its turn. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws IOException;
    }
}
