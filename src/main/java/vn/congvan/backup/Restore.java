package vn.congvan.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.congvan.backup.Manifest.SequenceValue;
import vn.congvan.backup.Manifest.StoredFile;
import vn.congvan.backup.Manifest.TableDump;

/**
 * Restores a backup into an empty database and an empty file store: the schema is built by the application's own
 * migrations up to the backup's version, the rows are loaded with triggers and foreign-key checks off (they held in
 * the snapshot), the sequences set, and every count and digest checked against the manifest.
 */
final class Restore {

    private final Target target;

    private final Path storeRoot;

    private final boolean force;

    Restore(Target target, Path storeRoot, boolean force) {
        this.target = target;
        this.storeRoot = storeRoot.toAbsolutePath().normalize();
        this.force = force;
    }

    /** Answers what was restored; fails, before changing anything, on a damaged backup or a target in use. */
    Manifest from(Path backup) throws IOException, SQLException {
        Manifest manifest = Manifest.read(backup);
        for (TableDump table : manifest.tables()) {
            String actual = Manifest.sha256Of(backup.resolve(table.file()));
            if (!actual.equals(table.sha256())) {
                throw new IOException("The dump of " + table.qualified() + " is damaged: SHA-256 " + actual);
            }
        }
        // Every file too, before --force drops the database and empties the store: a damaged backup must leave the
        // installation as it was, not half replaced. This reads the files twice; a restore is rare, a lost store not.
        for (StoredFile file : manifest.files()) {
            requireIntact(backup, file);
        }
        try (Connection connection = target.connect()) {
            prepareDatabase(connection);
        }
        prepareStore();
        restoreFiles(backup, manifest);
        migrate(manifest.summary().getProperty("schema-version"));
        try (Connection connection = target.connect()) {
            load(connection, backup, manifest);
            verify(connection, manifest);
        }
        return manifest;
    }

    private void prepareDatabase(Connection connection) throws SQLException {
        List<String> schemas = new ArrayList<>();
        long relations;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
                          and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                          and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
                        """)) {
            row.next();
            relations = row.getLong(1);
        }
        if (relations == 0) {
            return;
        }
        if (!force) {
            throw new TargetNotEmptyException("The database " + target.url() + " holds " + relations
                    + " tables, views or sequences; restore into an empty one, or pass --force to replace them");
        }
        long sessions = Long.parseLong(Backup.single(connection, """
                select count(*) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
                """));
        if (sessions > 0) {
            // --force replaces an installation, it does not pull one from under a running portal.
            throw new TargetNotEmptyException("The database " + target.url() + " has " + sessions
                    + " other open connections: stop the portal (and anything else using it) before restoring");
        }
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select nspname from pg_namespace where nspname not in ('pg_catalog', 'information_schema')"
                                + " and nspname not like 'pg\\_%'")) {
            while (row.next()) {
                schemas.add(row.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("drop schema " + Manifest.quote(schema) + " cascade");
            }
            statement.execute("create schema if not exists public");
        }
    }

    private void prepareStore() throws IOException {
        Path objects = storeRoot.resolve("objects");
        if (!Files.isDirectory(objects)) {
            return;
        }
        boolean empty;
        try (Stream<Path> paths = Files.walk(objects)) {
            empty = paths.noneMatch(Files::isRegularFile);
        }
        if (empty) {
            return;
        }
        if (!force) {
            throw new TargetNotEmptyException("The file store " + storeRoot
                    + " already holds files; restore into an empty one, or pass --force to replace them");
        }
        Backup.deleteTree(objects);
    }

    private void restoreFiles(Path backup, Manifest manifest) throws IOException {
        for (StoredFile file : manifest.files()) {
            Path from = backup.resolve("files").resolve(file.relativePath());
            Path to = storeRoot.resolve(file.relativePath());
            Files.createDirectories(Backup.parentOf(to));
            Path partial = to.resolveSibling(String.valueOf(to.getFileName()) + ".restoring");
            MessageDigest digest = Manifest.sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(from), digest)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(file.sha256())) {
                Files.delete(partial);
                throw new IOException("The backup's copy of file " + file.key() + " is damaged: SHA-256 " + actual);
            }
            Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void requireIntact(Path backup, StoredFile file) throws IOException {
        String actual = Manifest.sha256Of(backup.resolve("files").resolve(file.relativePath()));
        if (!actual.equals(file.sha256())) {
            throw new IOException("The backup's copy of file " + file.key() + " is damaged: SHA-256 " + actual);
        }
    }

    /** The schema of the backup's version exactly, as the application's migrations build it. */
    private void migrate(String version) {
        Flyway.configure()
                .dataSource(target.url(), target.username(), target.password())
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
    }

    private static void load(Connection connection, Path backup, Manifest manifest) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // Triggers (foreign keys among them) stay off while the rows arrive in any order; they held when dumped.
            statement.execute("set local session_replication_role = replica");
            List<TableDump> present = Backup.tables(connection);
            List<String> expected = manifest.tables().stream()
                    .map(table -> table.qualified() + " (" + table.columnList() + ")")
                    .toList();
            List<String> actual = present.stream()
                    .map(table -> table.qualified() + " (" + table.columnList() + ")")
                    .toList();
            if (!expected.equals(actual)) {
                throw new IllegalStateException("The migrated schema does not match the backup's tables");
            }
            // Rows that migrations insert (reference data) come back from the backup like every other row.
            statement.execute("truncate "
                    + String.join(
                            ", ", present.stream().map(TableDump::qualified).toList()));
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (TableDump table : manifest.tables()) {
            long rows;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(backup.resolve(table.file())))) {
                rows = copy.copyIn("copy " + table.qualified() + " (" + table.columnList() + ") from stdin", in);
            }
            if (rows != table.rows()) {
                throw new IllegalStateException(
                        table.qualified() + ": loaded " + rows + " rows, the backup holds " + table.rows());
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
            for (SequenceValue sequence : manifest.sequences()) {
                statement.setString(1, sequence.qualified());
                statement.setLong(2, sequence.lastValue());
                statement.setBoolean(3, sequence.called());
                statement.execute();
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    private static void verify(Connection connection, Manifest manifest) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (TableDump table : manifest.tables()) {
            long rows = Long.parseLong(Backup.single(connection, "select count(*) from " + table.qualified()));
            if (rows != table.rows()) {
                problems.add(table.qualified() + " has " + rows + " rows, the backup " + table.rows());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The restored database differs from the backup: " + problems);
        }
    }
}
