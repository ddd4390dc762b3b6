package vn.congvan.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the REST API (ADR 0042): made and revoked by their owner, shown once, kept as the SHA-256
 * of the secret. A token opens the API only while it is neither revoked nor expired and its account is enabled; the
 * account's roles and unit are read again on every request, so a change to the account applies at once.
 */
@Service
@Transactional(readOnly = true)
public class PersonalAccessTokens {

    /** Recognisable in a log or a secret scanner's rules; the rest is 32 random bytes, base64url. */
    public static final String PREFIX = "cvn_";

    private static final int SECRET_BYTES = 32;

    // The account module cannot use system.Times (system depends on dispatch, which depends on account).
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final PersonalAccessTokenRepository tokens;

    private final AccountRepository accounts;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    /** When this instance last wrote each token's last use: at most one write a minute per token. */
    private final Map<Long, Instant> lastWritten = new ConcurrentHashMap<>();

    PersonalAccessTokens(
            PersonalAccessTokenRepository tokens,
            AccountRepository accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Makes a token for the signed-in person. The clerk scope is refused to an account without the clerk role; a
     * token with an expiry date works until the end of that day (Vietnam time).
     */
    @Transactional
    public NewToken create(CurrentUser owner, String name, TokenScope scope, LocalDate expiresOn) {
        return create(owner, name, scope, expiresOn, null)
                .orElseThrow(() -> new IllegalStateException("A token without a form request is always made"));
    }

    /**
     * Makes a token as {@link #create(CurrentUser, String, TokenScope, LocalDate)} does, once per form: the same
     * {@code formRequest} posted again (a refresh of the page that showed the secret, a double click) makes nothing and
     * answers empty (ADR 0065). The secret is never kept to be shown again: it exists in the answer only.
     */
    @Transactional
    public Optional<NewToken> create(
            CurrentUser owner, String name, TokenScope scope, LocalDate expiresOn, UUID formRequest) {
        if (scope == TokenScope.CLERK && !owner.roles().contains(Role.CLERK)) {
            throw new IllegalArgumentException("Only a clerk may make a clerk token");
        }
        if (formRequest != null) {
            // Two posts of one form at once wait here for each other; the second then finds the first's token.
            tokens.lockAccount(owner.accountId());
            if (tokens.existsByAccountIdAndFormRequest(owner.accountId(), formRequest)) {
                return Optional.empty();
            }
        }
        Instant now = clock.instant();
        Instant expiresAt = expiresOn == null
                ? null
                : expiresOn.plusDays(1).atStartOfDay(VIETNAM).toInstant();
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        PersonalAccessToken token = tokens.save(new PersonalAccessToken(
                owner.accountId(), name.strip(), scope, hash(secret), now, expiresAt, formRequest));
        events.publishEvent(new AccessTokenChanged(
                owner.accountId(), owner.getUsername(), "Tạo mã truy cập cá nhân \"" + name.strip() + "\"", now));
        return Optional.of(new NewToken(secret, token.toSummary()));
    }

    /** The account's tokens, newest first, revoked and expired ones included. */
    public List<TokenSummary> ofAccount(Long accountId) {
        return tokens.findByAccountIdOrderByCreatedAtDescIdDesc(accountId).stream()
                .map(PersonalAccessToken::toSummary)
                .toList();
    }

    /** Revokes one of the owner's tokens; the next request with it is refused. False if it is not theirs. */
    @Transactional
    public boolean revoke(CurrentUser owner, Long tokenId) {
        Optional<PersonalAccessToken> token = tokens.findByIdAndAccountId(tokenId, owner.accountId());
        token.ifPresent(found -> {
            Instant now = clock.instant();
            found.revoke(now);
            events.publishEvent(
                    new AccountChanged(owner.accountId(), owner.getUsername(), "Thu hồi mã truy cập cá nhân", now));
        });
        return token.isPresent();
    }

    /** The person a presented token stands for, with its scope; empty for anything that must be refused. */
    @Transactional
    Optional<TokenHolder> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<PersonalAccessToken> token =
                tokens.findByTokenHash(hash(secret)).filter(found -> found.isValidAt(now));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        PersonalAccessToken found = token.get();
        Optional<CurrentUser> user = accounts.findWithRolesById(found.getAccountId())
                .map(Account::toCurrentUser)
                .filter(CurrentUser::isEnabled);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        user.get().eraseCredentials();
        markUsed(found.getId(), now);
        return Optional.of(new TokenHolder(found.getId(), user.get(), found.getScope()));
    }

    private void markUsed(Long tokenId, Instant now) {
        Instant written = lastWritten.get(tokenId);
        if (written != null && now.isBefore(written.plus(LAST_USED_PRECISION))) {
            return;
        }
        lastWritten.put(tokenId, now);
        tokens.markUsed(tokenId, now);
    }

    /**
     * A plain SHA-256 is enough here, unlike for passwords: the secret is 256 random bits, so there is no dictionary to
     * try and a slow hash would only slow every API request down (ADR 0042).
     */
    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Who a valid token stands for. */
    record TokenHolder(Long tokenId, CurrentUser user, TokenScope scope) {}
}
