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
            return new SigningKey(
                    code,
                    privateKey,
                    certificates,
                    key.sealImage() == null ? null : SealImage.read(code, key.sealImage()));
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

    /**
     * A unit's private key, its certificate chain (the signer's certificate first) and the picture of its seal, if it
     * has one (null otherwise).
     */
    record SigningKey(String unitCode, PrivateKey privateKey, List<X509Certificate> chain, SealImage seal) {

        SigningKey {
            chain = List.copyOf(chain);
        }

        SigningKey(String unitCode, PrivateKey privateKey, List<X509Certificate> chain) {
            this(unitCode, privateKey, chain, null);
        }

        X509Certificate certificate() {
            return chain.get(0);
        }

        @Override
        public String toString() {
            return "SigningKey[" + unitCode + ", " + certificate().getSubjectX500Principal() + "]";
        }
    }

    /**
     * The picture of a unit's seal (NĐ 30 Phụ lục I: red, PNG, transparent background, the seal's actual size), read
     * and checked at start like the keystore: a picture that cannot be drawn stops the start rather than the first
     * publication. Its size in points comes from the PNG's physical pixel size when it says one, else a seal of
     * {@value #DEFAULT_MM} mm across is assumed; sizes outside {@value #MIN_MM}-{@value #MAX_MM} mm are refused.
     */
    static final class SealImage {

        static final float DEFAULT_MM = 36f;

        static final float MIN_MM = 15f;

        static final float MAX_MM = 60f;

        private static final long MAX_BYTES = 2L * 1024 * 1024;

        private static final int MAX_PIXELS = 3000;

        private static final float POINTS_PER_MM = 72f / 25.4f;

        private final byte[] png;

        private final float width;

        private final float height;

        private SealImage(byte[] png, float width, float height) {
            this.png = png.clone();
            this.width = width;
            this.height = height;
        }

        static SealImage read(String code, java.nio.file.Path file) {
            String property = "congvan.signatures.signing.units." + code + ".seal-image";
            try {
                if (Files.size(file) > MAX_BYTES) {
                    throw new IllegalStateException(property + " (" + file + ") is larger than 2 MB");
                }
                byte[] png = Files.readAllBytes(file);
                if (png.length < 8 || (png[0] & 0xff) != 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
                    throw new IllegalStateException(property + " (" + file + ") is not a PNG picture");
                }
                try (javax.imageio.stream.ImageInputStream in =
                        javax.imageio.ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(png))) {
                    java.util.Iterator<javax.imageio.ImageReader> readers = javax.imageio.ImageIO.getImageReaders(in);
                    if (!readers.hasNext()) {
                        throw new IllegalStateException(property + " (" + file + ") cannot be read as a PNG picture");
                    }
                    javax.imageio.ImageReader reader = readers.next();
                    try {
                        reader.setInput(in);
                        int pixelsWide = reader.getWidth(0);
                        int pixelsHigh = reader.getHeight(0);
                        if (pixelsWide > MAX_PIXELS || pixelsHigh > MAX_PIXELS) {
                            throw new IllegalStateException(
                                    property + " (" + file + ") is larger than " + MAX_PIXELS + " pixels");
                        }
                        java.awt.image.BufferedImage picture = reader.read(0);
                        if (!picture.getColorModel().hasAlpha()) {
                            // A white square would hide the signer's signature it is drawn over.
                            throw new IllegalStateException(property + " (" + file + ") has no transparent background");
                        }
                        float mmPerPixel = millimetresPerPixel(reader.getImageMetadata(0));
                        float longest = Math.max(pixelsWide, pixelsHigh);
                        if (mmPerPixel <= 0) {
                            mmPerPixel = DEFAULT_MM / longest;
                        }
                        float across = longest * mmPerPixel;
                        if (across < MIN_MM || across > MAX_MM) {
                            throw new IllegalStateException(property + " (" + file + ") is " + Math.round(across)
                                    + " mm across by its resolution; a seal is " + MIN_MM + "-" + MAX_MM + " mm");
                        }
                        return new SealImage(
                                png, pixelsWide * mmPerPixel * POINTS_PER_MM, pixelsHigh * mmPerPixel * POINTS_PER_MM);
                    } finally {
                        reader.dispose();
                    }
                }
            } catch (IOException ex) {
                throw new IllegalStateException("Cannot read " + property + " (" + file + ")", ex);
            }
        }

        /** The PNG's pixel size from its pHYs chunk, as ImageIO's standard metadata gives it; 0 when it says none. */
        private static float millimetresPerPixel(javax.imageio.metadata.IIOMetadata metadata) {
            if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
                return 0;
            }
            org.w3c.dom.Node root =
                    metadata.getAsTree(javax.imageio.metadata.IIOMetadataFormatImpl.standardMetadataFormatName);
            for (org.w3c.dom.Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
                if ("Dimension".equals(node.getNodeName())) {
                    for (org.w3c.dom.Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                        if ("HorizontalPixelSize".equals(child.getNodeName())) {
                            try {
                                return Float.parseFloat(((org.w3c.dom.Element) child).getAttribute("value"));
                            } catch (NumberFormatException ex) {
                                return 0;
                            }
                        }
                    }
                }
            }
            return 0;
        }

        /** Width in points, at the seal's actual size. */
        float width() {
            return width;
        }

        /** Height in points, at the seal's actual size. */
        float height() {
            return height;
        }

        /** The picture in that document, its transparency kept. */
        org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject draw(org.apache.pdfbox.pdmodel.PDDocument document)
                throws IOException {
            return org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject.createFromByteArray(
                    document, png, "seal.png");
        }
    }
}
