package vn.congvan.extraction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The reader's regular expressions, compiled once. The rules are written where they are read, as
 * {@code pattern("…").matcher(text).replaceAll(…)}; {@code String.replaceAll} and {@code String.matches} compiled the
 * pattern again at every call, about a twelfth of a reading's CPU (docs/benchmarks.md, session 14). Only constant
 * expressions are passed here; a pattern past the cap (a dynamic one by mistake) is compiled and not kept, so the map
 * cannot grow with the input.
 */
final class Patterns {

    private static final Patterns READER = new Patterns(1024);

    private final int cap;

    private final Map<String, Pattern> kept = new ConcurrentHashMap<>();

    Patterns(int cap) {
        this.cap = cap;
    }

    /** The reader's pattern for a constant regular expression. */
    static Pattern pattern(String regex) {
        return READER.compiled(regex);
    }

    Pattern compiled(String regex) {
        Pattern compiled = kept.get(regex);
        if (compiled != null) {
            return compiled;
        }
        compiled = Pattern.compile(regex);
        if (kept.size() < cap) {
            // Two threads may compile one pattern at once: both take the one kept first.
            Pattern first = kept.putIfAbsent(regex, compiled);
            return first != null ? first : compiled;
        }
        return compiled;
    }
}
