package vn.congvan.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A stand-in for a portal that gets killed: run in a JVM of its own, it starts the embedded PostgreSQL on the data
 * directory given as argument, writes a row, says {@code READY} on standard output and waits on standard input until
 * the test kills it with SIGKILL.
 */
final class OrphanedPostgres {

    static final String READY = "READY";

    private OrphanedPostgres() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration()
                .embeddedPostgres(new EmbeddedPostgresProperties(true, Path.of(args[0]), 0));
        JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        jdbc.execute("create table if not exists survivor (note text not null)");
        jdbc.update("insert into survivor (note) values (?)", args[1]);
        System.out.println(READY);
        System.out.flush();
        // Blocks until the test kills this process; a closed input (the test ended) ends it quietly instead.
        while (System.in.read() != -1) {
            // nothing to read
        }
        postgres.close();
    }
}
