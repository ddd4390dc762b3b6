package vn.congvan;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.account.TestPasswords;
import vn.congvan.system.Times;

/**
 * What an {@code @ApplicationModuleTest} would otherwise take from the {@code system} module, which a module test does
 * not start: a throw-away embedded PostgreSQL (migrated by Flyway as the whole application is), the {@code Clock},
 * passwords hashed at BCrypt's least cost
 * ({@link TestPasswords}), and after-commit listeners run on the committing thread once it committed (as {@code AfterCommitListenersInThread}
 * does for the whole application). It lives outside every module's package, since Spring Modulith leaves the beans
 * of other modules' packages out of a module test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ModuleTestSupport {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres moduleTestPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("timezone", "UTC")
                .setLocaleConfig("encoding", "UTF8")
                // Stopped by the context after the beans that use it, not by the library's hook beside it (ADR 0056).
                .setRegisterShutdownHook(false)
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }

    /**
     * The portal's password encoder at BCrypt's least cost, as {@link TestPasswords} gives the integration tests (a
     * module test leaves out an imported configuration of another module's package, so the bean is declared here).
     */
    @Bean
    @Primary
    PasswordEncoder cheapPasswordEncoder() {
        return TestPasswords.encoder();
    }

    /** The portal's zone, as the system module's {@code congvan.time-zone} gives it. */
    @Bean
    ZoneId timeZone() {
        return Times.VIETNAM;
    }

    @Bean
    Clock clock() {
        return Clock.system(Times.VIETNAM);
    }

    @Bean
    AsyncConfigurer afterCommitListenersInThread() {
        return new AsyncConfigurer() {

            @Override
            public Executor getAsyncExecutor() {
                return new SyncTaskExecutor();
            }

            @Override
            public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
                return new SimpleAsyncUncaughtExceptionHandler();
            }
        };
    }
}
