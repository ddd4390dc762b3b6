package vn.congvan.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Certificate authorities made at test time, and PDFs signed with their certificates through PDFBox's signing API, as
 * a government CA and a signing clerk would make them (ADR 0040).
 */
public final class TestSignatures {

    private static final AtomicLong SERIALS = new AtomicLong(1000);

    private TestSignatures() {}

    /** A key and its certificate, with the chain above it (the root last). */
    public record Credential(KeyPair keys, X509Certificate certificate, List<X509Certificate> chain) {

        public Credential {
            chain = List.copyOf(chain);
        }
    }

    public static Credential rootCa(String name) {
        KeyPair keys = keys();
        X500Name subject = new X500Name("CN=" + name + ",O=Thử nghiệm,C=VN");
        Instant now = Instant.now();
        X509Certificate certificate = issue(
                subject, keys, subject, keys, now.minus(Duration.ofDays(3650)), now.plus(Duration.ofDays(3650)), true);
        return new Credential(keys, certificate, List.of(certificate));
    }

    /** A signing certificate issued by the CA, valid from notBefore to notAfter. */
    public static Credential signer(
            Credential ca, String commonName, String organization, Instant notBefore, Instant notAfter) {
        KeyPair keys = keys();
        X500Name subject = new X500Name("CN=" + commonName + ",O=" + organization + ",C=VN");
        X509Certificate certificate = issue(
                subject,
                keys,
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                ca.keys(),
                notBefore,
                notAfter,
                false);
        return new Credential(keys, certificate, List.of(certificate, ca.certificate()));
    }

    /** A signing certificate valid from a year ago to a year ahead. */
    public static Credential signer(Credential ca, String commonName, String organization) {
        Instant now = Instant.now();
        return signer(ca, commonName, organization, now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(365)));
    }

    /** The same PDF with one more signature, added as an incremental update as a signing tool does. */
    public static byte[] sign(byte[] pdf, Credential credential) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(credential.certificate().getSubjectX500Principal().getName());
            signature.setSignDate(Calendar.getInstance());
            document.addSignature(signature, content -> cms(content.readAllBytes(), credential));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The signed PDF with a later incremental update: its first page turned, outside every signed range. */
    public static byte[] updatedAfterSigning(byte[] signed) {
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDPage page = document.getPage(0);
            page.setRotation(90);
            page.getCOSObject().setNeedToBeUpdated(true);
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The signed PDF with one byte of the signed part changed: a byte of the binary comment on the header's second
     * line, so that the file still parses and only the signature can tell.
     */
    public static byte[] tampered(byte[] signed) {
        byte[] copy = signed.clone();
        int secondLine = indexOf(copy, (byte) '\n') + 2;
        copy[secondLine] = (byte) (copy[secondLine] ^ 0x01);
        return copy;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    private static byte[] cms(byte[] content, Credential credential) throws IOException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA")
                    .build(credential.keys().getPrivate());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .build(signer, credential.certificate()));
            generator.addCertificates(new JcaCertStore(credential.chain()));
            return generator
                    .generate(new CMSProcessableByteArray(content), false)
                    .getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | org.bouncycastle.cms.CMSException ex) {
            throw new IOException(ex);
        }
    }

    private static X509Certificate issue(
            X500Name subject,
            KeyPair subjectKeys,
            X500Name issuer,
            KeyPair issuerKeys,
            Instant notBefore,
            Instant notAfter,
            boolean ca) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    subject,
                    subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(
                            ca
                                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
