package vn.congvan.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;

/**
 * The branches and the name search of the unit fields of the administration's forms (parent, successor, members of
 * a group), as list items that tree.js inserts: the recipient pickers' markup with radio buttons for a single unit.
 * Administrators only (the security configuration guards /quan-tri/**).
 */
@Controller
@RequestMapping("/quan-tri/don-vi/chon")
class UnitChoiceController {

    /** The form field becomes markup: plain letters only. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z]{1,40}");

    private final OrganizationDirectory directory;

    private final OrganizationAdministration administration;

    private final Clock clock;

    private final ZoneId zone;

    UnitChoiceController(
            OrganizationDirectory directory, OrganizationAdministration administration, Clock clock, ZoneId zone) {
        this.directory = directory;
        this.administration = administration;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping
    String branch(
            @RequestParam("ten") String name,
            @RequestParam(name = "kieu", defaultValue = "nhieu") String kind,
            @RequestParam(name = "hieu-luc", defaultValue = "false") boolean activeOnly,
            @RequestParam(name = "tru", required = false) Long excluded,
            @RequestParam(name = "cap-tren", required = false) Long parentId,
            @RequestParam(name = "tu", defaultValue = "0") int offset,
            Model model) {
        UnitChoice choice = choice(name, kind, activeOnly, excluded);
        model.addAttribute("choice", choice);
        model.addAttribute("unitsEndedBy", LocalDate.ofInstant(clock.instant(), zone));
        model.addAttribute(
                "branch",
                UnitChoice.without(directory.branch(parentId, activeOnly, offset, UnitChoice.PAGE), excluded));
        return "organization/unit-branch :: choice";
    }

    @GetMapping("/tim")
    String search(
            @RequestParam("ten") String name,
            @RequestParam(name = "kieu", defaultValue = "nhieu") String kind,
            @RequestParam(name = "hieu-luc", defaultValue = "false") boolean activeOnly,
            @RequestParam(name = "tru", required = false) Long excluded,
            @RequestParam(name = "q", defaultValue = "") String query,
            Model model) {
        UnitChoice choice = choice(name, kind, activeOnly, excluded);
        model.addAttribute("choice", choice);
        model.addAttribute("unitsEndedBy", LocalDate.ofInstant(clock.instant(), zone));
        model.addAttribute(
                "matches",
                UnitChoice.found(
                        directory,
                        query,
                        activeOnly,
                        excluded == null ? Set.of() : administration.subtreeOf(excluded)));
        return "organization/unit-branch :: choiceMatches";
    }

    /** What the fragments need to render boxes like the page's; tree.js ticks what is ticked elsewhere on the form. */
    private static UnitChoice choice(String name, String kind, boolean activeOnly, Long excluded) {
        if (!NAME.matcher(name).matches() || !(kind.equals("mot") || kind.equals("nhieu"))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return new UnitChoice(
                name, kind.equals("mot"), activeOnly, excluded, null, List.of(), Set.of(), null, "", false);
    }
}
