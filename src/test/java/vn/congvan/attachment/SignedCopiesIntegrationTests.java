package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.TrustAnchor;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.Role;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Issuers;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitDetails;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * ADR 0047: an issuing body with a signing key publishes its PDFs signed, visibly and verifiably; the original stays
 * as uploaded; a body without a key, or a PDF that cannot be signed, publishes as before.
 */
@CongvanIntegrationTest
class SignedCopiesIntegrationTests {

    @Autowired
    MockMvc mvc;

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
    DispatchCatalog catalog;

    @Autowired
    SignedCopies signedCopies;

    @Autowired
    PdfSignatures pdfSignatures;

    @Autowired
    JdbcTemplate jdbc;

    UnitSummary signingBoard;

    CurrentUser signingClerk;

    CurrentUser member;

    UnitSummary ward;

    @BeforeEach
    void setUp() {
        signingBoard = organization.unitByCode(TestSigningKeys.UNIT_CODE).orElseGet(this::createSigningBoard);
        signingClerk = new TestUsers(organization).clerk(signingBoard.code());
        UnitSummary committee = organization.parentOf(signingBoard).orElseThrow();
        ward = Units.ward(administration, committee, "Đảng ủy phường ký số " + Units.uniqueCode(""), null);
        member = new CurrentUser(
                4712L,
                "kyso-" + ward.code().toLowerCase(),
                "{noop}unused",
                "Ký số",
                ward.id(),
                Set.of(Role.MEMBER),
                true);
    }

    @Test
    void aPublishedPdfOfASigningBodyIsDownloadedSignedVisiblyByItsCertificateOverTheOriginalBytes() throws Exception {
        byte[] original = TestFiles.pdf(2);
        Sent sent = publish(signingClerk, Visibility.PUBLIC, original);

        byte[] downloaded = mvc.perform(get(
                        "/tai-lieu-tuyen-truyen/{id}/tep/{f}/tai-ve",
                        sent.id(),
                        sent.file().id()))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(downloaded).isNotEqualTo(original);
        // The signed revision is the upload plus an incremental update: the original's bytes (and hash) are its base.
        assertThat(Arrays.copyOf(downloaded, original.length)).isEqualTo(original);
        // A message to another system carries the copy that proves who issued it, not the upload.
        String edxml = mvc.perform(
                        get("/quan-ly/cong-van/{id}/edxml", sent.id()).with(user(signingClerk)))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(edxml).contains(java.util.Base64.getEncoder().encodeToString(downloaded));
        try (PDDocument document = Loader.loadPDF(downloaded)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertThat(signatures).hasSize(1);
            PDSignature signature = signatures.get(0);
            assertThat(signature.getSubFilter()).isEqualTo(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName());
            assertThat(signature.getName()).isEqualTo(signingBoard.name());
            int[] range = signature.getByteRange();
            // Everything but the /Contents hex string is signed, up to the last byte of the file.
            assertThat(range[0]).isZero();
            assertThat(range[2] + range[3]).isEqualTo(downloaded.length);
            assertThat(downloaded[range[1]]).isEqualTo((byte) '<');
            assertThat(downloaded[range[2] - 1]).isEqualTo((byte) '>');

            byte[] contents = signature.getContents(downloaded);
            CMSSignedData cms;
            // The container is padded with zeros to the space reserved for it: read the first object only.
            try (ASN1InputStream in = new ASN1InputStream(contents)) {
                cms = new CMSSignedData(ContentInfo.getInstance(in.readObject()));
            }
            SignerInformation signer =
                    cms.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder certificate = (X509CertificateHolder)
                    cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            assertThat(certificate.getEncoded())
                    .isEqualTo(TestSigningKeys.get().unit().certificate().getEncoded());
            assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
                    .isNotNull();

            PDPage first = document.getPage(0);
            PDAnnotationWidget widget = first.getAnnotations().stream()
                    .filter(PDAnnotationWidget.class::isInstance)
                    .map(PDAnnotationWidget.class::cast)
                    .filter(SignedCopiesIntegrationTests::isSignatureField)
                    .findFirst()
                    .orElseThrow();
            assertThat(widget.getRectangle().getWidth()).isGreaterThan(100f);
            assertThat(first.getCropBox()
                            .contains(
                                    widget.getRectangle().getLowerLeftX(),
                                    widget.getRectangle().getLowerLeftY()))
                    .isTrue();
            PDAppearanceStream appearance =
                    widget.getAppearance().getNormalAppearance().getAppearanceStream();
            try (InputStream drawn = appearance.getContents()) {
                assertThat(drawn.readAllBytes()).isNotEmpty();
            }
            assertThat(appearance.getResources().getFontNames()).isNotEmpty();
            assertThat(document.getPage(1).getAnnotations().stream().filter(PDAnnotation.class::isInstance))
                    .isEmpty();
        }

        Path file = Files.createTempFile("downloaded-", ".pdf");
        try {
            Files.write(file, downloaded);
            List<PdfSignature> verified = PdfSignatureVerifier.verify(
                    file, Set.of(new TrustAnchor(TestSigningKeys.get().ca().certificate(), null)));
            assertThat(verified).singleElement().satisfies(found -> {
                assertThat(found.verdict()).isEqualTo(SignatureVerdict.VALID);
                assertThat(found.coversWholeFile()).isTrue();
                assertThat(found.signerName()).isEqualTo("Ban Tuyên giáo ký số thử");
            });
        } finally {
            Files.delete(file);
        }
        // The portal's own badge, with the test CA as its configured anchor, says the same of the published file.
        assertThat(pdfSignatures.of(sent.file()))
                .singleElement()
                .extracting(PdfSignature::verdict)
                .isEqualTo(SignatureVerdict.VALID);

        assertThat(storedSha256(sent.file()))
                .isEqualTo(sha256(original))
                .isEqualTo(sent.file().sha256());
        assertThat(signedCopies.outcomesOf(sent.id()).get(sent.file().id()).signed())
                .isTrue();
    }

    @Test
    void theMainDocumentIsSignedOverItsSignersSignatureAndAnAppendixAtItsTopRightWithTheNotation() throws Exception {
        SealPlacementTests.Page a4 = new SealPlacementTests.Page(0, PDRectangle.A4, PDRectangle.A4);
        // DispatchDrafts.party: K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN, Nguyễn Văn Thử.
        byte[] main = SealPlacementTests.document(a4, 2, "Nguyễn Văn Thử");
        byte[] appendix = SealPlacementTests.document(a4, 1, (String) null);
        Long id = management.createDraft(
                DispatchDrafts.party(signingClerk.unitId())
                        .visibility(Visibility.PUBLIC)
                        .subject("Về việc ký số văn bản chính và phụ lục")
                        .addressees(List.of(vn.congvan.dispatch.Recipient.unit("Đơn vị nhận", ward.id())))
                        .build(),
                signingClerk);
        // The appendix is uploaded first: the kind, not the order, tells the main document.
        AttachmentView appendixFile = attachments.attach(
                new NewAttachment(id, "Phụ lục", AttachmentKind.APPENDIX, "phu-luc.pdf"),
                new ByteArrayInputStream(appendix));
        AttachmentView mainFile = attachments.attach(
                new NewAttachment(id, "Công văn", AttachmentKind.DOCUMENT, "cong-van.pdf"),
                new ByteArrayInputStream(main));
        String notation = management
                .publish(id, null, LocalDate.of(2026, 11, 30), signingClerk)
                .notation();

        byte[] signedMain = download(id, mainFile);
        byte[] signedAppendix = download(id, appendixFile);

        assertThat(Arrays.copyOf(signedMain, main.length)).isEqualTo(main);
        assertThat(Arrays.copyOf(signedAppendix, appendix.length)).isEqualTo(appendix);
        try (PDDocument document = Loader.loadPDF(signedMain)) {
            assertThat(signatureWidget(document.getPage(0))).isNull();
            PDRectangle rect = signatureWidget(document.getPage(1)).getRectangle();
            SealPlacementTests.Block block = SealPlacementTests.signerBlock(signedMain, 1);
            // The page is upright with its boxes at the origin: shown y is the page's height less the page's y.
            float height = PDRectangle.A4.getHeight();
            float middle = height - (rect.getLowerLeftY() + rect.getUpperRightY()) / 2f;
            assertThat(middle).isBetween(block.titleBottom(), block.nameTop());
            float third = block.left() + (block.right() - block.left()) / 3f;
            assertThat(rect.getUpperRightX()).isBetween(third - 2f, third + 2f);
        }
        assertThat(SealPlacementTests.appearanceText(signedMain)).contains(signingBoard.name());
        try (PDDocument document = Loader.loadPDF(signedAppendix)) {
            PDRectangle rect = signatureWidget(document.getPage(0)).getRectangle();
            assertThat(rect.getUpperRightY()).isGreaterThan(PDRectangle.A4.getHeight() - 30f);
            assertThat(rect.getUpperRightX()).isGreaterThan(PDRectangle.A4.getWidth() - 80f);
        }
        assertThat(SealPlacementTests.appearanceText(signedAppendix))
                .contains("Số, ký hiệu: " + notation)
                .doesNotContain(signingBoard.name());
        for (byte[] signed : List.of(signedMain, signedAppendix)) {
            assertVerifies(signed);
        }
    }

    @Test
    void theFileOfAPublishedCorrectionIsSignedWithTheCorrectionsOwnNotation() throws Exception {
        Sent first = publish(signingClerk, Visibility.PUBLIC, TestFiles.pdf(1));
        Long correction = management.supersede(first.id(), vn.congvan.dispatch.DispatchRelation.CORRECTS, signingClerk);
        byte[] corrected = SealPlacementTests.document(
                new SealPlacementTests.Page(0, PDRectangle.A4, PDRectangle.A4), 1, "Nguyễn Văn Thử");
        AttachmentView file = attachments.attach(
                new NewAttachment(correction, "Văn bản đính chính", AttachmentKind.DOCUMENT, "dinh-chinh.pdf"),
                new ByteArrayInputStream(corrected));
        management.publish(correction, null, LocalDate.of(2026, 11, 30), signingClerk);

        byte[] signed = download(correction, file);

        assertThat(signedCopies.outcomesOf(correction).get(file.id()).signed()).isTrue();
        assertThat(Arrays.copyOf(signed, corrected.length)).isEqualTo(corrected);
        assertThat(signed).isNotEqualTo(corrected);
        assertVerifies(signed);
        try (PDDocument document = Loader.loadPDF(signed)) {
            // Over the signer's signature, low on the page, not at the top right.
            assertThat(signatureWidget(document.getPage(0)).getRectangle().getUpperRightY())
                    .isLessThan(PDRectangle.A4.getHeight() / 2f);
        }
        // The corrected dispatch keeps its own signed copy.
        assertThat(signedCopies.outcomesOf(first.id()).get(first.file().id()).signed())
                .isTrue();
    }

    private byte[] download(Long dispatchId, AttachmentView file) throws Exception {
        return mvc.perform(get("/tai-lieu-tuyen-truyen/{id}/tep/{f}/tai-ve", dispatchId, file.id()))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private static PDAnnotationWidget signatureWidget(PDPage page) throws IOException {
        return page.getAnnotations().stream()
                .filter(PDAnnotationWidget.class::isInstance)
                .map(PDAnnotationWidget.class::cast)
                .filter(SignedCopiesIntegrationTests::isSignatureField)
                .findFirst()
                .orElse(null);
    }

    private static void assertVerifies(byte[] signed) throws Exception {
        Path file = Files.createTempFile("signed-", ".pdf");
        try {
            Files.write(file, signed);
            assertThat(PdfSignatureVerifier.verify(
                            file,
                            Set.of(new TrustAnchor(TestSigningKeys.get().ca().certificate(), null))))
                    .singleElement()
                    .satisfies(found -> {
                        assertThat(found.verdict()).isEqualTo(SignatureVerdict.VALID);
                        assertThat(found.coversWholeFile()).isTrue();
                    });
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void membersGetTheSignedCopyAndTheIssuersClerkTheOriginal() throws Exception {
        byte[] original = TestFiles.pdf(1);
        Sent sent = publish(signingClerk, Visibility.PUBLIC, original);

        byte[] open = mvc.perform(get(
                        "/tai-lieu-tuyen-truyen/{id}/tep/{f}/tai-ve",
                        sent.id(),
                        sent.file().id()))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] inbox = mvc.perform(get(
                                "/hop-thu/{id}/tep/{f}/tai-ve",
                                sent.id(),
                                sent.file().id())
                        .with(user(member)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] staff = mvc.perform(get(
                                "/quan-ly/cong-van/{id}/tep/{f}/tai-ve",
                                sent.id(),
                                sent.file().id())
                        .with(user(signingClerk)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(inbox).isEqualTo(open).isNotEqualTo(original);
        assertThat(staff).isEqualTo(original);
        assertThat(mvc.perform(get("/quan-ly/cong-van/{id}", sent.id()).with(user(signingClerk)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Bản công bố đã được ký số của cơ quan lúc");
    }

    @Test
    void theApiListsTheDigestAndSizeOfTheSignedCopyItServes() throws Exception {
        byte[] original = TestFiles.pdf(1);
        Sent sent = publish(signingClerk, Visibility.PUBLIC, original);

        String detail = mvc.perform(get("/api/v1/dispatches/{id}", sent.id()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        byte[] downloaded = mvc.perform(get(
                        "/api/v1/dispatches/{id}/files/{f}",
                        sent.id(),
                        sent.file().id()))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(downloaded).isNotEqualTo(original);
        // A client checks what it downloaded against the digest the API gave it.
        assertThat(detail)
                .contains("\"sha256\":\"" + sha256(downloaded) + "\"")
                .contains("\"size\":" + downloaded.length + ",");
    }

    @Test
    void aRestrictedPdfOfASigningBodyIsStampedOverItsSignedCopy() throws Exception {
        byte[] original = TestFiles.pdf(1);
        Sent sent = publish(signingClerk, Visibility.RESTRICTED, original);

        byte[] stamped = mvc.perform(get(
                                "/hop-thu/{id}/tep/{f}/tai-ve",
                                sent.id(),
                                sent.file().id())
                        .with(user(member)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(stamped)) {
            assertThat(document.getSignatureDictionaries()).hasSize(1);
            assertThat(document.getDocumentInformation().getCustomMetadataValue("CongvanCopyId"))
                    .isNotNull();
        }
        assertThat(Arrays.copyOf(stamped, original.length)).isEqualTo(original);
    }

    @Test
    void aBodyWithoutACertificatePublishesItsPdfAsUploaded() throws Exception {
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Không ký số");
        CurrentUser clerk = new TestUsers(organization).clerk(issuer.board().code());
        byte[] original = TestFiles.pdf(1);
        Sent sent = publish(clerk, Visibility.PUBLIC, original);

        byte[] open = mvc.perform(get(
                        "/tai-lieu-tuyen-truyen/{id}/tep/{f}/tai-ve",
                        sent.id(),
                        sent.file().id()))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(open).isEqualTo(original);
        assertThat(signedCopies.outcomesOf(sent.id())).isEmpty();
    }

    @Test
    void anEncryptedPdfIsPublishedUnsignedAndTheClerksSeeWhy() throws Exception {
        Sent sent = publishWithStoredBytes(TestFiles.encryptedPdf());

        assertThat(catalog.publicDispatch(sent.id())).isPresent();
        SignedCopies.SigningOutcome outcome =
                signedCopies.outcomesOf(sent.id()).get(sent.file().id());
        assertThat(outcome.signed()).isFalse();
        assertThat(outcome.reason()).contains("encrypted");
        assertThat(mvc.perform(get("/quan-ly/cong-van/{id}", sent.id()).with(user(signingClerk)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Bản công bố chưa được ký số");
    }

    @Test
    void aBrokenPdfIsPublishedUnsignedWithoutFailingThePublication() throws Exception {
        Sent sent = publishWithStoredBytes(TestFiles.corruptPdf());

        SignedCopies.SigningOutcome outcome =
                signedCopies.outcomesOf(sent.id()).get(sent.file().id());
        assertThat(outcome.signed()).isFalse();
        assertThat(outcome.reason()).isNotBlank();
        assertThat(mvc.perform(get("/tai-lieu-tuyen-truyen/{id}", sent.id()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    /**
     * A file that was a valid PDF at upload (the upload checks refuse encrypted and broken ones, ADR 0010) and is
     * something else in storage by the time it is published.
     */
    private Sent publishWithStoredBytes(byte[] stored) throws IOException {
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(signingClerk.unitId(), Visibility.PUBLIC, "Về việc tệp hỏng", ward.id()),
                signingClerk);
        AttachmentView file = attachments.attach(
                new NewAttachment(id, "Tài liệu", AttachmentKind.APPENDIX, "tai-lieu.pdf"),
                new ByteArrayInputStream(TestFiles.pdf(1)));
        String key = jdbc.queryForObject("select storage_key from attachment where id = ?", String.class, file.id());
        try (OutputStream out = Files.newOutputStream(storage.localFile(key).orElseThrow())) {
            out.write(stored);
        }
        management.publish(id, null, LocalDate.of(2026, 11, 30), signingClerk);
        return new Sent(id, file);
    }

    private Sent publish(CurrentUser clerk, Visibility visibility, byte[] bytes) throws IOException {
        Long id = management.createDraft(
                DispatchDrafts.partyDispatch(clerk.unitId(), visibility, "Về việc ký số khi ban hành", ward.id()),
                clerk);
        AttachmentView file = attachments.attach(
                new NewAttachment(id, "Tài liệu", AttachmentKind.APPENDIX, "tai-lieu-ky-so.pdf"),
                new ByteArrayInputStream(bytes));
        management.publish(id, null, LocalDate.of(2026, 11, 30), clerk);
        return new Sent(id, file);
    }

    private UnitSummary createSigningBoard() {
        UnitSummary committee = administration.createUnit(
                null,
                UnitKind.PARTY_COMMITTEE,
                Units.uniqueCode("QU"),
                new UnitDetails("Quận ủy Ký Số", "Quận ủy Ký Số", "QU", "Ký Số"),
                null);
        management.registerPartyTerm(committee.id(), "2020-2025", LocalDate.of(2020, 10, 1), null);
        return administration.createUnit(
                committee.id(),
                UnitKind.PARTY_BOARD,
                TestSigningKeys.UNIT_CODE,
                new UnitDetails("Ban Tuyên giáo Quận ủy Ký Số", "Ban Tuyên giáo", "BTGQU", "Ký Số"),
                null);
    }

    private static boolean isSignatureField(PDAnnotationWidget widget) {
        COSDictionary field = widget.getCOSObject().containsKey(COSName.FT)
                ? widget.getCOSObject()
                : widget.getCOSObject().getCOSDictionary(COSName.PARENT);
        return field != null && COSName.SIG.equals(field.getCOSName(COSName.FT));
    }

    private String storedSha256(AttachmentView file) throws Exception {
        String key = jdbc.queryForObject("select storage_key from attachment where id = ?", String.class, file.id());
        try (InputStream in = storage.open(key)) {
            return sha256(in.readAllBytes());
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    record Sent(Long id, AttachmentView file) {}
}
