package vn.congvan.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Viewer;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitDetails;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * A dispatch whose attachment text is a long briefing (400 KB, of which the indexed first 300,000 characters): its
 * words are found anywhere in the indexed text, and its passage is a bounded extract around the match.
 */
@CongvanIntegrationTest
class LongAttachmentSearchIntegrationTests {

    @Autowired
    DispatchSearch search;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aWordDeepInALongAttachmentIsFoundAndShownInABoundedPassage() throws Exception {
        Long id = publishWithAttachmentText(longBriefing());

        List<SearchHit> deep = search.search(
                        new SearchQuery("Vàm Thuật Zơriđa", null, null, null, null, null),
                        Viewer.anonymous(),
                        PageRequest.of(0, 10))
                .getContent();
        List<SearchHit> opening = search.search(
                        new SearchQuery("khai mạc Ômêga", null, null, null, null, null),
                        Viewer.anonymous(),
                        PageRequest.of(0, 10))
                .getContent();

        assertThat(deep).extracting(SearchHit::dispatchId).containsExactly(id);
        assertThat(deep.get(0).snippetHtml())
                .contains("<mark>Zơriđa</mark>")
                .hasSizeLessThanOrEqualTo(DispatchSearch.MAX_PASSAGE + 200);
        assertThat(opening).extracting(SearchHit::dispatchId).containsExactly(id);
        assertThat(opening.get(0).snippetHtml())
                .contains("<mark>Ômêga</mark>")
                .hasSizeLessThanOrEqualTo(DispatchSearch.MAX_PASSAGE + 200);
        mvc.perform(get("/tim-kiem").param("q", "vam thuat zorida"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<mark>Zơriđa</mark>")));
    }

    @Test
    void piecesOfAnAttachmentTextOverlapAndGoWithTheDispatch() throws Exception {
        Long id = publishWithAttachmentText("x ".repeat(SearchIndex.PIECE));

        assertThat(jdbc.queryForList(
                        "select length(content) from search_passage where dispatch_id = ? " + "order by piece",
                        Integer.class,
                        id))
                .containsExactly(SearchIndex.PIECE + SearchIndex.PIECE_OVERLAP, SearchIndex.PIECE);

        jdbc.update("delete from search_document where dispatch_id = ?", id);

        assertThat(jdbc.queryForObject("select count(*) from search_passage where dispatch_id = ?", Integer.class, id))
                .isZero();
    }

    /** 400 KB of the demo briefing (text only: the names searched for are this test's own), with a rare name in its opening and another one 250,000 characters in. */
    private static String longBriefing() throws IOException {
        String briefing = new ClassPathResource("demo/65-CV-BTGQU-thong-bao-nhanh.txt")
                .getContentAsString(StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder("Phát biểu khai mạc của đồng chí Ômêga.\n\n");
        while (text.length() < 250_000) {
            text.append(briefing).append("\n\n");
        }
        text.append("Công trình Vàm Thuật do đồng chí Zơriđa phụ trách.\n\n");
        while (text.length() < 400_000) {
            text.append(briefing).append("\n\n");
        }
        return text.toString();
    }

    /**
     * Publishes a dispatch of a board of this test's own (with its party term, so that it can be numbered) and gives
     * it the attachment text as the extraction worker does (capped, in pieces).
     */
    private Long publishWithAttachmentText(String text) {
        UnitSummary committee = Units.root(administration, "Đảng ủy thử báo cáo dài");
        UnitSummary board = administration.createUnit(
                committee.id(),
                UnitKind.PARTY_BOARD,
                Units.uniqueCode("B"),
                new UnitDetails("Ban Tuyên giáo thử báo cáo dài", "Ban Tuyên giáo", "BTGTBD", "Quận Thử"),
                null);
        UnitSummary ward = Units.ward(administration, committee, "Đảng ủy phường Thử báo cáo dài", null);
        management.registerPartyTerm(committee.id(), "2020-2025", LocalDate.of(2020, 10, 1), null);
        TestUsers users = new TestUsers(organization);
        CurrentUser clerk = users.clerk(board.code());
        Long id = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .type("BC")
                        .subject("Về việc báo cáo dài kèm phụ lục")
                        .body("Nội dung ngắn.")
                        .visibility(Visibility.PUBLIC)
                        .addressees(Recipient.unit(ward.name(), ward.id()))
                        .distribution()
                        .build(),
                clerk);
        management.publish(id, null, LocalDate.of(2024, 5, 6), clerk);
        String indexed = SearchIndex.indexable(text);
        jdbc.update(
                "update search_document set attachment_text = ? where dispatch_id = ?",
                indexed.substring(0, Math.min(indexed.length(), SearchIndex.MAX_INDEXED_TEXT)),
                id);
        SearchIndex.refreshPassages(jdbc, id);
        return id;
    }
}
