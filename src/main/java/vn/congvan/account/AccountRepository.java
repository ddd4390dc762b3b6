package vn.congvan.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

    @EntityGraph(attributePaths = "roles")
    Optional<Account> findByUsername(String username);

    @EntityGraph(attributePaths = "roles")
    Optional<Account> findWithRolesById(Long id);

    @EntityGraph(attributePaths = "roles")
    List<Account> findAllByOrderByUsername();

    boolean existsByUsername(String username);

    @Query("select count(a) > 0 from Account a join a.roles r where r = vn.congvan.account.Role.ADMIN")
    boolean existsAdministrator();

    /**
     * A transaction-scoped lock taken before the last-administrator check, so that two administrators demoting
     * each other at the same moment cannot both pass it.
     */
    @Query(nativeQuery = true, value = "select cast(pg_advisory_xact_lock(hashtext('congvan.administrators')) as text)")
    String lockAdministrators();

    @Query("select count(a) > 0 from Account a join a.roles r where r = vn.congvan.account.Role.ADMIN "
            + "and a.enabled = true and a.id <> ?1")
    boolean existsOtherEnabledAdministrator(Long id);

    @Query("select a.email from Account a join a.roles r where r = vn.congvan.account.Role.MEMBER "
            + "and a.unitId in ?1 and a.enabled = true and a.email is not null order by a.unitId, a.username")
    List<String> findEmailsOfUnits(Collection<Long> unitIds);

    @Query("select a.username as username, a.displayName as displayName from Account a where a.username in ?1")
    List<NameOfAccount> findNamesByUsernameIn(Collection<String> usernames);

    @Query("select a.username as username, a.displayName as displayName from Account a")
    List<NameOfAccount> findAllNames();

    interface NameOfAccount {
        String getUsername();

        String getDisplayName();
    }
}
