package vn.congvan.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal as the outside world reaches it.
 *
 * @param baseUrl the portal's public address (scheme, host, port, context path), for absolute links that leave the
 *        page (the Atom feed, mail). Never taken from the request: a forged {@code Host} header would otherwise end
 *        up in a publicly cached feed.
 */
@ConfigurationProperties("congvan.site")
public record SiteProperties(
        @DefaultValue("http://localhost:8080") String baseUrl) {

    public SiteProperties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
    }

    /** The base address followed by the given path, which starts with a slash. */
    public String link(String path) {
        return baseUrl + path;
    }
}
