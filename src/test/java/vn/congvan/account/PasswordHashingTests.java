package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/** Passwords are hashed by BCrypt at the configured cost, and every stored hash is checked at the cost it names. */
class PasswordHashingTests {

    private final SecurityConfiguration configuration = new SecurityConfiguration();

    @Test
    void productionHashesAtSpringSecuritysDefaultCost() {
        PasswordEncoder encoder = configuration.passwordEncoder(SecurityConfiguration.DEFAULT_PASSWORD_HASH_COST);

        assertThat(encoder.encode("Mật khẩu 2025!")).startsWith("{bcrypt}$2a$10$");
    }

    @Test
    void aHashOfAnotherCostOrKindIsCheckedByWhatItNames() {
        PasswordEncoder production = configuration.passwordEncoder(10);
        PasswordEncoder cheap = new TestPasswords().cheapPasswordEncoder();
        String atFour = cheap.encode("Mật khẩu 2025!");
        String pbkdf2 = "{pbkdf2@SpringSecurity_v5_8}"
                + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("Mật khẩu 2025!");

        assertThat(atFour).startsWith("{bcrypt}$2a$04$");
        assertThat(production.matches("Mật khẩu 2025!", atFour)).isTrue();
        assertThat(production.matches("mật khẩu 2025!", atFour)).isFalse();
        assertThat(cheap.matches("Mật khẩu 2025!", production.encode("Mật khẩu 2025!")))
                .isTrue();
        assertThat(production.matches("Mật khẩu 2025!", pbkdf2)).isTrue();
    }

    @Test
    void aCostUnderTheDefaultOrBeyondBCryptsStopsTheStart() {
        assertThatThrownBy(() -> configuration.passwordEncoder(9))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("congvan.account.password-hash-cost is 9");
        assertThatThrownBy(() -> configuration.passwordEncoder(32)).isInstanceOf(IllegalArgumentException.class);
        assertThat(configuration.passwordEncoder(12).encode("x")).startsWith("{bcrypt}$2a$12$");
    }
}
