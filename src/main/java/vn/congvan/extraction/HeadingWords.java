package vn.congvan.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words, in capitals, that a header is written with: those of the administrative vocabulary {@code
 * ocr-lexicon.txt} holds (mottos, types of documents, bodies, positions, place names; ADR 0059) and those of the
 * reader's own patterns for bodies, positions and titles. Tells a word a site's table cut in two ("GI" / "ÁO") from
 * two words: the joined word is one of these and neither part is.
 */
final class HeadingWords {

    private static final Pattern WORD = Pattern.compile("\\p{Lu}+");

    private final Set<String> words;

    HeadingWords(Collection<String> sources) {
        Set<String> all = new HashSet<>();
        for (String source : sources) {
            addWords(all, source);
        }
        try (InputStream in = HeadingWords.class.getResourceAsStream("ocr-lexicon.txt")) {
            if (in == null) {
                throw new IllegalStateException("ocr-lexicon.txt is missing beside HeadingWords");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String section = "";
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("[")) {
                        section = line.strip();
                    } else if (!line.startsWith("#") && !"[also-valid]".equals(section)) {
                        addWords(all, line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        words = Set.copyOf(all);
    }

    private static void addWords(Set<String> all, String text) {
        Matcher m = WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFC).toUpperCase(Locale.ROOT));
        while (m.find()) {
            all.add(m.group());
        }
    }

    /** Whether {@code word}, in capitals, is a word a header is written with. */
    boolean contains(String word) {
        return words.contains(word);
    }
}
