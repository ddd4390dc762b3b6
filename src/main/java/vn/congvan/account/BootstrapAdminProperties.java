package vn.congvan.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of a new installation (environment {@code CONGVAN_ACCOUNT_BOOTSTRAP_ADMIN_USERNAME} and
 * {@code CONGVAN_ACCOUNT_BOOTSTRAP_ADMIN_PASSWORD}); used only while no administrator exists.
 */
@ConfigurationProperties("congvan.account.bootstrap-admin")
record BootstrapAdminProperties(String username, String password) {

    boolean isSet() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "BootstrapAdminProperties[" + username + "]";
    }
}
