package vn.congvan.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrators' landing page: accounts, units, groups of units, the audit log. */
@Controller
class AdminHomeController {

    @GetMapping("/quan-tri")
    String home() {
        return "account/admin";
    }
}
