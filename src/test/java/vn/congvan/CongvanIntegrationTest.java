package vn.congvan;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import vn.congvan.account.TestPasswords;
import vn.congvan.attachment.TestClamd;
import vn.congvan.attachment.TestSigningKeys;

/**
 * The whole application on a real server port, on its own embedded PostgreSQL, with the demo data loaded. Every
 * integration test uses this one annotation so that they share one application context (and one database). Passwords are hashed at
 * BCrypt's least cost ({@link TestPasswords}). Files are scanned by a real clamd that the test support starts ({@link TestClamd}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = {TestClamd.Initializer.class, TestSigningKeys.Initializer.class})
@Import(TestPasswords.class)
public @interface CongvanIntegrationTest {}
