package vn.congvan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.TestFiles;
import vn.congvan.delivery.DeliveryLedger;
import vn.congvan.delivery.DeliveryStatus;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchStatus;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.dispatch.Viewers;
import vn.congvan.dispatch.Visibility;

/**
 * Authorisation per object, beyond the page matrix of AccessMatrixIntegrationTests: the actions (publish, withdraw,
 * edit, upload, remove a file, correct, acknowledge) against dispatches that are not the actor's, drafts and
 * withdrawn dispatches, thumbnails, exports, ids guessed in sequence, and a refusal that cannot be told from a
 * dispatch that does not exist. Every attack is followed by a look at the data: the refusal must also be a no-op.
 */
@CongvanIntegrationTest
class ObjectAccessIntegrationTests {

    @Autowired
    Viewers viewers;

    private static final long NO_SUCH_ID = 8_000_000_000L;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    DispatchCatalog catalog;

    @Autowired
    Attachments attachments;

    @Autowired
    DeliveryLedger ledger;

    @Autowired
    AccountManagement accounts;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    Scenario world;

    @BeforeEach
    void world() {
        world = Scenario.of(context, "idor");
    }

    @Test
    void aClerkOfAnotherIssuerCannotPublishTheDraft() throws Exception {
        Long draft = world.draft(Visibility.PUBLIC, "Về việc dự thảo không được phát hành hộ");

        assertThat(status(post("/quan-ly/cong-van/" + draft + "/phat-hanh").with(csrf()), world.otherClerk))
                .isEqualTo(404);

        assertThat(state(draft).status()).isEqualTo(DispatchStatus.DRAFT);
    }

    @Test
    void aClerkOfAnotherIssuerCannotWithdrawAPublishedDispatch() throws Exception {
        Scenario.Published sent = world.published(Visibility.PUBLIC, "Về việc công văn không được thu hồi hộ");

        assertThat(status(
                        post("/quan-ly/cong-van/" + sent.id() + "/thu-hoi")
                                .with(csrf())
                                .param("reason", "Phá"),
                        world.otherClerk))
                .isEqualTo(404);

        assertThat(state(sent.id()).status()).isEqualTo(DispatchStatus.PUBLISHED);
    }

    @Test
    void aClerkOfAnotherIssuerCannotEditTheDraftNorOpenItsForm() throws Exception {
        Long draft = world.draft(Visibility.RESTRICTED, "Về việc trích yếu gốc");

        assertThat(status(get("/quan-ly/cong-van/" + draft + "/sua"), world.otherClerk))
                .isEqualTo(404);
        assertThat(status(
                        post("/quan-ly/cong-van/" + draft + "/sua")
                                .with(csrf())
                                .param("family", "PARTY")
                                .param("typeCode", "CV")
                                .param("urgency", "NORMAL")
                                .param("visibility", "PUBLIC")
                                .param("subject", "Về việc trích yếu bị sửa")
                                .param("body", "Bị sửa.")
                                .param("addresseeLines", "Các đơn vị")
                                .param("version", "0"),
                        world.otherClerk))
                .isEqualTo(404);

        assertThat(state(draft).subject()).isEqualTo("Về việc trích yếu gốc");
        assertThat(state(draft).visibility()).isEqualTo(Visibility.RESTRICTED);
    }

    @Test
    void aClerkOfAnotherIssuerCannotUploadIntoTheDraft() throws Exception {
        Long draft = world.draft(Visibility.RESTRICTED, "Về việc tệp gửi nhờ");

        assertThat(status(
                        multipart("/quan-ly/cong-van/" + draft + "/tep")
                                .file(new MockMultipartFile("files", "la.pdf", "application/pdf", TestFiles.pdf(1)))
                                .with(csrf()),
                        world.otherClerk))
                .isEqualTo(404);

        assertThat(attachments.ofDispatch(draft)).isEmpty();
    }

    @Test
    void aClerkCannotRemoveAFileOfAnotherIssuersDraftNeitherByItsOwnIdNorThroughTheirOwnDraft() throws Exception {
        Long theirs = world.otherIssuersDraft("Về việc dự thảo của Thành ủy");
        AttachmentView file = world.attach(theirs, "Tệp", "tep.pdf", TestFiles.pdf(1));
        Long mine = world.draft(Visibility.RESTRICTED, "Về việc dự thảo của Quận ủy");

        assertThat(status(
                        post("/quan-ly/cong-van/" + theirs + "/tep/" + file.id() + "/xoa")
                                .with(csrf()),
                        world.clerk))
                .isEqualTo(404);
        assertThat(status(
                        post("/quan-ly/cong-van/" + mine + "/tep/" + file.id() + "/xoa")
                                .with(csrf()),
                        world.clerk))
                .isEqualTo(404);

        assertThat(attachments.ofDispatch(theirs))
                .extracting(AttachmentView::id)
                .containsExactly(file.id());
    }

    @Test
    void theIssuersOwnClerkCannotRemoveAFileOnceTheDispatchIsPublished() throws Exception {
        Scenario.Published sent = world.published(Visibility.RESTRICTED, "Về việc tệp đã phát hành");

        assertThat(status(
                        post("/quan-ly/cong-van/" + sent.id() + "/tep/" + sent.fileId() + "/xoa")
                                .with(csrf()),
                        world.clerk))
                .isEqualTo(404);

        assertThat(attachments.ofDispatch(sent.id())).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dinh-chinh", "thay-the"})
    void aClerkOfAnotherIssuerCannotCorrectOrReplaceAPublishedDispatch(String action) throws Exception {
        Scenario.Published sent = world.published(Visibility.PUBLIC, "Về việc không được đính chính hộ");

        assertThat(status(post("/quan-ly/cong-van/" + sent.id() + "/" + action).with(csrf()), world.otherClerk))
                .isEqualTo(404);

        assertThat(state(sent.id()).supersededBy()).isEmpty();
    }

    @Test
    void aMemberOfAnotherUnitCannotAcknowledgeTheRecipientsDelivery() throws Exception {
        Scenario.Published sent = world.published(Visibility.RESTRICTED, "Về việc xác nhận hộ");

        assertThat(status(post("/hop-thu/" + sent.id() + "/xac-nhan").with(csrf()), world.outsider))
                .isEqualTo(404);

        assertThat(ledger.statusFor(sent.id(), viewers.of(world.recipient)))
                .get()
                .extracting(DeliveryStatus::acknowledgedAt)
                .isNull();
    }

    @Test
    void aWithdrawnDispatchCannotBeAcknowledgedNorItsFilesOrThumbnailTakenEvenByTheRecipient() throws Exception {
        Scenario.Published gone = world.withdrawn(Visibility.RESTRICTED, "Về việc đã thu hồi");
        String base = "/hop-thu/" + gone.id();

        assertThat(status(post(base + "/xac-nhan").with(csrf()), world.recipient))
                .isEqualTo(410);
        assertThat(status(get(base + "/tep/" + gone.fileId()), world.recipient)).isEqualTo(410);
        assertThat(status(get(base + "/tep/" + gone.fileId() + "/tai-ve"), world.recipient))
                .isEqualTo(410);
        assertThat(status(get(base + "/tep/" + gone.fileId() + "/trang-dau.png"), world.recipient))
                .isEqualTo(410);
        assertThat(ledger.statusFor(gone.id(), viewers.of(world.recipient)))
                .get()
                .extracting(DeliveryStatus::acknowledgedAt)
                .isNull();
    }

    @Test
    void aWithdrawnPublicDispatchLeavesThePublicSectionWithItsFilesAndThumbnail() throws Exception {
        Scenario.Published gone = world.withdrawn(Visibility.PUBLIC, "Về việc tài liệu công khai đã thu hồi");
        String base = "/tai-lieu-tuyen-truyen/" + gone.id();

        assertThat(status(get(base), null)).isEqualTo(410);
        assertThat(status(get(base + "/tep/" + gone.fileId()), null)).isEqualTo(410);
        assertThat(status(get(base + "/tep/" + gone.fileId() + "/tai-ve"), null))
                .isEqualTo(410);
        assertThat(status(get(base + "/tep/" + gone.fileId() + "/trang-dau.png"), null))
                .isEqualTo(410);
    }

    @Test
    void aPublicDraftsFilesAndThumbnailDoNotExistOutsideTheIssuer() throws Exception {
        Long draft = world.draft(Visibility.PUBLIC, "Về việc dự thảo công khai chưa phát hành");
        Long file = world.attach(draft, "Tệp dự thảo", "du-thao.pdf", TestFiles.pdf(1))
                .id();

        List<String> wrong = new ArrayList<>();
        expect(wrong, "/tai-lieu-tuyen-truyen/" + draft + "/tep/" + file, null, 404);
        expect(wrong, "/tai-lieu-tuyen-truyen/" + draft + "/tep/" + file + "/trang-dau.png", null, 404);
        expect(wrong, "/hop-thu/" + draft + "/tep/" + file + "/tai-ve", world.recipient, 404);
        expect(wrong, "/quan-ly/cong-van/" + draft + "/tep/" + file, world.otherClerk, 404);
        expect(wrong, "/quan-ly/cong-van/" + draft + "/tep/" + file + "/trang-dau.png", world.otherClerk, 404);
        expect(wrong, "/quan-ly/cong-van/" + draft + "/tep/" + file + "/trang-dau.png", world.clerk, 200);
        assertThat(wrong).isEmpty();
    }

    @Test
    void thumbnailsOfARestrictedDispatchFollowTheSameRuleAsItsFiles() throws Exception {
        Scenario.Published sent = world.published(Visibility.RESTRICTED, "Về việc ảnh trang đầu");
        String thumbnail = "/tep/" + sent.fileId() + "/trang-dau.png";

        List<String> wrong = new ArrayList<>();
        expect(wrong, "/tai-lieu-tuyen-truyen/" + sent.id() + thumbnail, null, 404);
        expect(wrong, "/hop-thu/" + sent.id() + thumbnail, world.recipient, 200);
        expect(wrong, "/hop-thu/" + sent.id() + thumbnail, world.outsider, 404);
        expect(wrong, "/quan-ly/cong-van/" + sent.id() + thumbnail, world.clerk, 200);
        expect(wrong, "/quan-ly/cong-van/" + sent.id() + thumbnail, world.otherClerk, 404);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aFileIdIsNeverServedUnderADispatchItDoesNotBelongTo() throws Exception {
        Scenario.Published mine = world.published(Visibility.RESTRICTED, "Về việc công văn của phường");
        Scenario.Published notMine = world.published(Visibility.RESTRICTED, "Về việc công văn khác cùng phường");
        Scenario.Published open = world.published(Visibility.PUBLIC, "Về việc tài liệu công khai");
        Long otherIssuersDraft = world.otherIssuersDraft("Về việc dự thảo có tệp của Thành ủy");
        Long foreignFile = world.attach(otherIssuersDraft, "Tệp", "tep.pdf", TestFiles.pdf(1))
                .id();

        List<String> wrong = new ArrayList<>();
        expect(wrong, "/hop-thu/" + mine.id() + "/tep/" + foreignFile + "/tai-ve", world.recipient, 404);
        expect(wrong, "/quan-ly/cong-van/" + mine.id() + "/tep/" + foreignFile + "/tai-ve", world.clerk, 404);
        expect(wrong, "/tai-lieu-tuyen-truyen/" + open.id() + "/tep/" + notMine.fileId() + "/tai-ve", null, 404);
        expect(wrong, "/tai-lieu-tuyen-truyen/" + open.id() + "/tep/" + mine.fileId() + "/trang-dau.png", null, 404);
        assertThat(wrong).isEmpty();
    }

    @Test
    void theLedgerAndItsExportOfADraftDoNotExistEvenForTheIssuer() throws Exception {
        Long draft = world.draft(Visibility.RESTRICTED, "Về việc sổ theo dõi của dự thảo");

        assertThat(status(get("/quan-ly/cong-van/" + draft + "/so-theo-doi"), world.clerk))
                .isEqualTo(404);
        assertThat(status(get("/quan-ly/cong-van/" + draft + "/so-theo-doi.csv"), world.clerk))
                .isEqualTo(404);
    }

    @Test
    void theLedgerExportOfAnotherIssuerAnswersWithoutAnyOfItsRows() throws Exception {
        Scenario.Published sent = world.published(Visibility.PUBLIC, "Về việc sổ của Quận ủy");

        var response = perform(
                get("/quan-ly/cong-van/" + sent.id() + "/so-theo-doi.csv").param("loc", "ALL"), world.otherClerk);

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).doesNotContain(world.recipientUnit.name());
        assertThat(response.getHeader("Content-Disposition")).isNull();
    }

    @Test
    void guessingIdsInSequenceFindsNothingThatWasNotSentToTheUnit() throws Exception {
        Scenario.Published sent = world.published(Visibility.RESTRICTED, "Về việc đoán số thứ tự");

        List<String> found = new ArrayList<>();
        for (long id = Math.max(1, sent.id() - 30); id <= sent.id() + 5; id++) {
            List<Long> issuer = jdbc.queryForList("select issuer_unit_id from dispatch where id = ?", Long.class, id);
            boolean theirs = issuer.contains(world.otherClerk.unitId());
            int inbox = status(get("/hop-thu/" + id), world.outsider);
            int manage = theirs ? 404 : status(get("/quan-ly/cong-van/" + id + "/so-theo-doi"), world.otherClerk);
            if (inbox != 404 || manage != 404) {
                found.add(id + ": inbox " + inbox + ", ledger " + manage);
            }
        }
        assertThat(found).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "member", "admin"})
    void onlyAClerkReachesTheClerksActionsWhateverTheObject(String who) throws Exception {
        Long draft = world.draft(Visibility.PUBLIC, "Về việc hành động theo vai trò");
        CurrentUser actor = switch (who) {
            case "member" -> world.recipient;
            case "admin" -> world.admin;
            default -> null;
        };
        int expected = actor == null ? 302 : 403;

        List<String> wrong = new ArrayList<>();
        for (String action : List.of("/phat-hanh", "/thu-hoi", "/dinh-chinh", "/thay-the", "/sua")) {
            int status = status(post("/quan-ly/cong-van/" + draft + action).with(csrf()), actor);
            if (status != expected) {
                wrong.add(action + ": " + status);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(state(draft).status()).isEqualTo(DispatchStatus.DRAFT);
    }

    @Test
    void clerksAndAdministratorsCannotAcknowledgeForAUnit() throws Exception {
        Scenario.Published sent = world.published(Visibility.RESTRICTED, "Về việc xác nhận bởi văn thư");

        assertThat(status(post("/hop-thu/" + sent.id() + "/xac-nhan").with(csrf()), world.clerk))
                .isEqualTo(403);
        assertThat(status(post("/hop-thu/" + sent.id() + "/xac-nhan").with(csrf()), world.admin))
                .isEqualTo(403);

        assertThat(ledger.statusFor(sent.id(), viewers.of(world.recipient)))
                .get()
                .extracting(DeliveryStatus::acknowledgedAt)
                .isNull();
    }

    @Test
    void aMemberOrClerkCannotChangeAccountsUnitsOrGroups() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (CurrentUser actor : List.of(world.recipient, world.clerk)) {
            for (String path : List.of(
                    "/quan-tri/tai-khoan",
                    "/quan-tri/tai-khoan/1",
                    "/quan-tri/tai-khoan/1/mat-khau",
                    "/quan-tri/don-vi/them",
                    "/quan-tri/don-vi/" + world.recipientUnit.id() + "/ket-thuc",
                    "/quan-tri/nhom-don-vi/them",
                    "/quan-tri/nhom-don-vi/1/xoa")) {
                int status = status(post(path).with(csrf()).param("name", "Bị đổi"), actor);
                if (status != 403) {
                    wrong.add(actor.getUsername() + " " + path + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aRestrictedDispatchAnswersThePublicExactlyAsADispatchThatDoesNotExist() throws Exception {
        Scenario.Published sent = world.published(Visibility.RESTRICTED, "Về việc không để lộ sự tồn tại");
        WebClient anonymous = new WebClient(port);
        // A first answer may carry the new session's id in its links (cookie support is not yet known); compare later
        // ones.
        anonymous.get("/");

        HttpResponse<String> hidden = anonymous.get("/tai-lieu-tuyen-truyen/" + sent.id());
        HttpResponse<String> missing = anonymous.get("/tai-lieu-tuyen-truyen/" + NO_SUCH_ID);
        HttpResponse<String> hiddenFile =
                anonymous.get("/tai-lieu-tuyen-truyen/" + sent.id() + "/tep/" + sent.fileId() + "/tai-ve");
        HttpResponse<String> missingFile =
                anonymous.get("/tai-lieu-tuyen-truyen/" + NO_SUCH_ID + "/tep/" + NO_SUCH_ID + "/tai-ve");

        assertThat(hidden.statusCode()).isEqualTo(missing.statusCode()).isEqualTo(404);
        assertThat(WebClient.withoutTokens(hidden.body())).isEqualTo(WebClient.withoutTokens(missing.body()));
        assertThat(hidden.headers().firstValue("Content-Type"))
                .isEqualTo(missing.headers().firstValue("Content-Type"));
        assertThat(hiddenFile.statusCode()).isEqualTo(404);
        assertThat(WebClient.withoutTokens(hiddenFile.body())).isEqualTo(WebClient.withoutTokens(missingFile.body()));
    }

    @Test
    void anotherUnitsDeliveryAnswersASignedInMemberExactlyAsADispatchThatDoesNotExist() throws Exception {
        Scenario.Published sent = world.published(Visibility.RESTRICTED, "Về việc không lộ với phường khác");
        String username = Accounts.uniqueUsername("ngoai");
        accounts.open(Accounts.member(username, world.outsiderUnit.id()));
        WebClient outsider = new WebClient(port);
        assertThat(outsider.logIn(username, Accounts.DEMO_PASSWORD).statusCode())
                .isEqualTo(302);

        HttpResponse<String> hidden = outsider.get("/hop-thu/" + sent.id());
        HttpResponse<String> missing = outsider.get("/hop-thu/" + NO_SUCH_ID);
        HttpResponse<String> hiddenFile = outsider.get("/hop-thu/" + sent.id() + "/tep/" + sent.fileId());
        HttpResponse<String> missingFile = outsider.get("/hop-thu/" + NO_SUCH_ID + "/tep/" + NO_SUCH_ID);

        assertThat(hidden.statusCode()).isEqualTo(missing.statusCode()).isEqualTo(404);
        assertThat(WebClient.withoutTokens(hidden.body())).isEqualTo(WebClient.withoutTokens(missing.body()));
        assertThat(hiddenFile.statusCode()).isEqualTo(404);
        assertThat(WebClient.withoutTokens(hiddenFile.body())).isEqualTo(WebClient.withoutTokens(missingFile.body()));
    }

    private DispatchView state(Long id) {
        return catalog.visibleDispatch(id, viewers.of(world.clerk)).orElseThrow();
    }

    private void expect(List<String> wrong, String path, CurrentUser who, int expected) throws Exception {
        int status = status(get(path), who);
        if (status != expected) {
            wrong.add(path + " as " + (who == null ? "anonymous" : who.getUsername()) + ": " + status + ", expected "
                    + expected);
        }
    }

    private int status(AbstractMockHttpServletRequestBuilder<?> request, CurrentUser who) throws Exception {
        return perform(request, who).getStatus();
    }

    private org.springframework.mock.web.MockHttpServletResponse perform(
            AbstractMockHttpServletRequestBuilder<?> request, CurrentUser who) throws Exception {
        if (who != null) {
            request.with(user(who));
        }
        MvcResult result = mvc.perform(request).andReturn();
        // A thumbnail drawn for this request is answered asynchronously: its status is that of the async dispatch.
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        return result.getResponse();
    }
}
