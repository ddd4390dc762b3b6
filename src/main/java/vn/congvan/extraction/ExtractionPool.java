package vn.congvan.extraction;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import vn.congvan.extraction.ExtractionLimitException.Reason;

/**
 * How many files are read at once (ADR 0058): parsing a PDF, laying out its pages, unpacking a DOCX or drawing a scan
 * takes a core and tens of megabytes, and uploads come in bursts; a file waits its turn for at most
 * {@code queue-wait}, then is refused as busy rather than queued without end.
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

    /** A turn to read a file, given back when closed. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** @throws ExtractionLimitException (busy) when no turn came free within the queue wait */
    Turn take(String filename) {
        try {
            if (!turns.tryAcquire(properties.queueWait().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ExtractionLimitException(Reason.BUSY, filename, "No turn free to read " + filename);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionLimitException(Reason.BUSY, filename, "Interrupted while waiting to read " + filename);
        }
        return turns::release;
    }

    Budget budget(String filename) {
        return Budget.of(properties.timeout(), filename);
    }
}
