package vn.congvan.organization;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface UnitGroupRepository extends JpaRepository<UnitGroup, Long> {

    Optional<UnitGroup> findByCode(String code);
}
