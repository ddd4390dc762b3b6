package vn.congvan.system.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.congvan.dispatch.DispatchCatalog;

@Controller
class HomeController {

    private static final int LATEST = 5;

    private final DispatchCatalog catalog;

    HomeController(DispatchCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("latest", catalog.latestPublic(LATEST));
        return "system/home";
    }
}
