package vn.congvan.attachment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The budget of stamped copies of restricted PDFs (ADR 0043).
 *
 * @param concurrent how many copies this instance makes at once; a download past that waits, up to {@code timeout}
 * @param timeout how long making one copy may take (waiting for a turn included) before it is given up
 * @param maxPages a file with more pages is not stamped (and so not served to members)
 */
@ConfigurationProperties("congvan.attachment.watermark")
record WatermarkProperties(
        @DefaultValue("2") int concurrent,
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("2000") int maxPages) {}
