package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.attachment.TestSignatures.Credential;

class PdfSignatureVerifierTests {

    static Credential root;

    static Credential otherRoot;

    static Credential clerk;

    static Set<TrustAnchor> anchors;

    @TempDir
    Path directory;

    @BeforeAll
    static void authorities() {
        root = TestSignatures.rootCa("CA Chính phủ thử");
        otherRoot = TestSignatures.rootCa("CA lạ");
        clerk = TestSignatures.signer(root, "Nguyễn Văn An", "Ban Tuyên giáo Quận ủy");
        anchors = Set.of(new TrustAnchor(root.certificate(), null));
    }

    @Test
    void anUnsignedFileHasNoSignatures() throws IOException {
        assertThat(verify(TestFiles.pdf(1), anchors)).isEmpty();
    }

    @Test
    void aSignatureChainedToAnAnchorIsValidAndSaysWhoAndWhen() throws IOException {
        Instant before = Instant.now().minusSeconds(5);
        List<PdfSignature> signatures = verify(TestSignatures.sign(TestFiles.pdf(2), clerk), anchors);

        assertThat(signatures).singleElement().satisfies(signature -> {
            assertThat(signature.verdict()).isEqualTo(SignatureVerdict.VALID);
            assertThat(signature.signerName()).isEqualTo("Nguyễn Văn An");
            assertThat(signature.signerOrganization()).isEqualTo("Ban Tuyên giáo Quận ủy");
            assertThat(signature.signedAt()).isBetween(before, Instant.now().plusSeconds(5));
            assertThat(signature.timestampedAt()).isNull();
            assertThat(signature.issuer()).contains("CA Chính phủ thử");
            assertThat(signature.serialNumber())
                    .isEqualTo(
                            clerk.certificate().getSerialNumber().toString(16).toUpperCase());
            assertThat(signature.fingerprint())
                    .hasSize(64)
                    .isEqualTo(PdfSignatureVerifier.fingerprint(clerk.certificate()));
            assertThat(signature.notAfter())
                    .isEqualTo(clerk.certificate().getNotAfter().toInstant());
            assertThat(signature.coversWholeFile()).isTrue();
        });
    }

    @Test
    void theSameSignatureIsUntrustedWithoutAnchors() throws IOException {
        assertThat(verify(TestSignatures.sign(TestFiles.pdf(1), clerk), Set.of()))
                .extracting(PdfSignature::verdict)
                .containsExactly(SignatureVerdict.UNTRUSTED);
    }

    @Test
    void aCertificateOfAnotherAuthorityIsUntrusted() throws IOException {
        Credential stranger = TestSignatures.signer(otherRoot, "Trần Thị Bình", "Đơn vị lạ");

        assertThat(verify(TestSignatures.sign(TestFiles.pdf(1), stranger), anchors))
                .singleElement()
                .satisfies(signature -> {
                    assertThat(signature.verdict()).isEqualTo(SignatureVerdict.UNTRUSTED);
                    assertThat(signature.signerName()).isEqualTo("Trần Thị Bình");
                });
    }

    @Test
    void aByteChangedInsideTheSignedRangeIsTampered() throws IOException {
        byte[] signed = TestSignatures.sign(TestFiles.pdf(1), clerk);

        // The container still reads (the signer is known): only the digest of the signed bytes differs.
        assertThat(verify(TestSignatures.tampered(signed), anchors))
                .singleElement()
                .satisfies(signature -> {
                    assertThat(signature.verdict()).isEqualTo(SignatureVerdict.TAMPERED);
                    assertThat(signature.signerName()).isEqualTo("Nguyễn Văn An");
                    assertThat(signature.fingerprint()).isNotNull();
                });
    }

    @Test
    void aCertificateExpiredAtSigningIsExpired() throws IOException {
        Instant now = Instant.now();
        Credential lapsed = TestSignatures.signer(
                root,
                "Lê Văn Cũ",
                "Ban Tuyên giáo Quận ủy",
                now.minus(Duration.ofDays(800)),
                now.minus(Duration.ofDays(70)));

        assertThat(verify(TestSignatures.sign(TestFiles.pdf(1), lapsed), anchors))
                .extracting(PdfSignature::verdict)
                .containsExactly(SignatureVerdict.EXPIRED);
    }

    @Test
    void anUpdateAfterSigningLeavesTheSignatureIntactButNotCoveringTheFile() throws IOException {
        byte[] signed = TestSignatures.sign(TestFiles.pdf(1), clerk);
        byte[] updated = TestSignatures.updatedAfterSigning(signed);

        assertThat(updated.length).isGreaterThan(signed.length);
        assertThat(verify(updated, anchors)).singleElement().satisfies(signature -> {
            assertThat(signature.verdict()).isEqualTo(SignatureVerdict.VALID);
            assertThat(signature.coversWholeFile()).isFalse();
        });
    }

    @Test
    void everySignatureOfATwiceSignedFileIsChecked() throws IOException {
        Credential deputy = TestSignatures.signer(otherRoot, "Phạm Minh Cường", "Văn phòng");
        byte[] twice = TestSignatures.sign(TestSignatures.sign(TestFiles.pdf(1), clerk), deputy);

        List<PdfSignature> signatures = verify(twice, anchors);

        assertThat(signatures).extracting(PdfSignature::signerName).containsExactly("Nguyễn Văn An", "Phạm Minh Cường");
        assertThat(signatures)
                .extracting(PdfSignature::verdict)
                .containsExactly(SignatureVerdict.VALID, SignatureVerdict.UNTRUSTED);
        // The second signature was added after the first: the first no longer covers the whole file.
        assertThat(signatures).extracting(PdfSignature::coversWholeFile).containsExactly(false, true);
    }

    private List<PdfSignature> verify(byte[] pdf, Set<TrustAnchor> trusted) throws IOException {
        Path file = Files.write(directory.resolve("signed.pdf"), pdf);
        return PdfSignatureVerifier.verify(file, trusted);
    }
}
