package vn.congvan.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.Units;

/** A double-clicked or retried publish button: two posts of the same form at once publish the dispatch once. */
@CongvanIntegrationTest
class RepeatedPublishIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoSimultaneousPublishPostsGiveOneNumberOneDeliveryAndOneSetOfNotices() throws Exception {
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử bấm hai lần");
        CurrentUser clerk = new TestUsers(organization).clerk(issuer.board().code());
        Long recipient = Units.ward(administration, issuer.committee(), "Đảng ủy bấm hai lần", null)
                .id();
        List<String> addresses = new ArrayList<>();
        for (String name : List.of(Accounts.uniqueUsername("twice-a"), Accounts.uniqueUsername("twice-b"))) {
            accounts.openUnlessExists(new NewAccount(
                    name, "Cán bộ " + name, name + "@phuong.test", recipient, Set.of(Role.MEMBER), "Demo@2023"));
            addresses.add(name + "@phuong.test");
        }
        Long draft = management.createDraft(
                DispatchDrafts.partyDispatch(
                        clerk.unitId(), Visibility.RESTRICTED, "Về việc phát hành một lần", recipient),
                clerk);
        int numbersBefore = numbersGiven(clerk.unitId());

        CountDownLatch together = new CountDownLatch(1);
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        List<Future<MvcResult>> posts = new ArrayList<>();
        try {
            for (int click = 0; click < 2; click++) {
                Callable<MvcResult> publish = () -> {
                    together.await();
                    return mvc.perform(post("/quan-ly/cong-van/" + draft + "/phat-hanh")
                                    .with(user(clerk))
                                    .with(csrf())
                                    .param("issuedOn", "2024-12-02"))
                            .andReturn();
                };
                posts.add(clicks.submit(publish));
            }
            together.countDown();
            List<MvcResult> results = new ArrayList<>();
            for (Future<MvcResult> post : posts) {
                results.add(post.get());
            }

            // Both clicks land back on the dispatch page; one says it was published, the other why nothing happened.
            assertThat(results)
                    .allSatisfy(result ->
                            assertThat(result.getResponse().getStatus()).isEqualTo(302));
            assertThat(results)
                    .filteredOn(result -> result.getFlashMap().containsKey("flashText"))
                    .hasSize(1);
            assertThat(results)
                    .filteredOn(result -> result.getFlashMap().containsKey("flashErrors"))
                    .hasSize(1);
        } finally {
            clicks.shutdownNow();
        }

        assertThat(numbersGiven(clerk.unitId())).isEqualTo(numbersBefore + 1);
        assertThat(jdbc.queryForObject("select status from dispatch where id = ?", String.class, draft))
                .isEqualTo("PUBLISHED");
        assertThat(jdbc.queryForList("select unit_id from delivery where dispatch_id = ?", Long.class, draft))
                .containsExactly(recipient);
        assertThat(jdbc.queryForList("select recipient from mail_outbox where dispatch_id = ?", String.class, draft))
                .containsExactlyInAnyOrderElementsOf(addresses);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'PUBLISH' and subject_id = ?",
                        Integer.class,
                        draft))
                .isEqualTo(1);
    }

    /** Every number the issuer's counters have handed out, over all series. */
    private int numbersGiven(Long issuerUnitId) {
        return jdbc.queryForObject(
                "select coalesce(sum(last_number), 0) from numbering_counter where issuer_unit_id = ?",
                Integer.class,
                issuerUnitId);
    }
}
