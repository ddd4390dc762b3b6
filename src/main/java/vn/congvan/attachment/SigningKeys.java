package vn.congvan.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The signing keys of the issuing units that have one (ADR 0047), read from their PKCS #12 keystores once at start. A
 * keystore that cannot be read, or holds no key, stops the start: a typo found on the first publication would publish
 * unsigned files without anyone noticing.
 */
@Component
class SigningKeys {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SigningKeys.class);

    private final Map<String, SigningKey> byUnit;

    SigningKeys(SigningProperties properties) {
        Map<String, SigningKey> keys = new HashMap<>();
        properties.units().forEach((code, key) -> keys.put(code, load(code, key)));
        this.byUnit = Collections.unmodifiableMap(keys);
        if (!byUnit.isEmpty()) {
            log.info("Published PDFs are signed for units {}", byUnit.keySet());
        }
        java.time.Instant soon = java.time.Instant.now().plus(java.time.Duration.ofDays(30));
        byUnit.values().forEach(key -> {
            java.time.Instant notAfter = key.certificate().getNotAfter().toInstant();
            if (notAfter.isBefore(soon)) {
                // Not a reason to refuse the start: publication goes on, unsigned once it has expired (PdfSealer).
                log.warn("The signing certificate of unit {} is valid until {}: renew it", key.unitCode(), notAfter);
            }
        });
    }

    /** The key of that issuing unit, if it signs what it publishes. */
    Optional<SigningKey> of(String unitCode) {
        return unitCode == null ? Optional.empty() : Optional.ofNullable(byUnit.get(unitCode.toUpperCase(Locale.ROOT)));
    }

    private static SigningKey load(String code, SigningProperties.UnitKey key) {
        if (key.keystore() == null) {
            throw new IllegalStateException("congvan.signatures.signing.units." + code + ".keystore is not set");
        }
        char[] password = key.password() == null ? new char[0] : key.password().toCharArray();
        try (InputStream in = Files.newInputStream(key.keystore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String alias = key.alias() != null ? key.alias() : onlyKeyEntry(store, code);
            if (!store.isKeyEntry(alias)) {
                throw new IllegalStateException("Keystore of unit " + code + " has no key entry " + alias);
            }
            PrivateKey privateKey = (PrivateKey) store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0) {
                throw new IllegalStateException("Keystore of unit " + code + " has no certificate for " + alias);
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : chain) {
                certificates.add((X509Certificate) certificate);
            }
            return new SigningKey(code, privateKey, certificates);
        } catch (IOException | GeneralSecurityException ex) {
            throw new IllegalStateException(
                    "Cannot read the signing keystore of unit " + code + " (" + key.keystore() + ")", ex);
        }
    }

    private static String onlyKeyEntry(KeyStore store, String code) throws GeneralSecurityException {
        List<String> aliases = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                aliases.add(alias);
            }
        }
        if (aliases.size() != 1) {
            throw new IllegalStateException("Keystore of unit " + code + " holds " + aliases.size()
                    + " keys: set congvan.signatures.signing.units." + code + ".alias");
        }
        return aliases.get(0);
    }

    /** A unit's private key and its certificate chain (the signer's certificate first). */
    record SigningKey(String unitCode, PrivateKey privateKey, List<X509Certificate> chain) {

        SigningKey {
            chain = List.copyOf(chain);
        }

        X509Certificate certificate() {
            return chain.get(0);
        }

        @Override
        public String toString() {
            return "SigningKey[" + unitCode + ", " + certificate().getSubjectX500Principal() + "]";
        }
    }
}
