package vn.congvan.notification;

import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.congvan.account.AccountManagement;
import vn.congvan.delivery.ReminderSent;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.dispatch.IndexableDispatch;

/**
 * A reminder (nhắc) by mail to every account of the reminded unit that has an address, through the same outbox as
 * the publication notices and, like them, after the reminder committed. The notices name their reminder, one per
 * reminder and address, so a retried event writes none twice (ADR 0034).
 */
@Component
class ReminderNotices {

    private final JdbcTemplate jdbc;

    private final DispatchCatalog catalog;

    private final AccountManagement accounts;

    private final NotificationProperties properties;

    private final java.time.Clock clock;

    ReminderNotices(
            JdbcTemplate jdbc,
            DispatchCatalog catalog,
            AccountManagement accounts,
            NotificationProperties properties,
            java.time.Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ReminderSent reminder) {
        IndexableDispatch indexable =
                catalog.publishedForIndexing(reminder.dispatchId()).orElse(null);
        if (indexable == null) {
            return;
        }
        DispatchView dispatch = indexable.dispatch();
        Set<String> addresses = new LinkedHashSet<>(accounts.emailsOfUnits(Set.of(reminder.unitId())));
        if (addresses.isEmpty()) {
            return;
        }
        String subject = "[Nhắc] " + dispatch.typeName() + " số " + dispatch.notation() + " – " + dispatch.subject();
        String ask = dispatch.asksForReport()
                ? "Đề nghị đơn vị gửi báo cáo trước hạn " + dispatch.reportDueLabel() + "."
                : "Đề nghị đơn vị xác nhận đã nhận văn bản.";
        String body = """
                Kính gửi đồng chí,

                %s nhắc đơn vị của đồng chí về %s số %s ngày %s:

                %s

                %s

                Xem văn bản, xác nhận và gửi báo cáo tại:
                %s/hop-thu/%d

                (Thư gửi tự động từ cổng phát hành công văn; vui lòng không trả lời thư này.)
                """.formatted(
                        dispatch.issuerName(),
                        dispatch.typeName().toLowerCase(Locale.forLanguageTag("vi")),
                        dispatch.notation(),
                        dispatch.issuedOn().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                        dispatch.subject(),
                        ask,
                        properties.baseUrl(),
                        dispatch.id());
        Timestamp now = Timestamp.from(clock.instant());
        String shortSubject = subject.length() > 1000 ? subject.substring(0, 1000) : subject;
        String[] recipients = addresses.toArray(String[]::new);
        jdbc.update("""
                    insert into mail_outbox (reminder_id, kind, recipient, subject, body, created_at, next_attempt_at)
                    select ?, 'REMINDER', recipient, ?, ?, ?, ? from unnest(?) as address (recipient)
                    on conflict (reminder_id, recipient) where reminder_id is not null do nothing
                    """, insert -> {
            insert.setLong(1, reminder.reminderId());
            insert.setString(2, shortSubject);
            insert.setString(3, body);
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.setArray(6, insert.getConnection().createArrayOf("varchar", recipients));
        });
    }
}
