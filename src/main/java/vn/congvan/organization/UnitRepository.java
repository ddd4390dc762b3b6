package vn.congvan.organization;

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

    @Query("select new vn.congvan.organization.UnitSuccession(p, u.id) from Unit u join u.predecessorIds p")
    List<UnitSuccession> findSuccessions();
}
