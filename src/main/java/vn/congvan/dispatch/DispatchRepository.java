package vn.congvan.dispatch;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DispatchRepository extends JpaRepository<Dispatch, Long> {

    String PUBLISHED_PUBLIC = """
            from Dispatch d
            where d.visibility = vn.congvan.dispatch.Visibility.PUBLIC
              and d.status = vn.congvan.dispatch.DispatchStatus.PUBLISHED
            """;

    String NEWEST_FIRST = " order by d.issuedOn desc, d.id desc";

    @EntityGraph(attributePaths = "type")
    @Query(value = "select d " + PUBLISHED_PUBLIC + NEWEST_FIRST, countQuery = "select count(d) " + PUBLISHED_PUBLIC)
    Page<Dispatch> findPublished(Pageable pageable);

    /** The newest public dispatches, without the count a page would need. */
    @EntityGraph(attributePaths = "type")
    @Query("select d " + PUBLISHED_PUBLIC + NEWEST_FIRST)
    List<Dispatch> findLatestPublished(Limit limit);

    /**
     * The public dispatches after a position of the list (older ones), newest first: a seek on
     * dispatch_public_listing_idx, whatever the depth. The redundant "issuedOn <= :on" is the index condition.
     */
    @EntityGraph(attributePaths = "type")
    @Query("select d " + PUBLISHED_PUBLIC + """
              and d.issuedOn <= :on and (d.issuedOn < :on or d.id < :id)
            order by d.issuedOn desc, d.id desc
            """)
    List<Dispatch> findPublishedAfter(LocalDate on, Long id, Limit limit);

    /** The public dispatches before a position of the list (newer ones), oldest first. */
    @EntityGraph(attributePaths = "type")
    @Query("select d " + PUBLISHED_PUBLIC + """
              and d.issuedOn >= :on and (d.issuedOn > :on or d.id > :id)
            order by d.issuedOn asc, d.id asc
            """)
    List<Dispatch> findPublishedBefore(LocalDate on, Long id, Limit limit);

    @EntityGraph(attributePaths = { "type", "recipientLines" })
    @Query("select d from Dispatch d where d.id = :id")
    Optional<Dispatch> findWithRecipients(Long id);

    /** The status as committed now, or as this transaction left it: a query, never an entity already loaded. */
    @Query("select d.status from Dispatch d where d.id = :id")
    Optional<DispatchStatus> findStatus(Long id);

    List<Dispatch> findByForwardsIdOrderByIssuedOnAscIdAsc(Long forwardsId);

    List<Dispatch> findByRelatedIdOrderByIdAsc(Long relatedId);

    @EntityGraph(attributePaths = "type")
    List<Dispatch> findByIdIn(Collection<Long> ids);

    @EntityGraph(attributePaths = "type")
    @Query(value = "select d from Dispatch d where d.issuerUnitId = :issuerUnitId order by d.updatedAt desc, d.id desc",
            countQuery = "select count(d) from Dispatch d where d.issuerUnitId = :issuerUnitId")
    Page<Dispatch> findByIssuer(Long issuerUnitId, Pageable pageable);

    @Query("""
            select d from Dispatch d
            where d.issuerUnitId = :issuerUnitId and d.numberingSeries = :series
              and d.number.number = :number and d.number.symbol = :symbol
            """)
    Optional<Dispatch> findByIssuerAndNumber(Long issuerUnitId, String series, int number, String symbol);
}
