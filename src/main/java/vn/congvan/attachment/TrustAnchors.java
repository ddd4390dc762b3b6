package vn.congvan.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The configured root certificates, read once at start, and a digest of them that keys the remembered checks: other
 * anchors, other verdicts.
 */
record TrustAnchors(Set<TrustAnchor> anchors, String digest) {

    TrustAnchors {
        anchors = Set.copyOf(anchors);
    }

    /** Reads the files and directories; a file that holds no certificate stops the start, as a typo would. */
    static TrustAnchors load(List<Path> locations) {
        Set<X509Certificate> certificates = new LinkedHashSet<>();
        for (Path location : locations) {
            for (Path file : files(location)) {
                certificates.addAll(read(file));
            }
        }
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        TreeSet<String> fingerprints = new TreeSet<>();
        for (X509Certificate certificate : certificates) {
            anchors.add(new TrustAnchor(certificate, null));
            fingerprints.add(PdfSignatureVerifier.fingerprint(certificate));
        }
        return new TrustAnchors(anchors, digest(fingerprints));
    }

    private static List<Path> files(Path location) {
        if (!Files.isDirectory(location)) {
            return List.of(location);
        }
        try (Stream<Path> entries = Files.list(location)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot list the trust anchors in " + location, ex);
        }
    }

    private static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> found = new ArrayList<>();
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (certificate instanceof X509Certificate x509) {
                    found.add(x509);
                }
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("No certificate in trust anchor file " + file);
            }
            return found;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read trust anchor file " + file, ex);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot read trust anchor file " + file, ex);
        }
    }

    private static String digest(TreeSet<String> fingerprints) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(digest.digest(String.join(",", fingerprints).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
