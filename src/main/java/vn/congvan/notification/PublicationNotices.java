package vn.congvan.notification;

import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.congvan.account.AccountManagement;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchPublished;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.dispatch.IndexableDispatch;

/**
 * When a dispatch is published, writes one notice per member of each recipient unit who has an e-mail address
 * into the outbox, in one statement, after the publication committed and in a transaction of its own (ADR 0024):
 * a failure here cannot undo a publication, and the event publication registry keeps the event until this has
 * succeeded, so it is tried again. {@link MailOutbox} sends the notices afterwards.
 */
@Component
class PublicationNotices {

    private final JdbcTemplate jdbc;

    private final DispatchCatalog catalog;

    private final AccountManagement accounts;

    private final NotificationProperties properties;

    private final java.time.Clock clock;

    PublicationNotices(
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
    void on(DispatchPublished published) {
        IndexableDispatch indexable =
                catalog.publishedForIndexing(published.dispatchId()).orElse(null);
        if (indexable == null) {
            return;
        }
        DispatchView dispatch = indexable.dispatch();
        // A person with accounts in several recipient units gets one notice.
        Set<String> addresses = new LinkedHashSet<>(accounts.emailsOfUnits(published.recipientUnitIds()));
        // The urgency comes first, where a mail list shows it even when the subject is cut.
        String subject = (dispatch.urgency() != null && dispatch.urgency().isMarked()
                        ? "[" + dispatch.urgency().mark() + "] "
                        : "")
                + "[Văn bản mới] " + dispatch.typeName() + " số " + dispatch.notation() + " – " + dispatch.subject();
        String body = """
                Kính gửi đồng chí,

                %s đã gửi đến đơn vị của đồng chí %s số %s ngày %s:

                %s

                Xem văn bản, tải tệp đính kèm và xác nhận đã nhận tại:
                %s/hop-thu/%d

                (Thư gửi tự động từ cổng phát hành công văn; vui lòng không trả lời thư này.)
                """.formatted(
                        dispatch.issuerName(),
                        dispatch.typeName().toLowerCase(java.util.Locale.forLanguageTag("vi")),
                        dispatch.notation(),
                        dispatch.issuedOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                        dispatch.subject(),
                        properties.baseUrl(),
                        dispatch.id());
        Timestamp now = Timestamp.from(clock.instant());
        String shortSubject = subject.length() > 1000 ? subject.substring(0, 1000) : subject;
        String[] recipients = addresses.toArray(String[]::new);
        // A retried event writes no second notice to an address (unique per dispatch, kind and recipient).
        jdbc.update("""
                    insert into mail_outbox (dispatch_id, recipient, subject, body, created_at, next_attempt_at)
                    select ?, recipient, ?, ?, ?, ? from unnest(?) as address (recipient)
                    on conflict (dispatch_id, kind, recipient) do nothing
                    """, insert -> {
            insert.setLong(1, dispatch.id());
            insert.setString(2, shortSubject);
            insert.setString(3, body);
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.setArray(6, insert.getConnection().createArrayOf("varchar", recipients));
        });
    }
}
