package vn.congvan.extraction;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long the extraction takes to read a document's text into fields (FieldReader with its furniture and layout
 * passes, as the API runs it after the file's text is out), over every text of the measuring sets under
 * {@code src/test/resources} and five re-layouts of each (lines run together, columns drawn apart, blank lines, double
 * spaces), against a floor: the same texts normalised (NFC), cut into lines and searched once by one pattern, the least
 * any reader does. Reports CPU time of the reading thread per text, which a shared machine's load does not inflate,
 * beside wall time. See docs/benchmarks.md.
 *
 * <pre>
 *   bench/extraction.sh [-Dbench.rounds=5]
 * </pre>
 */
public final class ExtractionBenchmark {

    private static final Pattern FLOOR_PATTERN = Pattern.compile("(?m)^[ ]*S[ốô][ ]*:?[ ]*\\d");

    private ExtractionBenchmark() {}

    public static void main(String[] args) throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 5);
        List<String> texts = texts(Path.of("src", "test", "resources"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Warm-up: two rounds of both, so that the JIT has compiled the reader's patterns before anything counts.
        for (int i = 0; i < 2; i++) {
            read(texts);
            floor(texts);
        }
        long readCpu = 0;
        long readWall = 0;
        long floorCpu = 0;
        long floorWall = 0;
        int sink = 0;
        for (int round = 0; round < rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            sink += read(texts);
            readWall += System.nanoTime() - wall;
            readCpu += threads.getCurrentThreadCpuTime() - cpu;
            cpu = threads.getCurrentThreadCpuTime();
            wall = System.nanoTime();
            sink += floor(texts);
            floorWall += System.nanoTime() - wall;
            floorCpu += threads.getCurrentThreadCpuTime() - cpu;
        }
        double n = (double) rounds * texts.size();
        long characters = texts.stream().mapToLong(String::length).sum();
        System.out.printf(
                "%d texts (%d characters in all), %d rounds, checksum %d%n", texts.size(), characters, rounds, sink);
        System.out.printf("extraction: %.2f ms CPU, %.2f ms wall per text%n", readCpu / n / 1e6, readWall / n / 1e6);
        System.out.printf(
                "floor (NFC, lines, one pattern): %.3f ms CPU, %.3f ms wall per text%n",
                floorCpu / n / 1e6, floorWall / n / 1e6);
    }

    private static int read(List<String> texts) {
        int found = 0;
        for (String text : texts) {
            Extraction extraction = Extractor.readMarked(text);
            found += extraction.number() == null ? 0 : 1;
        }
        return found;
    }

    private static int floor(List<String> texts) {
        int found = 0;
        for (String text : texts) {
            String normal = Normalizer.normalize(text, Normalizer.Form.NFC);
            for (String line : normal.split("\n", -1)) {
                found += FLOOR_PATTERN.matcher(line).lookingAt() ? 1 : 0;
            }
        }
        return found;
    }

    /** Every measuring set's text, and five re-layouts of it. */
    private static List<String> texts(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(
                            p -> p.toString().endsWith(".txt") && p.toString().contains("extraction-corpus"))
                    .sorted()
                    .toList();
        }
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            texts.add(text);
            texts.add(text.replace("\n", " "));
            texts.add(text.replace("\n", "      "));
            texts.add(text.replace("\n", "\n\n"));
            texts.add(text.replace(" ", "  "));
            texts.add(text.replace("\n", " \n"));
        }
        return texts;
    }
}
