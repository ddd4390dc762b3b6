package vn.congvan.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Viewer;
import vn.congvan.dispatch.Viewers;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitDetails;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/** The issuer filter of the search page names only issuers of dispatches the viewer may see. */
@CongvanIntegrationTest
class SearchIssuersIntegrationTests {

    @Autowired
    Viewers viewers;

    @Autowired
    DispatchSearch search;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    MockMvc mvc;

    TestUsers users;

    Long daKao;

    Long publicIssuer;

    String benNghe;

    String benThanh;

    String otherBoard;

    /**
     * A tree of this test's own: a board that publishes a public dispatch, a ward (Đa Kao) whose only dispatch is
     * restricted to another ward (Bến Nghé), a third ward and an unrelated board that receive nothing.
     */
    @BeforeEach
    void publishARestrictedDispatchOfAnIssuerWithNothingPublic() {
        users = new TestUsers(organization);
        UnitSummary committee = Units.root(administration, "Quận ủy thử bộ lọc nơi ban hành");
        management.registerPartyTerm(committee.id(), "2020-2025", LocalDate.of(2020, 10, 1), null);
        UnitSummary board = board(committee, "Ban Tuyên giáo thử bộ lọc", "BTGTBL");
        UnitSummary daKaoWard = Units.ward(administration, committee, "Đảng ủy phường Đa Kao thử", null);
        UnitSummary benNgheWard = Units.ward(administration, committee, "Đảng ủy phường Bến Nghé thử", null);
        benNghe = benNgheWard.code();
        benThanh = Units.ward(administration, committee, "Đảng ủy phường Bến Thành thử", null)
                .code();
        otherBoard = board(Units.root(administration, "Thành ủy thử bộ lọc"), "Ban Tuyên giáo Thành ủy thử", "BTGTUT")
                .code();
        daKao = daKaoWard.id();
        publicIssuer = board.id();
        CurrentUser boardClerk = users.clerk(board.code());
        Long announcement = management.createDraft(
                DispatchDrafts.partyDispatch(
                        publicIssuer, Visibility.PUBLIC, "Thông báo công khai của ban thử bộ lọc", benNgheWard.id()),
                boardClerk);
        management.publish(announcement, null, LocalDate.of(2024, 6, 3), boardClerk);
        CurrentUser clerk = users.clerk(daKaoWard.code());
        Long draft = management.createDraft(
                DispatchDrafts.partyDispatch(
                        daKao, Visibility.RESTRICTED, "Về việc nội bộ của Đảng ủy phường Đa Kao thử", benNgheWard.id()),
                clerk);
        management.publish(draft, null, LocalDate.of(2024, 6, 3), clerk);
    }

    @Test
    void anIssuerWithOnlyRestrictedDispatchesIsNamedOnlyToThoseWhoMaySeeOne() {
        assertThat(search.issuers(Viewer.anonymous())).containsKey(publicIssuer).doesNotContainKey(daKao);
        assertThat(search.issuers(viewers.of(users.member(benThanh))))
                .containsKey(publicIssuer)
                .doesNotContainKey(daKao);
        assertThat(search.issuers(viewers.of(users.clerk(otherBoard)))).doesNotContainKey(daKao);
        assertThat(search.issuers(viewers.of(users.member(benNghe)))).containsKey(daKao);
        assertThat(search.issuers(viewers.of(
                        users.clerk(organization.unit(daKao).orElseThrow().code()))))
                .containsKey(daKao);
        assertThat(search.issuers(viewers.of(users.admin()))).containsKey(daKao).containsKey(publicIssuer);
    }

    @Test
    void theSearchPageOffersAnonymousVisitorsOnlyIssuersOfPublicDispatches() throws Exception {
        assertThat(issuersOnThePage(null)).containsKey(publicIssuer).doesNotContainKey(daKao);
        assertThat(issuersOnThePage(users.member(benNghe))).containsKey(daKao);
    }

    private UnitSummary board(UnitSummary committee, String name, String symbol) {
        return administration.createUnit(
                committee.id(),
                UnitKind.PARTY_BOARD,
                Units.uniqueCode("B"),
                new UnitDetails(name, "Ban Tuyên giáo", symbol, "Quận Thử"),
                null);
    }

    @SuppressWarnings("unchecked")
    private Map<Long, String> issuersOnThePage(CurrentUser viewer) throws Exception {
        var request = get("/tim-kiem").param("q", "thong bao");
        if (viewer != null) {
            request.with(user(viewer));
        }
        return (Map<Long, String>)
                mvc.perform(request).andReturn().getModelAndView().getModel().get("issuers");
    }
}
