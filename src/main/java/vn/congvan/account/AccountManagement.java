package vn.congvan.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;

/**
 * The account module's API: open, edit, enable and disable accounts, reset passwords. Every change is published
 * as {@link AccountChanged}. Who may call these is decided by the caller (the administration pages are for
 * {@link Role#ADMIN} only).
 */
@Service
@Transactional(readOnly = true)
public class AccountManagement {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final AccountRepository accounts;

    private final PasswordEncoder passwordEncoder;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final LoginFailures loginFailures;

    private final OrganizationDirectory organization;

    private final MessageSource messages;

    AccountManagement(
            AccountRepository accounts,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            Clock clock,
            LoginFailures loginFailures,
            OrganizationDirectory organization,
            MessageSource messages) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
        this.loginFailures = loginFailures;
        this.organization = organization;
        this.messages = messages;
    }

    /**
     * "vai trò Văn thư, đơn vị Ban Tuyên giáo Quận ủy Quận 1": the change as the audit log's readers read it, with the
     * roles' names as the account pages show them and the unit by its name, not an id.
     */
    private String rolesAndUnit(Set<Role> roles, Long unitId) {
        String names = roles == null
                ? ""
                : roles.stream()
                        .sorted()
                        .map(role -> messages.getMessage("account.role." + role.name(), null, role.name(), VIETNAMESE))
                        .collect(Collectors.joining(", "));
        String unit = unitId == null
                ? ""
                : ", đơn vị " + organization.unit(unitId).map(UnitSummary::name).orElse("mã " + unitId);
        return "vai trò " + names + unit;
    }

    public List<AccountSummary> all() {
        return accounts.findAllByOrderByUsername().stream()
                .map(Account::toSummary)
                .toList();
    }

    public Optional<AccountSummary> find(Long id) {
        return accounts.findWithRolesById(id).map(Account::toSummary);
    }

    public Optional<AccountSummary> findByUsername(String username) {
        return accounts.findByUsername(Account.normalise(username)).map(Account::toSummary);
    }

    /**
     * The people behind these usernames, by username: what a page shows where it names who acknowledged, reported,
     * registered or acted ("Nguyễn Văn An", not "an.nv"). Records keep the username they were written with, so a
     * page asks here when it shows them; a username no longer found (an account removed) is missing from the map and
     * the page shows the username itself. One query however many names.
     */
    public Map<String, String> displayNames(Collection<String> usernames) {
        Set<String> asWritten =
                usernames.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        if (asWritten.isEmpty()) {
            // Not Map.of(), whose lookup of a null key throws.
            return Collections.emptyMap();
        }
        Map<String, String> byAccount = new HashMap<>();
        accounts.findNamesByUsernameIn(
                        asWritten.stream().map(Account::normalise).distinct().toList())
                .forEach(name -> byAccount.put(name.getUsername(), name.getDisplayName()));
        // Keyed by the username as the record wrote it, which is what the page looks up.
        Map<String, String> names = new HashMap<>();
        asWritten.forEach(username -> {
            String name = byAccount.get(Account.normalise(username));
            if (name != null) {
                names.put(username, name);
            }
        });
        // A map that answers null for a null key, as a template's lookup of an empty column may ask.
        return Collections.unmodifiableMap(names);
    }

    /**
     * Every account's name by username, for an export that streams more rows than a page (one query; accounts number
     * in the hundreds or thousands, not more).
     */
    public Map<String, String> allDisplayNames() {
        Map<String, String> names = new HashMap<>();
        accounts.findAllNames().forEach(name -> names.put(name.getUsername(), name.getDisplayName()));
        return Collections.unmodifiableMap(names);
    }

    /** "Nguyễn Văn An" for a known username, else the username itself (or null for none). */
    public static String nameOr(Map<String, String> names, String username) {
        if (username == null) {
            return null;
        }
        String name = names.get(username);
        return name == null ? username : name;
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
            throw new IllegalArgumentException(
                    "The password breaks the policy: " + PasswordPolicy.violations(spec.username(), spec.password()));
        }
        Instant now = clock.instant();
        Account account = accounts.save(Account.open(
                spec.username(),
                passwordEncoder.encode(spec.password()),
                spec.displayName(),
                spec.email(),
                spec.unitId(),
                spec.roles(),
                now));
        events.publishEvent(new AccountChanged(
                account.getId(),
                account.getUsername(),
                "Tạo tài khoản với " + rolesAndUnit(spec.roles(), spec.unitId()),
                now));
        return account.toSummary();
    }

    /** Opens the account unless one with that username exists; either way answers the account. */
    @Transactional
    public AccountSummary openUnlessExists(NewAccount spec) {
        return accounts.findByUsername(Account.normalise(spec.username()))
                .map(Account::toSummary)
                .orElseGet(() -> open(spec));
    }

    @Transactional
    public AccountSummary update(Long id, AccountUpdate update) {
        Account account = load(id);
        if (account.getVersion() != update.version()) {
            throw new ObjectOptimisticLockingFailureException(Account.class, id);
        }
        boolean staysAdministrator =
                update.enabled() && update.roles() != null && update.roles().contains(Role.ADMIN);
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
        } else {
            account.disable();
        }
        Instant now = clock.instant();
        account.touch(now);
        String change = "Sửa tài khoản: " + rolesAndUnit(update.roles(), update.unitId())
                + (wasEnabled == update.enabled() ? "" : update.enabled() ? "; kích hoạt lại" : "; vô hiệu hóa");
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
        events.publishEvent(new AccountChanged(id, account.getUsername(), "Đặt lại mật khẩu", now));
    }

    /** Recent failed logins and locked addresses of every account that has any, by account id. */
    public Map<Long, FailedLogins> failedLogins() {
        List<AccountSummary> all = all();
        Map<String, FailedLogins> byUsername = loginFailures.summaries(
                all.stream().map(AccountSummary::username).toList());
        Map<Long, FailedLogins> byId = new HashMap<>();
        all.forEach(account -> {
            FailedLogins failed = byUsername.get(account.username());
            if (failed != null) {
                byId.put(account.id(), failed);
            }
        });
        return byId;
    }

    public FailedLogins failedLogins(Long id) {
        String username = load(id).getUsername();
        return loginFailures.summaries(List.of(username)).getOrDefault(username, FailedLogins.NONE);
    }

    /**
     * Mở khóa đăng nhập: forgets the account's failed logins from every address, which ends its locks and waits.
     * Published as an {@link AccountChanged}, so the audit log names the administrator.
     */
    @Transactional
    public void unlockLogin(Long id) {
        Account account = load(id);
        int cleared = loginFailures.clear(account.getUsername());
        events.publishEvent(new AccountChanged(
                id,
                account.getUsername(),
                "Mở khóa đăng nhập (xóa " + cleared + " lần đăng nhập sai)",
                clock.instant()));
    }

    private Account load(Long id) {
        return accounts.findWithRolesById(id).orElseThrow(() -> new AccountNotFoundException(id));
    }
}
