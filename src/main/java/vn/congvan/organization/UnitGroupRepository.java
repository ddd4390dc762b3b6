package vn.congvan.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UnitGroupRepository extends JpaRepository<UnitGroup, Long> {

    Optional<UnitGroup> findByCode(String code);

    boolean existsByCode(String code);

    /** Every group with its members, in one query. */
    @Query("select distinct g from UnitGroup g left join fetch g.memberUnitIds")
    List<UnitGroup> findAllWithMembers();

    @Query("select distinct m from UnitGroup g join g.memberUnitIds m where g.id in :groupIds")
    List<Long> findMemberUnitIds(Collection<Long> groupIds);
}
