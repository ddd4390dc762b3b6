package vn.congvan.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.system.PersistenceSliceTest;

/**
 * The dispatch aggregate against the real schema: its mapping round-trips, the draft-only rule for files reads the
 * status as stored, and the database refuses a number issued twice. Each test writes its own issuing unit.
 */
@PersistenceSliceTest
@Import(DraftOnlyFiles.class)
class DispatchPersistenceTests {

    private static final Instant NOW = Instant.parse("2024-03-01T02:00:00Z");

    @Autowired
    DispatchRepository dispatches;

    @Autowired
    DispatchTypeRepository types;

    @Autowired
    DraftOnlyFiles files;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    Long issuer;

    @BeforeEach
    void issuingUnit() {
        issuer = jdbc.queryForObject(
                """
                insert into unit (kind, code, name, short_name, symbol_code, place_name)
                values ('PARTY_BOARD', ?, 'Ban Tuyên giáo Quận ủy Thử', 'Ban Tuyên giáo', 'BTGQT', 'Quận Thử')
                returning id
                """, Long.class, "TEST-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void aDraftComesBackAsItWasWrittenWithItsRecipientLinesInOrder() {
        DispatchDraft draft = DispatchDrafts.party(issuer)
                .place("Quận Thử")
                .urgency(Urgency.URGENT)
                .addressees(Recipient.text("Các chi bộ"), Recipient.unit("Đảng ủy phường Thử", issuer))
                .build();
        Long id = dispatches.save(draft(draft)).getId();
        entityManager.flush();
        entityManager.clear();

        DispatchDraft stored = dispatches.findWithRecipients(id).orElseThrow().toDraft();

        assertThat(stored).isEqualTo(draft);
    }

    @Test
    void filesMayChangeWhileTheDispatchIsADraftAndNotOnceItIsPublished() {
        Dispatch dispatch = dispatches.save(draft(DispatchDrafts.party(issuer).build()));

        assertThatCode(() -> files.requireChangeable(dispatch.getId())).doesNotThrowAnyException();

        dispatch.publish(new DocumentNumber(1, "CV/BTGQT"), "2020-2025", LocalDate.of(2024, 3, 1), NOW);
        dispatches.saveAndFlush(dispatch);

        assertThatThrownBy(() -> files.requireChangeable(dispatch.getId()))
                .isInstanceOf(DispatchRuleException.class)
                .extracting(ex -> ((DispatchRuleException) ex).messageKey())
                .isEqualTo("dispatch.error.notDraft");
    }

    @Test
    void theFileRuleReadsTheStatusAsStoredNotAsAnEntityLoadedEarlierRemembersIt() {
        Dispatch loaded = dispatches.save(draft(DispatchDrafts.party(issuer).build()));
        entityManager.flush();
        // Another transaction publishes it meanwhile; this persistence context still holds the draft.
        jdbc.update(
                "update dispatch set status = 'PUBLISHED', number = 7, symbol = 'CV/BTGQT', "
                        + "numbering_series = '2020-2025', issued_on = date '2024-03-01' where id = ?",
                loaded.getId());

        assertThat(loaded.getStatus()).isEqualTo(DispatchStatus.DRAFT);
        assertThatThrownBy(() -> files.requireChangeable(loaded.getId())).isInstanceOf(DispatchRuleException.class);
    }

    @Test
    void aDispatchThatDoesNotExistHasNoFilesToChange() {
        assertThatThrownBy(() -> files.requireChangeable(Long.MAX_VALUE)).isInstanceOf(DispatchNotFoundException.class);
    }

    @Test
    void theDatabaseRefusesTheSameNumberTwiceInOneSeriesOfOneIssuer() {
        Dispatch first = dispatches.save(draft(DispatchDrafts.party(issuer).build()));
        first.publish(new DocumentNumber(12, "CV/BTGQT"), "2020-2025", LocalDate.of(2024, 3, 1), NOW);
        dispatches.saveAndFlush(first);
        Dispatch second = dispatches.save(
                draft(DispatchDrafts.party(issuer).subject("Về việc khác").build()));
        second.publish(new DocumentNumber(12, "CV/BTGQT"), "2020-2025", LocalDate.of(2024, 3, 2), NOW);

        assertThatThrownBy(() -> dispatches.saveAndFlush(second)).isInstanceOf(DataIntegrityViolationException.class);
    }

    private Dispatch draft(DispatchDraft draft) {
        return Dispatch.draft(
                draft,
                types.findById(draft.typeCode()).orElseThrow(),
                new PrintedIssuer("Ban Tuyên giáo Quận ủy Thử", "BAN TUYÊN GIÁO", "QUẬN ỦY QUẬN THỬ", "Quận Thử"),
                NOW);
    }
}
