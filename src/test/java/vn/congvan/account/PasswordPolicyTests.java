package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void acceptsTheDemoPassword() {
        assertThat(PasswordPolicy.violations("vanthu", "Demo@2023")).isEmpty();
    }

    @Test
    void refusesAShortPassword() {
        assertThat(PasswordPolicy.violations("vanthu", "ab1")).contains(PasswordPolicy.TOO_SHORT);
    }

    @Test
    void refusesAPasswordWithoutADigitOrWithoutALetter() {
        assertThat(PasswordPolicy.violations("vanthu", "matkhauchu"))
                .containsExactly(PasswordPolicy.NEEDS_LETTER_AND_DIGIT);
        assertThat(PasswordPolicy.violations("vanthu", "1234567890"))
                .containsExactly(PasswordPolicy.NEEDS_LETTER_AND_DIGIT);
    }

    @Test
    void refusesAPasswordContainingTheUsernameInAnyCase() {
        assertThat(PasswordPolicy.violations("vanthu", "VanThu2023")).containsExactly(PasswordPolicy.CONTAINS_USERNAME);
    }

    @Test
    void countsVietnameseLettersAsLetters() {
        assertThat(PasswordPolicy.violations("bennghe", "Đảngủy2025")).isEmpty();
    }
}
