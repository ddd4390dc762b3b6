package vn.congvan.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.congvan.organization.Units.child;
import static vn.congvan.organization.Units.root;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import vn.congvan.ModuleTestSupport;

/** The organization module alone: it depends on no other module, so nothing is stubbed. */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import(ModuleTestSupport.class)
class OrganizationModuleTests {

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    OrganizationDirectory directory;

    @Test
    void creatingAUnitPublishesOrganizationChanged(Scenario scenario) {
        UnitSummary city = root(administration, "Thành ủy thử nghiệm");

        scenario.stimulate(() -> child(administration, city, "Ban Tuyên giáo thử nghiệm"))
                .andWaitForEventOfType(OrganizationChanged.class)
                .matching(event ->
                        "UNIT".equals(event.subject()) && !event.subjectId().equals(city.id()))
                .toArriveAndVerify(
                        (event, unit) -> assertThat(event.subjectId()).isEqualTo(unit.id()));
    }

    @Test
    void aGroupReachesItsCurrentMembersAndLeavesOutUnitsEndedBeforeTheDay() {
        UnitSummary city = root(administration, "Thành ủy thử nghiệm");
        UnitSummary ward = child(administration, city, "Đảng ủy phường Một");
        UnitSummary ended = child(administration, city, "Đảng ủy phường Hai");
        administration.endUnit(
                ended.id(), administration.unitForEditing(ended.id()).version(), LocalDate.of(2025, 7, 1), null);
        UnitGroupSummary group = administration.createGroup(
                Units.uniqueCode("G"), "Cấp ủy cơ sở thử nghiệm", null, Set.of(ward.id(), ended.id()));

        assertThat(directory.resolveRecipients(Set.of(city.id()), Set.of(group.id())))
                .containsExactlyInAnyOrder(city.id(), ward.id(), ended.id());
        assertThat(directory.activeRecipients(Set.of(), Set.of(group.id()), LocalDate.of(2025, 8, 1)))
                .containsExactly(ward.id());
    }
}
