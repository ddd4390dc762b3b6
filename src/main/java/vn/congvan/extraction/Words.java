package vn.congvan.extraction;

/**
 * A word's edges in a regular expression, the same on every JDK (ADR 0067, amendment of 2026-12-01). Java's
 * {@code \b} followed {@code Character.isLetterOrDigit} up to JDK 18 and follows the ASCII {@code \w} from JDK 19 on
 * (unless {@code UNICODE_CHARACTER_CLASS} is set), so that "Bí thư\b" stops matching after "ư" and "\b(ỦY|ĐTN)" before
 * "Ủ" and "Đ". The boundary is spelt out here with look-arounds on the letters, decimal digits, marks and underscore
 * that JDK 17 read as a word; {@code RegexPortabilityTests} refuses a {@code \b} anywhere in the sources.
 */
final class Words {

    /** One character of a word: a letter, a decimal digit, a combining mark, an underscore. */
    static final String WORD = "[\\p{L}\\p{Nd}\\p{M}_]";

    /** Where a word starts or ends: JDK 17's {@code \b}. */
    static final String BOUNDARY = "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";

    private Words() {}
}
