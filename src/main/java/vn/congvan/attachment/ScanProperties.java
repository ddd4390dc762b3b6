package vn.congvan.attachment;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How uploaded files are scanned for malware by ClamAV's clamd (ADR 0015).
 *
 * @param mode {@code required}: every file is scanned and publication waits for a clean verdict (fail closed);
 *        {@code off}: nothing is scanned; {@code auto} (the default run): required when a clamd is configured
 *        ({@code host} set) or its socket exists, off otherwise
 * @param host clamd's TCP host; when empty, the Unix socket is used
 * @param port clamd's TCP port
 * @param socket clamd's Unix socket (Debian's clamav-daemon listens here)
 * @param connectTimeout how long to wait for clamd to accept the connection
 * @param readTimeout how long clamd may stay silent while it receives the file or before it answers
 */
@ConfigurationProperties("congvan.attachment.scan")
record ScanProperties(
        @DefaultValue("auto") Mode mode,
        @DefaultValue("") String host,
        @DefaultValue("3310") int port,
        @DefaultValue("/var/run/clamav/clamd.ctl") Path socket,
        @DefaultValue("PT2S") Duration connectTimeout,
        @DefaultValue("PT60S") Duration readTimeout) {

    public enum Mode {
        AUTO,
        REQUIRED,
        OFF
    }

    boolean usesTcp() {
        return host != null && !host.isBlank();
    }
}
