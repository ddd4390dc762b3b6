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
    void treeHasTheWardsUnderTheDistrictUnderTheCity() {
        UnitSummary cityUnit = root(administration, "Thành ủy thử cây");
        UnitSummary districtUnit = child(administration, cityUnit, "Quận ủy thử cây");
        UnitSummary wardUnit = child(administration, districtUnit, "Đảng ủy phường thử cây");

        List<UnitTreeEntry> tree = directory.tree();

        UnitTreeEntry city = entry(tree, cityUnit.code());
        UnitTreeEntry district = entry(tree, districtUnit.code());
        UnitTreeEntry benNghe = entry(tree, wardUnit.code());
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

    /** A ward divided between two merged wards passes its work to both; ending it again changes nothing. */
    @Test
    void aUnitSplitBetweenTwoSuccessorsPassesItsWorkToEach() {
        UnitSummary top = root(administration, "Thành phố thử chia tách");
        LocalDate merged = LocalDate.of(2025, 7, 1);
        UnitSummary split = child(administration, top, "Phường thử bị chia");
        UnitSummary whole = child(administration, top, "Phường thử nhập nguyên");
        UnitSummary first = Units.ward(administration, top, "Đảng ủy phường thử mới thứ nhất", merged);
        UnitSummary second = Units.ward(administration, top, "Đảng ủy phường thử mới thứ hai", merged);

        directory.registerEnd(whole.code(), merged, List.of(first.code()));
        UnitSummary ended = directory.registerEnd(split.code(), merged, List.of(first.code(), second.code()));
        directory.registerEnd(split.code(), LocalDate.of(2026, 1, 1), List.of());

        assertThat(directory.unit(split.id()).orElseThrow().validTo()).isEqualTo(merged);
        assertThat(ended.validTo()).isEqualTo(merged);
        assertThat(directory.predecessorsOf(first.id())).containsExactlyInAnyOrder(split.id(), whole.id());
        assertThat(directory.predecessorsOf(second.id())).containsExactly(split.id());
        assertThat(directory.successions())
                .filteredOn(succession -> succession.predecessorId().equals(split.id()))
                .extracting(UnitSuccession::successorId)
                .containsExactlyInAnyOrder(first.id(), second.id());
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

    /** A heading's body above is compared with every unit above the drafter, however deep the tree (ADR 0065). */
    @Test
    void theBodiesAboveAUnitComeParentFirstWhateverItsDepth() {
        UnitSummary top = root(administration, "Gốc tổ tiên");
        List<UnitSummary> chain = new java.util.ArrayList<>(List.of(top));
        for (int depth = 0; depth < 5; depth++) {
            chain.add(child(administration, chain.get(chain.size() - 1), "Tầng " + depth));
        }
        UnitSummary leaf = chain.remove(chain.size() - 1);
        List<Long> parentFirst =
                new java.util.ArrayList<>(chain.stream().map(UnitSummary::id).toList());
        java.util.Collections.reverse(parentFirst);

        List<Long> above =
                directory.ancestorsOf(leaf.id()).stream().map(UnitSummary::id).toList();

        assertThat(above).containsExactlyElementsOf(parentFirst);
        assertThat(directory.ancestorsOf(top.id())).isEmpty();
        assertThat(directory.ancestorsOf(null)).isEmpty();
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
        UnitSummary district = root(administration, "Quận ủy thử nơi nhận");
        UnitSummary board = child(administration, district, "Ban Tuyên giáo thử");
        UnitSummary benNghe = child(administration, district, "Đảng ủy phường thử A");
        UnitSummary dakao = child(administration, district, "Đảng ủy phường thử B");
        UnitSummary tanDinh = child(administration, district, "Đảng ủy phường thử C");
        UnitSummary branch = child(administration, benNghe, "Chi bộ khu phố thử");
        UnitGroupSummary wards = administration.createGroup(
                Units.uniqueCode("G"), "Cấp ủy cơ sở đảng", null, Set.of(benNghe.id(), dakao.id(), tanDinh.id()));

        Set<Long> recipients =
                directory.resolveRecipients(Set.of(board.id(), benNghe.id(), district.id()), Set.of(wards.id()));

        assertThat(wards.memberUnitIds()).hasSize(3).contains(benNghe.id());
        assertThat(recipients)
                .hasSize(5)
                .containsAll(wards.memberUnitIds())
                .contains(board.id(), district.id())
                .doesNotContain(branch.id());
        assertThat(directory.resolveRecipients(Set.of(district.id()), Set.of())).containsExactly(district.id());
        assertThat(directory.resolveRecipients(Set.of(), Set.of())).isEmpty();
    }

    @Test
    void allGroupsListsTheGroupsWithTheirMembers() {
        UnitSummary district = root(administration, "Quận ủy thử nhóm");
        UnitSummary first = child(administration, district, "Đảng ủy phường thử một");
        UnitSummary second = child(administration, district, "Đảng ủy phường thử hai");
        String code = Units.uniqueCode("G");
        administration.createGroup(code, "Cấp ủy cơ sở đảng", null, Set.of(first.id(), second.id()));

        assertThat(directory.allGroups())
                .filteredOn(group -> group.code().equals(code))
                .singleElement()
                .satisfies(
                        group -> assertThat(group.memberUnitIds()).containsExactlyInAnyOrder(first.id(), second.id()));
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
