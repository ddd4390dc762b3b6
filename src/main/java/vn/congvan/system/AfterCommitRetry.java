package vn.congvan.system;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tries again the after-commit work that failed (a notice the outbox refused, an index write that broke), so it
 * does not wait for the next restart (ADR 0024). Each listener it reaches is idempotent (the outbox keeps one notice
 * per dispatch and address, the index upserts), so two instances retrying the same publication do no harm.
 */
@Component
class AfterCommitRetry {

    private static final Logger log = LoggerFactory.getLogger(AfterCommitRetry.class);

    private final FailedEventPublications failed;

    private final Duration minAge;

    AfterCommitRetry(
            FailedEventPublications failed, @Value("${congvan.events.retry-failed-after:PT1M}") Duration minAge) {
        this.failed = failed;
        this.minAge = minAge;
    }

    @Scheduled(
            initialDelayString = "${congvan.events.retry-first-after:PT1M}",
            fixedDelayString = "${congvan.events.retry-every:PT5M}")
    void retryFailed() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withMinAge(minAge));
        } catch (RuntimeException ex) {
            log.warn("Retrying failed after-commit work failed", ex);
        }
    }
}
