package vn.congvan.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PersonalAccessTokenRepository extends JpaRepository<PersonalAccessToken, Long> {

    Optional<PersonalAccessToken> findByTokenHash(byte[] tokenHash);

    List<PersonalAccessToken> findByAccountIdOrderByCreatedAtDescIdDesc(Long accountId);

    Optional<PersonalAccessToken> findByIdAndAccountId(Long id, Long accountId);

    @Modifying
    @Query("update PersonalAccessToken t set t.lastUsedAt = ?2 where t.id = ?1")
    int markUsed(Long id, Instant at);
}
