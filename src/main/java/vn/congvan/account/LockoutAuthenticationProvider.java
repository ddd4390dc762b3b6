package vn.congvan.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password login behind the throttle: an attempt the throttle refuses is answered before the password is checked
 * (so a right password inside a wait or a lock tells nothing, and costs no hashing), and is not itself a failure, so
 * waiting always ends the wait. Wrong passwords are recorded; a success forgives the failures of its own
 * (name, address) pair only. Check, password and record run in one transaction holding the pair's claim, so that
 * parallel attempts cannot all slip past the check. The address is the servlet request's remote address, never a
 * header, so a forged X-Forwarded-For cannot choose it (behind the production proxy the container sets it from the
 * proxy's header).
 */
class LockoutAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;

    private final LoginFailures failures;

    private final TransactionTemplate transactions;

    private final Clock clock;

    LockoutAuthenticationProvider(
            AuthenticationProvider passwords, LoginFailures failures, TransactionTemplate transactions, Clock clock) {
        this.passwords = passwords;
        this.failures = failures;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String typedName = authentication.getName();
        String address = LoginFailures.address(
                authentication.getDetails() instanceof WebAuthenticationDetails details
                        ? details.getRemoteAddress()
                        : null);
        // A wrong password must still be recorded, so it leaves the transaction as a value, not as an exception.
        Attempt attempt = transactions.execute(status -> attempt(authentication, typedName, address));
        return attempt.outcome();
    }

    private Attempt attempt(Authentication authentication, String typedName, String address) {
        Instant now = clock.instant();
        if (!failures.claim(typedName, address)) {
            return new Attempt(
                    null, new LoginRefusedException(new LockoutRule.Refusal(now.plusSeconds(1), false), now));
        }
        Optional<LockoutRule.Refusal> refusal = failures.refusal(typedName, address);
        if (refusal.isPresent()) {
            return new Attempt(null, new LoginRefusedException(refusal.get(), now));
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            failures.succeeded(result.getName(), address);
            return new Attempt(result, null);
        } catch (BadCredentialsException ex) {
            failures.recordFailure(typedName, address);
            return new Attempt(null, ex);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private record Attempt(Authentication result, AuthenticationException failure) {

        Authentication outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
