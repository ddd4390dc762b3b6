package vn.congvan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded PostgreSQL of the default run: durable, and able to start again after the portal was killed. */
class EmbeddedPostgresIntegrationTests {

    @TempDir
    Path directory;

    final EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

    @Test
    void persistentDataDirectoryIsWrittenDurably() throws IOException {
        try (EmbeddedPostgres postgres = start(directory.resolve("pg"))) {
            assertThat(settings(postgres)).containsExactly("on", "on", "on");
        }
    }

    @Test
    void throwAwayDatabaseOfTheTestsKeepsTheFastSettings() throws IOException {
        try (EmbeddedPostgres postgres =
                configuration.embeddedPostgres(new EmbeddedPostgresProperties(true, null, 0))) {
            assertThat(settings(postgres)).containsExactly("off", "off", "on");
        }
    }

    @Test
    void startsAgainOnTheDataOfAKilledPortalWhoseServerStillRuns() throws Exception {
        Path data = directory.resolve("pg");
        Process portal = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrphanedPostgres.class.getName(),
                        data.toString(),
                        "written before the kill")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            awaitReady(portal);
            long orphan = StalePostmaster.postmasterPid(data.resolve(StalePostmaster.PID_FILE))
                    .orElseThrow();

            assertThatThrownBy(() -> start(data))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running portal");
            assertThat(ProcessHandle.of(orphan))
                    .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

            portal.destroyForcibly();
            portal.waitFor();
            // As after kill -9 of the portal: its PostgreSQL lives on and still holds the data directory.
            assertThat(ProcessHandle.of(orphan))
                    .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

            try (EmbeddedPostgres postgres = start(data)) {
                assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                        .isEmpty();
                assertThat(jdbc(postgres).queryForList("select note from survivor", String.class))
                        .containsExactly("written before the kill");
            }
        } finally {
            portal.destroyForcibly();
        }
    }

    @Test
    void removesAPidFileWhoseNumberNowBelongsToAnotherProgram() throws IOException {
        Path data = directory.resolve("pg");
        start(data).close();
        // A program waiting on its input stands for the unrelated process that got the old server's number (not this
        // JVM: PostgreSQL itself ignores a lock file that names its own parent or grandparent).
        Process unrelated = new ProcessBuilder("cat").start();
        try {
            Files.writeString(data.resolve(StalePostmaster.PID_FILE), unrelated.pid() + "\n" + data + "\n");

            try (EmbeddedPostgres postgres = start(data)) {
                assertThat(jdbc(postgres).queryForObject("select 1", Integer.class))
                        .isEqualTo(1);
            }
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroy();
        }
    }

    private EmbeddedPostgres start(Path data) throws IOException {
        return configuration.embeddedPostgres(new EmbeddedPostgresProperties(true, data, 0));
    }

    private static List<String> settings(EmbeddedPostgres postgres) {
        JdbcTemplate jdbc = jdbc(postgres);
        return List.of(
                jdbc.queryForObject("show fsync", String.class),
                jdbc.queryForObject("show synchronous_commit", String.class),
                jdbc.queryForObject("show full_page_writes", String.class));
    }

    private static JdbcTemplate jdbc(EmbeddedPostgres postgres) {
        return new JdbcTemplate(postgres.getPostgresDatabase());
    }

    /** Reads the child's output until it says it is ready; its end before that fails the test. */
    private static void awaitReady(Process portal) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(portal.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(OrphanedPostgres.READY)) {
                return;
            }
        }
        throw new AssertionError("The portal stand-in ended before its database was ready");
    }
}
