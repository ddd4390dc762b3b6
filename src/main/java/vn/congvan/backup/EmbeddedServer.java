package vn.congvan.backup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The default run's embedded PostgreSQL, started on a data directory of its own for a restore into a new
 * installation where no server runs yet: the same settings as the portal's (durable, UTC, UTF-8), so the portal
 * started on that directory afterwards finds the database it would have made. Only on the class path of the default
 * run; the production jar restores into the compose database instead.
 */
final class EmbeddedServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedServer start(Path dataDirectory, int port) throws IOException {
        Path directory = Files.createDirectories(dataDirectory.toAbsolutePath());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("timezone", "UTC")
                .setLocaleConfig("encoding", "UTF8")
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return new EmbeddedServer(builder.start());
    }

    /** The portal's database on it: the one the default run uses, as its superuser. */
    Target target() {
        return new Target(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
