/**
 * Accounts, roles, login and its throttle, password policy and the security configuration. {@code CurrentUser} is
 * the principal the other modules ask access questions of. Uses {@code organization} for the unit of an account.
 */
@ApplicationModule(displayName = "Account (Tài khoản)", allowedDependencies = "organization")
package vn.congvan.account;

import org.springframework.modulith.ApplicationModule;
