package vn.congvan.delivery;

import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.congvan.account.CurrentUser;
import vn.congvan.delivery.DeliveryEvent.Kind;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchPublished;
import vn.congvan.dispatch.DispatchSummary;
import vn.congvan.dispatch.DispatchWithdrawn;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;

/**
 * The per-unit delivery ledger and the units' inboxes. Lines are written in the publishing transaction (the
 * listener below runs inside it), so a published dispatch always has its ledger; each moment is recorded once,
 * the first time, while every view, download and acknowledgement is still reported as an event.
 */
@Service
@Transactional
public class DeliveryLedger {

    /** Vietnamese alphabetical order (Đ after D, tones after the bare letter), not code-point order. */
    private static final Collator VIETNAMESE_ORDER = Collator.getInstance(Locale.forLanguageTag("vi"));

    private final DeliveryRepository deliveries;

    private final DispatchCatalog catalog;

    private final OrganizationDirectory organization;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    DeliveryLedger(DeliveryRepository deliveries, DispatchCatalog catalog, OrganizationDirectory organization,
            ApplicationEventPublisher events, Clock clock) {
        this.deliveries = deliveries;
        this.catalog = catalog;
        this.organization = organization;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(DispatchPublished published) {
        published.recipientUnitIds().stream().sorted()
                .forEach(unitId -> deliveries.save(new Delivery(published.dispatchId(), unitId, published.at())));
    }

    @EventListener
    void on(DispatchWithdrawn withdrawn) {
        deliveries.markWithdrawn(withdrawn.dispatchId(), withdrawn.at());
    }

    /** What was sent to the member's unit and not withdrawn, newest first. */
    @Transactional(readOnly = true)
    public Page<InboxItem> inbox(CurrentUser member, Pageable pageable) {
        Page<Delivery> page = deliveries.findInbox(member.unitId(), pageable);
        Map<Long, DispatchSummary> dispatches = catalog.summaries(page.map(Delivery::getDispatchId).getContent());
        return page.map(delivery -> new InboxItem(dispatches.get(delivery.getDispatchId()), delivery.toStatus()));
    }

    @Transactional(readOnly = true)
    public long unreadCount(CurrentUser member) {
        return deliveries.countUnread(member.unitId());
    }

    /** Where the member's unit stands with the dispatch; empty if it was not sent to the unit. */
    @Transactional(readOnly = true)
    public Optional<DeliveryStatus> statusFor(Long dispatchId, CurrentUser member) {
        if (member == null || !member.isMemberOf(member.unitId())) {
            return Optional.empty();
        }
        return deliveries.findByDispatchIdAndUnitId(dispatchId, member.unitId()).map(Delivery::toStatus);
    }

    public void recordViewed(Long dispatchId, CurrentUser member) {
        record(Kind.VIEWED, dispatchId, null, member);
    }

    public void recordDownloaded(Long dispatchId, Long attachmentId, CurrentUser member) {
        record(Kind.DOWNLOADED, dispatchId, attachmentId, member);
    }

    /** "Xác nhận đã nhận": answers false if the dispatch was not sent to the member's unit. */
    public boolean acknowledge(Long dispatchId, CurrentUser member) {
        return record(Kind.ACKNOWLEDGED, dispatchId, null, member);
    }

    private boolean record(Kind kind, Long dispatchId, Long attachmentId, CurrentUser member) {
        if (statusFor(dispatchId, member).isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        switch (kind) {
            case VIEWED -> deliveries.markViewed(dispatchId, member.unitId(), now, member.getUsername());
            case DOWNLOADED -> {
                // A download is also a view: the unit has the text in hand.
                deliveries.markViewed(dispatchId, member.unitId(), now, member.getUsername());
                deliveries.markDownloaded(dispatchId, member.unitId(), now, member.getUsername());
            }
            case ACKNOWLEDGED -> {
                deliveries.markViewed(dispatchId, member.unitId(), now, member.getUsername());
                deliveries.markAcknowledged(dispatchId, member.unitId(), now, member.getUsername());
            }
        }
        events.publishEvent(new DeliveryEvent(kind, dispatchId, member.unitId(), attachmentId, now));
        return true;
    }

    /** The ledger of a dispatch, units in the order of their names. The caller checks who may read it. */
    @Transactional(readOnly = true)
    public Ledger ledger(Long dispatchId, Ledger.Filter filter) {
        List<DeliveryStatus> all = deliveries.findByDispatchIdOrderByIdAsc(dispatchId).stream()
                .map(Delivery::toStatus).toList();
        Map<Long, UnitSummary> units = organization.unitsById(all.stream().map(DeliveryStatus::unitId).toList());
        List<LedgerLine> lines = all.stream()
                .filter(filter::keeps)
                .map(status -> new LedgerLine(units.get(status.unitId()), status))
                .sorted(Comparator.comparing(line -> line.unit().name(), VIETNAMESE_ORDER))
                .toList();
        return new Ledger(dispatchId, lines, all.size(), (int) all.stream().filter(DeliveryStatus::isViewed).count(),
                (int) all.stream().filter(status -> status.firstDownloadedAt() != null).count(),
                (int) all.stream().filter(DeliveryStatus::isAcknowledged).count());
    }
}
