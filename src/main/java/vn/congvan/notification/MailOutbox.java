package vn.congvan.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the notices waiting in the outbox, outside any request and after the publications committed. A failure
 * (the mail server is down) leaves the notice pending with a later {@code next_attempt_at}, doubling the wait at
 * each attempt, until {@code maxAttempts}; nothing is lost and nothing blocks a publication. Without a configured
 * mail server ({@code spring.mail.host}), notices simply wait.
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    private final ObjectProvider<JavaMailSender> mailSender;

    private final NotificationProperties properties;

    private final Clock clock;

    MailOutbox(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            ObjectProvider<JavaMailSender> mailSender,
            NotificationProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${congvan.notification.first-send-after:PT20S}",
            fixedDelayString = "${congvan.notification.send-every:PT15S}")
    void sendScheduled() {
        try {
            sendDue(100);
        } catch (RuntimeException ex) {
            log.warn("Sending notices failed", ex);
        }
    }

    /** Sends up to {@code limit} due notices; answers how many were sent. */
    int sendDue(int limit) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        for (int i = 0; i < limit; i++) {
            Boolean result = transaction.execute(status -> sendOne(sender));
            if (result == null) {
                break;
            }
            if (result) {
                sent++;
            }
        }
        return sent;
    }

    /** null when nothing is due; true when sent; false when the attempt failed. */
    private Boolean sendOne(JavaMailSender sender) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Notice> due = jdbc.query(
                """
                select id, recipient, subject, body, attempts from mail_outbox
                where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, id limit 1 for update skip locked
                """,
                (rs, row) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                now);
        if (due.isEmpty()) {
            return null;
        }
        Notice notice = due.get(0);
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.from());
            message.setTo(notice.recipient());
            message.setSubject(notice.subject());
            message.setText(notice.body());
            sender.send(message);
            jdbc.update(
                    "update mail_outbox set status = 'SENT', attempts = attempts + 1, sent_at = ? where id = ?",
                    now,
                    notice.id());
            return true;
        } catch (RuntimeException ex) {
            int attempts = notice.attempts() + 1;
            Duration wait = properties.retryAfter().multipliedBy(1L << Math.min(attempts - 1, 10));
            String error = String.valueOf(ex.getMessage());
            jdbc.update(
                    """
                    update mail_outbox set attempts = ?, last_error = ?, next_attempt_at = ?,
                        status = case when ? >= ? then 'FAILED' else 'PENDING' end
                    where id = ?
                    """,
                    attempts,
                    error.length() > 1000 ? error.substring(0, 1000) : error,
                    Timestamp.from(clock.instant().plus(wait)),
                    attempts,
                    properties.maxAttempts(),
                    notice.id());
            log.warn("Could not send notice {} to {} (attempt {})", notice.id(), notice.recipient(), attempts);
            return false;
        }
    }

    private record Notice(Long id, String recipient, String subject, String body, int attempts) {}
}
