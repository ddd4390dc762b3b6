package vn.congvan.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login with lockout: refuses a locked username or client address before the password is checked (so a
 * correct password does not open a locked account), records wrong passwords, and clears a username's failures on
 * success. A refusal while locked is not recorded, so waiting out the lock always works.
 */
class LockoutAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;

    private final LoginFailures failures;

    LockoutAuthenticationProvider(AuthenticationProvider passwords, LoginFailures failures) {
        this.passwords = passwords;
        this.failures = failures;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = LoginFailures.key(authentication.getName());
        String address = LoginFailures.address(authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null);
        if (failures.isLocked(username, address)) {
            throw new LockedException("Too many failed logins");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            failures.clear(username);
            return result;
        }
        catch (BadCredentialsException ex) {
            failures.recordFailure(username, address);
            throw ex;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
