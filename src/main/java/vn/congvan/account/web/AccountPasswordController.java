package vn.congvan.account.web;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
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

/** An administrator sets a new password for an account (Đặt lại mật khẩu). */
@Controller
@RequestMapping("/quan-tri/tai-khoan/{id}/mat-khau")
class AccountPasswordController {

    private final AccountManagement accounts;

    AccountPasswordController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("account")
    AccountSummary account(@PathVariable Long id) {
        return accounts.find(id).orElseThrow(() -> new AccountNotFoundException(id));
    }

    /** The username is set before binding and cannot be bound, so the policy checks the account's real one. */
    @ModelAttribute("passwordForm")
    PasswordForm passwordForm(@PathVariable Long id) {
        return PasswordForm.forAccount(account(id).username());
    }

    @GetMapping
    String form() {
        return "account/password";
    }

    @PostMapping
    String reset(
            @PathVariable Long id,
            @Valid @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "account/password";
        }
        accounts.resetPassword(id, form.getPassword());
        redirect.addFlashAttribute("flash", "account.passwordReset");
        return "redirect:/quan-tri/tai-khoan/" + id;
    }
}
