package vn.congvan.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, a letter and a digit, and not the username
 * inside it. Answers message keys (bundle {@code messages/account}), so forms and start-up checks share one rule.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;

    public static final String TOO_SHORT = "account.password.tooShort";

    public static final String NEEDS_LETTER_AND_DIGIT = "account.password.letterAndDigit";

    public static final String CONTAINS_USERNAME = "account.password.containsUsername";

    private PasswordPolicy() {}

    /** The rules the password breaks, as message keys; empty when it is acceptable. */
    public static List<String> violations(String username, String password) {
        List<String> violations = new ArrayList<>();
        String candidate = password == null ? "" : password;
        if (candidate.codePointCount(0, candidate.length()) < MIN_LENGTH) {
            violations.add(TOO_SHORT);
        }
        if (candidate.codePoints().noneMatch(Character::isLetter)
                || candidate.codePoints().noneMatch(Character::isDigit)) {
            violations.add(NEEDS_LETTER_AND_DIGIT);
        }
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (name.length() >= 3 && candidate.toLowerCase(Locale.ROOT).contains(name)) {
            violations.add(CONTAINS_USERNAME);
        }
        return violations;
    }

    public static boolean accepts(String username, String password) {
        return violations(username, password).isEmpty();
    }
}
