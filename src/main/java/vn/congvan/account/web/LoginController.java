package vn.congvan.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page; Spring Security's filter handles the POST to the same address. */
@Controller
class LoginController {

    private final LoginPageSettings settings;

    LoginController(LoginPageSettings settings) {
        this.settings = settings;
    }

    /** {@code cho}: seconds to wait before the next attempt; {@code khoa}: minutes this address stays locked out. */
    @GetMapping("/dang-nhap")
    String login(
            @RequestParam(name = "loi", required = false) String failed,
            @RequestParam(name = "khoa", required = false) String locked,
            @RequestParam(name = "cho", required = false) String waiting,
            @RequestParam(name = "thoat", required = false) String loggedOut,
            @RequestParam(name = "het-phien", required = false) String expired,
            Model model) {
        model.addAttribute("expired", expired != null);
        model.addAttribute("failed", failed != null);
        model.addAttribute("locked", locked != null);
        model.addAttribute("waiting", waiting != null && locked == null);
        model.addAttribute("loggedOut", loggedOut != null);
        model.addAttribute("lockMinutes", settings.lockMinutes(number(locked)));
        model.addAttribute("waitSeconds", settings.waitSeconds(number(waiting)));
        return "account/login";
    }

    private static Long number(String text) {
        if (text == null || text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(text);
    }
}
