package vn.congvan.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DispatchRepository extends JpaRepository<Dispatch, Long> {

    /** What everyone may see (the public section, its feed): the access policy's public rule. */
    String PUBLISHED_PUBLIC = " from Dispatch d where " + DispatchAccess.PUBLIC_JPQL + " ";

    String NEWEST_FIRST = " order by d.issuedOn desc, d.id desc";

    @EntityGraph(attributePaths = "type")
    @Query(value = "select d " + PUBLISHED_PUBLIC + NEWEST_FIRST, countQuery = "select count(d) " + PUBLISHED_PUBLIC)
    Page<Dispatch> findPublished(Pageable pageable);

    @EntityGraph(attributePaths = {"type", "recipientLines"})
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
    @Query(
            value =
                    "select d from Dispatch d where d.issuerUnitId = :issuerUnitId order by d.updatedAt desc, d.id desc",
            countQuery = "select count(d) from Dispatch d where d.issuerUnitId = :issuerUnitId")
    Page<Dispatch> findByIssuer(Long issuerUnitId, Pageable pageable);

    @Query("""
            select d from Dispatch d
            where d.issuerUnitId = :issuerUnitId and d.numberingSeries = :series
              and d.number.number = :number and d.number.symbol = :symbol
            """)
    Optional<Dispatch> findByIssuerAndNumber(Long issuerUnitId, String series, int number, String symbol);

    @Query(value = "select unnest(unit_ids) from dispatch_recipient_units where dispatch_id = :id", nativeQuery = true)
    List<Long> findRecipientUnitIds(Long id);
}
