package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.TrustAnchor;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.attachment.TestSignatures.Credential;

class TrustAnchorsTests {

    @TempDir
    Path directory;

    @Test
    void readsPemAndDerFilesAndDirectoriesAndKeysTheChecksByWhatTheyHold() throws Exception {
        Credential government = TestSignatures.rootCa("Root CA Chính phủ thử");
        Credential publicCa = TestSignatures.rootCa("Root CA công cộng thử");
        Path pem = Files.writeString(directory.resolve("chinh-phu.pem"), pem(government));
        Path folder = Files.createDirectory(directory.resolve("cong-cong"));
        Files.write(folder.resolve("cong-cong.cer"), publicCa.certificate().getEncoded());

        TrustAnchors both = TrustAnchors.load(List.of(pem, folder));
        TrustAnchors one = TrustAnchors.load(List.of(pem));
        TrustAnchors none = TrustAnchors.load(List.of());

        assertThat(both.anchors())
                .extracting(TrustAnchor::getTrustedCert)
                .containsExactlyInAnyOrder(government.certificate(), publicCa.certificate());
        assertThat(none.anchors()).isEmpty();
        // Other anchors, other remembered verdicts; the order of the configuration does not matter.
        assertThat(both.digest()).isNotEqualTo(one.digest()).isNotEqualTo(none.digest());
        assertThat(TrustAnchors.load(List.of(folder, pem)).digest()).isEqualTo(both.digest());
    }

    @Test
    void aFileWithoutACertificateStopsTheStart() throws IOException {
        Path typo = Files.writeString(directory.resolve("khong-phai.pem"), "không phải chứng thư");

        assertThatThrownBy(() -> TrustAnchors.load(List.of(typo))).hasMessageContaining("khong-phai.pem");
    }

    private static String pem(Credential credential) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(credential.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
