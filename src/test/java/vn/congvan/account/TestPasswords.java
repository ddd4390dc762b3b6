package vn.congvan.account;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The portal's password encoder at BCrypt's least cost (4), for test contexts: the tests open hundreds of accounts and
 * log in through the form, and at the production cost hashing took a third of the integration tests' CPU (ADR 0006
 * amendment of 2026-12-01). The same kind of hash, the same checks; production refuses a cost under 10.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPasswords {

    @Bean
    @Primary
    PasswordEncoder cheapPasswordEncoder() {
        return encoder();
    }

    /** BCrypt at cost 4, checking every stored hash as production does. */
    public static PasswordEncoder encoder() {
        return SecurityConfiguration.passwordEncoderAt(4);
    }
}
