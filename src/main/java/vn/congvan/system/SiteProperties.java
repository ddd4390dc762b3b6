package vn.congvan.system;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal as the outside world reaches and names it. The portal serves whichever body issues documents through it,
 * so its name is configuration, not text of the templates: every page's header and title, the footer, the home page
 * and the Atom feed show it (the message keys {@code site.name} and {@code site.superior} answer from here).
 *
 * @param baseUrl the portal's public address (scheme, host, port, context path), for absolute links that leave the
 *        page (the Atom feed, mail). Never taken from the request: a forged {@code Host} header would otherwise end
 *        up in a publicly cached feed.
 * @param name the issuing body that runs the portal, as it signs ("Ban Tuyên giáo Quận ủy Quận 1")
 * @param superior the body above it, printed above its name as a document's header does ("Quận ủy Quận 1"); blank
 *        for none
 * @param englishName the name shown to readers of the English pages; blank shows {@code name}
 * @param englishSuperior the body above in English; blank shows {@code superior}
 */
@ConfigurationProperties("congvan.site")
public record SiteProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("Cổng phát hành công văn") String name,
        @DefaultValue("") String superior,
        @DefaultValue("") String englishName,
        @DefaultValue("") String englishSuperior) {

    public SiteProperties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
        name = name == null || name.isBlank() ? "Cổng phát hành công văn" : name.strip();
        superior = superior == null ? "" : superior.strip();
        englishName = englishName == null || englishName.isBlank() ? name : englishName.strip();
        englishSuperior = englishSuperior == null || englishSuperior.isBlank() ? superior : englishSuperior.strip();
    }

    /** The base address followed by the given path, which starts with a slash. */
    public String link(String path) {
        return baseUrl + path;
    }

    /** The name in the reader's language (English or, for any other, Vietnamese). */
    public String name(Locale locale) {
        return isEnglish(locale) ? englishName : name;
    }

    /** The body above, in the reader's language; empty when none is configured. */
    public String superior(Locale locale) {
        return isEnglish(locale) ? englishSuperior : superior;
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
