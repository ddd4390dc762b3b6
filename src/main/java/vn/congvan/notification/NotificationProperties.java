package vn.congvan.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the portal's address as recipients reach it, for the links in the notices
 * @param from the sender of the notices
 * @param maxAttempts how many times a notice is tried before it is given up as FAILED
 * @param retryAfter how long to wait after a failed attempt (doubled at every further attempt)
 */
@ConfigurationProperties("congvan.notification")
record NotificationProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("congvan@localhost") String from,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT1M") Duration retryAfter) {}
