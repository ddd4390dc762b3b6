package vn.congvan.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.congvan.organization.Units.child;
import static vn.congvan.organization.Units.root;

import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.congvan.CongvanIntegrationTest;

@CongvanIntegrationTest
class OrganizationDirectoryIntegrationTests {

    @Autowired
    OrganizationDirectory directory;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void treeHasTheDemoWardsUnderTheDistrictUnderTheCity() {
        List<UnitTreeEntry> tree = directory.tree();

        UnitTreeEntry city = entry(tree, "TU-HCM");
        UnitTreeEntry district = entry(tree, "QU-Q1");
        UnitTreeEntry benNghe = entry(tree, "QU-Q1.DU-BENNGHE");
        assertThat(city.depth()).isZero();
        assertThat(district.depth()).isEqualTo(1);
        assertThat(benNghe.depth()).isEqualTo(2);
        assertThat(tree.indexOf(city)).isLessThan(tree.indexOf(district));
        assertThat(tree.indexOf(district)).isLessThan(tree.indexOf(benNghe));
        assertThat(directory.allUnits())
                .extracting(UnitSummary::id)
                .containsExactlyElementsOf(
                        tree.stream().map(entry -> entry.unit().id()).toList());
    }

    @Test
    void siblingsAreInVietnameseAlphabeticalOrderAndChildrenFollowTheirParent() {
        UnitSummary top = root(administration, "Gốc thử thứ tự");
        UnitSummary uy = child(administration, top, "Ủy ban kiểm tra");
        UnitSummary dang = child(administration, top, "Đảng ủy khối");
        UnitSummary dan = child(administration, top, "Dân vận");
        UnitSummary ban = child(administration, top, "Ban tổ chức");
        UnitSummary underBan = child(administration, ban, "Tổ công tác");

        List<Long> order = directory.allUnits().stream()
                .map(UnitSummary::id)
                .filter(id -> Set.of(uy.id(), dang.id(), dan.id(), ban.id(), underBan.id())
                        .contains(id))
                .toList();

        assertThat(order).containsExactly(ban.id(), underBan.id(), dan.id(), dang.id(), uy.id());
    }

    @Test
    void treeIsReadInOneStatementWhateverItsDepth() {
        UnitSummary parent = root(administration, "Cây sâu");
        for (int depth = 0; depth < 6; depth++) {
            parent = child(administration, parent, "Cấp " + depth);
        }
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            assertThat(directory.tree()).isNotEmpty();
            assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }

    @Test
    void resolvingRecipientsGivesTheUnitsAndEveryMemberOfTheGroupsWithoutDescendants() {
        UnitGroupSummary wards = directory.groupByCode("QU-Q1.CAP-UY-CO-SO").orElseThrow();
        UnitSummary board = directory.unitByCode("QU-Q1.BTG").orElseThrow();
        UnitSummary benNghe = directory.unitByCode("QU-Q1.DU-BENNGHE").orElseThrow();
        UnitSummary district = directory.unitByCode("QU-Q1").orElseThrow();

        Set<Long> recipients =
                directory.resolveRecipients(Set.of(board.id(), benNghe.id(), district.id()), Set.of(wards.id()));

        assertThat(wards.memberUnitIds()).hasSize(10).contains(benNghe.id());
        assertThat(recipients).hasSize(12).containsAll(wards.memberUnitIds()).contains(board.id(), district.id());
        assertThat(directory.resolveRecipients(Set.of(district.id()), Set.of())).containsExactly(district.id());
        assertThat(directory.resolveRecipients(Set.of(), Set.of())).isEmpty();
    }

    @Test
    void allGroupsListsTheDemoGroupsWithTheirMembers() {
        assertThat(directory.allGroups())
                .filteredOn(group -> group.code().equals("QU-Q1.CAP-UY-CO-SO"))
                .singleElement()
                .satisfies(group -> assertThat(group.memberUnitIds()).hasSize(10));
    }

    @Test
    void aUnitIsActiveFromItsFirstDayUntilTheDayBeforeItEnds() {
        UnitSummary unit = new UnitSummary(
                1L,
                null,
                UnitKind.OTHER,
                "X",
                "X",
                "X",
                null,
                null,
                LocalDate.of(2020, 10, 1),
                LocalDate.of(2025, 7, 1),
                null);

        assertThat(directory.isActive(unit, LocalDate.of(2020, 9, 30))).isFalse();
        assertThat(directory.isActive(unit, LocalDate.of(2020, 10, 1))).isTrue();
        assertThat(directory.isActive(unit, LocalDate.of(2025, 6, 30))).isTrue();
        assertThat(directory.isActive(unit, LocalDate.of(2025, 7, 1))).isFalse();
    }

    private static UnitTreeEntry entry(List<UnitTreeEntry> tree, String code) {
        return tree.stream()
                .filter(entry -> entry.unit().code().equals(code))
                .findFirst()
                .orElseThrow();
    }
}
