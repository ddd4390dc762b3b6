package vn.congvan.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.congvan.dispatch.DispatchStatus.DRAFT;
import static vn.congvan.dispatch.DispatchStatus.PUBLISHED;
import static vn.congvan.dispatch.DispatchStatus.WITHDRAWN;
import static vn.congvan.dispatch.Visibility.PUBLIC;
import static vn.congvan.dispatch.Visibility.RESTRICTED;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The access policy's predicate, case by case; DispatchAccessIntegrationTests holds its SQL to the same answers. */
class DispatchAccessTests {

    private static final Long ISSUER = 10L;

    private static final Long WARD = 20L;

    private static final Long MERGED_WARD = 21L;

    private static final Long OTHER_WARD = 30L;

    private static final List<Long> TO_WARD = List.of(WARD);

    private final Viewer anonymous = Viewer.anonymous();

    private final Viewer wardMember = new Viewer("ward", Set.of(WARD), null, false);

    private final Viewer successorMember = new Viewer("merged", Set.of(MERGED_WARD, WARD), null, false);

    private final Viewer otherMember = new Viewer("other", Set.of(OTHER_WARD), null, false);

    private final Viewer issuingClerk = new Viewer("clerk", Set.of(), ISSUER, false);

    private final Viewer otherClerk = new Viewer("clerk2", Set.of(), OTHER_WARD, false);

    private final Viewer administrator = new Viewer("admin", Set.of(), null, true);

    @Test
    void aPublishedPublicDispatchIsForEveryoneAnywhere() {
        for (Viewer viewer : List.of(anonymous, wardMember, otherMember, issuingClerk, otherClerk, administrator)) {
            assertThat(sees(viewer, Audience.ANY, PUBLISHED, PUBLIC))
                    .as(viewer.username())
                    .isTrue();
            assertThat(sees(viewer, Audience.PUBLIC, PUBLISHED, PUBLIC))
                    .as(viewer.username())
                    .isTrue();
        }
    }

    @Test
    void theInboxShowsOnlyWhatWasSentToTheMembersUnitsEvenWhenItIsPublic() {
        assertThat(sees(wardMember, Audience.RECIPIENT, PUBLISHED, PUBLIC)).isTrue();
        assertThat(sees(otherMember, Audience.RECIPIENT, PUBLISHED, PUBLIC)).isFalse();
        assertThat(sees(issuingClerk, Audience.RECIPIENT, PUBLISHED, RESTRICTED))
                .isFalse();
        assertThat(sees(administrator, Audience.RECIPIENT, PUBLISHED, RESTRICTED))
                .isFalse();
    }

    @Test
    void aRestrictedDispatchIsForItsRecipientsItsIssuersClerksAndAdministratorsOnly() {
        assertThat(sees(wardMember, Audience.ANY, PUBLISHED, RESTRICTED)).isTrue();
        assertThat(sees(issuingClerk, Audience.ANY, PUBLISHED, RESTRICTED)).isTrue();
        assertThat(sees(administrator, Audience.ANY, PUBLISHED, RESTRICTED)).isTrue();
        assertThat(sees(anonymous, Audience.ANY, PUBLISHED, RESTRICTED)).isFalse();
        assertThat(sees(otherMember, Audience.ANY, PUBLISHED, RESTRICTED)).isFalse();
        assertThat(sees(otherClerk, Audience.ANY, PUBLISHED, RESTRICTED)).isFalse();
        assertThat(sees(wardMember, Audience.PUBLIC, PUBLISHED, RESTRICTED)).isFalse();
    }

    @Test
    void aSuccessorUnitReceivesWhatItsPredecessorWasSent() {
        assertThat(sees(successorMember, Audience.RECIPIENT, PUBLISHED, RESTRICTED))
                .isTrue();
        assertThat(sees(successorMember, Audience.ANY, WITHDRAWN, RESTRICTED)).isTrue();
    }

    @Test
    void aDraftIsForTheIssuingClerksAlone() {
        for (Visibility visibility : Visibility.values()) {
            assertThat(sees(issuingClerk, Audience.ISSUER, DRAFT, visibility)).isTrue();
            assertThat(sees(issuingClerk, Audience.ANY, DRAFT, visibility)).isTrue();
            for (Viewer viewer : List.of(anonymous, wardMember, successorMember, otherClerk, administrator)) {
                for (Audience audience : Audience.values()) {
                    assertThat(sees(viewer, audience, DRAFT, visibility))
                            .as(viewer.username() + " " + audience)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void aWithdrawnDispatchStaysReadableForWhoHadItButItsFilesOnlyForTheIssuer() {
        assertThat(sees(anonymous, Audience.ANY, WITHDRAWN, PUBLIC)).isFalse();
        assertThat(sees(wardMember, Audience.RECIPIENT, WITHDRAWN, PUBLIC)).isTrue();
        assertThat(sees(administrator, Audience.ANY, WITHDRAWN, RESTRICTED)).isTrue();
        assertThat(files(wardMember, Audience.RECIPIENT, WITHDRAWN)).isFalse();
        assertThat(files(administrator, Audience.ANY, WITHDRAWN)).isFalse();
        assertThat(files(issuingClerk, Audience.ISSUER, WITHDRAWN)).isTrue();
        assertThat(files(issuingClerk, Audience.RECIPIENT, WITHDRAWN)).isFalse();
        assertThat(files(wardMember, Audience.RECIPIENT, PUBLISHED)).isTrue();
    }

    @Test
    void theStaffPagesAreForTheIssuingUnitsClerksWhateverTheState() {
        for (DispatchStatus status : DispatchStatus.values()) {
            assertThat(sees(issuingClerk, Audience.ISSUER, status, RESTRICTED)).isTrue();
            assertThat(sees(otherClerk, Audience.ISSUER, status, PUBLIC)).isFalse();
            assertThat(sees(administrator, Audience.ISSUER, status, RESTRICTED)).isFalse();
        }
    }

    @Test
    void anAnonymousVisitorsConditionIsThePublicRuleAlone() {
        DispatchAccess.Condition condition =
                DispatchAccess.condition(anonymous, Audience.ANY, DispatchAccess.Columns.ofDispatchTable("d"));

        assertThat(condition.sql()).isEqualTo("((d.status = 'PUBLISHED' and d.visibility = 'PUBLIC'))");
        assertThat(condition.parameters()).isEmpty();
    }

    @Test
    void aConditionThatCannotHoldIsFalseNotEmpty() {
        DispatchAccess.Condition condition = DispatchAccess.condition(
                administrator, Audience.RECIPIENT, DispatchAccess.Columns.ofDispatchTable("d"));

        assertThat(condition.sql()).isEqualTo("false");
    }

    private static boolean sees(Viewer viewer, Audience audience, DispatchStatus status, Visibility visibility) {
        return DispatchAccess.canSee(
                viewer, audience, status, visibility, ISSUER, DispatchAccess.SentTo.units(TO_WARD));
    }

    private static boolean files(Viewer viewer, Audience audience, DispatchStatus status) {
        return DispatchAccess.canFetchFiles(
                viewer, audience, status, Visibility.RESTRICTED, ISSUER, DispatchAccess.SentTo.units(TO_WARD));
    }
}
