package vn.congvan.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.backup.Manifest.SequenceValue;
import vn.congvan.backup.Manifest.StoredFile;
import vn.congvan.backup.Manifest.TableDump;

class BackupCommandTests {

    @TempDir
    Path backups;

    @Test
    void retentionKeepsTheNewestCompleteBackupsAndLeavesOtherDirectoriesAlone() throws IOException {
        for (String name : List.of(
                "congvan-20250101T000000Z",
                "congvan-20250301T000000Z",
                "congvan-20250201T000000Z",
                "congvan-20250401T000000Z")) {
            complete(name);
        }
        Files.createDirectories(backups.resolve(".partial-congvan-20250501T000000Z"));
        Files.createDirectories(backups.resolve("congvan-20240101T000000Z")); // no manifest: not a backup
        Files.createDirectories(backups.resolve("notes"));

        List<Path> removed = Backup.prune(backups, 2);

        assertThat(removed)
                .containsExactly(
                        backups.resolve("congvan-20250201T000000Z"), backups.resolve("congvan-20250101T000000Z"));
        try (Stream<Path> left = Files.list(backups)) {
            assertThat(left.map(path -> String.valueOf(path.getFileName())))
                    .containsExactlyInAnyOrder(
                            "congvan-20250401T000000Z",
                            "congvan-20250301T000000Z",
                            ".partial-congvan-20250501T000000Z",
                            "congvan-20240101T000000Z",
                            "notes");
        }
        assertThat(BackupCommand.newest(backups)).isEqualTo(backups.resolve("congvan-20250401T000000Z"));
        assertThat(BackupCommand.newest(backups.resolve("congvan-20250301T000000Z")))
                .isEqualTo(backups.resolve("congvan-20250301T000000Z"));
    }

    @Test
    void theManifestReadsBackAsWrittenAndItsFileListIsInSha256sumFormat() throws IOException {
        Properties summary = new Properties();
        summary.setProperty("format", "1");
        summary.setProperty("schema-version", "47");
        String digest = "ab".repeat(32);
        Manifest manifest = new Manifest(
                summary,
                List.of(new TableDump("public", "dispatch", 5, digest, List.of("id", "subject"))),
                List.of(new SequenceValue("public", "dispatch_id_seq", 5, true)),
                List.of(new StoredFile("0123456789abcdef0123456789abcdef", digest)));

        manifest.write(backups);
        Manifest read = Manifest.read(backups);

        assertThat(read.tables()).isEqualTo(manifest.tables());
        assertThat(read.sequences()).isEqualTo(manifest.sequences());
        assertThat(read.files()).isEqualTo(manifest.files());
        assertThat(read.summary().getProperty("schema-version")).isEqualTo("47");
        assertThat(Files.readAllLines(backups.resolve(Manifest.FILES)))
                .containsExactly(digest + "  files/objects/01/23/0123456789abcdef0123456789abcdef");
        assertThat(read.tables().get(0).qualified()).isEqualTo("\"public\".\"dispatch\"");
    }

    @Test
    void withoutACommandOrATargetItPrintsUsageAndExitsWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(BackupCommand.run(new String[0], Map.of(), out, errors)).isEqualTo(2);
        assertThat(BackupCommand.run(new String[] {"backup"}, Map.of(), out, errors))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--to is required")
                .contains("usage:");
    }

    @Test
    void aBackupWithNoDatabaseAddressIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        int status = BackupCommand.run(new String[] {"backup", "--to=" + backups}, Map.of(), out, errors);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SPRING_DATASOURCE_URL");
    }

    private void complete(String name) throws IOException {
        Path directory = Files.createDirectories(backups.resolve(name));
        Files.writeString(directory.resolve(Manifest.SUMMARY), "format=1\n");
    }
}
