package vn.congvan.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.attachment.AttachmentProperties;
import vn.congvan.attachment.AttachmentRejectedException;
import vn.congvan.attachment.AttachmentStorage;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.UnitSummary;

/**
 * Every way a registration with files can fail after some of them were received, scanned and stored (ADR 0070, ADR
 * 0067): a later file refused, a client that stops sending, the unit's total passed under the lock after the first
 * file was recorded. Each leaves no stored and no staged file behind, and no entry.
 */
@CongvanIntegrationTest
class RefusedRegistrationFilesIntegrationTests {

    @Autowired
    IncomingRegister register;

    @Autowired
    AttachmentStorage storage;

    @Autowired
    AttachmentProperties properties;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    DispatchManagement management;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcTemplate jdbc;

    CurrentUser clerk;

    @BeforeEach
    void setUp() {
        UnitSummary unit = Issuers.partyBoard(administration, management, "Tệp bị từ chối khi vào sổ")
                .board();
        clerk = clerkAccount(unit);
    }

    @Test
    void aLaterFileRefusedRemovesTheFilesStoredBeforeIt() throws Exception {
        long stored = storedFiles();
        long staged = stagedFiles();

        assertThatThrownBy(() -> register.register(
                        entry("1/KH-TC"),
                        List.of(image("Bản quét.png", 10_000), file("Giả.pdf", TestFiles.png())),
                        clerk))
                .isInstanceOf(AttachmentRejectedException.class);

        assertNothingLeft(stored, staged);
    }

    @Test
    void aClientThatStopsSendingLeavesNothing() throws Exception {
        long stored = storedFiles();
        long staged = stagedFiles();

        assertThatThrownBy(() -> register.registerIfNew(
                        entry("2/KH-TC"),
                        List.of(image("Bản quét.png", 10_000), cutShort("Phụ lục.png", 500_000)),
                        clerk))
                .isInstanceOf(IOException.class);

        assertNothingLeft(stored, staged);
    }

    @Test
    void theTotalPassedUnderTheLockRemovesTheFileAlreadyRecorded() throws Exception {
        long stored = storedFiles();
        long staged = stagedFiles();

        assertThatThrownBy(() -> register.register(
                        entry("3/KH-TC"), List.of(image("Một.png", 1_600_000), image("Hai.png", 1_600_000)), clerk))
                .isInstanceOf(AttachmentRejectedException.class)
                .extracting(ex -> ((AttachmentRejectedException) ex).reason())
                .isEqualTo(AttachmentRejectedException.Reason.TOTAL_TOO_LARGE);

        assertNothingLeft(stored, staged);
    }

    private void assertNothingLeft(long stored, long staged) throws IOException {
        assertThat(storedFiles()).as("stored files").isEqualTo(stored);
        assertThat(stagedFiles()).as("staged files").isEqualTo(staged);
        assertThat(jdbc.queryForObject(
                        "select count(*) from incoming_entry where unit_id = ?", Integer.class, clerk.unitId()))
                .isZero();
    }

    private long storedFiles() throws IOException {
        try (Stream<String> keys = storage.keysStoredBefore(Instant.now().plus(1, ChronoUnit.DAYS))) {
            return keys.count();
        }
    }

    private long stagedFiles() throws IOException {
        try (Stream<Path> files = Files.list(properties.storageRoot().resolve("staging"))) {
            return files.count();
        }
    }

    private static IncomingFile image(String name, int size) {
        return file(name, Arrays.copyOf(TestFiles.png(), size));
    }

    private static IncomingFile file(String name, byte[] content) {
        return new IncomingFile(name, new ByteArrayInputStream(content));
    }

    /** A file whose sender stops after half of it: the request's stream fails. */
    private static IncomingFile cutShort(String name, int size) {
        InputStream half = new FilterInputStream(new ByteArrayInputStream(Arrays.copyOf(TestFiles.png(), size))) {
            private int read;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (read > size / 2) {
                    throw new IOException("Connection reset by peer");
                }
                int n = super.read(buffer, offset, length);
                read += Math.max(n, 0);
                return n;
            }
        };
        return new IncomingFile(name, half);
    }

    private static ManualEntry entry(String notation) {
        LocalDate issued = LocalDate.of(2024, 5, 6);
        return new ManualEntry(
                issued.plusDays(1),
                "Sở Tài chính",
                notation,
                issued,
                "KH",
                "Kế hoạch bị từ chối",
                null,
                null,
                null,
                null,
                null);
    }

    private CurrentUser clerkAccount(UnitSummary unit) {
        String username = Accounts.uniqueUsername("vanthu");
        Long id = accounts.open(new NewAccount(
                        username,
                        "Văn thư " + unit.name(),
                        null,
                        unit.id(),
                        Set.of(Role.CLERK),
                        Accounts.DEMO_PASSWORD))
                .id();
        return new CurrentUser(id, username, "{noop}unused", "Văn thư", unit.id(), Set.of(Role.CLERK), true);
    }
}
