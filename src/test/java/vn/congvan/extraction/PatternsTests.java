package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PatternsTests {

    @Test
    void aConstantPatternIsCompiledOnceAndKept() {
        assertThat(Patterns.pattern("(?<=\\S)[ ]+(K[íi]nh gửi\\s*:)"))
                .isSameAs(Patterns.pattern("(?<=\\S)[ ]+(K[íi]nh gửi\\s*:)"));
    }

    @Test
    void patternsPastTheCapStillWorkButAreNotKept() {
        Patterns patterns = new Patterns(3);
        for (int i = 0; i < 3; i++) {
            assertThat(patterns.compiled("x{" + i + "}")).isSameAs(patterns.compiled("x{" + i + "}"));
        }
        String late = "y{20}z";
        assertThat(patterns.compiled(late).matcher("y".repeat(20) + "z").matches())
                .isTrue();
        assertThat(patterns.compiled(late)).isNotSameAs(patterns.compiled(late));
    }

    /**
     * The map keeps what it is given: only a constant (string literals and upper-case constants joined with "+") may
     * be passed, never a pattern built from the text read. Every call in the extraction's sources is checked.
     */
    @Test
    void everyPatternTheReaderKeepsIsAConstant() throws IOException {
        List<String> dynamic = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/vn/congvan/extraction"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (String argument : firstArguments(source)) {
                    calls++;
                    if (!isConstant(argument)) {
                        dynamic.add(file.getFileName() + ": pattern(" + argument + ")");
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(100);
        assertThat(dynamic).isEmpty();
    }

    @Test
    void theCheckTellsAConstantFromAPatternBuiltFromInput() {
        assertThat(firstArguments("a = pattern(\"[ ]{2,}\").matcher(x); b = pattern(\"^\" + Words.BOUNDARY + \"(\");"))
                .hasSize(2)
                .allMatch(PatternsTests::isConstant);
        assertThat(firstArguments("a = pattern(line); b = pattern(\"^\" + title + \"$\"); c = pattern(NAME.trim());"))
                .hasSize(3)
                .noneMatch(PatternsTests::isConstant);
    }

    private static final Pattern CALL = Pattern.compile("(?<![\\w.])pattern\\(");

    private static final Pattern CONSTANT =
            Pattern.compile("\\s*(?:\"(?:[^\"\\\\]|\\\\.)*\"|(?:[A-Z][A-Za-z0-9]*\\.)?[A-Z][A-Z0-9_]*)\\s*"
                    + "(?:\\+\\s*(?:\"(?:[^\"\\\\]|\\\\.)*\"|(?:[A-Z][A-Za-z0-9]*\\.)?[A-Z][A-Z0-9_]*)\\s*)*");

    private static boolean isConstant(String argument) {
        return CONSTANT.matcher(argument).matches();
    }

    /** The text between "pattern(" and its closing bracket, string literals read whole. */
    private static List<String> firstArguments(String source) {
        List<String> arguments = new ArrayList<>();
        var call = CALL.matcher(source);
        while (call.find()) {
            if (source.startsWith("String regex)", call.end())) {
                continue; // the method's own declaration
            }
            int depth = 0;
            int i = call.end();
            for (; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '"') {
                    for (i++; source.charAt(i) != '"'; i++) {
                        if (source.charAt(i) == '\\') {
                            i++;
                        }
                    }
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                }
            }
            arguments.add(source.substring(call.end(), i));
        }
        return arguments;
    }
}
