package vn.congvan.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.congvan.backup.Manifest.SequenceValue;
import vn.congvan.backup.Manifest.StoredFile;
import vn.congvan.backup.Manifest.TableDump;

/**
 * Makes one backup: every table's rows and every sequence's value as of one snapshot of the database, then the
 * stored files that snapshot names, checked against the digests their rows record. A file is written before the row
 * that names it and removed only after the row's removal commits, so a file named by the snapshot is missing only if
 * its row was removed after the snapshot was taken; the backup then fails and names it, and a new run succeeds.
 */
final class Backup {

    /** The backups of one installation are kept side by side as {@code congvan-<UTC time>}; the name sorts by age. */
    static final String PREFIX = "congvan-";

    /** The keys of the files the database names but the store lacked or held damaged, one a line (allow-missing). */
    static final String MISSING = "missing-files.txt";

    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * The tables that name stored files: every table of the schema with a {@code storage_key} and a {@code sha256}
     * column (attachments, report files, signed copies, and any later one that follows the same convention), so that
     * a new kind of stored file cannot be left out of the backup by forgetting to list it here.
     */
    private static final String FILE_TABLES = """
            select c.table_schema, c.table_name,
                   bool_or(c.column_name = 'scan_state') as scanned
            from information_schema.columns c
            join information_schema.tables t
              on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
            where c.table_schema not in ('pg_catalog', 'information_schema')
            group by c.table_schema, c.table_name
            having bool_or(c.column_name = 'storage_key') and bool_or(c.column_name = 'sha256')
            order by 1, 2
            """;

    private final Target source;

    private final Path storeRoot;

    private final Clock clock;

    private final boolean allowMissing;

    /**
     * @param allowMissing whether a file the database names but the store lacks or holds damaged is recorded as missing and the backup
     *     kept, for an installation that has lost files for good and must still be backed up; otherwise it fails
     */
    Backup(Target source, Path storeRoot, Clock clock, boolean allowMissing) {
        this.source = source;
        this.storeRoot = storeRoot.toAbsolutePath().normalize();
        this.clock = clock;
        this.allowMissing = allowMissing;
    }

    /** Writes a new backup under {@code backups} and answers its directory; nothing is left of a failed run. */
    Path into(Path backups) throws IOException, SQLException {
        Instant started = clock.instant();
        Files.createDirectories(backups);
        Path target = backups.resolve(PREFIX + NAME.format(started));
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        // Written aside and renamed at the end, so that a backup directory is always a complete one.
        Path partial = backups.resolve(".partial-" + String.valueOf(target.getFileName()));
        deleteTree(partial);
        Files.createDirectories(partial.resolve("db"));
        try {
            Manifest manifest = write(partial, started);
            manifest.write(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException | SQLException | RuntimeException ex) {
            deleteTree(partial);
            throw ex;
        }
    }

    private Manifest write(Path directory, Instant started) throws IOException, SQLException {
        try (Connection connection = source.connect()) {
            connection.setAutoCommit(false);
            // One snapshot for every table and for the list of files: pg_dump's own isolation level.
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                Properties summary = new Properties();
                summary.setProperty("format", Integer.toString(Manifest.FORMAT));
                summary.setProperty("created-at", started.toString());
                summary.setProperty("schema-version", schemaVersion(connection));
                summary.setProperty("server-version", single(connection, "show server_version"));
                summary.setProperty("database", single(connection, "select current_database()"));
                List<TableDump> tables = dumpTables(connection, directory);
                List<SequenceValue> sequences = sequences(connection);
                List<String> missing = new ArrayList<>();
                List<StoredFile> files = copyFiles(connection, directory.resolve("files"), missing);
                summary.setProperty("missing-files", Integer.toString(missing.size()));
                Files.write(directory.resolve(MISSING), missing);
                summary.setProperty("tables", Integer.toString(tables.size()));
                summary.setProperty(
                        "rows",
                        Long.toString(tables.stream().mapToLong(TableDump::rows).sum()));
                summary.setProperty("files", Integer.toString(files.size()));
                return new Manifest(summary, tables, sequences, files);
            } finally {
                connection.rollback();
            }
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        return single(
                connection,
                "select version from flyway_schema_history where success and version is not null"
                        + " order by installed_rank desc limit 1");
    }

    static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            if (!row.next()) {
                throw new SQLException("No answer to " + sql);
            }
            return row.getString(1);
        }
    }

    /** The ordinary tables (and leaf partitions) of the application's schemas with their stored columns, in order. */
    static List<TableDump> tables(Connection connection) throws SQLException {
        Map<List<String>, List<String>> tables = new LinkedHashMap<>();
        String sql = """
                select n.nspname, c.relname, a.attname
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
                  and n.nspname not like 'pg\\_%'
                  and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
                order by n.nspname, c.relname, a.attnum
                """;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                tables.computeIfAbsent(List.of(row.getString(1), row.getString(2)), table -> new ArrayList<>())
                        .add(row.getString(3));
            }
        }
        return tables.entrySet().stream()
                .map(table ->
                        new TableDump(table.getKey().get(0), table.getKey().get(1), 0, "", table.getValue()))
                .toList();
    }

    private static List<TableDump> dumpTables(Connection connection, Path directory) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<TableDump> dumps = new ArrayList<>();
        for (TableDump unwritten : tables(connection)) {
            MessageDigest digest = Manifest.sha256();
            long rows;
            try (OutputStream out = new GZIPOutputStream(
                    new DigestOutputStream(Files.newOutputStream(directory.resolve(unwritten.file())), digest))) {
                rows = copy.copyOut(
                        "copy " + unwritten.qualified() + " (" + unwritten.columnList() + ") to stdout", out);
            }
            dumps.add(new TableDump(
                    unwritten.schema(),
                    unwritten.name(),
                    rows,
                    HexFormat.of().formatHex(digest.digest()),
                    unwritten.columns()));
        }
        return dumps;
    }

    /**
     * Sequences are not transactional: the value read is at least the snapshot's, never below a value the dumped
     * rows hold, which is what a restore needs (pg_dump reads them the same way).
     */
    private static List<SequenceValue> sequences(Connection connection) throws SQLException {
        List<SequenceValue> sequences = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select schemaname, sequencename from pg_sequences"
                        + " where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2")) {
            while (row.next()) {
                sequences.add(new SequenceValue(row.getString(1), row.getString(2), 0, false));
            }
        }
        List<SequenceValue> valued = new ArrayList<>();
        for (SequenceValue sequence : sequences) {
            try (Statement statement = connection.createStatement();
                    ResultSet row =
                            statement.executeQuery("select last_value, is_called from " + sequence.qualified())) {
                row.next();
                valued.add(new SequenceValue(sequence.schema(), sequence.name(), row.getLong(1), row.getBoolean(2)));
            }
        }
        return valued;
    }

    private List<StoredFile> copyFiles(Connection connection, Path files, List<String> missing)
            throws SQLException, IOException {
        List<StoredFile> named = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(storedFilesQuery(connection));
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                named.add(new StoredFile(row.getString(1), row.getString(2)));
            }
        }
        List<String> problems = new ArrayList<>();
        List<StoredFile> copied = new ArrayList<>();
        for (StoredFile file : named) {
            Path from = storeRoot.resolve(file.relativePath());
            Path to = files.resolve(file.relativePath());
            Files.createDirectories(parentOf(to));
            MessageDigest digest = Manifest.sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(from), digest)) {
                Files.copy(in, to);
            } catch (NoSuchFileException ex) {
                if (allowMissing) {
                    missing.add(file.key());
                } else {
                    problems.add(file.key() + " is missing from the store (" + from + ")");
                }
                continue;
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(file.sha256())) {
                // Damaged bytes are as lost as missing ones: never copied as if they were the file.
                Files.delete(to);
                if (allowMissing) {
                    missing.add(file.key());
                } else {
                    problems.add(file.key() + " has SHA-256 " + actual + ", its row says " + file.sha256());
                }
            } else {
                copied.add(file);
            }
        }
        if (!problems.isEmpty()) {
            throw new IncompleteBackupException(problems);
        }
        return copied;
    }

    /**
     * One query over every table naming stored files. An infected file's bytes are deleted on purpose while its row
     * is kept as a record, so such rows name nothing to copy.
     */
    static String storedFilesQuery(Connection connection) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(FILE_TABLES);
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                String table = quoted(row.getString(1)) + "." + quoted(row.getString(2));
                String where = "storage_key is not null" + (row.getBoolean(3) ? " and scan_state <> 'INFECTED'" : "");
                parts.add("select storage_key, sha256 from " + table + " where " + where);
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException("No table names stored files: is this a congvan database?");
        }
        return String.join("\nunion\n", parts) + "\norder by 1";
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Keeps the {@code keep} newest complete backups under {@code backups} and removes the rest; answers those. */
    static List<Path> prune(Path backups, int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("At least one backup must be kept");
        }
        List<Path> complete;
        try (Stream<Path> entries = Files.list(backups)) {
            complete = entries.filter(path -> String.valueOf(path.getFileName()).startsWith(PREFIX))
                    .filter(path -> Files.isRegularFile(path.resolve(Manifest.SUMMARY)))
                    .sorted(Comparator.comparing((Path path) -> String.valueOf(path.getFileName()))
                            .reversed())
                    .toList();
        }
        List<Path> removed = new ArrayList<>();
        for (Path old : complete.subList(Math.min(keep, complete.size()), complete.size())) {
            deleteTree(old);
            removed.add(old);
        }
        return removed;
    }

    /** The directory a file of the store or of a backup goes in; such a path is never a root. */
    static Path parentOf(Path file) {
        Path parent = file.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("No directory for " + file);
        }
        return parent;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
