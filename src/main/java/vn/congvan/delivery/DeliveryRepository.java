package vn.congvan.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DeliveryRepository extends JpaRepository<Delivery, Long> {

    /** The lines of the dispatch for these units, the latest unit (a successor is made after what it takes over) first. */
    List<Delivery> findByDispatchIdAndUnitIdInOrderByUnitIdDesc(Long dispatchId, Collection<Long> unitIds);

    List<Delivery> findByDispatchIdOrderByIdAsc(Long dispatchId);

    /**
     * The inbox: everything sent to the units, withdrawn dispatches included (they stay as notices), the latest
     * delivery or notice first (the order of {@code delivery_inbox_order_idx}). A dispatch sent to several of the
     * units (a merged ward's predecessors all got it) is one item: the line of the latest unit, as in
     * {@link #findByDispatchIdAndUnitIdInOrderByUnitIdDesc}.
     */
    @Query(value = """
            select d from Delivery d where d.unitId in :unitIds
            and not exists (select 1 from Delivery later where later.dispatchId = d.dispatchId
                            and later.unitId in :unitIds and later.unitId > d.unitId)
            order by coalesce(d.noticedAt, d.deliveredAt) desc, d.id desc
            """, countQuery = "select count(distinct d.dispatchId) from Delivery d where d.unitId in :unitIds")
    Page<Delivery> findInbox(Collection<Long> unitIds, Pageable pageable);

    /** Dispatches, not lines: a view is recorded on every line the member's units hold (DeliveryLedger.record). */
    @Query("""
            select count(distinct d.dispatchId) from Delivery d
            where d.unitId in :unitIds and d.withdrawnAt is null and d.firstViewedAt is null""")
    long countUnread(Collection<Long> unitIds);

    @Modifying
    @Query("""
            update Delivery d set d.withdrawnAt = :at, d.noticedAt = :at
            where d.dispatchId = :dispatchId and d.withdrawnAt is null""")
    int markWithdrawn(Long dispatchId, Instant at);

    /** A correction or replacement of the dispatch was published: its lines rise in the inboxes, in one statement. */
    @Modifying
    @Query("""
            update Delivery d set d.noticedAt = :at
            where d.dispatchId = :dispatchId and (d.noticedAt is null or d.noticedAt < :at)""")
    int markNoticed(Long dispatchId, Instant at);

    @Modifying
    @Query("""
            update Delivery d set d.firstViewedAt = :at, d.firstViewedBy = :by
            where d.dispatchId = :dispatchId and d.unitId in :unitIds and d.firstViewedAt is null
            """)
    int markViewed(Long dispatchId, Collection<Long> unitIds, Instant at, String by);

    @Modifying
    @Query("""
            update Delivery d set d.firstDownloadedAt = :at, d.firstDownloadedBy = :by
            where d.dispatchId = :dispatchId and d.unitId in :unitIds and d.firstDownloadedAt is null
            """)
    int markDownloaded(Long dispatchId, Collection<Long> unitIds, Instant at, String by);

    @Modifying
    @Query("""
            update Delivery d set d.acknowledgedAt = :at, d.acknowledgedBy = :by
            where d.dispatchId = :dispatchId and d.unitId in :unitIds and d.acknowledgedAt is null
            """)
    int markAcknowledged(Long dispatchId, Collection<Long> unitIds, Instant at, String by);
}
