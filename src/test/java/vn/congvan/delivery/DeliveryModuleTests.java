package vn.congvan.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.congvan.ModuleTestSupport;
import vn.congvan.account.AccountManagement;
import vn.congvan.attachment.AttachmentDownloads;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.ReportFiles;
import vn.congvan.attachment.Thumbnails;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchPublished;
import vn.congvan.dispatch.DispatchWithdrawn;
import vn.congvan.dispatch.Viewer;
import vn.congvan.dispatch.Viewers;
import vn.congvan.system.Rows;
import vn.congvan.system.Times;

/**
 * The delivery module alone, driven by the dispatch module's events; the modules its pages call are stubbed. The
 * dispatch and unit rows are written in SQL, since the ledger's foreign keys need them.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import(ModuleTestSupport.class)
class DeliveryModuleTests {

    static final Instant PUBLISHED_AT = Instant.parse("2025-09-02T02:00:00Z");

    @MockitoBean
    DispatchCatalog catalog;

    @MockitoBean
    Attachments attachments;

    @MockitoBean
    AttachmentDownloads downloads;

    @MockitoBean
    Thumbnails thumbnails;

    @MockitoBean
    ReportFiles reportFiles;

    @MockitoBean
    Times times;

    @MockitoBean
    Viewers viewers;

    @MockitoBean
    AccountManagement accounts;

    @Autowired
    DeliveryLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPublicationGivesEachRecipientUnitALineAndAnAcknowledgementIsRecordedAndReported(Scenario scenario) {
        long issuer = Rows.unit(jdbc, "Ủy ban nhân dân phường thử nghiệm");
        long ward = Rows.unit(jdbc, "Đảng ủy phường An Khánh");
        long other = Rows.unit(jdbc, "Đảng ủy phường Bình Trưng");
        long dispatch = Rows.publishedDispatch(
                jdbc, issuer, 1, "Về việc thử nghiệm sổ theo dõi", "RESTRICTED", LocalDate.of(2025, 9, 2));

        scenario.publish(new DispatchPublished(dispatch, issuer, "1/CV-UBND", Set.of(ward, other), PUBLISHED_AT))
                .andWaitForStateChange(() ->
                        ledger.ledger(dispatch, Ledger.Filter.ALL, null, 0).total())
                .andVerify(total -> assertThat(total).isEqualTo(2));

        Viewer member = new Viewer("thanhvien.ankhanh", Set.of(ward), null, false);
        scenario.stimulate(() -> ledger.acknowledge(dispatch, member))
                .andWaitForEventOfType(DeliveryEvent.class)
                .matching(event -> event.dispatchId().equals(dispatch))
                .toArriveAndVerify(event -> {
                    assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.ACKNOWLEDGED);
                    assertThat(event.unitId()).isEqualTo(ward);
                });
        assertThat(ledger.ledger(dispatch, Ledger.Filter.NOT_ACKNOWLEDGED, null, 0)
                        .lines())
                .extracting(line -> line.unit().id())
                .containsExactly(other);
    }

    @Test
    void aWithdrawalMarksTheLineAndTakesTheDispatchOutOfTheUnreadCount(Scenario scenario) {
        long issuer = Rows.unit(jdbc, "Ủy ban nhân dân phường thử nghiệm");
        long ward = Rows.unit(jdbc, "Đảng ủy phường Cát Lái");
        long dispatch = Rows.publishedDispatch(
                jdbc, issuer, 2, "Về việc thử nghiệm thu hồi", "RESTRICTED", LocalDate.of(2025, 9, 2));
        Viewer member = new Viewer("thanhvien.catlai", Set.of(ward), null, false);
        scenario.publish(new DispatchPublished(dispatch, issuer, "2/CV-UBND", Set.of(ward), PUBLISHED_AT))
                .andWaitForStateChange(() -> ledger.unreadCount(member))
                .andVerify(unread -> assertThat(unread).isEqualTo(1));

        scenario.publish(new DispatchWithdrawn(dispatch, "2/CV-UBND", "Ban hành nhầm", PUBLISHED_AT.plusSeconds(60)))
                .andWaitForStateChange(() -> ledger.statusFor(dispatch, member).map(DeliveryStatus::isWithdrawn))
                .andVerify(withdrawn -> assertThat(withdrawn).contains(true));
        assertThat(ledger.unreadCount(member)).isZero();
    }
}
