package vn.congvan.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account module's API: open, edit, enable and disable accounts, reset passwords. Every change is published
 * as {@link AccountChanged}. Who may call these is decided by the caller (the administration pages are for
 * {@link Role#ADMIN} only).
 */
@Service
@Transactional(readOnly = true)
public class AccountManagement {

    private final AccountRepository accounts;

    private final PasswordEncoder passwordEncoder;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    AccountManagement(AccountRepository accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    public List<AccountSummary> all() {
        return accounts.findAllByOrderByUsername().stream().map(Account::toSummary).toList();
    }

    public Optional<AccountSummary> find(Long id) {
        return accounts.findWithRolesById(id).map(Account::toSummary);
    }

    public Optional<AccountSummary> findByUsername(String username) {
        return accounts.findByUsername(Account.normalise(username)).map(Account::toSummary);
    }

    public boolean usernameTaken(String username) {
        return accounts.existsByUsername(Account.normalise(username));
    }

    public boolean hasAdministrator() {
        return accounts.existsAdministrator();
    }

    /**
     * The addresses of the enabled members (not clerks or administrators) of these units, unit by unit, for notices
     * of what they received; one query however many units.
     */
    public List<String> emailsOfUnits(Collection<Long> unitIds) {
        return unitIds.isEmpty() ? List.of() : accounts.findEmailsOfUnits(unitIds);
    }

    /** Opens an account; the password must satisfy {@link PasswordPolicy}. */
    @Transactional
    public AccountSummary open(NewAccount spec) {
        if (!PasswordPolicy.accepts(spec.username(), spec.password())) {
            throw new IllegalArgumentException("The password breaks the policy: "
                    + PasswordPolicy.violations(spec.username(), spec.password()));
        }
        Instant now = clock.instant();
        Account account = accounts.save(Account.open(spec.username(), passwordEncoder.encode(spec.password()),
                spec.displayName(), spec.email(), spec.unitId(), spec.roles(), now));
        events.publishEvent(new AccountChanged(account.getId(), account.getUsername(), "created with roles "
                + spec.roles() + (spec.unitId() == null ? "" : " in unit " + spec.unitId()), now));
        return account.toSummary();
    }

    /** Opens the account unless one with that username exists; either way answers the account. */
    @Transactional
    public AccountSummary openUnlessExists(NewAccount spec) {
        return accounts.findByUsername(Account.normalise(spec.username())).map(Account::toSummary)
                .orElseGet(() -> open(spec));
    }

    @Transactional
    public AccountSummary update(Long id, AccountUpdate update) {
        Account account = load(id);
        if (account.getVersion() != update.version()) {
            throw new ObjectOptimisticLockingFailureException(Account.class, id);
        }
        boolean staysAdministrator = update.enabled() && update.roles() != null && update.roles().contains(Role.ADMIN);
        if (account.isAdministrator() && !staysAdministrator) {
            accounts.lockAdministrators();
            if (!accounts.existsOtherEnabledAdministrator(id)) {
                throw new LastAdministratorException();
            }
        }
        boolean wasEnabled = account.isEnabled();
        account.describe(update.displayName(), update.email());
        account.assign(update.unitId(), update.roles());
        if (update.enabled()) {
            account.enable();
        }
        else {
            account.disable();
        }
        Instant now = clock.instant();
        account.touch(now);
        String change = "updated: roles " + update.roles() + ", unit " + update.unitId()
                + (wasEnabled == update.enabled() ? "" : update.enabled() ? ", enabled" : ", disabled");
        events.publishEvent(new AccountChanged(id, account.getUsername(), change, now));
        return accounts.saveAndFlush(account).toSummary();
    }

    @Transactional
    public void resetPassword(Long id, String password) {
        Account account = load(id);
        if (!PasswordPolicy.accepts(account.getUsername(), password)) {
            throw new IllegalArgumentException("The password breaks the policy");
        }
        account.changePassword(passwordEncoder.encode(password));
        Instant now = clock.instant();
        account.touch(now);
        events.publishEvent(new AccountChanged(id, account.getUsername(), "password reset", now));
    }

    private Account load(Long id) {
        return accounts.findWithRolesById(id).orElseThrow(() -> new AccountNotFoundException(id));
    }
}
