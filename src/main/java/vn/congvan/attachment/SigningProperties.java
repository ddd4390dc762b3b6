package vn.congvan.attachment;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The issuing units that sign the PDFs they publish (ADR 0047), each with its own PKCS #12 keystore, for example
 * {@code congvan.signatures.signing.units.BTGQU.keystore=/etc/congvan/keys/btgqu.p12} and
 * {@code congvan.signatures.signing.units.BTGQU.password=${BTGQU_KEY_PASSWORD}}. A unit that is not listed publishes
 * its files as uploaded.
 *
 * @param units by unit code (matched whatever its case: an environment variable arrives in lower case)
 * @param maxFileSize a larger PDF is published unsigned
 */
@ConfigurationProperties("congvan.signatures.signing")
record SigningProperties(
        Map<String, UnitKey> units, @DefaultValue("50MB") DataSize maxFileSize) {

    SigningProperties {
        Map<String, UnitKey> byCode = new TreeMap<>();
        if (units != null) {
            units.forEach((code, key) -> byCode.put(code.toUpperCase(Locale.ROOT), key));
        }
        units = Map.copyOf(byCode);
    }

    /**
     * One unit's signing key.
     *
     * @param keystore the PKCS #12 file holding the private key and its certificate chain
     * @param password the keystore's password (and the key's); from the environment or a secret store in production
     * @param alias the entry to use; the keystore's only key entry when absent
     * @param sealImage the unit's seal as a PNG with a transparent background (NĐ 30), drawn over the signer's
     *     signature on a main document (ADR 0053); without it a red frame names the unit
     */
    record UnitKey(Path keystore, String password, String alias, Path sealImage) {

        @Override
        public String toString() {
            // Never print the password, even in a binding error.
            return "UnitKey[keystore=" + keystore + ", alias=" + alias + ", sealImage=" + sealImage + "]";
        }
    }
}
