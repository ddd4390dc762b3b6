package vn.congvan.account;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads the {@link CurrentUser} for a login; usernames are matched case-insensitively (stored lower case). */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** An unknown name must not doom the login's transaction, which still has to record the failure. */
    @Override
    @Transactional(readOnly = true, noRollbackFor = UsernameNotFoundException.class)
    public CurrentUser loadUserByUsername(String username) {
        return accounts.findByUsername(Account.normalise(username))
                .map(Account::toCurrentUser)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
