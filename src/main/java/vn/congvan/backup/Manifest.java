package vn.congvan.backup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * What a backup holds, in plain files an operator can read and check without the application: {@code backup.properties}
 * (when, from which schema version), {@code tables.tsv} (rows and digest of each table's dump),
 * {@code sequences.tsv}, and {@code files.sha256}, which {@code sha256sum -c} checks as it stands.
 */
record Manifest(Properties summary, List<TableDump> tables, List<SequenceValue> sequences, List<StoredFile> files) {

    static final int FORMAT = 1;

    static final String SUMMARY = "backup.properties";

    static final String TABLES = "tables.tsv";

    static final String SEQUENCES = "sequences.tsv";

    static final String FILES = "files.sha256";

    Manifest {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
        files = List.copyOf(files);
        Properties copy = new Properties();
        copy.putAll(summary);
        summary = copy;
    }

    @Override
    public Properties summary() {
        Properties copy = new Properties();
        copy.putAll(summary);
        return copy;
    }

    /** One table's rows in PostgreSQL's COPY text format, gzipped; generated columns are left out (they recompute). */
    record TableDump(String schema, String name, long rows, String sha256, List<String> columns) {

        TableDump {
            columns = List.copyOf(columns);
        }

        String qualified() {
            return quote(schema) + "." + quote(name);
        }

        String columnList() {
            return String.join(", ", columns.stream().map(Manifest::quote).toList());
        }

        String file() {
            return "db/" + schema + "." + name + ".copy.gz";
        }
    }

    record SequenceValue(String schema, String name, long lastValue, boolean called) {

        String qualified() {
            return quote(schema) + "." + quote(name);
        }
    }

    /** A stored file by its key, with the digest its attachment row records. */
    record StoredFile(String key, String sha256) {

        StoredFile {
            if (!key.matches("[0-9a-f]{32}")) {
                throw new IllegalArgumentException("Not a storage key: " + key);
            }
        }

        /** The file system storage's layout ({@code objects/ab/cd/<key>}), in the store and in the backup alike. */
        String relativePath() {
            return "objects/" + key.substring(0, 2) + "/" + key.substring(2, 4) + "/" + key;
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    void write(Path directory) throws IOException {
        try (OutputStream out = Files.newOutputStream(directory.resolve(SUMMARY))) {
            summary.store(out, "congvan backup");
        }
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(TABLES))) {
            for (TableDump table : tables) {
                out.write(String.join(
                        "\t",
                        table.schema(),
                        table.name(),
                        Long.toString(table.rows()),
                        table.sha256(),
                        String.join(",", table.columns())));
                out.newLine();
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(SEQUENCES))) {
            for (SequenceValue sequence : sequences) {
                out.write(String.join(
                        "\t",
                        sequence.schema(),
                        sequence.name(),
                        Long.toString(sequence.lastValue()),
                        Boolean.toString(sequence.called())));
                out.newLine();
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(FILES))) {
            for (StoredFile file : files) {
                out.write(file.sha256() + "  files/" + file.relativePath());
                out.newLine();
            }
        }
    }

    static Manifest read(Path directory) throws IOException {
        Properties summary = new Properties();
        Path summaryFile = directory.resolve(SUMMARY);
        if (!Files.isRegularFile(summaryFile)) {
            throw new IOException("Not a complete backup (no " + SUMMARY + "): " + directory);
        }
        try (Reader in = Files.newBufferedReader(summaryFile)) {
            summary.load(in);
        }
        if (!Integer.toString(FORMAT).equals(summary.getProperty("format"))) {
            throw new IOException("Unknown backup format " + summary.getProperty("format") + " in " + directory);
        }
        List<TableDump> tables = new ArrayList<>();
        for (String line : Files.readAllLines(directory.resolve(TABLES))) {
            String[] f = line.split("\t", -1);
            tables.add(new TableDump(f[0], f[1], Long.parseLong(f[2]), f[3], List.of(f[4].split(","))));
        }
        List<SequenceValue> sequences = new ArrayList<>();
        for (String line : Files.readAllLines(directory.resolve(SEQUENCES))) {
            String[] f = line.split("\t", -1);
            sequences.add(new SequenceValue(f[0], f[1], Long.parseLong(f[2]), Boolean.parseBoolean(f[3])));
        }
        List<StoredFile> files = new ArrayList<>();
        for (String line : Files.readAllLines(directory.resolve(FILES))) {
            String sha256 = line.substring(0, 64);
            String path = line.substring(66);
            files.add(new StoredFile(path.substring(path.lastIndexOf('/') + 1), sha256));
        }
        return new Manifest(summary, tables, sequences, files);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String sha256Of(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
