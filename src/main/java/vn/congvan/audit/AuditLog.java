package vn.congvan.audit;

import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit log (nhật ký): append and read. Entries are never changed or removed. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    public static final int PAGE_SIZE = 50;

    private final AuditEntryRepository entries;

    private final Clock clock;

    /** Audit times are shown and filtered on the portal's clocks ({@code congvan.time-zone}), whatever the server's. */
    private final ZoneId zone;

    AuditLog(AuditEntryRepository entries, Clock clock, ZoneId zone) {
        this.entries = entries;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Appends an entry. It joins the caller's transaction, if any: an action rolled back leaves no entry behind,
     * which is what the log should say.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    void record(AuditAction action, Instant at, Actor actor, String subjectType, Long subjectId, String details) {
        record(action, at, actor, new Subject(subjectType, subjectId, null), details);
    }

    /** As above, with the subject named as its readers name it. */
    @Transactional(propagation = Propagation.REQUIRED)
    void record(AuditAction action, Instant at, Actor actor, Subject subject, String details) {
        entries.save(new AuditEntry(
                at == null ? clock.instant() : at,
                action,
                actor.username(),
                actor.unitId(),
                actor.clientAddress(),
                subject.type(),
                subject.id(),
                subject.label(),
                details));
    }

    /** Newest first, {@value #PAGE_SIZE} a page. */
    public Page<AuditEntryView> search(AuditQuery query, int page) {
        PageRequest request = PageRequest.of(
                Math.max(0, page), PAGE_SIZE, Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id")));
        return entries.findAll(matching(query), request).map(entry -> entry.toView(zone));
    }

    private Specification<AuditEntry> matching(AuditQuery query) {
        return (root, criteria, builder) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (query.action() != null) {
                predicates.add(builder.equal(root.get("action"), query.action()));
            }
            if (query.username() != null && !query.username().isBlank()) {
                predicates.add(builder.equal(
                        root.get("actorUsername"), query.username().strip().toLowerCase(Locale.ROOT)));
            }
            if (query.from() != null) {
                predicates.add(builder.greaterThanOrEqualTo(
                        root.get("occurredAt"), query.from().atStartOfDay(zone).toInstant()));
            }
            if (query.to() != null) {
                predicates.add(builder.lessThan(
                        root.get("occurredAt"),
                        query.to().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            return builder.and(predicates.toArray(Predicate[]::new));
        };
    }

    /** Who acted, from where; any part may be unknown. */
    record Actor(String username, Long unitId, String clientAddress) {}

    /** What an entry is about: a type, an id and, for new entries, the name its readers know it by. */
    record Subject(String type, Long id, String label) {}
}
