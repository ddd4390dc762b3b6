package vn.congvan.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A persistence slice: the entities and repositories only, on a throw-away embedded PostgreSQL started as the
 * application starts it ({@link EmbeddedPostgresConfiguration}), with every Flyway migration applied and Hibernate
 * validating the mapping against them. Each test runs in a transaction that is rolled back. No demo data: a test
 * writes the rows it needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(EmbeddedPostgresConfiguration.class)
@ActiveProfiles("test")
public @interface PersistenceSliceTest {}
