package vn.congvan.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DeliveryRepository extends JpaRepository<Delivery, Long> {

    Optional<Delivery> findByDispatchIdAndUnitId(Long dispatchId, Long unitId);

    List<Delivery> findByDispatchIdOrderByIdAsc(Long dispatchId);

    @Query(value = """
            select d from Delivery d where d.unitId = :unitId and d.withdrawnAt is null
            order by d.deliveredAt desc, d.id desc
            """, countQuery = "select count(d) from Delivery d where d.unitId = :unitId and d.withdrawnAt is null")
    Page<Delivery> findInbox(Long unitId, Pageable pageable);

    @Query("select count(d) from Delivery d where d.unitId = :unitId and d.withdrawnAt is null and d.firstViewedAt is null")
    long countUnread(Long unitId);

    @Modifying
    @Query("update Delivery d set d.withdrawnAt = :at where d.dispatchId = :dispatchId and d.withdrawnAt is null")
    int markWithdrawn(Long dispatchId, Instant at);

    @Modifying
    @Query("""
            update Delivery d set d.firstViewedAt = :at, d.firstViewedBy = :by
            where d.dispatchId = :dispatchId and d.unitId = :unitId and d.firstViewedAt is null
            """)
    int markViewed(Long dispatchId, Long unitId, Instant at, String by);

    @Modifying
    @Query("""
            update Delivery d set d.firstDownloadedAt = :at, d.firstDownloadedBy = :by
            where d.dispatchId = :dispatchId and d.unitId = :unitId and d.firstDownloadedAt is null
            """)
    int markDownloaded(Long dispatchId, Long unitId, Instant at, String by);

    @Modifying
    @Query("""
            update Delivery d set d.acknowledgedAt = :at, d.acknowledgedBy = :by
            where d.dispatchId = :dispatchId and d.unitId = :unitId and d.acknowledgedAt is null
            """)
    int markAcknowledged(Long dispatchId, Long unitId, Instant at, String by);
}
