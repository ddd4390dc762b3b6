package vn.congvan.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.account.AccountManagement;

/** Mở khóa đăng nhập: an administrator ends an account's login waits and locks, from every address. */
@Controller
class LoginUnlockController {

    private final AccountManagement accounts;

    LoginUnlockController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/quan-tri/tai-khoan/{id}/mo-khoa-dang-nhap")
    String unlock(@PathVariable Long id, RedirectAttributes redirect) {
        accounts.unlockLogin(id);
        redirect.addFlashAttribute("flash", "account.login.unlocked");
        return "redirect:/quan-tri/tai-khoan/" + id;
    }
}
