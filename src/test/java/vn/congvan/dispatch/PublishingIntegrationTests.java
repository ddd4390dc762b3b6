package vn.congvan.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitDetails;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/** Every test publishes as an issuer of its own, so that the numbers it expects are taken by no other test. */
@CongvanIntegrationTest
class PublishingIntegrationTests {

    @Autowired
    Viewers viewers;

    @Autowired
    DispatchManagement management;

    @Autowired
    DispatchCatalog catalog;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    JdbcTemplate jdbc;

    CurrentUser clerk;

    Long board;

    Long benNghe;

    Issuers.Issuer issuer;

    @BeforeEach
    void setUp() {
        issuer = Issuers.partyBoard(administration, management, "Thử cấp số");
        clerk = new TestUsers(organization).clerk(issuer.board().code());
        board = clerk.unitId();
        benNghe = ward("Đảng ủy phường Bến Nghé");
    }

    @Test
    void publishingTakesTheNextNumberOfTheTypeInTheIssuersTerm() {
        // Another type of the same issuer and term has a counter of its own.
        management.publish(draft("CV", benNghe), null, LocalDate.of(2024, 2, 1), clerk);

        DispatchReference first = management.publish(draft("KH", benNghe), null, LocalDate.of(2024, 3, 1), clerk);
        DispatchReference second = management.publish(draft("KH", benNghe), null, LocalDate.of(2024, 3, 2), clerk);

        assertThat(first.notation()).isEqualTo("01-KH/BTGQU");
        assertThat(second.notation()).isEqualTo("02-KH/BTGQU");
        assertThat(lastNumber(Issuers.SERIES, "KH")).isEqualTo(2);
    }

    @Test
    void publishingInParallelNeverGivesTheSameNumberTwice() throws Exception {
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            drafts.add(draft("TB", benNghe));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<DispatchReference>> results = new ArrayList<>();
        try {
            for (Long id : drafts) {
                Callable<DispatchReference> publish =
                        () -> management.publish(id, null, LocalDate.of(2024, 5, 1), clerk);
                results.add(pool.submit(publish));
            }
            Set<String> notations = new java.util.HashSet<>();
            for (Future<DispatchReference> result : results) {
                notations.add(result.get().notation());
            }
            assertThat(notations).hasSize(8);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("""
                select count(distinct number) from dispatch where issuer_unit_id = ? and symbol = 'TB/BTGQU'
                and numbering_series = 'NK 2020-2025'
                """, Integer.class, board))
                .isEqualTo(jdbc.queryForObject("""
                select count(*) from dispatch where issuer_unit_id = ? and symbol = 'TB/BTGQU'
                and numbering_series = 'NK 2020-2025'
                """, Integer.class, board));
    }

    @Test
    void aNumberGivenByHandThatIsTakenIsRefusedWithTheNotation() {
        management.publish(draft("CV", benNghe), 65, LocalDate.of(2023, 8, 1), clerk);
        Long id = draft("CV", benNghe);

        assertThatThrownBy(() -> management.publish(id, 65, LocalDate.of(2023, 9, 1), clerk))
                .isInstanceOf(DuplicateNumberException.class)
                .satisfies(ex ->
                        assertThat(((DispatchRuleException) ex).arguments()).containsExactly("65-CV/BTGQU"));
        assertThat(catalog.visibleDispatch(id, viewers.of(clerk)))
                .hasValueSatisfying(view -> assertThat(view.isDraft()).isTrue());
    }

    @Test
    void aNumberGivenByHandMovesTheSeriesOnPastIt() {
        DispatchReference manual = management.publish(draft("BC", benNghe), 500, LocalDate.of(2024, 6, 1), clerk);
        DispatchReference next = management.publish(draft("BC", benNghe), null, LocalDate.of(2024, 6, 2), clerk);

        assertThat(manual.notation()).isEqualTo("500-BC/BTGQU");
        assertThat(next.notation()).isEqualTo("501-BC/BTGQU");
    }

    @Test
    void stateDocumentsAreNumberedPerCalendarYearAcrossTypes() {
        UnitSummary agency = administration.createUnit(
                null,
                UnitKind.STATE_AGENCY,
                Units.uniqueCode("UBND"),
                new UnitDetails("Ủy ban nhân dân phường Thử", "Ủy ban nhân dân phường Thử", "UBND", "Phường Thử"),
                null);
        CurrentUser stateClerk = new TestUsers(organization).clerk(agency.code());

        DispatchReference decision =
                management.publish(stateDraft("QĐ", stateClerk), null, LocalDate.of(2024, 1, 5), stateClerk);
        DispatchReference letter =
                management.publish(stateDraft("CV", stateClerk), null, LocalDate.of(2024, 2, 5), stateClerk);
        DispatchReference nextYear =
                management.publish(stateDraft("CV", stateClerk), null, LocalDate.of(2025, 1, 2), stateClerk);

        assertThat(decision.notation()).isEqualTo("01/QĐ-UBND");
        assertThat(letter.notation()).isEqualTo("02/UBND");
        assertThat(nextYear.notation()).isEqualTo("01/UBND");
    }

    @Test
    void recipientsChosenAsAGroupAreFrozenWhenPublished() {
        Set<Long> wards = Set.of(benNghe, ward("Đảng ủy phường Đa Kao"), ward("Đảng ủy phường Tân Định"));
        Long group = administration
                .createGroup(Units.uniqueCode("G"), "Cấp ủy cơ sở đảng", null, wards)
                .id();
        Long id = management.createDraft(
                DispatchDrafts.party(board)
                        .subject("Về việc gửi các cấp ủy cơ sở")
                        .addressees(Recipient.group("Cấp ủy cơ sở đảng", group))
                        .build(),
                clerk);
        management.publish(id, null, LocalDate.of(2024, 7, 1), clerk);
        Long newcomer = ward("Đảng ủy phường Mới");

        jdbc.update("insert into unit_group_member (group_id, unit_id) values (?, ?)", group, newcomer);

        assertThat(jdbc.queryForObject(
                        "select cardinality(unit_ids) from dispatch_recipient_units where dispatch_id = ?",
                        Integer.class,
                        id))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from delivery where dispatch_id = ?", Integer.class, id))
                .isEqualTo(3);
    }

    @Test
    void aCorrectionIsADraftLinkedBothWaysToWhatItCorrects() {
        DispatchReference original = management.publish(draft("CV", benNghe), null, LocalDate.of(2024, 8, 1), clerk);

        Long correction = management.supersede(original.id(), DispatchRelation.CORRECTS, clerk);

        DispatchView draft =
                catalog.visibleDispatch(correction, viewers.of(clerk)).orElseThrow();
        assertThat(draft.isDraft()).isTrue();
        assertThat(draft.relation()).isEqualTo(DispatchRelation.CORRECTS);
        assertThat(draft.related().id()).isEqualTo(original.id());
        assertThat(catalog.visibleDispatch(original.id(), viewers.of(clerk))
                        .orElseThrow()
                        .supersededBy())
                .extracting(DispatchReference::id)
                .containsExactly(correction);
    }

    @Test
    void aClerkOfAnotherIssuerFindsNothingToActOn() {
        Long id = draft("CV", benNghe);
        CurrentUser cityClerk = new TestUsers(organization)
                .clerk(Issuers.partyBoard(administration, management, "Thử cấp số khác")
                        .board()
                        .code());

        assertThatThrownBy(() -> management.publish(id, null, null, cityClerk))
                .isInstanceOf(DispatchNotFoundException.class);
        assertThat(catalog.visibleDispatch(id, viewers.of(cityClerk))).isEmpty();
        assertThat(catalog.visibleDispatch(id, Viewer.anonymous())).isEmpty();
    }

    @Test
    void aDraftWithoutAnyRecipientUnitCannotBePublished() {
        Long id = management.createDraft(
                DispatchDrafts.party(board)
                        .subject("Về việc thử")
                        .visibility(Visibility.PUBLIC)
                        .addressees(Recipient.text("Các đồng chí"))
                        .distribution()
                        .build(),
                clerk);

        assertThatThrownBy(() -> management.publish(id, null, LocalDate.of(2024, 9, 1), clerk))
                .isInstanceOf(DispatchRuleException.class)
                .extracting(ex -> ((DispatchRuleException) ex).messageKey())
                .isEqualTo("dispatch.error.noRecipients");
    }

    private Long draft(String type, Long addressee) {
        return management.createDraft(
                DispatchDrafts.party(board)
                        .type(type)
                        .subject("Về việc kiểm thử cấp số")
                        .addressees(Recipient.unit("Đảng ủy phường Bến Nghé", addressee))
                        .build(),
                clerk);
    }

    private Long ward(String name) {
        return Units.ward(administration, issuer.committee(), name, null).id();
    }

    private Long stateDraft(String type, CurrentUser stateClerk) {
        return management.createDraft(
                DispatchDraft.builder()
                        .family(DispatchFamily.STATE)
                        .type(type)
                        .issuer(stateClerk.unitId())
                        .subject("Về việc kiểm thử")
                        .body("Nội dung.")
                        .visibility(Visibility.RESTRICTED)
                        .addressees(Recipient.unit("Đảng ủy phường Bến Nghé", benNghe))
                        .build(),
                stateClerk);
    }

    private int lastNumber(String series, String type) {
        List<Integer> last = jdbc.queryForList(
                "select last_number from numbering_counter where issuer_unit_id = ? "
                        + "and series = ? and type_key = ?",
                Integer.class,
                board,
                series,
                type);
        return last.isEmpty() ? 0 : last.get(0);
    }
}
