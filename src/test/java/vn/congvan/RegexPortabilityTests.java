package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No regular expression of the portal may read differently on a later JDK (ADR 0067, amendment of 2026-12-01). From
 * JDK 19 on, {@code \b} and {@code \B} follow the ASCII {@code \w} unless {@code UNICODE_CHARACTER_CLASS} is set
 * (JDK-8264160): "Bí thư\b" stops matching after "ư", and every field rule ending a Vietnamese word with {@code \b}
 * silently stops firing. On JDK 17 they follow {@code Character.isLetterOrDigit}. Patterns spell the boundary out
 * with look-arounds instead ({@code vn.congvan.extraction.Words}). {@code \w}, {@code \d}, {@code \s} and the POSIX
 * classes are ASCII on every JDK and are not flagged.
 */
class RegexPortabilityTests {

    /** A run of backslashes in the source before "b" or "B". */
    private static final Pattern ESCAPE = Pattern.compile("(?<!\\\\)(\\\\+)([bB])");

    @Test
    void noSourcePatternUsesAWordBoundaryThatDependsOnTheJdk() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                found.addAll(versionDependent(file.toString(), Files.readAllLines(file)));
            }
        }
        assertThat(found)
                .as("regular expressions with \\b or \\B and without (?U)")
                .isEmpty();
    }

    /** The rule itself, on made-up sources: it must flag what the JDK reads as a boundary and nothing else. */
    @Test
    void theScanFlagsARegexBoundaryAndNotABackspaceOrAnEscapedBackslash() {
        assertThat(versionDependent("A.java", List.of("Pattern.compile(\"Bí thư\\\\b\");")))
                .hasSize(1);
        assertThat(versionDependent("A.java", List.of("s.matches(\"\\\\Bx\")"))).hasSize(1);
        // A backslash in the text before "b", and the backspace character: no boundary.
        assertThat(versionDependent("A.java", List.of("s.matches(\"a\\\\\\\\b\")")))
                .isEmpty();
        assertThat(versionDependent("A.java", List.of("s.replace(\"\\b\", \"\")")))
                .isEmpty();
        // With the flag inline, the boundary is Unicode's on every JDK.
        assertThat(versionDependent("A.java", List.of("s.matches(\"(?U)\\\\bBí\")")))
                .isEmpty();
    }

    /** The boundary really moves between JDKs only where a letter beyond ASCII ends a word. */
    @Test
    void theJdksBoundaryIsTheRuleThisGuardsAgainst() {
        boolean unicodeBoundary =
                Pattern.compile("thư\\b").matcher("Bí thư Tỉnh ủy").find();
        int feature = Runtime.version().feature();
        // JDK 17 reads "ư" as a word letter, JDK 19 and later do not: a test run on either shows which one ran.
        assertThat(unicodeBoundary).isEqualTo(feature < 19);
        assertThat(Pattern.compile("thư\\b", Pattern.UNICODE_CHARACTER_CLASS)
                        .matcher("Bí thư Tỉnh ủy")
                        .find())
                .isTrue();
    }

    static List<String> versionDependent(String file, List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains("(?U)")) {
                continue;
            }
            Matcher escape = ESCAPE.matcher(line);
            while (escape.find()) {
                // n backslashes in the source are n / 2 in the string; the regex reads an escape when that is odd.
                int backslashes = escape.group(1).length();
                if (backslashes % 4 == 2) {
                    found.add(file + ":" + (i + 1) + ": " + line.strip());
                    break;
                }
            }
        }
        return found;
    }
}
