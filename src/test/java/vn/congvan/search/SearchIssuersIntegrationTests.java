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
import vn.congvan.demo.DemoData;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Viewer;
import vn.congvan.dispatch.Viewers;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationDirectory;

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
    DemoData demo;

    @Autowired
    MockMvc mvc;

    TestUsers users;

    Long daKao;

    Long publicIssuer;

    @BeforeEach
    void publishARestrictedDispatchOfAnIssuerWithNothingPublic() {
        demo.load();
        users = new TestUsers(organization);
        daKao = organization.unitByCode("QU-Q1.DU-DAKAO").orElseThrow().id();
        publicIssuer = organization.unitByCode("QU-Q1.BTG").orElseThrow().id();
        Long benNghe = organization.unitByCode("QU-Q1.DU-BENNGHE").orElseThrow().id();
        CurrentUser clerk = users.clerk("QU-Q1.DU-DAKAO");
        if (search.issuers(viewers.of(users.admin())).containsKey(daKao)) {
            return;
        }
        Long draft = management.createDraft(
                DispatchDrafts.partyDispatch(
                        daKao, Visibility.RESTRICTED, "Về việc nội bộ của Đảng ủy phường Đa Kao", benNghe),
                clerk);
        management.publish(draft, null, LocalDate.of(2024, 6, 3), clerk);
    }

    @Test
    void anIssuerWithOnlyRestrictedDispatchesIsNamedOnlyToThoseWhoMaySeeOne() {
        assertThat(search.issuers(Viewer.anonymous())).containsKey(publicIssuer).doesNotContainKey(daKao);
        assertThat(search.issuers(viewers.of(users.member("QU-Q1.DU-BENTHANH"))))
                .containsKey(publicIssuer)
                .doesNotContainKey(daKao);
        assertThat(search.issuers(viewers.of(users.clerk("TU-HCM.BTG")))).doesNotContainKey(daKao);
        assertThat(search.issuers(viewers.of(users.member("QU-Q1.DU-BENNGHE")))).containsKey(daKao);
        assertThat(search.issuers(viewers.of(users.clerk("QU-Q1.DU-DAKAO")))).containsKey(daKao);
        assertThat(search.issuers(viewers.of(users.admin()))).containsKey(daKao).containsKey(publicIssuer);
    }

    @Test
    void theSearchPageOffersAnonymousVisitorsOnlyIssuersOfPublicDispatches() throws Exception {
        assertThat(issuersOnThePage(null)).containsKey(publicIssuer).doesNotContainKey(daKao);
        assertThat(issuersOnThePage(users.member("QU-Q1.DU-BENNGHE"))).containsKey(daKao);
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
