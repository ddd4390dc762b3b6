package vn.congvan.account;

import java.time.Clock;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login behind the throttle: an attempt the throttle refuses is answered before the password is checked
 * (so a right password inside a wait or a lock tells nothing, and costs no hashing), and is not itself a failure, so
 * waiting always ends the wait. Wrong passwords are recorded; a success forgives the failures of its own
 * (name, address) pair only. The address is the servlet request's remote address, never a header, so a forged
 * X-Forwarded-For cannot choose it (behind the production proxy the container sets it from the proxy's header).
 */
class LockoutAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;

    private final LoginFailures failures;

    private final Clock clock;

    LockoutAuthenticationProvider(AuthenticationProvider passwords, LoginFailures failures, Clock clock) {
        this.passwords = passwords;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String typedName = authentication.getName();
        String address = LoginFailures.address(authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null);
        Optional<LockoutRule.Refusal> refusal = failures.refusal(typedName, address);
        if (refusal.isPresent()) {
            throw new LoginRefusedException(refusal.get(), clock.instant());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            failures.succeeded(result.getName(), address);
            return result;
        }
        catch (BadCredentialsException ex) {
            failures.recordFailure(typedName, address);
            throw ex;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
