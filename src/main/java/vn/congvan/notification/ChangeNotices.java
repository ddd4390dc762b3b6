package vn.congvan.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.congvan.account.AccountManagement;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchNotice;
import vn.congvan.dispatch.DispatchRelation;
import vn.congvan.dispatch.DispatchSuccessorPublished;
import vn.congvan.dispatch.DispatchWithdrawn;

/**
 * When a dispatch is withdrawn, or its correction or replacement is published, writes one notice per member with an
 * e-mail address of each unit the dispatch was sent to, as {@link PublicationNotices} does for a publication: after
 * the commit, in a transaction of its own, in one statement whatever the number of units (ADR 0026, 0036). The
 * recipients are the dispatch's frozen ones, read as one array; the outbox keeps one notice per dispatch, kind and
 * address, so a retried event writes none twice.
 */
@Component
class ChangeNotices {

    private final JdbcTemplate jdbc;

    private final DispatchCatalog catalog;

    private final AccountManagement accounts;

    private final NotificationProperties properties;

    private final Clock clock;

    private final DateTimeFormatter moment;

    ChangeNotices(
            JdbcTemplate jdbc,
            DispatchCatalog catalog,
            AccountManagement accounts,
            NotificationProperties properties,
            Clock clock,
            ZoneId zone) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
        this.moment = DateTimeFormatter.ofPattern("dd/MM/yyyy 'lúc' HH:mm").withZone(zone);
    }

    @ApplicationModuleListener
    void on(DispatchWithdrawn withdrawn) {
        DispatchNotice notice = catalog.notices(List.of(withdrawn.dispatchId())).get(withdrawn.dispatchId());
        if (notice == null) {
            return;
        }
        String subject = "[Thu hồi văn bản] " + named(notice) + " – " + notice.subject();
        String body = """
                Kính gửi đồng chí,

                %s gửi đến đơn vị của đồng chí đã bị thu hồi ngày %s.

                Lý do: %s

                Văn bản và tệp đính kèm không còn được cung cấp; đơn vị không thực hiện theo văn bản này.
                Thông báo thu hồi trong hộp văn bản đến:
                %s/hop-thu/%d

                (Thư gửi tự động từ cổng phát hành công văn; vui lòng không trả lời thư này.)
                """.formatted(
                        named(notice),
                        moment.format(withdrawn.at()),
                        withdrawn.reason(),
                        properties.baseUrl(),
                        withdrawn.dispatchId());
        write(withdrawn.dispatchId(), "WITHDRAWN", subject, body);
    }

    @ApplicationModuleListener
    void on(DispatchSuccessorPublished published) {
        DispatchNotice notice = catalog.notices(List.of(published.dispatchId())).get(published.dispatchId());
        if (notice == null) {
            return;
        }
        boolean correction = published.relation() == DispatchRelation.CORRECTS;
        String subject = (correction ? "[Đính chính văn bản] " : "[Thay thế văn bản] ") + named(notice) + " – "
                + notice.subject();
        String body = """
                Kính gửi đồng chí,

                %s gửi đến đơn vị của đồng chí đã được %s bằng văn bản số %s.

                Xem văn bản %s tại:
                %s/hop-thu/%d

                (Thư gửi tự động từ cổng phát hành công văn; vui lòng không trả lời thư này.)
                """.formatted(
                        named(notice),
                        correction ? "đính chính" : "thay thế",
                        published.newNotation(),
                        correction ? "đính chính" : "thay thế",
                        properties.baseUrl(),
                        published.newDispatchId());
        write(published.dispatchId(), correction ? "CORRECTED" : "REPLACED", subject, body);
    }

    /** "Công văn số 66-CV/BTGQU". */
    private static String named(DispatchNotice notice) {
        return notice.typeName() + " số " + notice.notation();
    }

    private void write(Long dispatchId, String kind, String subject, String body) {
        // A person with accounts in several recipient units gets one notice.
        Set<String> addresses = new LinkedHashSet<>(accounts.emailsOfUnits(catalog.recipientUnitIds(dispatchId)));
        if (addresses.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String shortSubject = subject.length() > 1000 ? subject.substring(0, 1000) : subject;
        String[] recipients = addresses.toArray(String[]::new);
        jdbc.update("""
                    insert into mail_outbox (dispatch_id, kind, recipient, subject, body, created_at, next_attempt_at)
                    select ?, ?, recipient, ?, ?, ?, ? from unnest(?) as address (recipient)
                    on conflict (dispatch_id, kind, recipient) do nothing
                    """, insert -> {
            insert.setLong(1, dispatchId);
            insert.setString(2, kind);
            insert.setString(3, shortSubject);
            insert.setString(4, body);
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            insert.setArray(7, insert.getConnection().createArrayOf("varchar", recipients));
        });
    }
}
