package vn.congvan.attachment;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A malware scanner that holds the first scan it is given until the test opens the gate, as a slow scan of a large
 * file would; every other scan goes to the real clamd at once. Closing it opens the gate and puts the real client
 * back.
 */
public final class ScanGate implements AutoCloseable {

    private final MalwareScanner scanner;

    private final ClamdClient real;

    private final CountDownLatch entered = new CountDownLatch(1);

    private final CountDownLatch open = new CountDownLatch(1);

    private final AtomicBoolean taken = new AtomicBoolean();

    private volatile boolean heldInTransaction;

    private ScanGate(MalwareScanner scanner) {
        this.scanner = scanner;
        ClamdClient current = TestClamd.get().tcpClient();
        this.real = scanner.replaceClient(new ClamdClient(current.address(), null, null) {
            @Override
            Verdict scan(Path file) throws IOException {
                if (taken.compareAndSet(false, true)) {
                    heldInTransaction = TransactionSynchronizationManager.isActualTransactionActive();
                    entered.countDown();
                    try {
                        open.await();
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("The held scan was interrupted");
                    }
                }
                return current.scan(file);
            }
        });
    }

    /** Puts the gate in front of the application's scanner. */
    public static ScanGate install(ApplicationContext context) {
        return new ScanGate(context.getBean(MalwareScanner.class));
    }

    /** Waits (generously) until the first scan is being held; false if none came. */
    public boolean awaitHeldScan() throws InterruptedException {
        return entered.await(60, TimeUnit.SECONDS);
    }

    /** Whether the thread of the held scan was in a transaction (then a connection was held for it). */
    public boolean heldInTransaction() {
        return heldInTransaction;
    }

    /** Lets the held scan go on. */
    public void open() {
        open.countDown();
    }

    @Override
    public void close() {
        open();
        scanner.replaceClient(real);
    }
}
