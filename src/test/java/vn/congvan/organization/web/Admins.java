package vn.congvan.organization.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Set;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.Accounts;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;

/** The signed-in people of the admin screens' tests. */
final class Admins {

    private Admins() {}

    static RequestPostProcessor admin() {
        return user("admin").roles("ADMIN");
    }

    /** An administrator account of the calling test's own, signed in as the application loads it. */
    static RequestPostProcessor openedAdministrator(AccountManagement accounts, UserDetailsService users) {
        String username = Accounts.uniqueUsername("quantri");
        accounts.open(
                new NewAccount(username, "Quản trị viên thử", null, null, Set.of(Role.ADMIN), Accounts.DEMO_PASSWORD));
        return user(users.loadUserByUsername(username));
    }

    static RequestPostProcessor member() {
        return user("member").roles("MEMBER");
    }
}
