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
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Viewer;
import vn.congvan.dispatch.Viewers;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationDirectory;

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
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    DemoData.Samples samples;

    TestUsers users;

    @BeforeEach
    void indexTheDemo() throws IOException {
        samples = demo.load();
        worker.runPending(1000);
        users = new TestUsers(organization);
    }

    @Test
    void queriesWithAndWithoutDiacriticsFindTheSameDispatches() {
        assertThat(ids("tuyen giao quan 1")).isNotEmpty().isEqualTo(ids("Tuyên giáo Quận 1"));
        assertThat(ids("dang bo thanh pho"))
                .contains(samples.district().id(), samples.city().id())
                .isEqualTo(ids("Đảng bộ thành phố"));
        assertThat(ids("DANG BO")).isEqualTo(ids("đảng bộ"));
    }

    @Test
    void aNumberOrSymbolInAnyCommonSpellingFindsItsDispatchFirst() {
        for (String spelling : List.of("65-CV/BTGQU", "65/BTGQU", "cv 65", "65 btgqu", "số 65")) {
            assertThat(ids(spelling))
                    .as(spelling)
                    .first()
                    .isEqualTo(samples.district().id());
        }
        assertThat(ids("3080")).first().isEqualTo(samples.city().id());
        assertThat(ids("3080-CV/BTGTU")).first().isEqualTo(samples.city().id());
    }

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
        Long restricted = samples.restricted().id();
        String words = "sinh hoat chuyen de thang 8";

        assertThat(ids(words, null)).doesNotContain(restricted);
        assertThat(ids(words, users.member("QU-Q1.DU-DAKAO"))).doesNotContain(restricted);
        assertThat(ids(words, users.clerk("TU-HCM.BTG"))).doesNotContain(restricted);
        assertThat(ids(words, users.member("QU-Q1.DU-BENNGHE"))).contains(restricted);
        assertThat(ids(words, users.clerk("QU-Q1.BTG"))).contains(restricted);
        assertThat(ids(words, users.admin())).contains(restricted);
    }

    @Test
    void resultsCanBeNarrowedByIssuerTypeYearAndDates() {
        Long cityBoard = organization.unitByCode("TU-HCM.BTG").orElseThrow().id();

        assertThat(search.search(
                                new SearchQuery("thong bao nhanh", cityBoard, null, null, null, null),
                                Viewer.anonymous(),
                                PageRequest.of(0, 50))
                        .getContent())
                .extracting(SearchHit::dispatchId)
                .containsExactly(samples.city().id());
        assertThat(search.search(
                                new SearchQuery(
                                        "thong bao nhanh",
                                        null,
                                        "CV",
                                        2023,
                                        LocalDate.of(2023, 7, 11),
                                        LocalDate.of(2023, 7, 31)),
                                Viewer.anonymous(),
                                PageRequest.of(0, 50))
                        .getContent())
                .extracting(SearchHit::dispatchId)
                .contains(samples.district().id())
                .doesNotContain(samples.city().id());
    }

    @Test
    void passagesAreEscapedAndOnlyMarkIsKept() throws Exception {
        CurrentUser clerk = users.clerk("QU-Q1.BTG");
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
        CurrentUser clerk = users.clerk("QU-Q1.BTG");
        Long id = management.createDraft(
                publicNotice("Về việc hội thao truyền thống").build(), clerk);
        management.publish(id, null, LocalDate.of(2024, 4, 5), clerk);
        assertThat(ids("hoi thao truyen thong")).contains(id);

        management.withdraw(id, "Hủy hội thao", clerk);

        assertThat(ids("hoi thao truyen thong")).doesNotContain(id);
    }

    @Test
    void extractionResumesAfterACrashAndRecordsFailures() throws Exception {
        CurrentUser clerk = users.clerk("QU-Q1.BTG");
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
                .anyMatch(id -> id.endsWith(
                        "/tai-lieu-tuyen-truyen/" + samples.district().id()))
                .anyMatch(id ->
                        id.endsWith("/tai-lieu-tuyen-truyen/" + samples.city().id()))
                .noneMatch(id -> id.endsWith(
                        "/tai-lieu-tuyen-truyen/" + samples.restricted().id()));
        assertThat(xml).contains("65-CV/BTGQU");
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

    /** A public notice of the district board to Bến Nghé, with a one-line body and no "Nơi nhận". */
    private DispatchDraft.Builder publicNotice(String subject) {
        return DispatchDrafts.party(users.clerk("QU-Q1.BTG").unitId())
                .type("TB")
                .subject(subject)
                .body("Nội dung.")
                .visibility(Visibility.PUBLIC)
                .distribution()
                .addressees(Recipient.unit(
                        "Đảng ủy phường Bến Nghé",
                        users.member("QU-Q1.DU-BENNGHE").unitId()));
    }
}
