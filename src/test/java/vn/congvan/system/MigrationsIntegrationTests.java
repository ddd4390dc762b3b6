package vn.congvan.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/** The migrations, alone, on an empty PostgreSQL 17 database. */
class MigrationsIntegrationTests {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void applyToAnEmptyDatabaseAndValidate() throws IOException {
        Flyway flyway = Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load();

        MigrateResult result = flyway.migrate();

        int migrationFiles =
                new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql").length;
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(migrationFiles).isGreaterThanOrEqualTo(3);
        flyway.validate();

        JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public' order by 1",
                String.class);
        assertThat(tables)
                .contains(
                        "unit",
                        "unit_group",
                        "unit_group_member",
                        "dispatch_type",
                        "dispatch",
                        "dispatch_recipient_line",
                        "attachment");
        assertThat(jdbc.queryForObject(
                        "select server_version_num::int / 10000 from (select current_setting"
                                + "('server_version_num') as server_version_num) v",
                        Integer.class))
                .isEqualTo(17);
    }
}
