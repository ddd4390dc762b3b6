package vn.congvan.account;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the sessions of an account an administrator changed (roles, unit, enabled, password): a session holds the
 * {@link CurrentUser} it started with, and access must follow the account as it is now. The next request of such a
 * session is sent to the login page.
 */
@Component
class SignedInSessions {

    private final SessionRegistry sessions;

    SignedInSessions(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void on(AccountChanged changed) {
        // Looked up by the principal name index of the shared session store: a session started on another
        // instance is marked expired too, and every instance sends its next request to the login page.
        sessions.getAllSessions(changed.username(), false).forEach(SessionInformation::expireNow);
    }
}
