package vn.congvan.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.FileNames;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchDraft;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.DocumentNumber;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;
import vn.congvan.system.Times;

/**
 * Each test makes its own issuing board, a receiving board with a clerk account and a ward without one, so that the
 * numbers it reads in a register are its own.
 */
@CongvanIntegrationTest
class IncomingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchManagement management;

    @Autowired
    Attachments attachments;

    @Autowired
    IncomingRegister register;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcTemplate jdbc;

    Issuers.Issuer issuer;

    CurrentUser issuingClerk;

    UnitSummary receiver;

    CurrentUser receivingClerk;

    UnitSummary wardWithoutClerk;

    @BeforeEach
    void setUp() {
        issuer = Issuers.partyBoard(administration, management, "Thử văn bản đến");
        issuingClerk = clerkAccount(issuer.board());
        Issuers.Issuer receiving = Issuers.partyBoard(administration, management, "Thử nơi nhận");
        receiver = receiving.board();
        receivingClerk = clerkAccount(receiver);
        wardWithoutClerk = Units.ward(administration, receiving.committee(), "Đảng ủy phường Không Văn Thư", null);
    }

    @Test
    void aPublicationIsRegisteredOnlyByTheRecipientUnitsThatHaveAClerk() {
        DispatchReference sent = publish("Về việc ghi sổ văn bản đến", receiver.id(), wardWithoutClerk.id());

        List<IncomingEntry> entries = entriesOf(receivingClerk);
        assertThat(entries).hasSize(1);
        IncomingEntry entry = entries.get(0);
        assertThat(entry.number()).isEqualTo(1);
        assertThat(entry.dispatchId()).isEqualTo(sent.id());
        assertThat(entry.notation()).isEqualTo(sent.notation());
        assertThat(entry.senderName()).isEqualTo("Ban Tuyên giáo Quận ủy Thử văn bản đến");
        assertThat(entry.senderUnitId()).isEqualTo(issuer.board().id());
        assertThat(entry.receivedOn()).isEqualTo(LocalDate.now(Times.VIETNAM));
        assertThat(entry.registeredBy()).isNull();
        // The dispatch's competence and the authority it acts for, as its foot prints them.
        assertThat(entry.signerCompetence()).isEqualTo("K/T TRƯỞNG BAN");
        assertThat(entry.signerPosition()).isEqualTo("PHÓ TRƯỞNG BAN");
        assertThat(entry.signerName()).isEqualTo("Nguyễn Văn Thử");
        assertThat(jdbc.queryForObject(
                        "select count(*) from incoming_entry where unit_id = ?", Long.class, wardWithoutClerk.id()))
                .isZero();

        // Received again (a retried event): nothing new, no number used up.
        assertThat(register.receive(sent.id(), Set.of(receiver.id(), wardWithoutClerk.id())))
                .isZero();
        assertThat(entriesOf(receivingClerk)).hasSize(1);
    }

    @Test
    void aDocumentRecordedAsIssuedOnPaperIsReceivedOnItsDayOfIssue() {
        DispatchDraft draft = DispatchDrafts.party(issuer.board().id())
                .subject("Về việc văn bản ban hành trên giấy")
                .addressees(Recipient.unit("Ban Tuyên giáo", receiver.id()))
                .build();
        management.registerIssued(draft, new DocumentNumber(3080, "CV/BTGQU"), LocalDate.of(2023, 7, 10));

        IncomingEntry entry = register.page(
                        new RegisterFilter(2023, null, null, null, null, null), PageRequest.of(0, 10), receivingClerk)
                .getContent()
                .get(0);
        assertThat(entry.receivedOn()).isEqualTo(LocalDate.of(2023, 7, 10));
        assertThat(entry.year()).isEqualTo(2023);
        assertThat(entry.number()).isEqualTo(1);
        assertThat(entry.notation()).isEqualTo("3080-CV/BTGQU");
    }

    @Test
    void numbersRunPerUnitAndYearAndTwoRegistrationsAtOnceGetTwoNumbers() throws Exception {
        CountDownLatch together = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> registered = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String sender = "Sở Văn hóa " + i;
                Callable<Long> registration = () -> {
                    together.await();
                    return register.register(manual(sender, LocalDate.of(2024, 3, 1)), List.of(), receivingClerk);
                };
                registered.add(threads.submit(registration));
            }
            together.countDown();
            for (Future<Long> future : registered) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
        register.register(manual("Sở Nội vụ", LocalDate.of(2025, 1, 2)), List.of(), receivingClerk);
        register.register(manual("Sở Nội vụ", LocalDate.of(2024, 3, 2)), List.of(), issuingClerk);

        assertThat(numbers(receivingClerk, 2024)).containsExactlyInAnyOrder(1, 2);
        assertThat(numbers(receivingClerk, 2025)).containsExactly(1);
        assertThat(numbers(issuingClerk, 2024)).containsExactly(1);
    }

    /**
     * A scanner's TIFF, which the drop zone reads to fill the form, is kept with the entry as the scan it is, like a
     * PDF or JPEG (ADR 0065); its name must say what it is.
     */
    @Test
    void aTiffScanIsKeptWithTheEntryAsItCame() throws Exception {
        byte[] tiff = TestFiles.tiff();
        String location = mvc.perform(multipart("/quan-ly/van-ban-den/moi")
                        .file(new MockMultipartFile("files", "Bản quét 7-CV.tif", "image/tiff", tiff))
                        .param("receivedOn", "2024-05-06")
                        .param("senderName", "Sở Văn hóa và Thể thao")
                        .param("notation", "7/SVHTT-TT")
                        .param("issuedOn", "2024-05-03")
                        .param("typeCode", "CV")
                        .param("subject", "Về việc bản quét TIFF")
                        .with(user(receivingClerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        Long entryId = Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
        List<AttachmentView> scans = attachments.ofIncomingEntry(entryId);
        assertThat(scans).singleElement().satisfies(file -> {
            assertThat(file.contentType()).isEqualTo("image/tiff");
            assertThat(file.originalFilename()).isEqualTo("Bản quét 7-CV.tif");
        });
        mvc.perform(get(
                                "/quan-ly/van-ban-den/{id}/tep/{f}",
                                entryId,
                                scans.get(0).id())
                        .with(user(receivingClerk)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(tiff));

        int before = jdbc.queryForObject(
                "select count(*) from incoming_entry where unit_id = ?", Integer.class, receivingClerk.unitId());
        mvc.perform(multipart("/quan-ly/van-ban-den/moi")
                        .file(new MockMultipartFile("files", "Bản quét 8-CV.png", "image/png", tiff))
                        .param("receivedOn", "2024-05-06")
                        .param("senderName", "Sở Văn hóa và Thể thao")
                        .param("notation", "8/SVHTT-TT")
                        .param("issuedOn", "2024-05-03")
                        .param("typeCode", "CV")
                        .param("subject", "Về việc bản quét mang tên khác")
                        .with(user(receivingClerk))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Bản quét 8-CV.png")));
        assertThat(jdbc.queryForObject(
                        "select count(*) from incoming_entry where unit_id = ?",
                        Integer.class,
                        receivingClerk.unitId()))
                .isEqualTo(before);
    }

    @Test
    void aPaperDocumentIsRegisteredWithItsScanAndForwardedWithTheSameBytes() throws Exception {
        byte[] scan = TestFiles.pdf(2);
        String location = mvc.perform(multipart("/quan-ly/van-ban-den/moi")
                        .file(new MockMultipartFile("files", "Công văn 12-CV.pdf", "application/pdf", scan))
                        .param("receivedOn", "2024-05-06")
                        .param("senderName", "Sở Văn hóa và Thể thao")
                        .param("notation", "12/SVHTT-TT")
                        .param("issuedOn", "2024-05-03")
                        .param("typeCode", "CV")
                        .param("subject", "Về việc tuyên truyền Ngày Quốc khánh")
                        .param("dueOn", "2024-08-31")
                        .param("signerCompetence", " KT. GIÁM ĐỐC ")
                        .param("signerPosition", "PHÓ GIÁM ĐỐC")
                        .param("signerName", "Trần Thị Thử")
                        .with(user(receivingClerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        Long entryId = Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
        IncomingEntry entry = register.entry(entryId, receivingClerk).orElseThrow();
        assertThat(entry.dueOn()).isEqualTo(LocalDate.of(2024, 8, 31));
        assertThat(entry.registeredBy()).isEqualTo(receivingClerk.getUsername());
        assertThat(entry.signerCompetence()).isEqualTo("KT. GIÁM ĐỐC");
        mvc.perform(get("/quan-ly/van-ban-den/{id}", entryId).with(user(receivingClerk)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "<dd>KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Trần Thị Thử</dd>")));
        List<AttachmentView> scans = attachments.ofIncomingEntry(entryId);
        assertThat(scans)
                .singleElement()
                .satisfies(file -> assertThat(file.dispatchId()).isNull());
        Long scanId = scans.get(0).id();
        mvc.perform(get("/quan-ly/van-ban-den/{id}/tep/{f}", entryId, scanId).with(user(receivingClerk)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(scan));

        String draftLocation = mvc.perform(post("/quan-ly/van-ban-den/{id}/trien-khai", entryId)
                        .with(user(receivingClerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        Long draftId = Long.valueOf(draftLocation.replaceAll(".*/cong-van/(\\d+)/sua$", "$1"));

        DispatchDraft draft = management.draftOf(draftId, receivingClerk);
        assertThat(draft.issuerUnitId()).isEqualTo(receiver.id());
        assertThat(draft.subject()).isEqualTo("Về việc tuyên truyền Ngày Quốc khánh");
        assertThat(draft.body())
                .startsWith("Thực hiện Công văn số 12/SVHTT-TT ngày 03 tháng 5 năm 2024 của Sở Văn hóa và Thể thao"
                        + " về việc tuyên truyền Ngày Quốc khánh,");
        assertThat(draft.forwardsReference())
                .isEqualTo("Công văn số 12/SVHTT-TT ngày 03 tháng 5 năm 2024 của Sở Văn hóa và Thể thao");
        List<AttachmentView> forwarded = attachments.ofDispatch(draftId);
        assertThat(forwarded)
                .singleElement()
                .satisfies(
                        file -> assertThat(file.sha256()).isEqualTo(scans.get(0).sha256()));
        assertThat(storageKey(forwarded.get(0).id())).isEqualTo(storageKey(scanId));
        assertThat(register.forwards(entry)).extracting(f -> f.id()).containsExactly(draftId);

        management.removeFile(draftId, forwarded.get(0).id(), receivingClerk);

        assertThat(attachments.ofDispatch(draftId)).isEmpty();
        mvc.perform(get("/quan-ly/van-ban-den/{id}/tep/{f}/tai-ve", entryId, scanId)
                        .with(user(receivingClerk)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(scan));
    }

    @Test
    void aDispatchReceivedThroughThePortalIsForwardedWithALinkBothWaysAndItsFilesByReference() throws Exception {
        Long draft = management.createDraft(
                DispatchDrafts.party(issuer.board().id())
                        .subject("Về việc gửi tài liệu tuyên truyền")
                        .addressees(Recipient.unit("Ban Tuyên giáo", receiver.id()))
                        .build(),
                issuingClerk);
        AttachmentView file = attachments.attach(
                new NewAttachment(draft, "Đề cương", AttachmentKind.BRIEFING, "De cuong.pdf"),
                new ByteArrayInputStream(TestFiles.pdf(1)));
        DispatchReference sent = management.publish(draft, null, LocalDate.now(Times.VIETNAM), issuingClerk);
        IncomingEntry entry = entriesOf(receivingClerk).get(0);

        mvc.perform(get("/quan-ly/van-ban-den/{id}", entry.id()).with(user(receivingClerk)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Về việc gửi tài liệu tuyên truyền")));
        mvc.perform(get("/quan-ly/van-ban-den/{id}/tep/{f}", entry.id(), file.id())
                        .with(user(receivingClerk)))
                .andExpect(status().isOk());
        Long forwarding = register.forward(entry.id(), receivingClerk);

        DispatchDraft forwardingDraft = management.draftOf(forwarding, receivingClerk);
        assertThat(forwardingDraft.forwardsId()).isEqualTo(sent.id());
        assertThat(forwardingDraft.body())
                .startsWith("Thực hiện Công văn số " + sent.notation() + " ngày "
                        + citedDate(sent.issuedOn())
                        + " của Ban Tuyên giáo Quận ủy Thử văn bản đến về việc gửi tài liệu tuyên truyền,");
        List<AttachmentView> forwardedFiles = attachments.ofDispatch(forwarding);
        assertThat(forwardedFiles).singleElement().satisfies(copy -> {
            assertThat(copy.title()).isEqualTo("Đề cương");
            assertThat(copy.kind()).isEqualTo(AttachmentKind.BRIEFING);
        });
        assertThat(storageKey(forwardedFiles.get(0).id())).isEqualTo(storageKey(file.id()));
        assertThat(register.forwards(entry)).extracting(f -> f.id()).containsExactly(forwarding);
        mvc.perform(get("/quan-ly/cong-van/{id}", forwarding).with(user(receivingClerk)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Văn bản này thực hiện")));
        mvc.perform(get("/quan-ly/van-ban-den/{id}", entry.id()).with(user(receivingClerk)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/quan-ly/cong-van/" + forwarding)));
    }

    @Test
    void aSignerPartLeftBlankIsStoredAsNothingAndOneTooLongIsRefusedBesideItsField() throws Exception {
        Long id = register.register(
                new ManualEntry(
                        LocalDate.of(2024, 4, 2),
                        "Sở Nội vụ",
                        null,
                        null,
                        "CV",
                        "Về việc thử người ký",
                        null,
                        null,
                        "  ",
                        "",
                        "Lê Văn Ký"),
                List.of(),
                receivingClerk);
        IncomingEntry entry = register.entry(id, receivingClerk).orElseThrow();
        assertThat(entry.signerCompetence()).isNull();
        assertThat(entry.signerPosition()).isNull();
        assertThat(entry.signerLine()).isEqualTo("Lê Văn Ký");

        mvc.perform(multipart("/quan-ly/van-ban-den/moi")
                        .param("receivedOn", "2024-05-06")
                        .param("senderName", "Sở Nội vụ")
                        .param("typeCode", "CV")
                        .param("subject", "Về việc thử người ký")
                        .param("signerName", "A".repeat(256))
                        .with(user(receivingClerk))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("signerName-error")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("Họ và tên người ký dài tối đa 255 ký tự.")));
        assertThat(numbers(receivingClerk, 2024)).containsExactly(1);
    }

    @Test
    void aPaperDocumentReceivedBeforeItsDateIsRefusedBesideTheDateReceived() throws Exception {
        mvc.perform(multipart("/quan-ly/van-ban-den/moi")
                        .param("receivedOn", "2024-05-01")
                        .param("senderName", "Sở Văn hóa và Thể thao")
                        .param("issuedOn", "2024-05-03")
                        .param("typeCode", "CV")
                        .param("subject", "Về việc thử ngày đến")
                        .with(user(receivingClerk))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("receivedOn-error")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("Ngày đến không thể trước ngày văn bản.")));
        assertThat(numbers(receivingClerk, 2024)).isEmpty();
    }

    @Test
    void aDateReceivedInTheFutureOrADateOffTheCalendarIsRefusedBesideItsField() throws Exception {
        String tomorrow = LocalDate.now(Times.VIETNAM).plusDays(1).toString();
        // {field in error, date received, date of the document, deadline}
        List<String[]> cases = List.of(
                new String[] {"receivedOn", tomorrow, null, null},
                new String[] {"receivedOn", "+99999-01-01", null, null},
                new String[] {"receivedOn", "+999999998-01-01", null, null},
                new String[] {"receivedOn", "0000-06-01", null, null},
                new String[] {"issuedOn", "2024-05-01", "-999999998-01-01", null},
                new String[] {"dueOn", "2024-05-01", null, "+999999998-12-31"});
        for (String[] dates : cases) {
            var request = multipart("/quan-ly/van-ban-den/moi")
                    .param("receivedOn", dates[1])
                    .param("senderName", "Sở Văn hóa và Thể thao")
                    .param("typeCode", "CV")
                    .param("subject", "Về việc thử ngày ngoài lịch")
                    .with(user(receivingClerk))
                    .with(csrf());
            if (dates[2] != null) {
                request.param("issuedOn", dates[2]);
            }
            if (dates[3] != null) {
                request.param("dueOn", dates[3]);
            }
            mvc.perform(request)
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(dates[0] + "-error")));
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from incoming_entry where unit_id = ?", Long.class, receiver.id()))
                .isZero();
    }

    @Test
    void anotherUnitsClerkFindsNeitherTheEntryNorItsFilesNorItsForwarding() throws Exception {
        Long entryId = register.register(
                manual("Sở Văn hóa", LocalDate.of(2024, 6, 1)),
                List.of(new IncomingFile("scan.pdf", new ByteArrayInputStream(TestFiles.pdf(1)))),
                receivingClerk);
        Long fileId = attachments.ofIncomingEntry(entryId).get(0).id();

        mvc.perform(get("/quan-ly/van-ban-den/{id}", entryId).with(user(issuingClerk)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/quan-ly/van-ban-den/{id}/tep/{f}", entryId, fileId).with(user(issuingClerk)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/quan-ly/van-ban-den/{id}/trien-khai", entryId)
                        .with(user(issuingClerk))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/quan-ly/van-ban-den/{id}", entryId).with(user(receivingClerk)))
                .andExpect(status().isOk());
        assertThat(numbers(issuingClerk, 2024)).isEmpty();
    }

    @Test
    void aFileTitleIsCleanedAndCutAsADispatchFilesIs() throws Exception {
        String spoiled = "Thông\u200b báo\u0007 nhanh   số 3080\n" + "x".repeat(800);
        Long entryId = register.register(
                manual("Sở Văn hóa", LocalDate.of(2024, 6, 3)),
                List.of(
                        new IncomingFile("Ban chup.pdf", new ByteArrayInputStream(TestFiles.pdf(1)), spoiled),
                        new IncomingFile("Ban chup 2.pdf", new ByteArrayInputStream(TestFiles.pdf(1)), "  ")),
                receivingClerk);

        List<String> titles = attachments.ofIncomingEntry(entryId).stream()
                .map(file -> file.title())
                .toList();
        assertThat(titles.get(0)).startsWith("Thông báo nhanh số 3080 xxx").hasSize(FileNames.MAX_TITLE_LENGTH);
        assertThat(titles.get(1)).isEqualTo("Ban chup 2");
    }

    /**
     * The sender's spelling offered to a clerk comes from the portal's units and that clerk's own register only: how
     * another unit's clerk wrote a sender is that unit's register, which this clerk may not read (ADR 0033, ADR 0065).
     */
    @Test
    void aSendersSpellingIsTakenFromTheClerksOwnRegisterOnly() throws Exception {
        String place = "Riêng " + Long.toString(System.nanoTime(), 36);
        String spelled = "Ban Dân Vận Huyện Ủy " + place;
        register.register(manual(spelled, LocalDate.of(2024, 7, 1)), List.of(), issuingClerk);
        String printed = "BAN DÂN VẬN HUYỆN ỦY " + place.toUpperCase(java.util.Locale.forLanguageTag("vi"));

        assertThat(register.knownSender(printed, issuingClerk)).contains(spelled);
        assertThat(register.knownSender(printed, receivingClerk)).isEmpty();
        String offered = mvc.perform(get("/quan-ly/van-ban-den/moi/noi-gui")
                        .param("issuer", printed)
                        .with(user(receivingClerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(offered).isNotEqualTo(spelled).isEqualToIgnoringCase(spelled);
    }

    @Test
    void theRegisterIsExportedAsASpreadsheetWithThePagesFilter() throws Exception {
        register.register(manual("Sở Văn hóa", LocalDate.of(2022, 4, 1)), List.of(), receivingClerk);
        register.register(manual("Ủy ban nhân dân Quận", LocalDate.of(2022, 4, 2)), List.of(), receivingClerk);

        byte[] xlsx = mvc.perform(get("/quan-ly/van-ban-den/so-van-ban-den.xlsx")
                        .param("nam", "2022")
                        .param("noi-gui", "uy ban")
                        .with(user(receivingClerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> senders = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 2 && row.getCell(2) != null) {
                    senders.add(row.getCell(2).getStringCellValue());
                }
            }
            assertThat(senders).containsExactly("Ủy ban nhân dân Quận");
            assertThat(sheet.getRow(3).getCell(0).getNumericCellValue()).isEqualTo(2.0);
            assertThat(sheet.getRow(3).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2022, 4, 2));
        }
        mvc.perform(get("/quan-ly/van-ban-den").param("nam", "2022").with(user(receivingClerk)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ủy ban nhân dân Quận")));
    }

    @Test
    void inTheSampleTheCityDispatchIsInTheDistrictBoardsRegisterWithTheSampleAsItsForwarding() {
        Long board = organization.unitByCode("QU-Q1.BTG").orElseThrow().id();
        CurrentUser demoClerk =
                new CurrentUser(null, "vanthu", "{noop}unused", "Văn thư", board, Set.of(Role.CLERK), true);

        List<IncomingEntry> entries = register.page(
                        new RegisterFilter(2023, null, null, null, "thanh uy", "3080"),
                        PageRequest.of(0, 10),
                        demoClerk)
                .getContent();

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.notation()).isEqualTo("3080-CV/BTGTU");
            assertThat(entry.receivedOn()).isEqualTo(LocalDate.of(2023, 7, 10));
            assertThat(register.forwards(entry)).extracting(f -> f.notation()).containsExactly("65-CV/BTGQU");
        });
    }

    @Test
    void theDeadlineOfAPublicationComesIntoTheRegister() {
        LocalDate due = LocalDate.now(Times.VIETNAM).plusDays(20);
        Long draft = management.createDraft(
                DispatchDrafts.party(issuer.board().id())
                        .subject("Về việc báo cáo kết quả")
                        .addressees(Recipient.unit("Đơn vị nhận", receiver.id()))
                        .reportDueOn(due)
                        .build(),
                issuingClerk);
        management.publish(draft, null, LocalDate.now(Times.VIETNAM), issuingClerk);

        assertThat(entriesOf(receivingClerk))
                .singleElement()
                .extracting(IncomingEntry::dueOn)
                .isEqualTo(due);
    }

    private DispatchReference publish(String subject, Long... units) {
        Long draft = management.createDraft(
                DispatchDrafts.party(issuer.board().id())
                        .subject(subject)
                        .addressees(java.util.Arrays.stream(units)
                                .map(unit -> Recipient.unit("Đơn vị nhận", unit))
                                .toList())
                        .build(),
                issuingClerk);
        return management.publish(draft, null, LocalDate.now(Times.VIETNAM), issuingClerk);
    }

    private List<IncomingEntry> entriesOf(CurrentUser clerk) {
        return register.page(
                        new RegisterFilter(LocalDate.now(Times.VIETNAM).getYear(), null, null, null, null, null),
                        PageRequest.of(0, 50),
                        clerk)
                .getContent();
    }

    private List<Integer> numbers(CurrentUser clerk, int year) {
        return register.page(new RegisterFilter(year, null, null, null, null, null), PageRequest.of(0, 50), clerk)
                .map(IncomingEntry::number)
                .getContent();
    }

    private String storageKey(Long attachmentId) {
        return jdbc.queryForObject("select storage_key from attachment where id = ?", String.class, attachmentId);
    }

    /** "10 tháng 7 năm 2023", "05 tháng 02 năm 2024": a cited date after its "ngày" (HD 36, NĐ 30). */
    private static String citedDate(LocalDate date) {
        return String.format(
                "%02d tháng %s năm %d",
                date.getDayOfMonth(),
                date.getMonthValue() <= 2 ? "0" + date.getMonthValue() : String.valueOf(date.getMonthValue()),
                date.getYear());
    }

    private static ManualEntry manual(String sender, LocalDate receivedOn) {
        return new ManualEntry(
                receivedOn,
                sender,
                "01/KH-SVH",
                receivedOn.minusDays(2),
                "KH",
                "Kế hoạch thử nghiệm",
                null,
                null,
                null,
                null,
                null);
    }

    private CurrentUser clerkAccount(UnitSummary unit) {
        String username = Accounts.uniqueUsername("vanthu");
        Long id = accounts.open(new NewAccount(
                        username,
                        "Văn thư " + unit.name(),
                        null,
                        unit.id(),
                        Set.of(Role.CLERK),
                        Accounts.DEMO_PASSWORD))
                .id();
        return new CurrentUser(id, username, "{noop}unused", "Văn thư", unit.id(), Set.of(Role.CLERK), true);
    }
}
