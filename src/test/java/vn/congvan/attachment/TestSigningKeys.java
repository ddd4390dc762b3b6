package vn.congvan.attachment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import vn.congvan.attachment.TestSignatures.Credential;
import vn.congvan.organization.Units;

/**
 * A signing key for one issuing unit of the integration tests (ADR 0047), made once per test JVM: a test CA, a
 * certificate it issued to the unit, kept in a PKCS #12 keystore, with the CA configured as a trust anchor, so that a
 * file the portal signs is VALID by its own verification. The unit's code is fixed for the JVM; a test creates the
 * unit with it.
 */
public final class TestSigningKeys {

    /** The code of the issuing unit that signs what it publishes. */
    public static final String UNIT_CODE = Units.uniqueCode("KY");

    static final String PASSWORD = "kyso-thu-nghiem";

    private static Keys made;

    private TestSigningKeys() {}

    /** The CA and the unit's credential, made at the first call. */
    public static synchronized Keys get() {
        if (made == null) {
            made = make();
        }
        return made;
    }

    private static Keys make() {
        try {
            Path folder = Files.createTempDirectory("congvan-signing-");
            Credential ca = TestSignatures.rootCa("CA thử nghiệm ký số");
            Credential unit = TestSignatures.signer(ca, "Ban Tuyên giáo ký số thử", "Quận ủy thử");
            Path anchor = folder.resolve("ca.pem");
            try (Writer writer = Files.newBufferedWriter(anchor, StandardCharsets.US_ASCII);
                    JcaPEMWriter pem = new JcaPEMWriter(writer)) {
                pem.writeObject(ca.certificate());
            }
            Path keystore = folder.resolve("unit.p12");
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    "unit",
                    unit.keys().getPrivate(),
                    PASSWORD.toCharArray(),
                    unit.chain().toArray(Certificate[]::new));
            try (OutputStream out = Files.newOutputStream(keystore)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return new Keys(ca, unit, anchor, keystore);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The test CA (a trust anchor), the unit's credential, and where both were written. */
    public record Keys(Credential ca, Credential unit, Path anchor, Path keystore) {}

    /** Configures the key and the anchor for the application under test. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Keys keys = get();
            TestPropertyValues.of(
                            "congvan.signatures.trust-anchors=" + keys.anchor(),
                            "congvan.signatures.signing.units[" + UNIT_CODE + "].keystore=" + keys.keystore(),
                            "congvan.signatures.signing.units[" + UNIT_CODE + "].password=" + PASSWORD)
                    .applyTo(context);
        }
    }
}
