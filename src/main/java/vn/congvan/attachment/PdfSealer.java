package vn.congvan.attachment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;
import vn.congvan.attachment.SigningKeys.SealImage;
import vn.congvan.attachment.SigningKeys.SigningKey;

/**
 * Signs a PDF in the name of its issuing body (ADR 0047): a PAdES signature ({@code ETSI.CAdES.detached}, CMS with the
 * ESS signing-certificate-v2 attribute) with a visible appearance on the first page as NĐ 30/2020 Phụ lục I draws an
 * organisation's digital signature: red, about the size of a seal, naming the body and the signing time. Written as an
 * incremental update, so the file as uploaded is the signed revision's prefix, byte for byte.
 */
@Component
class PdfSealer {

    /** NĐ 30: the organisation's signature image is red, like its seal. */
    private static final float[] RED = {0.86f, 0f, 0f};

    /** About a seal's size across (a 35-40 mm seal) and a third of that high: room for the name and the time. */
    private static final float WIDTH = 180f;

    private static final float HEIGHT = 50f;

    /** Inside NĐ 30's top margin (20-25 mm) and right margin (15-20 mm), clear of the text. */
    private static final float TOP = 6f;

    private static final float RIGHT = 42f;

    /** Over a signer's block the frame (no seal picture) is narrower: it must not reach far into the left column. */
    private static final float SIGNER_WIDTH = 150f;

    /** Room under a seal's picture for the organisation's name and the time: five lines. */
    private static final float CAPTION = 5 * 8.4f + 2 * 4f;

    /** A box is kept this far inside the page shown. */
    private static final float EDGE = 2f;

    private static final float FONT_SIZE = 7f;

    private static final float LEADING = 8.4f;

    private static final float PADDING = 4f;

    /** Room for the CMS container: a chain of three RSA-4096 certificates fits. */
    private static final int SIGNATURE_SIZE = 24_000;

    /** NĐ 30 Phụ lục I writes the signing time as dd.MM.yyyy HH:mm:ss with the offset of Vietnam's zone. */
    static final DateTimeFormatter SIGNING_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss xxx");

    private static final String FONT = "/fonts/LiberationSerif-Regular.ttf";

    private final byte[] font;

    PdfSealer() throws IOException {
        try (InputStream in = PdfSealer.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IOException("Font " + FONT + " is missing from the classpath");
            }
            this.font = in.readAllBytes();
        }
    }

    /**
     * Writes the signed copy of {@code source} to {@code target} with the organisation's box at the top right of the
     * first page naming the organisation; throws {@link NotSignable} for a PDF that cannot be signed.
     */
    void sign(Path source, Path target, SigningKey key, String organization, ZonedDateTime at) throws IOException {
        sign(source, target, key, new Seal(organization, null, null), at);
    }

    /**
     * Writes the signed copy of {@code source} to {@code target}, its visible signature placed as NĐ 30 places an
     * organisation's (ADR 0053): over the signer's signature on a main document whose signer's block is found, else at
     * the top right of the first page; throws {@link NotSignable} for a PDF that cannot be signed (encrypted,
     * unreadable), which is published as it is. Answers where the signature was put.
     */
    Placement sign(Path source, Path target, SigningKey key, Seal seal, ZonedDateTime at) throws IOException {
        String organization = seal.organization();
        java.security.cert.X509Certificate certificate = key.certificate();
        if (at.toInstant().isBefore(certificate.getNotBefore().toInstant())
                || at.toInstant().isAfter(certificate.getNotAfter().toInstant())) {
            // Every reader would see the signature as made with an expired (or not yet valid) certificate: the copy
            // would prove less than the unsigned original, so it is published unsigned and the clerks told why.
            throw new NotSignable("the signing certificate of " + key.unitCode() + " is valid only from "
                    + certificate.getNotBefore().toInstant() + " to "
                    + certificate.getNotAfter().toInstant());
        }
        try (PDDocument document = Loader.loadPDF(source.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            if (document.isEncrypted()) {
                // Signing it would mean removing or redoing its protection: not the portal's to decide.
                throw new NotSignable("the PDF is encrypted");
            }
            if (document.getNumberOfPages() == 0) {
                throw new NotSignable("the PDF has no page");
            }
            if (certifiedAgainstAnyChange(document)) {
                // Its author's certification (DocMDP P=1) allows no change at all, a signature included: signing
                // would make every reader show the author's signature as broken.
                throw new NotSignable("the PDF is certified against any change by its author");
            }
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(organization);
            GregorianCalendar when = GregorianCalendar.from(at);
            when.setTimeZone(TimeZone.getTimeZone(at.getZone()));
            signature.setSignDate(when);
            Optional<SignerBlocks.Spot> block = seal.signer() == null ? Optional.empty() : signerBlock(document, seal);
            Box box = block.map(spot -> overSigner(document.getPage(spot.page()), spot, key.seal()))
                    .orElseGet(() -> topRight(document.getPage(0)));
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SIGNATURE_SIZE);
                options.setPage(box.page());
                options.setVisualSignature(appearance(document, box, seal, key.seal(), at));
                document.addSignature(signature, content -> cms(content, key), options);
                try (OutputStream out = Files.newOutputStream(target)) {
                    document.saveIncremental(out);
                }
            }
            return block.isPresent() ? Placement.OVER_SIGNER : Placement.TOP_RIGHT;
        } catch (InvalidPasswordException ex) {
            throw new NotSignable("the PDF is encrypted");
        } catch (NotSignable ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            // Uploads are inspected (ADR 0010): this is a file PDFBox reads but cannot sign, or one broken in storage.
            throw new NotSignable("the PDF could not be read or signed: " + ex.getMessage(), ex);
        } catch (StackOverflowError ex) {
            // A structure nested without end (a page tree or an object chain) overflows PDFBox's recursion: the file
            // is recorded as not signable rather than failing the listener again after every restart.
            throw new NotSignable("the PDF is nested too deeply to be signed", ex);
        }
    }

    /**
     * The signer's block, or empty when its text cannot be read: a page whose text PDFBox cannot lay out can still be
     * signed, at the top right.
     */
    private static Optional<SignerBlocks.Spot> signerBlock(PDDocument document, Seal seal) {
        try {
            return SignerBlocks.find(document, seal.signer());
        } catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    /** Whether the document's certification signature (its DocMDP transform) forbids every change, P=1. */
    private static boolean certifiedAgainstAnyChange(PDDocument document) {
        COSDictionary permissions = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
        COSDictionary certification = permissions == null ? null : permissions.getCOSDictionary(COSName.DOCMDP);
        COSArray references = certification == null ? null : certification.getCOSArray(COSName.getPDFName("Reference"));
        if (references == null) {
            return false;
        }
        for (int i = 0; i < references.size(); i++) {
            if (references.getObject(i) instanceof COSDictionary reference
                    && COSName.DOCMDP.equals(reference.getCOSName(COSName.getPDFName("TransformMethod")))) {
                COSDictionary parameters = reference.getCOSDictionary(COSName.getPDFName("TransformParams"));
                // Absent, P is 2 (ISO 32000-1, 12.8.2.2): form filling and signing allowed.
                if (parameters != null && parameters.getInt(COSName.P, 2) == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The top right of the first page as shown, inside NĐ 30's top and right margins: where NĐ 30 puts the
     * organisation's signature on an attached document, and where it goes when no signer's block is found.
     */
    private static Box topRight(PDPage page) {
        Shown shown = Shown.of(page);
        return shown.clamp(0, shown.width() - RIGHT - WIDTH, TOP, WIDTH, HEIGHT, false);
    }

    /**
     * Over the signer's signing space, as NĐ 30 puts the seal: covering about the left third of the signer's
     * signature, centred on the space's height. The seal's picture at its own size when the unit has one, else the
     * red frame with the organisation's name and the time.
     */
    private static Box overSigner(PDPage page, SignerBlocks.Spot spot, SealImage image) {
        float width = image == null ? SIGNER_WIDTH : image.width();
        float height = image == null ? HEIGHT : image.height() + CAPTION;
        float right = spot.left() + spot.width() / 3f;
        float middle = spot.top() + spot.height() / 2f;
        return Shown.of(page).clamp(spot.page(), right - width, middle - height / 2f, width, height, true);
    }

    /**
     * A one-page document holding the signature field and its appearance, the form PDFBox merges into the signed
     * revision (as its CreateVisibleSignature2 example does): the widget's appearance is drawn here, with a font that
     * has every Vietnamese letter, turned against the page's rotation so that it reads upright.
     */
    private InputStream appearance(PDDocument document, Box box, Seal seal, SealImage image, ZonedDateTime at)
            throws IOException {
        PDPage target = document.getPage(box.page());
        try (PDDocument template = new PDDocument()) {
            PDPage page = new PDPage(target.getMediaBox());
            template.addPage(page);
            PDAcroForm form = new PDAcroForm(template);
            template.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            widget.setRectangle(box.onPage());
            widget.setPrinted(true);

            PDFormXObject xobject = new PDFormXObject(new PDStream(template));
            xobject.setResources(new PDResources());
            xobject.setFormType(1);
            xobject.setBBox(new PDRectangle(box.width(), box.height()));
            xobject.setMatrix(box.turn());
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(xobject.getCOSObject());
            appearance.setNormalAppearance(stream);
            widget.setAppearance(appearance);

            PDType0Font type = PDType0Font.load(template, new ByteArrayInputStream(font), true);
            boolean overSigner = box.overSigner();
            boolean withImage = overSigner && image != null;
            try (PDPageContentStream content = new PDPageContentStream(template, stream)) {
                content.setStrokingColor(RED[0], RED[1], RED[2]);
                content.setNonStrokingColor(RED[0], RED[1], RED[2]);
                float textHeight = box.height();
                if (withImage) {
                    PDImageXObject picture = image.draw(template);
                    content.drawImage(picture, 0, CAPTION, image.width(), image.height());
                    textHeight = CAPTION;
                } else {
                    content.setLineWidth(1f);
                    content.addRect(0.5f, 0.5f, box.width() - 1f, box.height() - 1f);
                    content.stroke();
                }
                content.beginText();
                content.setFont(type, FONT_SIZE);
                content.setLeading(LEADING);
                content.newLineAtOffset(PADDING, textHeight - PADDING - FONT_SIZE);
                for (String line : lines(type, box.width(), textHeight, caption(seal, overSigner), at)) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            template.save(out);
            return new ByteArrayInputStream(out.toByteArray());
        }
    }

    /**
     * What the box says before the time: over the signer's signature, the organisation (NĐ 30: "tên cơ quan, tổ
     * chức"); at the top right of an attached document, the number and notation of the dispatch it goes with.
     */
    private static String caption(Seal seal, boolean overSigner) {
        if (overSigner || seal.notation() == null || seal.notation().isBlank()) {
            return "Cơ quan, tổ chức: " + seal.organization();
        }
        return "Số, ký hiệu: " + seal.notation();
    }

    /** The caption wrapped to the box, then "Thời gian ký: ...", as many lines as the box holds. */
    private static List<String> lines(
            PDType0Font font, float boxWidth, float boxHeight, String caption, ZonedDateTime at) throws IOException {
        float width = boxWidth - 2 * PADDING;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : PdfWatermark.printable(font, caption).split("\\s+")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(longer) / 1000f * FONT_SIZE > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(longer);
            }
        }
        lines.add(line.toString());
        // Under a seal's picture the box is narrow: the time goes on a line of its own when it does not fit.
        String time = "Thời gian ký: " + SIGNING_TIME.format(at);
        List<String> times = font.getStringWidth(time) / 1000f * FONT_SIZE > width
                ? List.of("Thời gian ký:", SIGNING_TIME.format(at))
                : List.of(time);
        int room = Math.max(times.size(), (int) ((boxHeight - 2 * PADDING) / LEADING + 0.01f));
        List<String> shown = new ArrayList<>(lines.subList(0, Math.min(lines.size(), room - times.size())));
        shown.addAll(times);
        return shown;
    }

    /**
     * What a signed copy's visible signature says and where it may go.
     *
     * @param organization the issuing body, named in the signature and over a signer's signature
     * @param notation the dispatch's number and notation, shown on attached documents; null to name the body instead
     * @param signer for the dispatch's main document, what is known of its signer to find the signer's block; null
     *     for an attached document, signed at the top right of its first page
     */
    record Seal(String organization, String notation, SignerBlocks.SignerHints signer) {}

    /** Where a signed copy's visible signature was put. */
    enum Placement {
        /** Over the left third of the signer's signature (a main document whose signer's block was found). */
        OVER_SIGNER,
        /** At the top right of the first page (an attached document, or no signer's block found). */
        TOP_RIGHT
    }

    /**
     * The page as a reader shows it: its crop box (clipped to the media box) turned by its /Rotate. Boxes are laid
     * out here, upright, with the origin at the top left and y downwards, then mapped back to the page's own space.
     */
    private record Shown(PDRectangle crop, int rotation) {

        static Shown of(PDPage page) {
            PDRectangle crop = page.getCropBox();
            int rotation = ((page.getRotation() % 360) + 360) % 360;
            return new Shown(crop, rotation - rotation % 90);
        }

        float width() {
            return rotation % 180 == 0 ? crop.getWidth() : crop.getHeight();
        }

        float height() {
            return rotation % 180 == 0 ? crop.getHeight() : crop.getWidth();
        }

        /** The box moved inside the page shown, with a small margin, and mapped back to the page's space. */
        Box clamp(int page, float left, float top, float boxWidth, float boxHeight, boolean overSigner) {
            float x = Math.max(EDGE, Math.min(left, width() - boxWidth - EDGE));
            float y = Math.max(EDGE, Math.min(top, height() - boxHeight - EDGE));
            float llx = crop.getLowerLeftX();
            float lly = crop.getLowerLeftY();
            float w = crop.getWidth();
            float h = crop.getHeight();
            PDRectangle onPage = switch (rotation) {
                // Turned a quarter clockwise: the page's left edge is shown at the top, its bottom at the left.
                case 90 -> new PDRectangle(llx + y, lly + x, boxHeight, boxWidth);
                case 180 -> new PDRectangle(llx + w - x - boxWidth, lly + y, boxWidth, boxHeight);
                case 270 -> new PDRectangle(llx + w - y - boxHeight, lly + h - x - boxWidth, boxHeight, boxWidth);
                default -> new PDRectangle(llx + x, lly + h - y - boxHeight, boxWidth, boxHeight);
            };
            return new Box(page, onPage, boxWidth, boxHeight, rotation, overSigner);
        }
    }

    /**
     * A box for the visible signature: its rectangle in the page's own space, its size as shown, and the page's
     * rotation (the appearance is turned back by it).
     */
    private record Box(int page, PDRectangle onPage, float width, float height, int rotation, boolean overSigner) {

        /** The appearance's matrix: turned against the page so that it reads upright (ISO 32000-1, 12.5.5). */
        java.awt.geom.AffineTransform turn() {
            return java.awt.geom.AffineTransform.getQuadrantRotateInstance(rotation / 90);
        }
    }

    /** The CMS container over the signed ranges: detached, with the signing-certificate-v2 attribute of PAdES. */
    private static byte[] cms(InputStream content, SigningKey key) throws IOException {
        try {
            X509Certificate certificate = key.certificate();
            String algorithm = "EC".equals(key.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(key.privateKey());
            ESSCertIDv2 id = new ESSCertIDv2(
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()),
                    new IssuerSerial(
                            new GeneralNames(new GeneralName(X500Name.getInstance(
                                    certificate.getIssuerX500Principal().getEncoded()))),
                            certificate.getSerialNumber()));
            AttributeTable signed = new AttributeTable(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
            DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(signed);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            // PAdES takes the time from the signature dictionary's /M: the CMS signingTime is left out.
                            .setSignedAttributeGenerator(parameters ->
                                    standard.getAttributes(parameters).remove(CMSAttributes.signingTime))
                            .build(signer, certificate));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(streamed(content), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException ex) {
            throw new IOException("Could not make the CMS signature", ex);
        }
    }

    /** The signed ranges read once, as the digest is computed: a large file never sits in the heap. */
    private static CMSTypedData streamed(InputStream content) {
        return new CMSTypedData() {
            @Override
            public ASN1ObjectIdentifier getContentType() {
                return CMSObjectIdentifiers.data;
            }

            @Override
            public void write(OutputStream out) throws IOException {
                content.transferTo(out);
            }

            @Override
            public Object getContent() {
                return content;
            }
        };
    }

    /** A PDF that cannot be signed: it is published as uploaded, and staff see why. */
    static final class NotSignable extends IOException {

        NotSignable(String reason) {
            super(reason);
        }

        NotSignable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
