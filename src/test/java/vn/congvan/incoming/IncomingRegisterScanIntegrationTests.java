package vn.congvan.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.attachment.AttachmentProperties;
import vn.congvan.attachment.AttachmentStorage;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.ScanGate;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.UnitSummary;

/**
 * The files of a registration are received and scanned before the unit's register is held (ADR 0070): a slow scan
 * keeps no other clerk of the unit waiting, and the files of a registration refused under the lock are removed. The
 * scanner is held by a gate the test opens; nothing here waits on time except a generous bound on the latches.
 */
@CongvanIntegrationTest
class IncomingRegisterScanIntegrationTests {

    @Autowired
    IncomingRegister register;

    @Autowired
    Attachments attachments;

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

    @Autowired
    ApplicationContext context;

    CurrentUser clerk;

    ExecutorService threads;

    @BeforeEach
    void setUp() {
        UnitSummary unit = Issuers.partyBoard(administration, management, "Thử quét khi vào sổ")
                .board();
        clerk = clerkAccount(unit);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void aSlowScanOfOneRegistrationKeepsNoOtherRegistrationOfTheUnitWaiting() throws Exception {
        Future<Long> slow;
        Future<Long> other;
        CountDownLatch otherDone = new CountDownLatch(1);
        try (ScanGate gate = ScanGate.install(context)) {
            slow = threads.submit(() -> register.registerIfNew(
                    entry("11/KH-SVH", "Kế hoạch quét chậm"), List.of(scan("Bản quét chậm.pdf")), clerk));
            assertThat(gate.awaitHeldScan()).isTrue();
            // While the first file is being scanned, the register is not held, nor a transaction open.
            assertThat(registerLocks()).isZero();
            assertThat(gate.heldInTransaction()).isFalse();

            other = threads.submit(() -> {
                try {
                    return register.registerIfNew(
                            entry("12/KH-SVH", "Kế hoạch vào sổ khi tệp khác đang quét"),
                            List.of(scan("Bản quét khác.pdf")),
                            clerk);
                } finally {
                    otherDone.countDown();
                }
            });
            assertThat(otherDone.await(60, TimeUnit.SECONDS))
                    .as("the second registration finished while the first file was still being scanned")
                    .isTrue();
            gate.open();
            slow.get();
        }
        IncomingEntry first = register.entry(slow.get(), clerk).orElseThrow();
        IncomingEntry second = register.entry(other.get(), clerk).orElseThrow();
        // The number is taken after the scan, so the registration that did not wait has the lower one.
        assertThat(second.number()).isLessThan(first.number());
        assertThat(attachments.ofIncomingEntry(first.id()))
                .singleElement()
                .satisfies(file -> assertThat(file.originalFilename()).isEqualTo("Bản quét chậm.pdf"));
        assertThat(attachments.ofIncomingEntry(second.id())).hasSize(1);
    }

    @Test
    void aDocumentFoundAlreadyRegisteredUnderTheLockLeavesNoStoredFileBehind() throws Exception {
        long storedBefore = storedFiles();
        long stagedBefore = stagedFiles();
        Future<Long> late;
        CountDownLatch firstDone = new CountDownLatch(1);
        try (ScanGate gate = ScanGate.install(context)) {
            late = threads.submit(() -> register.registerIfNew(
                    entry("21/KH-SVH", "Kế hoạch gửi hai lần"), List.of(scan("Bản quét gửi lần hai.pdf")), clerk));
            assertThat(gate.awaitHeldScan()).isTrue();
            // The same document, registered (without its scan) while the other submission's file is scanned.
            Future<Long> first = threads.submit(() -> {
                try {
                    return register.registerIfNew(entry("21/KH-SVH", "Kế hoạch gửi hai lần"), List.of(), clerk);
                } finally {
                    firstDone.countDown();
                }
            });
            assertThat(firstDone.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(first.get()).isNotNull();
            gate.open();
            ExecutionException refused =
                    org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, late::get);
            assertThat(refused.getCause()).isInstanceOf(AlreadyRegisteredException.class);
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from incoming_entry where unit_id = ?", Integer.class, clerk.unitId()))
                .isEqualTo(1);
        assertThat(storedFiles()).isEqualTo(storedBefore);
        assertThat(stagedFiles()).isEqualTo(stagedBefore);
    }

    @Test
    void aDuplicateWithFilesIsRefusedAndItsFilesAreRemoved() throws Exception {
        register.registerIfNew(entry("31/KH-SVH", "Kế hoạch đã vào sổ"), List.of(), clerk);
        long storedBefore = storedFiles();

        org.junit.jupiter.api.Assertions.assertThrows(
                AlreadyRegisteredException.class,
                () -> register.registerIfNew(
                        entry("Số: 031/KH-SVH", "Kế hoạch đã vào sổ"),
                        List.of(scan("Bản quét.pdf"), scan("Phụ lục.pdf")),
                        clerk));

        assertThat(storedFiles()).isEqualTo(storedBefore);
    }

    /** Advisory locks of class 8361 (the register, ADR 0061) held on this clerk's unit. */
    private int registerLocks() {
        return jdbc.queryForObject("""
                select count(*) from pg_locks where locktype = 'advisory' and classid = 8361
                    and objid = cast(hashint8(cast(? as bigint)) as oid) and granted
                """, Integer.class, clerk.unitId());
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

    private static IncomingFile scan(String name) {
        return new IncomingFile(name, new ByteArrayInputStream(TestFiles.pdf(1)));
    }

    private static ManualEntry entry(String notation, String subject) {
        LocalDate issued = LocalDate.of(2024, 4, 2);
        return new ManualEntry(
                issued.plusDays(2),
                "Sở Văn hóa và Thể thao",
                notation,
                issued,
                "KH",
                subject,
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
