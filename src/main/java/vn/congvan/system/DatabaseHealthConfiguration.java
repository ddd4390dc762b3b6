package vn.congvan.system;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health check asks the database on a connection of its own (ADR 0062). On the application's pool it waited behind
 * every request that wanted a connection: during a burst of 2,000 readers the whole health took up to 1.2 s on the
 * management port while its liveness group, which asks no database, answered within 0.3 s; with the pool held by a
 * stuck job it would wait the pool's 30 s and report the database down. A pool of one connection, opened from the
 * application's settings, tells whether PostgreSQL answers, not whether the application's pool is busy (which the
 * pool's own metrics show).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealthConfiguration {

    /** How long the check waits for its one connection before reporting the database down. */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(3);

    /**
     * Replaces Spring Boot's {@code db} indicator (the bean name is the contributor's name, which the readiness group
     * includes).
     */
    @Bean
    DataSourceHealthIndicator dbHealthIndicator(DatabaseProbe probe) {
        return new DataSourceHealthIndicator(probe.dataSource(), "select 1");
    }

    @Bean
    DatabaseProbe databaseProbe(DataSource dataSource) {
        return new DatabaseProbe(dataSource);
    }

    /**
     * The health check's own pool, when the application's is a Hikari pool (always, here); kept out of the context as a
     * {@link DataSource} so that nothing else is given it.
     */
    static final class DatabaseProbe implements AutoCloseable {

        private final DataSource dataSource;

        private final HikariDataSource own;

        DatabaseProbe(DataSource application) {
            if (application instanceof HikariDataSource hikari) {
                HikariDataSource probe = new HikariDataSource();
                probe.setPoolName("congvan-health");
                probe.setJdbcUrl(hikari.getJdbcUrl());
                probe.setUsername(hikari.getUsername());
                probe.setPassword(hikari.getPassword());
                if (hikari.getDriverClassName() != null) {
                    probe.setDriverClassName(hikari.getDriverClassName());
                }
                probe.setDataSourceProperties(hikari.getDataSourceProperties());
                probe.setMaximumPoolSize(1);
                probe.setMinimumIdle(0);
                probe.setConnectionTimeout(CONNECTION_WAIT.toMillis());
                // Opened on the first check, so that a database down at start-up is reported, not fatal here.
                probe.setInitializationFailTimeout(-1);
                this.own = probe;
                this.dataSource = probe;
            } else {
                this.own = null;
                this.dataSource = application;
            }
        }

        DataSource dataSource() {
            return dataSource;
        }

        @Override
        public void close() {
            if (own != null) {
                own.close();
            }
        }
    }
}
