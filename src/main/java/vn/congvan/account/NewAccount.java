package vn.congvan.account;

import java.util.Set;

/** What an administrator (or the demo data, or the bootstrap) gives to open an account; the password is clear. */
public record NewAccount(
        String username, String displayName, String email, Long unitId, Set<Role> roles, String password) {

    @Override
    public String toString() {
        return "NewAccount[" + username + ", unit " + unitId + ", " + roles + "]";
    }
}
