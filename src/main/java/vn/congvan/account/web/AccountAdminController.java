package vn.congvan.account.web;

import jakarta.validation.Valid;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.AccountNotFoundException;
import vn.congvan.account.AccountSummary;
import vn.congvan.account.LastAdministratorException;
import vn.congvan.account.Role;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;

/** Accounts for administrators: list, open, edit, reset a password. */
@Controller
@RequestMapping("/quan-tri/tai-khoan")
class AccountAdminController {

    private final AccountManagement accounts;

    private final OrganizationDirectory organization;

    private final MessageSource messages;

    AccountAdminController(AccountManagement accounts, OrganizationDirectory organization, MessageSource messages) {
        this.accounts = accounts;
        this.organization = organization;
        this.messages = messages;
    }

    @ModelAttribute("allRoles")
    Role[] allRoles() {
        return Role.values();
    }

    @GetMapping
    String list(Model model) {
        Map<Long, String> unitNames = new LinkedHashMap<>();
        organization.allUnits().forEach(unit -> unitNames.put(unit.id(), unit.name()));
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("failedLogins", accounts.failedLogins());
        model.addAttribute("unitNames", unitNames);
        return "account/list";
    }

    @GetMapping("/them")
    String newAccount(Model model) {
        model.addAttribute("accountForm", new AccountForm());
        return showCreate(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("accountForm") AccountForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (form.getUsername() != null && accounts.usernameTaken(form.getUsername())) {
            result.rejectValue("username", "account.username.taken");
        }
        checkUnit(form.getUnitId(), form.getRoles(), result);
        if (result.hasErrors()) {
            return showCreate(model);
        }
        AccountSummary account = accounts.open(form.toNewAccount());
        redirect.addFlashAttribute("flash", "account.saved");
        return "redirect:/quan-tri/tai-khoan/" + account.id();
    }

    @GetMapping("/{id}")
    String edit(@PathVariable Long id, Model model) {
        AccountSummary account = load(id);
        model.addAttribute("accountEditForm", AccountEditForm.of(account));
        return showEdit(account, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable Long id,
            @Valid @ModelAttribute("accountEditForm") AccountEditForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        AccountSummary account = load(id);
        checkUnit(form.getUnitId(), form.getRoles(), result);
        if (!result.hasErrors()) {
            try {
                accounts.update(id, form.toUpdate());
                redirect.addFlashAttribute("flash", "account.saved");
                return "redirect:/quan-tri/tai-khoan/" + id;
            } catch (OptimisticLockingFailureException ex) {
                result.reject("account.stale");
            } catch (LastAdministratorException ex) {
                result.reject("account.lastAdministrator");
            }
        }
        return showEdit(account, model);
    }

    private void checkUnit(Long unitId, Set<Role> roles, BindingResult result) {
        if (unitId == null) {
            if (roles != null && !roles.isEmpty() && !roles.contains(Role.ADMIN)) {
                result.rejectValue("unitId", "account.unit.required");
            }
        } else if (organization.unit(unitId).isEmpty()) {
            result.rejectValue("unitId", "account.unit.unknown");
        }
    }

    private String showCreate(Model model) {
        model.addAttribute("units", unitOptions());
        return "account/create";
    }

    private String showEdit(AccountSummary account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("failedLogins", accounts.failedLogins(account.id()));
        model.addAttribute("units", unitOptions());
        return "account/edit";
    }

    private Map<String, String> unitOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("", messages.getMessage("account.unit.none", null, LocaleContextHolder.getLocale()));
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        List<UnitSummary> units = organization.allUnits().stream()
                .sorted(Comparator.comparing(UnitSummary::name, vietnamese))
                .toList();
        for (UnitSummary unit : units) {
            options.put(String.valueOf(unit.id()), unit.name());
        }
        return options;
    }

    private AccountSummary load(Long id) {
        return accounts.find(id).orElseThrow(() -> new AccountNotFoundException(id));
    }
}
