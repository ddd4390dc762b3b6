package vn.congvan.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.congvan.organization.Units.child;
import static vn.congvan.organization.Units.details;
import static vn.congvan.organization.Units.root;
import static vn.congvan.organization.Units.uniqueCode;
import static vn.congvan.organization.Units.ward;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Recipient;

@CongvanIntegrationTest
@RecordApplicationEvents
class OrganizationAdministrationIntegrationTests {

    static final LocalDate JULY_1_2025 = LocalDate.of(2025, 7, 1);

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    OrganizationDirectory directory;

    @Autowired
    ApplicationEvents events;

    @Autowired
    DispatchManagement dispatches;

    @Test
    void renamingAUnitChangesWhatDocumentsPrintAndPublishesAnEvent() {
        UnitSummary board = root(administration, "Ban Tuyên giáo Quận ủy");
        long version = administration.unitForEditing(board.id()).version();

        UnitSummary renamed = administration.editUnit(
                board.id(),
                version,
                new UnitDetails("Ban Tuyên giáo và Dân vận Quận ủy", "Ban Tuyên giáo và Dân vận", "BTGDVQU", "Quận 1"));

        assertThat(renamed.name()).isEqualTo("Ban Tuyên giáo và Dân vận Quận ủy");
        assertThat(renamed.shortName()).isEqualTo("Ban Tuyên giáo và Dân vận");
        assertThat(renamed.symbolCode()).isEqualTo("BTGDVQU");
        assertThat(directory.unit(board.id())).contains(renamed);
        assertThat(events.stream(OrganizationChanged.class)).anySatisfy(event -> {
            assertThat(event.subject()).isEqualTo("UNIT");
            assertThat(event.subjectId()).isEqualTo(board.id());
            assertThat(event.change()).startsWith("Sửa đơn vị").contains("tên", "ký hiệu");
        });
    }

    @Test
    void blankShortNameFallsBackToTheName() {
        UnitSummary unit = root(administration, "Hội Nông dân Quận 1");

        UnitSummary edited = administration.editUnit(
                unit.id(),
                administration.unitForEditing(unit.id()).version(),
                new UnitDetails("Hội Nông dân quận", " ", null, null));

        assertThat(edited.shortName()).isEqualTo("Hội Nông dân quận");
    }

    @Test
    void movingAUnitPutsItUnderTheNewParentAndPublishesAnEvent() {
        UnitSummary city = root(administration, "Thành ủy");
        UnitSummary district = child(administration, city, "Quận ủy");
        UnitSummary ward = child(administration, district, "Đảng ủy phường");

        UnitSummary moved = administration.moveUnit(
                ward.id(), administration.unitForEditing(ward.id()).version(), city.id());

        assertThat(moved.parentId()).isEqualTo(city.id());
        assertThat(directory.tree())
                .filteredOn(entry -> entry.unit().id().equals(ward.id()))
                .singleElement()
                .extracting(UnitTreeEntry::depth)
                .isEqualTo(1);
        assertThat(events.stream(OrganizationChanged.class))
                .anyMatch(event ->
                        event.subjectId().equals(ward.id()) && event.change().startsWith("Chuyển đơn vị"));
    }

    @Test
    void movingAUnitUnderItsOwnDescendantIsRefused() {
        UnitSummary city = root(administration, "Thành ủy");
        UnitSummary district = child(administration, city, "Quận ủy");
        UnitSummary ward = child(administration, district, "Đảng ủy phường");
        long version = administration.unitForEditing(city.id()).version();

        assertThatThrownBy(() -> administration.moveUnit(city.id(), version, ward.id()))
                .isInstanceOfSatisfying(OrganizationRuleException.class, ex -> {
                    assertThat(ex.field()).isEqualTo("parentId");
                    assertThat(ex.messageKey()).isEqualTo("organization.unit.move.cycle");
                });
        assertThatThrownBy(() -> administration.moveUnit(city.id(), version, city.id()))
                .isInstanceOf(OrganizationRuleException.class);
        assertThat(directory.unit(city.id()).orElseThrow().parentId()).isNull();
    }

    @Test
    void twoWardsMergedIntoANewWardStayInTheTreeWithTheNewWardAsSuccessor() {
        UnitSummary city = root(administration, "Đảng bộ Thành phố");
        UnitSummary benNghe = ward(administration, city, "Đảng ủy phường Bến Nghé", LocalDate.of(2020, 10, 1));
        UnitSummary dakao = ward(administration, city, "Đảng ủy phường Đa Kao", LocalDate.of(2020, 10, 1));
        UnitSummary saigon = ward(administration, city, "Đảng ủy phường Sài Gòn", JULY_1_2025);

        administration.endUnit(benNghe.id(), version(benNghe), JULY_1_2025, saigon.id());
        administration.endUnit(dakao.id(), version(dakao), JULY_1_2025, saigon.id());

        UnitSummary endedBenNghe = directory.unit(benNghe.id()).orElseThrow();
        assertThat(endedBenNghe.validTo()).isEqualTo(JULY_1_2025);
        assertThat(directory.isActive(endedBenNghe, LocalDate.of(2025, 6, 30))).isTrue();
        assertThat(directory.isActive(endedBenNghe, JULY_1_2025)).isFalse();
        assertThat(directory.isActive(directory.unit(saigon.id()).orElseThrow(), JULY_1_2025))
                .isTrue();
        assertThat(directory.successions())
                .contains(new UnitSuccession(benNghe.id(), saigon.id()), new UnitSuccession(dakao.id(), saigon.id()));
        // With two predecessors the simple link names neither; unit_succession has both.
        assertThat(directory.unit(saigon.id()).orElseThrow().predecessorId()).isNull();
        assertThat(directory.allUnits()).extracting(UnitSummary::id).contains(benNghe.id(), dakao.id(), saigon.id());
        assertThat(events.stream(OrganizationChanged.class))
                .anyMatch(event -> event.subjectId().equals(dakao.id())
                        && event.change().startsWith("Kết thúc đơn vị")
                        && event.change().contains(saigon.code()));
    }

    @Test
    void aSoleSuccessorNamesItsPredecessor() {
        UnitSummary city = root(administration, "Thành ủy");
        UnitSummary propaganda = child(administration, city, "Ban Tuyên giáo Thành ủy");
        UnitSummary merged = child(administration, city, "Ban Tuyên giáo và Dân vận Thành ủy");

        administration.endUnit(propaganda.id(), version(propaganda), JULY_1_2025, merged.id());

        assertThat(directory.unit(merged.id()).orElseThrow().predecessorId()).isEqualTo(propaganda.id());
    }

    @Test
    void endingAUnitTwiceOrWithAnEndedSuccessorIsRefused() {
        UnitSummary city = root(administration, "Thành ủy");
        UnitSummary old = child(administration, city, "Đơn vị cũ");
        UnitSummary other = child(administration, city, "Đơn vị khác");
        administration.endUnit(old.id(), version(old), JULY_1_2025, null);

        assertThatThrownBy(() -> administration.endUnit(old.id(), version(old), JULY_1_2025.plusDays(1), null))
                .isInstanceOfSatisfying(
                        OrganizationRuleException.class,
                        ex -> assertThat(ex.messageKey()).isEqualTo("organization.unit.end.already"));
        assertThatThrownBy(() -> administration.endUnit(other.id(), version(other), JULY_1_2025.plusDays(1), old.id()))
                .isInstanceOfSatisfying(
                        OrganizationRuleException.class,
                        ex -> assertThat(ex.messageKey()).isEqualTo("organization.unit.end.successorInactive"));
        assertThat(directory.unit(other.id()).orElseThrow().validTo()).isNull();
    }

    @Test
    void aTakenCodeIsRefusedWhateverItsCase() {
        String code = uniqueCode("DUP");
        administration.createUnit(null, UnitKind.OTHER, code, details("Đơn vị thứ nhất"), null);

        assertThatThrownBy(() -> administration.createUnit(
                        null, UnitKind.OTHER, code.toLowerCase(), details("Đơn vị thứ hai"), null))
                .isInstanceOfSatisfying(OrganizationRuleException.class, ex -> {
                    assertThat(ex.field()).isEqualTo("code");
                    assertThat(ex.messageKey()).isEqualTo("organization.unit.code.taken");
                });
        UnitSummary district = root(administration, "Quận ủy thử mã");
        assertThatThrownBy(
                        () -> administration.createUnit(null, UnitKind.OTHER, district.code(), details("Trùng"), null))
                .isInstanceOf(OrganizationRuleException.class);
    }

    @Test
    void anEditFromAStaleVersionIsReportedAsAConflict() {
        UnitSummary unit = root(administration, "Quận Đoàn");
        long seen = version(unit);
        administration.editUnit(unit.id(), seen, details("Quận Đoàn 1"));

        assertThatThrownBy(() -> administration.editUnit(unit.id(), seen, details("Đoàn Thanh niên quận")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> administration.moveUnit(unit.id(), seen, null))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(directory.unit(unit.id()).orElseThrow().name()).isEqualTo("Quận Đoàn 1");
    }

    @Test
    void groupsAreCreatedEditedAndDeletedWithEvents() {
        UnitSummary city = root(administration, "Thành ủy");
        UnitSummary first = child(administration, city, "Đảng ủy phường A");
        UnitSummary second = child(administration, city, "Đảng ủy phường B");
        String code = uniqueCode("G");

        UnitGroupSummary group = administration.createGroup(code, "Cấp ủy phường", null, Set.of(first.id()));
        long version = administration.groupForEditing(group.id()).version();
        UnitGroupSummary edited =
                administration.editGroup(group.id(), version, "Cấp ủy cơ sở", "Mô tả", Set.of(second.id()));

        assertThat(edited.memberUnitIds()).containsExactly(second.id());
        assertThat(directory.groupByCode(code).orElseThrow().name()).isEqualTo("Cấp ủy cơ sở");
        assertThatThrownBy(() -> administration.createGroup(code, "Trùng mã", null, Set.of()))
                .isInstanceOf(OrganizationRuleException.class);
        assertThatThrownBy(() -> administration.editGroup(group.id(), version, "Cũ", null, Set.of()))
                .isInstanceOf(OptimisticLockingFailureException.class);

        administration.deleteGroup(
                group.id(), administration.groupForEditing(group.id()).version());

        assertThat(directory.group(group.id())).isEmpty();
        assertThat(events.stream(OrganizationChanged.class)
                        .filter(event -> event.subject().equals("GROUP")
                                && event.subjectId().equals(group.id()))
                        .map(OrganizationChanged::change))
                .anyMatch(change -> change.startsWith("Tạo nhóm"))
                .anyMatch(change -> change.startsWith("Sửa nhóm"))
                .anyMatch(change -> change.startsWith("Xóa nhóm"));
    }

    @Test
    void aGroupThatADispatchIsAddressedToCannotBeDeleted() {
        // The issuer of a dispatch needs the place its documents print.
        UnitSummary district = administration.createUnit(
                null,
                UnitKind.PARTY_COMMITTEE,
                uniqueCode("T"),
                new UnitDetails("Quận ủy thử nhóm nhận", null, "QU", "Quận thử"),
                null);
        UnitSummary first = child(administration, district, "Đảng ủy phường A");
        UnitSummary second = child(administration, district, "Đảng ủy phường B");
        UnitGroupSummary wards =
                administration.createGroup(uniqueCode("G"), "Cấp ủy cơ sở đảng", null, Set.of(first.id(), second.id()));
        CurrentUser clerk = new TestUsers(directory).clerk(district.code());
        dispatches.createDraft(
                DispatchDrafts.party(district.id())
                        .addressees(Recipient.group("Cấp ủy cơ sở đảng", wards.id()))
                        .build(),
                clerk);

        assertThatThrownBy(() -> administration.deleteGroup(
                        wards.id(), administration.groupForEditing(wards.id()).version()))
                .isInstanceOfSatisfying(
                        OrganizationRuleException.class,
                        ex -> assertThat(ex.messageKey()).isEqualTo("organization.group.delete.inUse"));
        assertThat(directory.group(wards.id())).isPresent();
        assertThat(directory.group(wards.id()).orElseThrow().memberUnitIds())
                .containsExactlyInAnyOrder(first.id(), second.id());
    }

    private long version(UnitSummary unit) {
        return administration.unitForEditing(unit.id()).version();
    }
}
