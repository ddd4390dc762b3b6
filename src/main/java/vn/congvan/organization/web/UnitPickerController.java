package vn.congvan.organization.web;

import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.congvan.organization.OrganizationDirectory;

/**
 * The branches and the name search of the clerks' unit pickers, as list items that tree.js inserts. Clerks only
 * (the security configuration guards /quan-ly/**), active units only: one cannot address a unit that has ended.
 */
@Controller
@RequestMapping("/quan-ly/don-vi")
class UnitPickerController {

    /** Units per request of a branch, as in the picker's first rendering. */
    static final int PAGE = 100;

    static final int SEARCH_LIMIT = 50;

    /** The form field and id prefix become markup: plain letters only. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z]{1,40}");

    private final OrganizationDirectory directory;

    UnitPickerController(OrganizationDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/nhanh")
    String branch(
            @RequestParam("ten") String name,
            @RequestParam("vai") String prefix,
            @RequestParam(name = "cap-tren", required = false) Long parentId,
            @RequestParam(name = "tu", defaultValue = "0") int offset,
            Model model) {
        picker(name, prefix, model);
        model.addAttribute("branch", directory.branch(parentId, true, offset, PAGE));
        return "organization/unit-branch :: picker";
    }

    @GetMapping("/tim")
    String search(
            @RequestParam("ten") String name,
            @RequestParam("vai") String prefix,
            @RequestParam(name = "q", defaultValue = "") String query,
            Model model) {
        picker(name, prefix, model);
        model.addAttribute("matches", directory.search(query, true, SEARCH_LIMIT));
        return "organization/unit-branch :: matches";
    }

    private static void picker(String name, String prefix, Model model) {
        if (!NAME.matcher(name).matches() || !NAME.matcher(prefix).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        model.addAttribute("name", name);
        model.addAttribute("prefix", prefix);
        // tree.js ticks what is already ticked elsewhere in the picker; the server does not know the form here.
        model.addAttribute("chosen", Set.of());
    }
}
