package vn.congvan.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds, {@code congvan.reports.remind-days-before} days before a report's deadline, the units that have not
 * reported yet, once per dispatch and unit. Safe to run on several instances at once: each reminder is claimed by a
 * unique index, so whoever inserts it second inserts nothing and sends nothing. A run that missed the day (the
 * portal was down) still reminds until the deadline itself.
 */
@Component
class ReportReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReportReminderJob.class);

    /** Reminders per transaction: a dispatch to thousands of units is reminded in a few runs of the loop. */
    private static final int BATCH = 500;

    private final Reports reports;

    private final ReportProperties properties;

    private final TransactionTemplate transaction;

    ReportReminderJob(Reports reports, ReportProperties properties, TransactionTemplate transaction) {
        this.reports = reports;
        this.properties = properties;
        this.transaction = transaction;
    }

    @Scheduled(
            initialDelayString = "${congvan.reports.remind-first-after:PT2M}",
            fixedDelayString = "${congvan.reports.remind-every:PT1H}")
    void runScheduled() {
        try {
            int reminded = run();
            if (reminded > 0) {
                log.info("Reminded {} units of reports due within {} days", reminded, properties.remindDaysBefore());
            }
        } catch (RuntimeException ex) {
            log.warn("Reminding units of their reports failed", ex);
        }
    }

    /** Reminds every unit that is due a reminder today (in Vietnam); answers how many were. */
    int run() {
        int total = 0;
        while (true) {
            Integer reminded = transaction.execute(
                    status -> reports.remindBeforeDeadline(reports.today(), properties.remindDaysBefore(), BATCH));
            int count = reminded == null ? 0 : reminded;
            total += count;
            if (count < BATCH) {
                return total;
            }
        }
    }
}
