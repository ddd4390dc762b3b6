package vn.congvan.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.backup.Manifest.StoredFile;

class RestoreTests {

    @TempDir
    Path work;

    @Test
    void aDamagedFileInTheBackupFailsTheRestoreBeforeAForcedOneEmptiesTheTarget() throws Exception {
        Path backup = work.resolve("backup");
        StoredFile file = new StoredFile("0123456789abcdef0123456789abcdef", sha256("the original bytes"));
        Path copy = backup.resolve("files").resolve(file.relativePath());
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, "bytes damaged on the backup disk", StandardCharsets.UTF_8);
        Properties summary = new Properties();
        summary.setProperty("format", "1");
        summary.setProperty("schema-version", "50");
        new Manifest(summary, List.of(), List.of(), List.of(file)).write(backup);
        Path store = work.resolve("store");
        Path kept = store.resolve(new StoredFile("fedcba9876543210fedcba9876543210", sha256("x")).relativePath());
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, "x", StandardCharsets.UTF_8);
        // No database answers there: a restore that got as far as the database would fail otherwise.
        Target nowhere = new Target("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "congvan", "");

        assertThatThrownBy(() -> new Restore(nowhere, store, true).from(backup))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("damaged")
                .hasMessageContaining(file.key());
        assertThat(kept).hasContent("x");
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(Manifest.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
