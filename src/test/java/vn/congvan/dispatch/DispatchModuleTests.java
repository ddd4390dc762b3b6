package vn.congvan.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Optional;
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
import vn.congvan.account.CurrentUser;
import vn.congvan.account.Role;
import vn.congvan.attachment.AttachmentDownloads;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.FileChangeRule;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.SignedCopies;
import vn.congvan.attachment.StampedCopies;
import vn.congvan.attachment.Thumbnails;
import vn.congvan.extraction.FormReading;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;
import vn.congvan.system.Rows;

/**
 * The dispatch module alone: the organization directory (which units a line resolves to) and the attachment module
 * are stubs; drafting, numbering, the frozen recipients and the access policy run on a real PostgreSQL. Unit and
 * group rows are written in SQL, since the dispatch's foreign keys need them.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import(ModuleTestSupport.class)
class DispatchModuleTests {

    static final LocalDate ISSUED_ON = LocalDate.of(2025, 9, 8);

    @MockitoBean
    OrganizationDirectory organization;

    @MockitoBean
    Attachments attachments;

    @MockitoBean
    AttachmentDownloads downloads;

    @MockitoBean
    Thumbnails thumbnails;

    @MockitoBean
    StampedCopies stampedCopies;

    @MockitoBean
    SignedCopies signedCopies;

    /** The drafting form reads files through the extraction module (ADR 0045). */
    @MockitoBean
    FormReading formReading;

    @Autowired
    DispatchManagement management;

    @Autowired
    DispatchCatalog catalog;

    @Autowired
    FileChangeRule fileChanges;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDraftIsNumberedInItsPartyTermAndPublishedToTheUnitsItsLinesResolveTo(Scenario scenario) {
        long issuer = issuer("Ban Tuyên giáo Đảng ủy thử nghiệm", "BTGĐU");
        long ward = Rows.unit(jdbc, "Đảng ủy phường Bến Nghé");
        long groupMember = Rows.unit(jdbc, "Chi bộ khu phố 3");
        long group = Rows.group(jdbc, "Chi bộ trực thuộc thử nghiệm");
        given(organization.activeRecipients(Set.of(ward), Set.of(group), ISSUED_ON))
                .willReturn(Set.of(ward, groupMember));
        CurrentUser clerk = clerkOf(issuer);
        management.registerPartyTerm(issuer, "2025-2030", LocalDate.of(2025, 1, 1), null);
        Long draft = management.createDraft(
                DispatchDrafts.party(issuer)
                        .subject("Về việc học tập nghị quyết thử nghiệm")
                        .addressees(
                                Recipient.unit("Đảng ủy phường Bến Nghé", ward),
                                Recipient.group("Các chi bộ trực thuộc", group))
                        .build(),
                clerk);

        scenario.stimulate(() -> management.publish(draft, null, ISSUED_ON, clerk))
                .andWaitForEventOfType(DispatchPublished.class)
                .matching(event -> event.dispatchId().equals(draft))
                .toArriveAndVerify((event, reference) -> {
                    assertThat(reference.notation()).isEqualTo("01-CV/BTGĐU");
                    assertThat(event.notation()).isEqualTo(reference.notation());
                    assertThat(event.issuerUnitId()).isEqualTo(issuer);
                    assertThat(event.recipientUnitIds()).containsExactlyInAnyOrder(ward, groupMember);
                });
        assertThat(jdbc.queryForObject(
                        "select cardinality(unit_ids) from dispatch_recipient_units" + " where dispatch_id = ?",
                        Integer.class,
                        draft))
                .isEqualTo(2);

        Long second = management.createDraft(
                DispatchDrafts.partyDispatch(issuer, Visibility.RESTRICTED, "Về việc thử nghiệm số tiếp theo", ward),
                clerk);
        given(organization.activeRecipients(Set.of(ward), Set.of(), ISSUED_ON)).willReturn(Set.of(ward));
        assertThat(management.publish(second, null, ISSUED_ON, clerk).notation())
                .startsWith("02-CV/");
    }

    @Test
    void aRestrictedDispatchIsSeenByItsRecipientsAndItsClerksAndByNoStranger() {
        long issuer = issuer("Ban Tổ chức Đảng ủy thử nghiệm", "BTCĐU");
        long ward = Rows.unit(jdbc, "Đảng ủy phường Đa Kao");
        long stranger = Rows.unit(jdbc, "Đảng ủy phường Tân Định");
        given(organization.activeRecipients(Set.of(ward), Set.of(), ISSUED_ON)).willReturn(Set.of(ward));
        CurrentUser clerk = clerkOf(issuer);
        management.registerPartyTerm(issuer, "2025-2030", LocalDate.of(2025, 1, 1), null);
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(issuer, Visibility.RESTRICTED, "Về việc nhân sự thử nghiệm", ward), clerk);
        Viewer member = new Viewer("thanhvien.dakao", Set.of(ward), null, false);
        Viewer outsider = new Viewer("thanhvien.tandinh", Set.of(stranger), null, false);
        Viewer issuingClerk = new Viewer(clerk.getUsername(), Set.of(), issuer, false);

        assertThat(catalog.visibleDispatch(id, member))
                .as("a draft is not sent yet")
                .isEmpty();
        assertThat(catalog.visibleDispatch(id, issuingClerk)).isPresent();

        management.publish(id, null, ISSUED_ON, clerk);

        assertThat(catalog.visibleDispatch(id, member))
                .map(DispatchView::subject)
                .contains("Về việc nhân sự thử nghiệm");
        assertThat(catalog.visibleDispatch(id, issuingClerk)).isPresent();
        assertThat(catalog.visibleDispatch(id, outsider)).isEmpty();
        assertThat(catalog.visibleDispatch(id, Viewer.anonymous())).isEmpty();
        assertThat(catalog.publicDispatch(id)).isEmpty();
        assertThat(catalog.filesAreFor(id, outsider, Audience.ANY)).isFalse();
    }

    @Test
    void filesChangeOnlyWhileTheDispatchIsADraft() throws Exception {
        long issuer = issuer("Ban Dân vận Đảng ủy thử nghiệm", "BDVĐU");
        long ward = Rows.unit(jdbc, "Đảng ủy phường Cầu Kho");
        given(organization.activeRecipients(Set.of(ward), Set.of(), ISSUED_ON)).willReturn(Set.of(ward));
        CurrentUser clerk = clerkOf(issuer);
        management.registerPartyTerm(issuer, "2025-2030", LocalDate.of(2025, 1, 1), null);
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(issuer, Visibility.PUBLIC, "Về việc thử nghiệm tệp đính kèm", ward),
                clerk);

        fileChanges.requireChangeable(id);
        management.publish(id, null, ISSUED_ON, clerk);

        assertThatThrownBy(() -> fileChanges.requireChangeable(id)).isInstanceOf(DispatchRuleException.class);
        NewAttachment file = new NewAttachment(id, "Kế hoạch", AttachmentKind.DOCUMENT, "ke-hoach.pdf");
        assertThatThrownBy(() -> management.attach(file, new ByteArrayInputStream(new byte[] {1}), clerk))
                .isInstanceOf(DispatchRuleException.class);
        then(attachments).should(never()).attach(any(), any());
        assertThatThrownBy(() -> fileChanges.requireChangeable(Long.MAX_VALUE))
                .isInstanceOf(DispatchNotFoundException.class);
    }

    /** An issuing unit with a symbol, as the stubbed directory answers for it. */
    private long issuer(String name, String symbol) {
        long id = Rows.unit(jdbc, name);
        given(organization.unit(id))
                .willReturn(Optional.of(new UnitSummary(
                        id,
                        null,
                        UnitKind.PARTY_BOARD,
                        "U" + id,
                        name,
                        name,
                        symbol,
                        "Thành phố Hồ Chí Minh",
                        null,
                        null,
                        null)));
        return id;
    }

    private static CurrentUser clerkOf(long unitId) {
        return new CurrentUser(null, "vanthu." + unitId, null, "Văn thư thử nghiệm", unitId, Set.of(Role.CLERK), true);
    }
}
