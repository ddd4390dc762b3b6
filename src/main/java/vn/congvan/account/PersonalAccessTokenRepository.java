package vn.congvan.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PersonalAccessTokenRepository extends JpaRepository<PersonalAccessToken, Long> {

    Optional<PersonalAccessToken> findByTokenHash(byte[] tokenHash);

    List<PersonalAccessToken> findByAccountIdOrderByCreatedAtDescIdDesc(Long accountId);

    Optional<PersonalAccessToken> findByIdAndAccountId(Long id, Long accountId);

    boolean existsByAccountIdAndFormRequest(Long accountId, UUID formRequest);

    /** One token made at a time per account, until the transaction ends (ADR 0065). */
    @Query(
            value = "select 1 from (select pg_advisory_xact_lock(8140, hashint8(cast(:accountId as bigint)))) l",
            nativeQuery = true)
    int lockAccount(Long accountId);

    @Modifying
    @Query("update PersonalAccessToken t set t.lastUsedAt = ?2 where t.id = ?1")
    int markUsed(Long id, Instant at);
}
