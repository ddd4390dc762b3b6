package vn.congvan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.AccountSummary;
import vn.congvan.account.AccountUpdate;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.PersonalAccessTokens;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.account.TokenScope;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;
import vn.congvan.system.Times;

/**
 * The REST API and its personal access tokens (ADR 0042): made on the account page and shown once, kept hashed;
 * bearer calls stateless and refused with problem details when the token is wrong, expired, revoked or read-only for
 * a change; the inbox's access policy; paging, ETags and the rate limit; and the pages' chain untouched (CSRF).
 */
@CongvanIntegrationTest
class ApiIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("cvn_[A-Za-z0-9_-]{43}");

    private static final Pattern FORM_REQUEST = Pattern.compile("name=\"request\" value=\"([0-9a-f-]{36})\"");

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
    UserDetailsService users;

    @Autowired
    PersonalAccessTokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    vn.congvan.attachment.Attachments attachments;

    CurrentUser clerk;

    UnitSummary benNghe;

    UnitSummary daKao;

    /** A member and clerk of Bến Nghé, with a real account (tokens belong to accounts). */
    CurrentUser benNgheMember;

    LocalDate today;

    @BeforeEach
    void setUp() {
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Thử API");
        clerk = new TestUsers(organization).clerk(issuer.board().code());
        benNghe = Units.ward(administration, issuer.committee(), "Đảng ủy phường Bến Nghé", null);
        daKao = Units.ward(administration, issuer.committee(), "Đảng ủy phường Đa Kao", null);
        String username = Accounts.uniqueUsername("api");
        accounts.open(new NewAccount(
                username,
                "Cán bộ " + username,
                null,
                benNghe.id(),
                Set.of(Role.MEMBER, Role.CLERK),
                Accounts.DEMO_PASSWORD));
        benNgheMember = (CurrentUser) users.loadUserByUsername(username);
        today = LocalDate.now(Times.VIETNAM);
    }

    /**
     * The secret is in the answer to the POST and nowhere else: not in the session store, not in the table (only its
     * hash). The same form posted again, as a refresh of that answer does, makes no second token and says so; a
     * form shown again (a new id) makes another (ADR 0065).
     */
    @Test
    void aTokenIsShownOnceOnTheAccountPageAndOnlyItsHashIsStored() throws Exception {
        String form = mvc.perform(get("/tai-khoan/ma-truy-cap").with(user(benNgheMember)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Matcher request = FORM_REQUEST.matcher(form);
        assertThat(request.find()).as("the form carries its own id").isTrue();
        MvcResult made = mvc.perform(post("/tai-khoan/ma-truy-cap")
                        .param("request", request.group(1))
                        .param("name", "Công cụ báo cáo")
                        .param("scope", "READ")
                        .with(user(benNgheMember))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn();
        String page = made.getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher found = TOKEN.matcher(page);
        assertThat(found.find()).isTrue();
        String secret = found.group();
        assertThat(inSessionStore(secret))
                .as("the secret is never put in the session store")
                .isZero();

        // A refresh of the answer: the browser posts the same form again.
        String refreshed = mvc.perform(post("/tai-khoan/ma-truy-cap")
                        .param("request", request.group(1))
                        .param("name", "Công cụ báo cáo")
                        .param("scope", "READ")
                        .with(user(benNgheMember))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refreshed)
                .contains("Công cụ báo cáo")
                .contains("không tạo thêm mã nào")
                .doesNotContain(secret)
                .doesNotContain("cvn_");
        assertThat(tokens.ofAccount(benNgheMember.accountId())).hasSize(1);
        // The answer's own form has a new id: it makes the next token.
        Matcher next = FORM_REQUEST.matcher(page);
        assertThat(next.find()).isTrue();
        assertThat(next.group(1)).isNotEqualTo(request.group(1));

        byte[] stored = jdbc.queryForObject(
                "select token_hash from personal_access_token where account_id = ?",
                byte[].class,
                benNgheMember.accountId());
        assertThat(stored)
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.queryForObject(
                        "select count(*) from personal_access_token where cast(token_hash as text) like ?",
                        Long.class,
                        "%" + secret.substring(4, 20) + "%"))
                .isZero();

        mvc.perform(get("/tai-khoan/ma-truy-cap").with(user(benNgheMember)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Công cụ báo cáo")))
                .andExpect(content().string(not(containsString(secret))));
        mvc.perform(get("/api/v1/inbox").with(bearer(secret))).andExpect(status().isOk());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where subject_id = ? and details like 'Tạo mã truy cập%'",
                        Long.class, benNgheMember.accountId()))
                .isOne();
    }

    private long inSessionStore(String secret) {
        return jdbc.queryForObject(
                "select count(*) from spring_session_attributes where position(? in attribute_bytes) > 0",
                Long.class,
                (Object) secret.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aMemberWithoutTheClerkRoleIsNotOfferedNorGivenAClerkToken() throws Exception {
        String username = Accounts.uniqueUsername("api-member");
        accounts.open(Accounts.member(username, benNghe.id()));
        CurrentUser member = (CurrentUser) users.loadUserByUsername(username);
        mvc.perform(post("/tai-khoan/ma-truy-cap")
                        .param("name", "Thử")
                        .param("scope", "CLERK")
                        .with(user(member))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("cvn_"))));
        assertThat(tokens.ofAccount(member.accountId())).isEmpty();
    }

    @Test
    void aBearerCallReadsTheInboxWithoutMakingASession() throws Exception {
        DispatchReference sent = publish("Về việc đọc qua API", Visibility.RESTRICTED, benNghe);
        String secret = token(TokenScope.READ, null);

        MvcResult result = mvc.perform(get("/api/v1/inbox").with(bearer(secret)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items[0].dispatch.id").value(sent.id()))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE))
                .andReturn();
        // Nothing asked for a session (MockMvc's session matchers would make one, so the request is asked directly).
        assertThat(result.getRequest().getSession(false)).isNull();

        mvc.perform(get("/api/v1/inbox/{id}", sent.id()).with(bearer(secret)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dispatch.subject").value("Về việc đọc qua API"))
                .andExpect(jsonPath("$.status.viewedAt").isNotEmpty());
        assertThat(tokens.ofAccount(benNgheMember.accountId()).get(0).lastUsedAt())
                .isNotNull();
    }

    @Test
    void aPdfStampedForTheMemberIsListedWithoutADigestAndAPublicOneWithIt() throws Exception {
        DispatchReference restricted = publishWithPdf("Về việc tệp đóng dấu qua API", Visibility.RESTRICTED);
        DispatchReference open = publishWithPdf("Về việc tệp công khai qua API", Visibility.PUBLIC);
        String secret = token(TokenScope.READ, null);

        mvc.perform(get("/api/v1/inbox/{id}", restricted.id()).with(bearer(secret)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dispatch.files[0].stamped").value(true))
                .andExpect(jsonPath("$.dispatch.files[0].sha256").doesNotExist());
        mvc.perform(get("/api/v1/dispatches/{id}", open.id()).with(from()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.files[0].stamped").value(false))
                .andExpect(jsonPath("$.files[0].sha256").isString());
    }

    @Test
    void aRevokedAnExpiredOrAnUnknownTokenIsRefusedWithAProblemInVietnamese() throws Exception {
        String revoked = token(TokenScope.READ, null);
        mvc.perform(get("/api/v1/inbox").with(bearer(revoked))).andExpect(status().isOk());
        Long id = tokens.ofAccount(benNgheMember.accountId()).get(0).id();
        assertThat(tokens.revoke(benNgheMember, id)).isTrue();
        expectUnauthorized(revoked);

        String expired = token(TokenScope.READ, today.plusDays(10));
        mvc.perform(get("/api/v1/inbox").with(bearer(expired))).andExpect(status().isOk());
        jdbc.update(
                "update personal_access_token set expires_at = ? where token_hash = sha256(convert_to(?, 'UTF8'))",
                Timestamp.from(Instant.now().minusSeconds(1)),
                expired);
        expectUnauthorized(expired);

        expectUnauthorized("cvn_" + "A".repeat(43));
        expectUnauthorized("not-a-token");
        // Public reads stay open to anonymous callers, but not to a caller with a dead token.
        mvc.perform(get("/api/v1/dispatches").with(bearer(revoked))).andExpect(status().isUnauthorized());
    }

    @Test
    void aDisabledAccountsTokensStopWorking() throws Exception {
        String secret = token(TokenScope.READ, null);
        mvc.perform(get("/api/v1/inbox").with(bearer(secret))).andExpect(status().isOk());
        AccountSummary account = accounts.find(benNgheMember.accountId()).orElseThrow();
        accounts.update(
                account.id(),
                new AccountUpdate(
                        account.version(),
                        account.displayName(),
                        account.email(),
                        account.unitId(),
                        account.roles(),
                        false));
        expectUnauthorized(secret);
    }

    @Test
    void aReadTokenCannotAcknowledgeAndAClerkTokenCanAndSendsAReport() throws Exception {
        DispatchReference sent = publish("Về việc xác nhận qua API", Visibility.RESTRICTED, benNghe);
        String read = token(TokenScope.READ, null);
        mvc.perform(post("/api/v1/inbox/{id}/acknowledgement", sent.id()).with(bearer(read)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("chỉ được đọc")));

        String write = token(TokenScope.CLERK, null);
        mvc.perform(post("/api/v1/inbox/{id}/acknowledgement", sent.id()).with(bearer(write)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acknowledgedBy").value(benNgheMember.getUsername()))
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));

        DispatchReference asking = publishAskingForReport("Về việc báo cáo qua API");
        byte[] pdf = TestFiles.pdf(1);
        mvc.perform(multipart("/api/v1/inbox/{id}/report", asking.id())
                        .file(new MockMultipartFile("files", "bao-cao.pdf", "application/pdf", pdf))
                        .param("text", "Phường đã triển khai.")
                        .with(bearer(write)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.files[0]").value("bao-cao.pdf"));
        assertThat(jdbc.queryForObject(
                        "select body from report where dispatch_id = ? and unit_id = ?",
                        String.class,
                        asking.id(),
                        benNghe.id()))
                .isEqualTo("Phường đã triển khai.");
    }

    @Test
    void anotherUnitsInboxItemIsNotFound() throws Exception {
        DispatchReference elsewhere = publish("Về việc của đơn vị khác", Visibility.RESTRICTED, daKao);
        String write = token(TokenScope.CLERK, null);
        mvc.perform(get("/api/v1/inbox/{id}", elsewhere.id()).with(bearer(write)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/inbox/{id}/acknowledgement", elsewhere.id()).with(bearer(write)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/inbox/{id}/files/{file}", elsewhere.id(), 1L).with(bearer(write)))
                .andExpect(status().isNotFound());
        // A restricted dispatch is not in the public section either.
        mvc.perform(get("/api/v1/dispatches/{id}", elsewhere.id()).with(from())).andExpect(status().isNotFound());
    }

    @Test
    void anAnonymousCallerGetsNoInboxButTheProblem() throws Exception {
        mvc.perform(get("/api/v1/inbox").with(from()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
    }

    @Test
    void everyErrorOfTheApiIsAProblemWithOrWithoutAToken() throws Exception {
        String secret = token(TokenScope.CLERK, null);
        // With a valid token: a path the API does not have, a method, an Accept and a Content-Type it does not serve.
        expectProblem(mvc.perform(get("/api/v1/khong-co").with(bearer(secret))), 404, "không có địa chỉ này");
        expectProblem(
                        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                        "/api/v1/inbox")
                                .with(bearer(secret))),
                        405,
                        "DELETE")
                .andExpect(header().string(HttpHeaders.ALLOW, containsString("GET")));
        expectProblem(
                mvc.perform(
                        get("/api/v1/inbox").accept(MediaType.APPLICATION_XML).with(bearer(secret))),
                406,
                "Accept");
        expectProblem(
                mvc.perform(post("/api/v1/trich-xuat")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(bearer(secret))),
                415,
                "Content-Type");
        // Without one: a public path the API does not have is a 404; a private one is still a 401, as before.
        expectProblem(mvc.perform(get("/api/v1/dispatches/1/khong-co").with(from())), 404, "không có địa chỉ này");
        expectProblem(mvc.perform(get("/api/v1/khong-co").with(from())), 401, "mã truy cập");
    }

    @Test
    void anErrorSentToTheContainersErrorPageIsAProblemToo() throws Exception {
        String secret = token(TokenScope.READ, null);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        // Spring Security's firewall rejects a path parameter before any controller: the container's error page
        // answers, which was Spring Boot's default JSON.
        java.net.http.HttpResponse<String> rejected = client.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/api/v1/dispatches;x=1"))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.headers().firstValue(HttpHeaders.CONTENT_TYPE))
                .hasValueSatisfying(type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        assertThat(rejected.body())
                .contains("\"status\":400")
                .contains("Yêu cầu không hợp lệ")
                .contains("\"instance\":\"/api/v1/dispatches;x=1\"");
        // And a path the API does not have, over HTTP as a client sees it.
        java.net.http.HttpResponse<String> missing = client.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/api/v1/khong-co"))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue(HttpHeaders.CONTENT_TYPE))
                .hasValueSatisfying(type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        assertThat(missing.body()).contains("\"status\":404").doesNotContain("timestamp");
    }

    private static org.springframework.test.web.servlet.ResultActions expectProblem(
            org.springframework.test.web.servlet.ResultActions answer, int status, String detail) throws Exception {
        return answer.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail", containsString(detail)));
    }

    @Test
    void thePublicListIsPagedWithANextLinkAndAnsweredNotModifiedForItsETag() throws Exception {
        publish("Về việc công khai thứ nhất", Visibility.PUBLIC, benNghe);
        DispatchReference second = publish("Về việc công khai thứ hai", Visibility.PUBLIC, benNghe);
        String address = Accounts.uniqueAddress();
        MvcResult first = mvc.perform(
                        get("/api/v1/dispatches").param("size", "1").with(Accounts.from(address)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.next", containsString("page=2")))
                .andExpect(header().string(HttpHeaders.LINK, containsString("rel=\"next\"")))
                .andExpect(header().string(HttpHeaders.ETAG, startsWith("\"")))
                .andReturn();
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
        mvc.perform(get("/api/v1/dispatches")
                        .param("size", "1")
                        .header(HttpHeaders.IF_NONE_MATCH, etag)
                        .with(Accounts.from(address)))
                .andExpect(status().isNotModified())
                .andExpect(content().string(""));

        MvcResult detail = mvc.perform(
                        get("/api/v1/dispatches/{id}", second.id()).with(Accounts.from(address)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("Về việc công khai thứ hai"))
                .andExpect(jsonPath("$.issuerParent").isNotEmpty())
                .andReturn();
        mvc.perform(get("/api/v1/dispatches/{id}", second.id())
                        .header(HttpHeaders.IF_NONE_MATCH, detail.getResponse().getHeader(HttpHeaders.ETAG))
                        .with(Accounts.from(address)))
                .andExpect(status().isNotModified());
    }

    @Test
    void aRestrictedPdfThroughTheApiIsTheMembersStampedCopyNotTheOriginal() throws Exception {
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(
                        clerk.unitId(), Visibility.RESTRICTED, "Về việc tệp hạn chế qua API", benNghe.id()),
                clerk);
        byte[] pdf = TestFiles.pdf(2);
        Long file = management
                .attach(
                        new NewAttachment(id, "Tài liệu hạn chế", AttachmentKind.BRIEFING, "han-che.pdf"),
                        new ByteArrayInputStream(pdf),
                        clerk)
                .id();
        management.publish(id, null, today, clerk);
        String secret = token(TokenScope.READ, null);

        MvcResult result = mvc.perform(
                        get("/api/v1/inbox/{id}/files/{file}", id, file).with(bearer(secret)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")))
                .andReturn();
        byte[] copy = result.getResponse().getContentAsByteArray();
        assertThat(copy).isNotEqualTo(pdf).startsWith(pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(copy)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Bản cấp cho")
                    .contains(benNgheMember.getUsername());
        }
    }

    @Test
    void aPublicFileIsServedWithThePublicPagesHeaders() throws Exception {
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(clerk.unitId(), Visibility.PUBLIC, "Về việc tệp qua API", benNghe.id()),
                clerk);
        byte[] pdf = TestFiles.pdf(1);
        management.attach(
                new NewAttachment(id, "Công văn", AttachmentKind.DOCUMENT, "cong-van.pdf"),
                new ByteArrayInputStream(pdf),
                clerk);
        management.publish(id, null, today, clerk);
        String address = Accounts.uniqueAddress();
        String href = JsonPath.read(
                mvc.perform(get("/api/v1/dispatches/{id}", id).with(Accounts.from(address)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.files[0].href");
        MvcResult file = mvc.perform(get(href).with(Accounts.from(address)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("public")))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, startsWith("attachment")))
                .andReturn();
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(pdf);
    }

    @Test
    void aTokenIsRateLimitedWithRetryAfter() throws Exception {
        String secret = token(TokenScope.READ, null);
        int allowed = 0;
        MvcResult refused = null;
        // The bucket holds 60 (the default); it refills one a second, so a few more may pass on a slow machine.
        for (int i = 0; i < 300 && refused == null; i++) {
            MvcResult result =
                    mvc.perform(get("/api/v1/inbox").with(bearer(secret))).andReturn();
            if (result.getResponse().getStatus() == 429) {
                refused = result;
            } else {
                allowed++;
            }
        }
        assertThat(refused).isNotNull();
        assertThat(allowed).isGreaterThanOrEqualTo(60);
        assertThat(Integer.parseInt(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER)))
                .isPositive();
        assertThat(refused.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // Another token has its own bucket.
        mvc.perform(get("/api/v1/inbox").with(bearer(token(TokenScope.READ, null))))
                .andExpect(status().isOk());
    }

    @Test
    void aSignedInBrowserStillNeedsTheCsrfTokenOnTheApiAndOnThePages() throws Exception {
        DispatchReference sent = publish("Về việc xác nhận từ trình duyệt", Visibility.RESTRICTED, benNghe);
        mvc.perform(post("/api/v1/inbox/{id}/acknowledgement", sent.id()).with(user(benNgheMember)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/hop-thu/{id}/xac-nhan", sent.id()).with(user(benNgheMember)))
                .andExpect(status().isForbidden());
        // A bearer token on a page is no login: the pages' chain ignores it.
        String write = token(TokenScope.CLERK, null);
        mvc.perform(post("/hop-thu/{id}/xac-nhan", sent.id()).with(bearer(write)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/inbox/{id}/acknowledgement", sent.id())
                        .with(user(benNgheMember))
                        .with(csrf()))
                .andExpect(status().isOk());
    }

    @Test
    void theOpenApiDescriptionDeclaresTheBearerSchemeAndTheEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs").with(from()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.maTruyCap.scheme")
                        .value("bearer"))
                .andExpect(jsonPath("$.paths['/api/v1/dispatches']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/inbox/{id}/acknowledgement']")
                        .exists());
        mvc.perform(get("/swagger-ui/index.html").with(from())).andExpect(status().isOk());
    }

    private void expectUnauthorized(String secret) throws Exception {
        mvc.perform(get("/api/v1/inbox").with(bearer(secret)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("mã truy cập")))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")));
    }

    private String token(TokenScope scope, LocalDate expiresOn) {
        return tokens.create(benNgheMember, "Thử " + scope, scope, expiresOn).secret();
    }

    private static RequestPostProcessor bearer(String secret) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secret);
            request.setRemoteAddr(Accounts.uniqueAddress());
            return request;
        };
    }

    /** An anonymous caller from an address of its own, so that no other test's calls count against its bucket. */
    private static RequestPostProcessor from() {
        return Accounts.from(Accounts.uniqueAddress());
    }

    private DispatchReference publish(String subject, Visibility visibility, UnitSummary to) {
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(clerk.unitId(), visibility, subject, to.id()), clerk);
        return management.publish(id, null, today, clerk);
    }

    private DispatchReference publishWithPdf(String subject, Visibility visibility) throws IOException {
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(clerk.unitId(), visibility, subject, benNghe.id()), clerk);
        attachments.attach(
                new NewAttachment(id, "Tài liệu", AttachmentKind.APPENDIX, "tai-lieu.pdf"),
                new ByteArrayInputStream(TestFiles.pdf(1)));
        return management.publish(id, null, today, clerk);
    }

    private DispatchReference publishAskingForReport(String subject) {
        Long id = management.createDraft(
                DispatchDrafts.party(clerk.unitId())
                        .subject(subject)
                        .reportDueOn(today.plusDays(20))
                        .addressees(List.of(Recipient.unit("Đảng ủy phường Bến Nghé", benNghe.id())))
                        .build(),
                clerk);
        return management.publish(id, null, today, clerk);
    }
}
