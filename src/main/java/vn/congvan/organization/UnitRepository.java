package vn.congvan.organization;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UnitRepository extends JpaRepository<Unit, Long> {

    Optional<Unit> findByCode(String code);

    boolean existsByCode(String code);

    /** The unit and all its descendants, at any depth. */
    @Query(nativeQuery = true, value = """
            with recursive subtree (id) as (
                select id from unit where id = :id
                union
                select child.id from unit child join subtree on child.parent_id = subtree.id
            )
            select id from subtree""")
    List<Long> findSubtreeIds(Long id);

    /**
     * Serialises changes of the tree's shape until the transaction ends: two moves checked at the same time against
     * the same tree could otherwise each pass the cycle check and together make a cycle (A under B, B under A).
     */
    @Query(nativeQuery = true, value = "select cast(pg_advisory_xact_lock(hashtext('congvan.unit-tree')) as text)")
    String lockTreeShape();

    /**
     * The units named, and the members of the groups named, that exist on that day; one statement, however many.
     * The lists are never empty (the caller passes a sentinel id that no unit has).
     */
    @Query(nativeQuery = true, value = """
            select u.id from unit u
            where (u.id in (:unitIds)
                   or u.id in (select m.unit_id from unit_group_member m where m.group_id in (:groupIds)))
              and (u.valid_from is null or u.valid_from <= :day)
              and (u.valid_to is null or u.valid_to > :day)
            order by u.id""")
    List<Long> findActiveRecipientIds(Collection<Long> unitIds, Collection<Long> groupIds, LocalDate day);

    @Query("select new vn.congvan.organization.UnitSuccession(p, u.id) from Unit u join u.predecessorIds p")
    List<UnitSuccession> findSuccessions();

    /** The units whose work passed to this one, directly or through earlier successions; one statement. */
    @Query(nativeQuery = true, value = """
            with recursive earlier (id) as (
                select s.predecessor_id from unit_succession s where s.successor_id = :unitId
              union
                select s.predecessor_id from unit_succession s join earlier e on s.successor_id = e.id
            )
            select id from earlier where id <> :unitId""")
    List<Long> findPredecessorIds(Long unitId);
}
