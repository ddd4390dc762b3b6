package vn.congvan.extraction;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on reading files for their fields, whatever their format (ADR 0058); OCR has its own on top
 * ({@code congvan.extraction.ocr.*}, ADR 0046).
 *
 * @param concurrency how many files are read at once across the portal; 0 (the default): one per core, at least two
 * @param queueWait the longest a file waits for its turn before the clerk is told the server is busy
 * @param timeout the longest reading a file's text (its PDF layer, its DOCX or ODT XML) may take, OCR not included
 * @param retryAfter what a busy or timed-out answer tells the client to wait ({@code Retry-After})
 */
@ConfigurationProperties("congvan.extraction")
record ExtractionProperties(
        @DefaultValue("0") int concurrency,
        @DefaultValue("PT15S") Duration queueWait,
        @DefaultValue("PT60S") Duration timeout,
        @DefaultValue("PT30S") Duration retryAfter) {

    int permits() {
        return concurrency > 0 ? concurrency : Math.max(2, Runtime.getRuntime().availableProcessors());
    }
}
