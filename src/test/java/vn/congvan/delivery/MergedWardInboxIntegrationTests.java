package vn.congvan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Viewer;
import vn.congvan.dispatch.Viewers;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * A merged ward takes over what each of its predecessors received (Phường Sài Gòn: Bến Nghé, Đa Kao, Nguyễn Thái
 * Bình): a dispatch sent to all of them was one document on paper and is one item in the merged ward's inbox.
 */
@CongvanIntegrationTest
class MergedWardInboxIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    DeliveryLedger ledger;

    @Autowired
    Viewers viewers;

    @Test
    void aDispatchSentToEveryPredecessorIsOneItemInTheSuccessorsInbox() throws Exception {
        TestUsers users = new TestUsers(organization);
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử hộp thư phường mới");
        CurrentUser clerk = users.clerk(issuer.board().code());
        UnitSummary first = Units.ward(administration, issuer.committee(), "Đảng ủy phường Trước Một", null);
        UnitSummary second = Units.ward(administration, issuer.committee(), "Đảng ủy phường Trước Hai", null);
        UnitSummary merged = Units.ward(administration, issuer.committee(), "Đảng ủy phường Hợp Nhất", null);
        Long draft = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .subject("Về việc gửi cả hai phường trước sáp nhập")
                        .addressees(
                                Recipient.unit("Đảng ủy phường Trước Một", first.id()),
                                Recipient.unit("Đảng ủy phường Trước Hai", second.id()))
                        .build(),
                clerk);
        DispatchReference sent = management.publish(draft, null, LocalDate.of(2024, 3, 4), clerk);
        for (UnitSummary predecessor : new UnitSummary[] {first, second}) {
            administration.endUnit(
                    predecessor.id(),
                    administration.unitForEditing(predecessor.id()).version(),
                    LocalDate.of(2025, 7, 1),
                    merged.id());
        }
        CurrentUser member = users.member(merged.code());
        Viewer viewer = viewers.of(member);
        assertThat(viewer.recipientUnitIds()).contains(first.id(), second.id(), merged.id());

        String inbox = mvc.perform(get("/hop-thu").with(user(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(occurrences(inbox, "href=\"/hop-thu/" + sent.id() + "\"")).isEqualTo(1);
        assertThat(ledger.inbox(viewer, org.springframework.data.domain.PageRequest.of(0, 20)))
                .extracting(item -> item.dispatch().id())
                .containsExactly(sent.id());
        assertThat(ledger.unreadCount(viewer)).isEqualTo(1);
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
