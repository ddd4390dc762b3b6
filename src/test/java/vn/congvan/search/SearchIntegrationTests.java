package vn.congvan.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentStorage;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.demo.DemoData;
import vn.congvan.dispatch.DispatchDraft;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.DocumentNumber;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Viewer;
import vn.congvan.dispatch.Viewers;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitDetails;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

@CongvanIntegrationTest
class SearchIntegrationTests {

    @Autowired
    Viewers viewers;

    @Autowired
    DispatchSearch search;

    @Autowired
    TextExtractionWorker worker;

    @Autowired
    DemoData demo;

    @Autowired
    DispatchManagement management;

    @Autowired
    Attachments attachments;

    @Autowired
    AttachmentStorage storage;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    DemoData.Samples samples;

    TestUsers users;

    /** A district board of this test's own, with its party term, that publishes to ward A. */
    UnitSummary board;

    UnitSummary wardA;

    UnitSummary wardB;

    /** A board under a committee of its own, unrelated to the district board and its wards. */
    UnitSummary otherBoard;

    @BeforeEach
    void indexTheDemoAndMakeUnitsOfTheTest() throws IOException {
        // Only the attached-PDF test uses the demo sample (its real PDF); the demo is indexed for it.
        samples = demo.load();
        worker.runPending(1000);
        users = new TestUsers(organization);
        UnitSummary committee = Units.root(administration, "Quận ủy thử tìm kiếm");
        management.registerPartyTerm(committee.id(), "2020-2030", LocalDate.of(2020, 10, 1), null);
        board = board(committee, "Ban Tuyên giáo thử tìm kiếm");
        wardA = Units.ward(administration, committee, "Đảng ủy phường Thử A", null);
        wardB = Units.ward(administration, committee, "Đảng ủy phường Thử B", null);
        UnitSummary city = Units.root(administration, "Thành ủy thử tìm kiếm");
        management.registerPartyTerm(city.id(), "2020-2030", LocalDate.of(2020, 10, 1), null);
        otherBoard = board(city, "Ban Tuyên giáo Thành ủy thử tìm kiếm");
    }

    @Test
    void queriesWithAndWithoutDiacriticsFindTheSameDispatches() {
        Long district = issue(
                        board, Visibility.PUBLIC, "Về việc Xướng ngôn Kỳ Lân Đảng bộ quận", 1, LocalDate.of(2024, 3, 1))
                .id();
        Long city = issue(
                        otherBoard,
                        Visibility.PUBLIC,
                        "Về việc Xướng ngôn Kỳ Lân Đảng bộ thành phố",
                        2,
                        LocalDate.of(2024, 3, 2))
                .id();

        assertThat(ids("xuong ngon ky lan dang bo quan"))
                .containsExactly(district)
                .isEqualTo(ids("Xướng ngôn Kỳ Lân Đảng bộ quận"));
        assertThat(ids("xuong ngon ky lan"))
                .containsExactlyInAnyOrder(district, city)
                .isEqualTo(ids("Xướng ngôn Kỳ Lân"));
        assertThat(ids("XUONG NGON KY LAN")).isEqualTo(ids("xướng ngôn kỳ lân"));
    }

    @Test
    void aNumberOrSymbolInAnyCommonSpellingFindsItsDispatchFirst() {
        // Numbers no other test gives, so that the first hit can only be this test's dispatch.
        Long district = issue(board, Visibility.PUBLIC, "Về việc gửi tài liệu thử số", 6571, LocalDate.of(2023, 7, 12))
                .id();
        Long city = issue(
                        otherBoard, Visibility.PUBLIC, "Về việc tài liệu thử số khác", 30871, LocalDate.of(2023, 7, 10))
                .id();
        String symbol = board.symbolCode();
        for (String spelling :
                List.of("6571-CV/" + symbol, "6571/" + symbol, "cv 6571", "6571 " + symbol.toLowerCase(), "số 6571")) {
            assertThat(ids(spelling)).as(spelling).first().isEqualTo(district);
        }
        assertThat(ids("30871")).first().isEqualTo(city);
        assertThat(ids("30871-CV/" + otherBoard.symbolCode())).first().isEqualTo(city);
    }

    // About the demo sample's real attached PDF (the only one with text the test files have): keeps the sample.
    @Test
    void aWordThatIsOnlyInsideTheAttachedPdfIsFound() {
        assertThat(jdbc.queryForObject(
                        "select count(*) from search_document where body ilike '%Paragames%' "
                                + "or subject ilike '%Paragames%'",
                        Integer.class))
                .isZero();

        List<SearchHit> hits = search.search(query("paragames"), Viewer.anonymous(), PageRequest.of(0, 10))
                .getContent();

        assertThat(hits)
                .extracting(SearchHit::dispatchId)
                .contains(samples.district().id(), samples.city().id());
        assertThat(hits.get(0).snippetHtml()).contains("<mark>Paragames</mark>");
    }

    @Test
    void restrictedDispatchesAreFoundOnlyByThoseWhoMaySeeThem() {
        Long restricted = issue(
                        board,
                        Visibility.RESTRICTED,
                        "Về việc sinh hoạt chuyên đề tháng 8 Kỳ Lân",
                        3,
                        LocalDate.of(2023, 8, 1))
                .id();
        String words = "sinh hoat chuyen de thang 8 ky lan";

        assertThat(ids(words, null)).doesNotContain(restricted);
        assertThat(ids(words, users.member(wardB.code()))).doesNotContain(restricted);
        assertThat(ids(words, users.clerk(otherBoard.code()))).doesNotContain(restricted);
        assertThat(ids(words, users.member(wardA.code()))).contains(restricted);
        assertThat(ids(words, users.clerk(board.code()))).contains(restricted);
        assertThat(ids(words, users.admin())).contains(restricted);
    }

    @Test
    void resultsCanBeNarrowedByIssuerTypeYearAndDates() {
        Long district = issue(board, Visibility.PUBLIC, "Về việc thông báo nhanh Kỳ Lân", 4, LocalDate.of(2023, 7, 12))
                .id();
        Long city = issue(
                        otherBoard,
                        Visibility.PUBLIC,
                        "Thông báo nhanh Kỳ Lân của thành phố",
                        5,
                        LocalDate.of(2023, 7, 10))
                .id();

        assertThat(search.search(
                                new SearchQuery("thong bao nhanh ky lan", otherBoard.id(), null, null, null, null),
                                Viewer.anonymous(),
                                PageRequest.of(0, 50))
                        .getContent())
                .extracting(SearchHit::dispatchId)
                .containsExactly(city);
        assertThat(search.search(
                                new SearchQuery(
                                        "thong bao nhanh ky lan",
                                        null,
                                        "CV",
                                        2023,
                                        LocalDate.of(2023, 7, 11),
                                        LocalDate.of(2023, 7, 31)),
                                Viewer.anonymous(),
                                PageRequest.of(0, 50))
                        .getContent())
                .extracting(SearchHit::dispatchId)
                .contains(district)
                .doesNotContain(city);
    }

    @Test
    void passagesAreEscapedAndOnlyMarkIsKept() throws Exception {
        CurrentUser clerk = users.clerk(board.code());
        Long id = management.createDraft(
                publicNotice("Về việc kiểm tra <script>alert(1)</script> chữ đặc biệt")
                        .body("Nội dung có <b>thẻ</b> lạ.")
                        .build(),
                clerk);
        management.publish(id, null, LocalDate.of(2024, 4, 4), clerk);

        mvc.perform(get("/tim-kiem").param("q", "chu dac biet"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("&lt;script&gt;")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script>alert(1)"))));
    }

    @Test
    void aWithdrawnDispatchLeavesTheIndex() {
        CurrentUser clerk = users.clerk(board.code());
        Long id = management.createDraft(
                publicNotice("Về việc hội thao truyền thống").build(), clerk);
        management.publish(id, null, LocalDate.of(2024, 4, 5), clerk);
        assertThat(ids("hoi thao truyen thong")).contains(id);

        management.withdraw(id, "Hủy hội thao", clerk);

        assertThat(ids("hoi thao truyen thong")).doesNotContain(id);
    }

    @Test
    void extractionResumesAfterACrashAndRecordsFailures() throws Exception {
        CurrentUser clerk = users.clerk(board.code());
        Long draft = management.createDraft(
                publicNotice("Về việc tệp cần trích xuất").build(), clerk);
        AttachmentView good = attachments.attach(
                new NewAttachment(draft, "Tệp", AttachmentKind.APPENDIX, "tep.pdf"),
                new ByteArrayInputStream(TestFiles.pdf(1)));
        AttachmentView lost = attachments.attach(
                new NewAttachment(draft, "Tệp mất", AttachmentKind.APPENDIX, "mat.pdf"),
                new ByteArrayInputStream(TestFiles.pdf(1)));
        management.publish(draft, null, LocalDate.of(2024, 4, 6), clerk);
        // A crash in the middle of a job leaves it as it was before: pending, its work rolled back.
        assertThat(jobStatus(good.id())).isEqualTo("PENDING");
        storage.delete(jdbc.queryForObject("select storage_key from attachment where id = ?", String.class, lost.id()));

        for (int run = 0; run < TextExtractionWorker.MAX_ATTEMPTS; run++) {
            worker.runPending(1000);
            jdbc.update(
                    "update text_extraction_job set status = 'PENDING' where attachment_id = ? and status = 'PENDING'",
                    lost.id());
        }

        assertThat(jobStatus(good.id())).isEqualTo("DONE");
        assertThat(jobStatus(lost.id())).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject(
                        "select last_error from text_extraction_job where attachment_id = ?", String.class, lost.id()))
                .contains("missing");
    }

    @Test
    void theAtomFeedIsValidXmlAndListsOnlyPublicPublishedDispatches() throws Exception {
        // Issued today, so that they are among the newest entries the feed lists whatever other tests published.
        DispatchReference district = issue(board, Visibility.PUBLIC, "Về việc bản tin Kỳ Lân", 6, LocalDate.now());
        DispatchReference city =
                issue(otherBoard, Visibility.PUBLIC, "Bản tin Kỳ Lân của thành phố", 7, LocalDate.now());
        DispatchReference restricted =
                issue(board, Visibility.RESTRICTED, "Về việc bản tin nội bộ Kỳ Lân", 8, LocalDate.now());
        String xml = mvc.perform(get("/tai-lieu-tuyen-truyen/feed.atom"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList ids = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id");
        List<String> entries = new ArrayList<>();
        for (int i = 1; i < ids.getLength(); i++) {
            entries.add(ids.item(i).getTextContent());
        }
        assertThat(entries)
                .anyMatch(id -> id.endsWith("/tai-lieu-tuyen-truyen/" + district.id()))
                .anyMatch(id -> id.endsWith("/tai-lieu-tuyen-truyen/" + city.id()))
                .noneMatch(id -> id.endsWith("/tai-lieu-tuyen-truyen/" + restricted.id()));
        assertThat(xml).contains(district.notation());
        mvc.perform(get("/tai-lieu-tuyen-truyen"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("type=\"application/atom+xml\"")));
    }

    private String jobStatus(Long attachmentId) {
        return jdbc.queryForObject(
                "select status from text_extraction_job where attachment_id = ?", String.class, attachmentId);
    }

    private List<Long> ids(String text) {
        return ids(text, null);
    }

    /** What the account finds (null: an anonymous visitor). */
    private List<Long> ids(String text, CurrentUser viewer) {
        return search.search(query(text), viewers.of(viewer), PageRequest.of(0, 50)).getContent().stream()
                .map(SearchHit::dispatchId)
                .toList();
    }

    private static SearchQuery query(String text) {
        return new SearchQuery(text, null, null, null, null, null);
    }

    /** A board with a symbol of its own (numbers of different tests never share a notation). */
    private UnitSummary board(UnitSummary committee, String name) {
        String code = Units.uniqueCode("B");
        return administration.createUnit(
                committee.id(),
                UnitKind.PARTY_BOARD,
                code,
                new UnitDetails(name, "Ban Tuyên giáo", "BTG" + code.substring(2), "Quận Thử"),
                null);
    }

    /** A dispatch of the board to ward A, issued with the given number. */
    private DispatchReference issue(
            UnitSummary issuer, Visibility visibility, String subject, int number, LocalDate on) {
        return management.registerIssued(
                DispatchDrafts.partyDispatch(issuer.id(), visibility, subject, wardA.id()),
                new DocumentNumber(number, "CV/" + issuer.symbolCode()),
                on);
    }

    /** A public notice of the test's board to ward A, with a one-line body and no "Nơi nhận". */
    private DispatchDraft.Builder publicNotice(String subject) {
        return DispatchDrafts.party(board.id())
                .type("TB")
                .subject(subject)
                .body("Nội dung.")
                .visibility(Visibility.PUBLIC)
                .distribution()
                .addressees(Recipient.unit(wardA.name(), wardA.id()));
    }
}
