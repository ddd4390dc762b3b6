package vn.congvan.account;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A new installation has no account, and only an administrator can open one: so at start-up, while no
 * administrator exists and both bootstrap properties are set, this opens that administrator. Otherwise it does
 * nothing; there is no default account.
 */
@Component
@Order(0)
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final AccountManagement accounts;

    private final BootstrapAdminProperties properties;

    BootstrapAdministrator(AccountManagement accounts, BootstrapAdminProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.isSet() || accounts.hasAdministrator()) {
            return;
        }
        if (!PasswordPolicy.accepts(properties.username(), properties.password())) {
            throw new IllegalStateException("congvan.account.bootstrap-admin.password breaks the password policy: "
                    + "at least " + PasswordPolicy.MIN_LENGTH + " characters, a letter and a digit, "
                    + "not containing the username");
        }
        AccountSummary admin = accounts.open(new NewAccount(
                properties.username(), "Quản trị viên", null, null, Set.of(Role.ADMIN), properties.password()));
        log.info("Created the first administrator '{}' from congvan.account.bootstrap-admin.*", admin.username());
    }
}
