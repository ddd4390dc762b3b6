package vn.congvan.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Urgency;
import vn.congvan.incoming.IncomingEntry;
import vn.congvan.incoming.IncomingRegister;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.UnitSummary;
import vn.congvan.system.Times;

/**
 * A dispatch with two files (one a PDF that carries every byte value) leaves as edXML and enters the register of a
 * unit of another system: every field and every byte arrives. Each test makes its own issuer, recipient and importer.
 */
@CongvanIntegrationTest
class EdxmlIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DispatchManagement management;

    @Autowired
    Attachments attachments;

    @Autowired
    IncomingRegister register;

    @Autowired
    EdxmlExchange exchange;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcTemplate jdbc;

    Issuers.Issuer issuer;

    CurrentUser issuingClerk;

    UnitSummary receiver;

    CurrentUser receivingClerk;

    UnitSummary importer;

    CurrentUser importingClerk;

    @BeforeEach
    void setUp() {
        issuer = Issuers.partyBoard(administration, management, "Thử edXML gửi");
        issuingClerk = clerkAccount(issuer.board());
        receiver =
                Issuers.partyBoard(administration, management, "Thử edXML nhận").board();
        receivingClerk = clerkAccount(receiver);
        importer = Issuers.partyBoard(administration, management, "Thử edXML hệ thống khác")
                .board();
        importingClerk = clerkAccount(importer);
    }

    @Test
    void aDispatchExportedAndImportedElsewhereKeepsEveryFieldAndEveryByte() throws Exception {
        byte[] everyByte = pdfWithEveryByteValue();
        byte[] docx = TestFiles.docx();
        LocalDate due = LocalDate.now(Times.VIETNAM).plusDays(20);
        Long draft = management.createDraft(
                DispatchDrafts.party(issuer.board().id())
                        .subject("Về việc liên thông văn bản điện tử")
                        .urgency(Urgency.FLASH)
                        .reportDueOn(due)
                        .addressees(Recipient.unit("Ban Tuyên giáo nhận", receiver.id()))
                        .build(),
                issuingClerk);
        AttachmentView main = attachments.attach(
                new NewAttachment(draft, "Bản chính có chữ ký", AttachmentKind.DOCUMENT, "Công văn 256.pdf"),
                new ByteArrayInputStream(everyByte));
        AttachmentView appendix = attachments.attach(
                new NewAttachment(draft, "Phụ lục số liệu", AttachmentKind.APPENDIX, "Phụ lục.docx"),
                new ByteArrayInputStream(docx));
        byte[] briefingPdf = TestFiles.pdf(1);
        AttachmentView briefing = attachments.attach(
                new NewAttachment(draft, "Kết quả hội nghị", AttachmentKind.BRIEFING, "Thông báo nhanh.pdf"),
                new ByteArrayInputStream(briefingPdf));
        DispatchReference sent = management.publish(draft, null, LocalDate.now(Times.VIETNAM), issuingClerk);

        byte[] xml = mvc.perform(get("/quan-ly/cong-van/{id}/edxml", sent.id()).with(user(issuingClerk)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/xml"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".edxml")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        EdxmlMessage message = exchange.read(new ByteArrayInputStream(xml));
        assertThat(message.from().organId()).isEqualTo(issuer.board().code());
        assertThat(message.from().organName()).isEqualTo("Ban Tuyên giáo Quận ủy Thử edXML gửi");
        assertThat(message.to()).extracting(EdxmlMessage.Organ::organId).containsExactly(receiver.code());
        assertThat(message.fullNotation()).isEqualTo(sent.notation());
        assertThat(message.codeNotation()).isEqualTo("CV/BTGQU");
        assertThat(message.promulgationDate()).isEqualTo(LocalDate.now(Times.VIETNAM));
        assertThat(message.documentType()).isEqualTo(EdxmlExchange.ADMINISTRATIVE);
        assertThat(message.documentTypeName()).isEqualTo("Công văn");
        assertThat(message.subject()).isEqualTo("Về việc liên thông văn bản điện tử");
        assertThat(message.content()).isEqualTo("Đề nghị các đơn vị triển khai.\n\nTrân trọng.");
        assertThat(message.signer())
                .isEqualTo(new EdxmlMessage.SignerInfo("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Thử"));
        assertThat(message.priority()).isEqualTo(3);
        assertThat(message.dueDate()).isEqualTo(due);
        assertThat(message.toPlaces()).containsExactly("Như trên", "Lưu Ban Tuyên giáo Quận ủy");
        assertThat(message.attachments())
                .extracting(EdxmlMessage.Attachment::attachmentName, EdxmlMessage.Attachment::description)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Công văn 256.pdf", "Bản chính có chữ ký"),
                        // QCVN 102 has no field for what a file is: its Description says it.
                        org.assertj.core.groups.Tuple.tuple("Phụ lục.docx", "Phụ lục: Phụ lục số liệu"),
                        org.assertj.core.groups.Tuple.tuple(
                                "Thông báo nhanh.pdf", "Thông báo nhanh: Kết quả hội nghị"));

        String location = mvc.perform(multipart("/quan-ly/van-ban-den/edxml")
                        .file(new MockMultipartFile("file", "cong-van.edxml", "application/xml", xml))
                        .with(user(importingClerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        Long entryId = Long.valueOf(location.substring(location.lastIndexOf('/') + 1));

        IncomingEntry entry = register.entry(entryId, importingClerk).orElseThrow();
        assertThat(entry.unitId()).isEqualTo(importer.id());
        assertThat(entry.senderName()).isEqualTo(message.from().organName());
        assertThat(entry.notation()).isEqualTo(sent.notation());
        assertThat(entry.issuedOn()).isEqualTo(message.promulgationDate());
        assertThat(entry.typeCode()).isEqualTo("CV");
        assertThat(entry.subject()).isEqualTo(message.subject());
        assertThat(entry.dueOn()).isEqualTo(due);
        assertThat(entry.registeredBy()).isEqualTo(importingClerk.getUsername());
        assertThat(entry.signerLine()).isEqualTo("K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN / Nguyễn Văn Thử");
        assertThat(exchange.received(entryId, importingClerk))
                .contains(new EdxmlMessage(
                        new EdxmlMessage.Organ(
                                message.from().organId(), message.from().organName(), null, null),
                        List.of(),
                        message.codeNumber(),
                        message.codeNotation(),
                        message.place(),
                        message.promulgationDate(),
                        message.documentType(),
                        message.documentTypeName(),
                        message.subject(),
                        message.content(),
                        message.signer(),
                        message.priority(),
                        message.dueDate(),
                        message.toPlaces(),
                        List.of()));

        List<AttachmentView> received = attachments.ofIncomingEntry(entryId);
        assertThat(received)
                .extracting(
                        AttachmentView::originalFilename,
                        AttachmentView::title,
                        AttachmentView::kind,
                        AttachmentView::sha256)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Công văn 256.pdf", "Bản chính có chữ ký", AttachmentKind.DOCUMENT, main.sha256()),
                        org.assertj.core.groups.Tuple.tuple(
                                "Phụ lục.docx", "Phụ lục số liệu", AttachmentKind.APPENDIX, appendix.sha256()),
                        org.assertj.core.groups.Tuple.tuple(
                                "Thông báo nhanh.pdf", "Kết quả hội nghị", AttachmentKind.BRIEFING, briefing.sha256()));
        assertThat(sha256(received.get(0))).isEqualTo(sha256(everyByte)).isEqualTo(main.sha256());
        assertThat(sha256(received.get(1))).isEqualTo(sha256(docx)).isEqualTo(appendix.sha256());
        assertThat(sha256(received.get(2))).isEqualTo(sha256(briefingPdf)).isEqualTo(briefing.sha256());

        // The importer answers the sender: accepted (03), about the document it registered.
        byte[] statusXml = mvc.perform(get("/quan-ly/van-ban-den/{id}/edxml-trang-thai", entryId)
                        .param("ma", "03")
                        .with(user(importingClerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        EdxmlStatus answer = exchange.readStatus(new ByteArrayInputStream(statusXml));
        assertThat(answer.statusCode()).isEqualTo(EdxmlStatusCode.ACCEPTED);
        assertThat(answer.description()).isEqualTo("Đã tiếp nhận");
        assertThat(answer.responseForOrganId()).isEqualTo(issuer.board().code());
        assertThat(answer.responseForCode()).isEqualTo(sent.notation());
        assertThat(answer.responseForPromulgationDate()).isEqualTo(message.promulgationDate());
        assertThat(answer.responseForDocumentId())
                .isEqualTo(issuer.board().code() + ","
                        + message.promulgationDate().format(EdxmlWriter.DATE) + "," + sent.notation());
        assertThat(answer.from().organId()).isEqualTo(importer.code());
        assertThat(answer.staffName()).isEqualTo(importingClerk.displayName());
    }

    @Test
    void theReceivingClerkTakesTheReceivedDispatchAsEdxmlAndAnswersWithAStatus() throws Exception {
        DispatchReference sent = management.publish(
                management.createDraft(
                        DispatchDrafts.party(issuer.board().id())
                                .subject("Về việc trả lời trạng thái")
                                .addressees(Recipient.unit("Ban Tuyên giáo nhận", receiver.id()))
                                .build(),
                        issuingClerk),
                null,
                LocalDate.now(Times.VIETNAM),
                issuingClerk);
        Long entryId = jdbc.queryForObject(
                "select id from incoming_entry where unit_id = ? and dispatch_id = ?",
                Long.class,
                receiver.id(),
                sent.id());

        byte[] xml = mvc.perform(get("/quan-ly/van-ban-den/{id}/edxml", entryId).with(user(receivingClerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(exchange.read(new ByteArrayInputStream(xml)).fullNotation()).isEqualTo(sent.notation());

        byte[] statusXml = mvc.perform(get("/quan-ly/van-ban-den/{id}/edxml-trang-thai", entryId)
                        .param("ma", "5")
                        .param("moTa", "Chuyên viên đang giải quyết")
                        .with(user(receivingClerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        EdxmlStatus answer = exchange.readStatus(new ByteArrayInputStream(statusXml));
        assertThat(answer.statusCode()).isEqualTo(EdxmlStatusCode.PROCESSING);
        assertThat(answer.description()).isEqualTo("Chuyên viên đang giải quyết");
        assertThat(answer.responseForOrganId()).isEqualTo(issuer.board().code());
        assertThat(answer.from().organId()).isEqualTo(receiver.code());

        mvc.perform(get("/quan-ly/van-ban-den/{id}/edxml-trang-thai", entryId)
                        .param("ma", "99")
                        .with(user(receivingClerk)))
                .andExpect(status().isBadRequest());
        // Another unit's clerk finds neither the dispatch nor the entry.
        mvc.perform(get("/quan-ly/cong-van/{id}/edxml", sent.id()).with(user(receivingClerk)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/quan-ly/van-ban-den/{id}/edxml", entryId).with(user(importingClerk)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aHostileOrMalformedMessageIsRefusedWithAReasonAndRegistersNothing() throws Exception {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<edXML><MessageHeader><Subject>&b;</Subject></MessageHeader></edXML>";

        mvc.perform(multipart("/quan-ly/van-ban-den/edxml")
                        .file(new MockMultipartFile("file", "cuoi.edxml", "application/xml", laughs.getBytes()))
                        .with(user(importingClerk))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("không được chứa khai báo DTD")));
        mvc.perform(multipart("/quan-ly/van-ban-den/edxml")
                        .file(new MockMultipartFile("file", "hong.edxml", "application/xml", "<edXML><Mess".getBytes()))
                        .with(user(importingClerk))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("XML sai cấu trúc")));

        assertThat(jdbc.queryForObject(
                        "select count(*) from incoming_entry where unit_id = ?", Long.class, importer.id()))
                .isZero();
    }

    @Test
    void aMessageUploadedAgainIsNotRegisteredTwice() throws Exception {
        Long draft = management.createDraft(
                DispatchDrafts.party(issuer.board().id())
                        .subject("Về việc gửi lại gói tin")
                        .addressees(Recipient.unit("Ban Tuyên giáo nhận", receiver.id()))
                        .build(),
                issuingClerk);
        DispatchReference sent = management.publish(draft, null, LocalDate.now(Times.VIETNAM), issuingClerk);
        byte[] xml = mvc.perform(get("/quan-ly/cong-van/{id}/edxml", sent.id()).with(user(issuingClerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        mvc.perform(multipart("/quan-ly/van-ban-den/edxml")
                        .file(new MockMultipartFile("file", "goi-tin.edxml", "application/xml", xml))
                        .with(user(importingClerk))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/quan-ly/van-ban-den/edxml")
                        .file(new MockMultipartFile("file", "goi-tin (1).edxml", "application/xml", xml))
                        .with(user(importingClerk))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "Gói tin này đã được vào sổ văn bản đến (số đến 1/")));

        assertThat(jdbc.queryForObject(
                        "select count(*) from incoming_entry where unit_id = ?", Long.class, importer.id()))
                .isEqualTo(1L);
    }

    private String sha256(AttachmentView file) throws IOException {
        try (InputStream in = attachments.open(file.id())) {
            return sha256(in.readAllBytes());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A whole PDF one of whose streams holds the bytes 0 to 255, unfiltered, so the file carries every value. */
    private static byte[] pdfWithEveryByteValue() throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream raw = stream.createRawOutputStream()) {
                for (int value = 0; value < 256; value++) {
                    raw.write(value);
                }
            }
            document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("CongvanEveryByte"), stream);
            document.save(out);
            byte[] pdf = out.toByteArray();
            Set<Integer> values = new java.util.HashSet<>();
            for (byte b : pdf) {
                values.add(b & 0xff);
            }
            assertThat(values).containsAll(IntStream.range(0, 256).boxed().toList());
            return pdf;
        }
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
