package vn.congvan.attachment;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the signatures of stored PDFs are checked (ADR 0040).
 *
 * @param trustAnchors certificate files (PEM or DER, one or several certificates each) or directories of them: the
 *        root CAs a signature must chain to to be valid. None by default, so every signature is untrusted until the
 *        Vietnamese public and government roots are configured
 * @param maxFileSize a larger PDF is not checked (and shows no badge)
 * @param concurrent how many files this instance checks at once; a file that finds none free is checked at a later
 *        view
 */
@ConfigurationProperties("congvan.signatures")
record SignatureProperties(
        List<Path> trustAnchors,
        @DefaultValue("50MB") DataSize maxFileSize,
        @DefaultValue("2") int concurrent) {

    SignatureProperties {
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
    }
}
