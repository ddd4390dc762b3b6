package vn.congvan.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.AccountSummary;
import vn.congvan.account.Accounts;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentProperties;
import vn.congvan.attachment.AttachmentStorage;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.DocumentNumber;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * A backup of the running test installation restored into a new database on the same PostgreSQL server and a new
 * file store: the dispatch, its file and the account made here come back, with every other row and file.
 */
@CongvanIntegrationTest
class BackupRestoreIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AttachmentProperties attachmentProperties;

    @Autowired
    AttachmentStorage storage;

    @Autowired
    Attachments attachments;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    AccountManagement accounts;

    @TempDir
    Path work;

    @Test
    void aBackupRestoresIntoANewDatabaseAndStoreWithEveryRowAndFile() throws Exception {
        byte[] pdf = TestFiles.pdf(2);
        Fixture fixture = fixture("Về việc sao lưu và khôi phục", pdf);
        Target source = source();

        // Files another test removed under rows it kept are recorded as missing, not looked for in the restore.
        Path made = new Backup(source, storeRoot(), Clock.systemUTC(), true).into(work.resolve("backups"));

        String database = "restored_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("create database " + database);
        try {
            Target restored = in(source, database);
            Path store = work.resolve("restored-store");
            Manifest manifest = new Restore(restored, store, false).from(made);

            try (Connection connection = restored.connect()) {
                assertThat(text(
                                connection,
                                "select subject from dispatch where id = "
                                        + fixture.dispatch().id()))
                        .isEqualTo(fixture.subject());
                assertThat(text(
                                connection,
                                "select username from account where id = "
                                        + fixture.account().id()))
                        .isEqualTo(fixture.account().username());
                assertThat(text(
                                connection,
                                "select password_hash from account where id = "
                                        + fixture.account().id()))
                        .isEqualTo(jdbc.queryForObject(
                                "select password_hash from account where id = ?",
                                String.class,
                                fixture.account().id()));
                String key = text(
                        connection,
                        "select storage_key from attachment where id = "
                                + fixture.file().id());
                assertThat(sha256(store.resolve(relative(key)))).isEqualTo(sha256(pdf));
                assertThat(text(
                                connection,
                                "select sha256 from attachment where id = "
                                        + fixture.file().id()))
                        .isEqualTo(sha256(pdf));
                // Every file the restored rows name is in the new store with the digest its row records.
                Map<String, String> named = new HashMap<>();
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery(
                                "select storage_key, sha256 from attachment where scan_state <> 'INFECTED'"
                                        + " union select storage_key, sha256 from report_file"
                                        + " union select storage_key, sha256 from signed_copy"
                                        + " where storage_key is not null")) {
                    while (row.next()) {
                        named.put(row.getString(1), row.getString(2));
                    }
                }
                var missing = Files.readAllLines(made.resolve(Backup.MISSING));
                assertThat(missing).doesNotContain(key);
                named.keySet().removeAll(missing);
                assertThat(named).hasSize(manifest.files().size());
                for (Map.Entry<String, String> file : named.entrySet()) {
                    assertThat(sha256(store.resolve(relative(file.getKey()))))
                            .as(file.getKey())
                            .isEqualTo(file.getValue());
                }
                // Identity columns go on after the restored rows.
                long nextDispatch =
                        Long.parseLong(text(connection, "select nextval(pg_get_serial_sequence('dispatch', 'id'))"));
                assertThat(nextDispatch).isGreaterThan(fixture.dispatch().id());
            }

            assertThatThrownBy(() -> new Restore(restored, work.resolve("another-store"), false).from(made))
                    .isInstanceOf(TargetNotEmptyException.class)
                    .hasMessageContaining("--force");
            assertThatThrownBy(() -> new Restore(source, work.resolve("a-third-store"), false).from(made))
                    .isInstanceOf(TargetNotEmptyException.class);
        } finally {
            jdbc.execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void aForcedRestoreRefusesADatabaseThatAPortalIsStillConnectedTo() throws Exception {
        Path made = new Backup(source(), storeRoot(), Clock.systemUTC(), true).into(work.resolve("backups"));
        String database = "in_use_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("create database " + database);
        try {
            Target inUse = in(source(), database);
            // The portal left running: its connection holds the database it works in.
            try (Connection portal = inUse.connect();
                    Statement statement = portal.createStatement()) {
                statement.execute("create table still_used (id bigint)");

                assertThatThrownBy(() -> new Restore(inUse, work.resolve("store-in-use"), true).from(made))
                        .isInstanceOf(TargetNotEmptyException.class)
                        .hasMessageContaining("stop");
                try (ResultSet row = statement.executeQuery("select count(*) from still_used")) {
                    assertThat(row.next()).isTrue();
                }
            }
        } finally {
            jdbc.execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void aFileTheSnapshotNamesButTheStoreLacksFailsTheBackupByName() throws Exception {
        Fixture fixture = fixture("Về việc tệp đã mất", TestFiles.pdf(1));
        String key = jdbc.queryForObject(
                "select storage_key from attachment where id = ?",
                String.class,
                fixture.file().id());
        storage.delete(key);
        Path backups = work.resolve("backups");

        assertThatThrownBy(() -> new Backup(source(), storeRoot(), Clock.systemUTC(), false).into(backups))
                .isInstanceOf(IncompleteBackupException.class)
                .hasMessageContaining(key);
        try (var left = Files.list(backups)) {
            assertThat(left).isEmpty();
        }
    }

    private Fixture fixture(String label, byte[] pdf) {
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Sao lưu");
        UnitSummary ward = Units.ward(administration, issuer.committee(), "Đảng ủy phường Sao lưu", null);
        String subject = label + " " + issuer.board().code();
        AttachmentView[] attached = new AttachmentView[1];
        DispatchReference dispatch = management.registerIssued(
                DispatchDrafts.partyDispatch(issuer.board().id(), Visibility.RESTRICTED, subject, ward.id()),
                new DocumentNumber(49, "CV/BTGQU"),
                LocalDate.of(2025, 3, 14),
                id -> attached[0] = attach(id, pdf));
        AccountSummary account = accounts.open(Accounts.member(Accounts.uniqueUsername("saoluu"), ward.id()));
        return new Fixture(subject, dispatch, attached[0], account);
    }

    private AttachmentView attach(Long dispatchId, byte[] pdf) {
        try {
            return attachments.attach(
                    new NewAttachment(dispatchId, "Tài liệu sao lưu", AttachmentKind.APPENDIX, "sao-luu.pdf"),
                    new ByteArrayInputStream(pdf));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private record Fixture(String subject, DispatchReference dispatch, AttachmentView file, AccountSummary account) {}

    private Path storeRoot() {
        return attachmentProperties.storageRoot();
    }

    private Target source() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return new Target(
                    connection.getMetaData().getURL(), connection.getMetaData().getUserName(), "");
        }
    }

    /** The same server, another database. */
    private static Target in(Target source, String database) {
        String url = source.url();
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        String rest = query < 0 ? "" : url.substring(query);
        return new Target(url.substring(0, slash + 1) + database + rest, source.username(), source.password());
    }

    private static String text(Connection connection, String sql) throws SQLException {
        return Backup.single(connection, sql);
    }

    private static Path relative(String key) {
        return Path.of(new Manifest.StoredFile(key, "0".repeat(64)).relativePath());
    }

    private static String sha256(Path file) throws IOException {
        return Manifest.sha256Of(file);
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Manifest.sha256().digest(bytes));
    }
}
