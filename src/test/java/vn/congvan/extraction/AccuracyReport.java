package vn.congvan.extraction;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;

/**
 * {@code docs/extraction-accuracy.md}, which three test classes rewrite section by section (ExtractionCorpusTests the
 * head, FileCorpusTests the files' section, ScanCorpusTests the scans'). The build runs test classes in two JVMs at
 * once, so each rewrite reads and writes the report holding a lock on a file beside the build's output: two classes
 * ending together cannot each write back the report without the other's section.
 */
final class AccuracyReport {

    private static final Path FILE = Path.of("docs", "extraction-accuracy.md");

    private static final Path LOCK = Path.of("target", "extraction-accuracy.lock");

    private AccuracyReport() {}

    /**
     * Rewrites the report with what {@code change} makes of it ({@code null} when it does not exist yet; a
     * {@code null} answer writes nothing). Nothing is written outside a checkout with a {@code docs} folder.
     */
    static void rewrite(UnaryOperator<String> change) throws IOException {
        if (!Files.isDirectory(FILE.getParent())) {
            return;
        }
        Files.createDirectories(LOCK.getParent());
        try (FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            String current = Files.isRegularFile(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : null;
            String next = change.apply(current);
            if (next != null) {
                Files.writeString(FILE, next, StandardCharsets.UTF_8);
            }
        }
    }
}
