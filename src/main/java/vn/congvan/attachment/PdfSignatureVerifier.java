package vn.congvan.attachment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Checks the signatures of a PDF file on disk: which certificate signed, when, whether the signed bytes are intact and
 * whether the certificate chains to a trust anchor (ADR 0040). The file is parsed with a temporary-file cache and the
 * signed ranges are streamed through the digest, so a large file costs disk reads, not heap.
 */
final class PdfSignatureVerifier {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PdfSignatureVerifier.class);

    private PdfSignatureVerifier() {}

    /** The file's signatures in the order of the document; empty for an unsigned file. */
    static List<PdfSignature> verify(Path file, Set<TrustAnchor> anchors) throws IOException {
        long length = Files.size(file);
        List<PdfSignature> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                found.add(check(file, length, signature, anchors));
            }
        }
        return List.copyOf(found);
    }

    private static PdfSignature check(Path file, long length, PDSignature signature, Set<TrustAnchor> anchors)
            throws IOException {
        int[] range = signature.getByteRange();
        byte[] contents = signature.getContents();
        if (!wellFormed(range, length) || contents == null || contents.length == 0) {
            return broken(signature, false);
        }
        boolean coversWholeFile = (long) range[2] + range[3] == length;
        CMSSignedData cms;
        SignerInformation signer;
        X509CertificateHolder holder;
        try {
            // The /Contents hex string is padded with zeros after the DER container: read the one object it holds.
            ContentInfo container;
            try (ASN1InputStream in = new ASN1InputStream(contents)) {
                container = ContentInfo.getInstance(in.readObject());
            }
            cms = new CMSSignedData(new SignedRanges(file, range), container);
            signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return broken(signature, coversWholeFile);
            }
            holder = matches.iterator().next();
        } catch (IOException | CMSException | RuntimeException ex) {
            log.info("A PDF signature's CMS container cannot be read", ex);
            return broken(signature, coversWholeFile);
        }
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException ex) {
            return broken(signature, coversWholeFile);
        }
        Instant signedAt = signingTime(signer, signature);
        Instant timestampedAt = timestampTime(signer);
        Instant at = timestampedAt != null ? timestampedAt : signedAt != null ? signedAt : Instant.now();
        SignatureVerdict verdict;
        if (!intact(signer, certificate)) {
            verdict = SignatureVerdict.TAMPERED;
        } else if (!validOn(certificate, at)) {
            verdict = SignatureVerdict.EXPIRED;
        } else if (!chains(certificate, certificates(cms), anchors, at)) {
            verdict = SignatureVerdict.UNTRUSTED;
        } else {
            verdict = SignatureVerdict.VALID;
        }
        X500Name subject = holder.getSubject();
        return new PdfSignature(
                verdict,
                rdn(subject, BCStyle.CN),
                rdn(subject, BCStyle.O),
                signedAt,
                timestampedAt,
                subject.toString(),
                holder.getIssuer().toString(),
                certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT),
                fingerprint(certificate),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                coversWholeFile);
    }

    /**
     * A byte range that starts the file, leaves a gap for the signature and ends inside the file; anything else
     * cannot say what was signed.
     */
    private static boolean wellFormed(int[] range, long length) {
        return range != null
                && range.length == 4
                && range[0] == 0
                && range[1] > 0
                && range[2] >= range[1]
                && range[3] >= 0
                && (long) range[2] + range[3] <= length;
    }

    /** A signature whose container or ranges cannot be read proves nothing: shown as not intact. */
    private static PdfSignature broken(PDSignature signature, boolean coversWholeFile) {
        Calendar date = signature.getSignDate();
        return new PdfSignature(
                SignatureVerdict.TAMPERED,
                signature.getName(),
                null,
                date == null ? null : date.toInstant(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                coversWholeFile);
    }

    /**
     * Whether the digest of the signed ranges matches the signed messageDigest attribute and the signature over the
     * attributes verifies with the certificate's key. Built on the bare key so that BouncyCastle does not also judge
     * the certificate's dates here: that is a verdict of its own.
     */
    private static boolean intact(SignerInformation signer, X509Certificate certificate) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.getPublicKey()));
        } catch (CMSException | OperatorCreationException | RuntimeException ex) {
            // A digest mismatch is reported as an exception; so is an algorithm we cannot compute.
            log.debug("A PDF signature does not verify", ex);
            return false;
        }
    }

    private static boolean validOn(X509Certificate certificate, Instant at) {
        Date when = Date.from(at);
        return !when.before(certificate.getNotBefore()) && !when.after(certificate.getNotAfter());
    }

    /** A path from the certificate to an anchor, valid at the signing time, without revocation checks (ADR 0040). */
    private static boolean chains(
            X509Certificate certificate, List<X509Certificate> others, Set<TrustAnchor> anchors, Instant at) {
        if (anchors.isEmpty()) {
            return false;
        }
        for (TrustAnchor anchor : anchors) {
            if (certificate.equals(anchor.getTrustedCert())) {
                return true;
            }
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(others)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (CertPathBuilderException ex) {
            return false;
        } catch (GeneralSecurityException ex) {
            log.warn("Could not build a certificate path", ex);
            return false;
        }
    }

    private static List<X509Certificate> certificates(CMSSignedData cms) {
        List<X509Certificate> all = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> holders = cms.getCertificates().getMatches(null);
        for (X509CertificateHolder holder : holders) {
            try {
                all.add(converter.getCertificate(holder));
            } catch (GeneralSecurityException ex) {
                // A certificate that cannot be read cannot be part of the path.
            }
        }
        return all;
    }

    private static Instant signingTime(SignerInformation signer, PDSignature signature) {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute attribute = signed == null ? null : signed.get(CMSAttributes.signingTime);
        if (attribute != null && attribute.getAttrValues().size() > 0) {
            try {
                return Time.getInstance(attribute.getAttrValues().getObjectAt(0))
                        .getDate()
                        .toInstant();
            } catch (RuntimeException ex) {
                // Unreadable: fall back to the dictionary's own date.
            }
        }
        Calendar date = signature.getSignDate();
        return date == null ? null : date.toInstant();
    }

    /**
     * The time of a signature timestamp token whose imprint is the digest of this signature's value; a token over
     * something else proves nothing about this signature and is ignored. The authority's own signature and chain are
     * not checked (ADR 0040).
     */
    private static Instant timestampTime(SignerInformation signer) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attribute =
                unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return null;
        }
        try {
            ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
            TimeStampToken token =
                    new TimeStampToken(new CMSSignedData(value.toASN1Primitive().getEncoded()));
            TimeStampTokenInfo info = token.getTimeStampInfo();
            MessageDigest digest = MessageDigest.getInstance(
                    info.getHashAlgorithm().getAlgorithm().getId());
            if (!MessageDigest.isEqual(digest.digest(signer.getSignature()), info.getMessageImprintDigest())) {
                return null;
            }
            return info.getGenTime().toInstant();
        } catch (IOException | CMSException | TSPException | GeneralSecurityException | RuntimeException ex) {
            log.info("A PDF signature's timestamp cannot be read", ex);
            return null;
        }
    }

    private static String rdn(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String text ? text.getString() : value.toString();
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The two signed ranges of the file, streamed from disk whenever BouncyCastle digests them. */
    private static final class SignedRanges implements CMSTypedData {

        private final Path file;

        private final int[] range;

        SignedRanges(Path file, int[] range) {
            this.file = file;
            this.range = Arrays.copyOf(range, range.length);
        }

        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                WritableByteChannel target = Channels.newChannel(out);
                copy(channel, range[0], range[1], target);
                copy(channel, range[2], range[3], target);
            }
        }

        private static void copy(FileChannel channel, long from, long count, WritableByteChannel target)
                throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long position = from;
            long end = from + count;
            while (position < end) {
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), end - position));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException("The signed range runs past the end of the file");
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    target.write(buffer);
                }
                position += read;
            }
        }

        @Override
        public Object getContent() {
            return file;
        }
    }
}
