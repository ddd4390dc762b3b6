package vn.congvan.organization.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.OrganizationRuleException;
import vn.congvan.organization.UnitBranch;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitMatch;
import vn.congvan.organization.UnitSuccession;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Versioned;

/** The administrators' screens for the unit tree: list, create, edit, move, end. */
@Controller
@RequestMapping("/quan-tri/don-vi")
class UnitAdminController {

    private static final String TREE = "redirect:/quan-tri/don-vi";

    /**
     * Units per request of a branch; a branch of thousands is shown a page at a time ("Xem thêm"). Fewer than in the
     * pickers: a row here carries the unit's details and actions.
     */
    static final int PAGE = 50;

    /** At most this many units are shown opened on the first page, whatever the size of the tree. */
    private static final int BUDGET = 100;

    /** The first page opens the roots and their children (levels 0 and 1), budget permitting. */
    private static final int OPEN_DEPTH = 3;

    private static final int SEARCH_LIMIT = 100;

    private final OrganizationDirectory directory;

    private final OrganizationAdministration administration;

    private final Clock clock;

    private final ZoneId zone;

    UnitAdminController(
            OrganizationDirectory directory, OrganizationAdministration administration, Clock clock, ZoneId zone) {
        this.directory = directory;
        this.administration = administration;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The tree, ended units included, a branch at a time: the first levels, or the path down to the unit to show
     * ({@code mo}, with its children from {@code tu}), or the units whose name contains {@code q}. The page does not
     * grow with the number of units.
     */
    @GetMapping
    String tree(
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "mo", required = false) Long reveal,
            @RequestParam(name = "tu", defaultValue = "0") int offset,
            Model model) {
        if (query != null && !query.isBlank()) {
            List<UnitMatch> matches = directory.search(query, false, SEARCH_LIMIT);
            model.addAttribute("query", query.strip());
            model.addAttribute("matches", matches);
            model.addAttribute(
                    "successors",
                    successors(matches.stream().map(UnitMatch::unit).toList()));
            return "organization/units";
        }
        UnitBranch tree = directory.openTree(false, PAGE, BUDGET, OPEN_DEPTH, reveal, Math.max(offset, 0));
        model.addAttribute("tree", tree);
        model.addAttribute("successors", successors(units(tree)));
        return "organization/units";
    }

    /** A page of a branch's children for tree.js, as list items; the roots when {@code cap-tren} is absent. */
    @GetMapping("/nhanh")
    String branch(
            @RequestParam(name = "cap-tren", required = false) Long parentId,
            @RequestParam(name = "tu", defaultValue = "0") int offset,
            Model model) {
        UnitBranch branch = directory.branch(parentId, false, offset, PAGE);
        model.addAttribute("branch", branch);
        model.addAttribute("successors", successors(units(branch)));
        model.addAttribute("depth", 0);
        return "organization/unit-branch :: admin";
    }

    /** Who took over from each of the ended units shown, for the "merged into" links. */
    private Map<Long, List<UnitSummary>> successors(List<UnitSummary> shown) {
        Set<Long> ended = shown.stream()
                .filter(unit -> unit.validTo() != null)
                .map(UnitSummary::id)
                .collect(Collectors.toSet());
        if (ended.isEmpty()) {
            return Map.of();
        }
        List<UnitSuccession> successions = directory.successions().stream()
                .filter(succession -> ended.contains(succession.predecessorId()))
                .toList();
        Map<Long, UnitSummary> byId = directory.unitsById(
                successions.stream().map(UnitSuccession::successorId).collect(Collectors.toSet()));
        return successions.stream()
                .filter(succession -> byId.containsKey(succession.successorId()))
                .collect(Collectors.groupingBy(
                        UnitSuccession::predecessorId,
                        Collectors.mapping(succession -> byId.get(succession.successorId()), Collectors.toList())));
    }

    private static List<UnitSummary> units(UnitBranch branch) {
        List<UnitSummary> all = new ArrayList<>();
        branch.nodes().forEach(node -> {
            all.add(node.unit());
            if (node.open()) {
                all.addAll(units(node.children()));
            }
        });
        return all;
    }

    @GetMapping("/them")
    String createForm(@RequestParam(name = "cap-tren", required = false) Long parentId, Model model) {
        UnitForm form = new UnitForm();
        form.setParentId(parentId);
        model.addAttribute("unitForm", form);
        return createPage(form, UnitNavigation.NONE, model);
    }

    /** Without JavaScript: the form posted back to open a branch of the parents' tree; nothing is saved. */
    @PostMapping(path = "/them", params = "mo")
    String browseCreate(@ModelAttribute("unitForm") UnitForm form, @RequestParam("mo") String open, Model model) {
        return createPage(form, UnitNavigation.open(open), model);
    }

    @PostMapping(path = "/them", params = "tim")
    String searchCreate(
            @ModelAttribute("unitForm") UnitForm form,
            @RequestParam("tim") String field,
            @RequestParam Map<String, String> params,
            Model model) {
        return createPage(form, UnitNavigation.search(field, params.get("q-" + field)), model);
    }

    @PostMapping("/them")
    String create(
            @Valid @ModelAttribute("unitForm") UnitForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return createPage(form, UnitNavigation.NONE, model);
        }
        try {
            UnitSummary unit = administration.createUnit(
                    form.getParentId(), form.getKind(), form.getCode(), form.details(), form.getValidFrom());
            redirect.addFlashAttribute("flash", "organization.unit.created");
            return TREE + "?mo=" + unit.id() + "#don-vi-" + unit.id();
        } catch (OrganizationRuleException ex) {
            FormErrors.reject(result, ex);
            return createPage(form, UnitNavigation.NONE, model);
        }
    }

    @GetMapping("/{id}/sua")
    String editForm(@PathVariable Long id, Model model) {
        Versioned<UnitSummary> unit = administration.unitForEditing(id);
        model.addAttribute("unitEditForm", UnitEditForm.of(unit.value(), unit.version()));
        model.addAttribute("unit", unit.value());
        return "organization/unit-edit";
    }

    @PostMapping("/{id}/sua")
    String edit(
            @PathVariable Long id,
            @Valid @ModelAttribute("unitEditForm") UnitEditForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                administration.editUnit(id, form.getVersion(), form.details());
                redirect.addFlashAttribute("flash", "organization.unit.saved");
                return TREE + "?mo=" + id + "#don-vi-" + id;
            } catch (OrganizationRuleException ex) {
                FormErrors.reject(result, ex);
            } catch (OptimisticLockingFailureException ex) {
                FormErrors.conflict(result);
            }
        }
        model.addAttribute("unit", administration.unitForEditing(id).value());
        return "organization/unit-edit";
    }

    @GetMapping("/{id}/chuyen")
    String moveForm(@PathVariable Long id, Model model) {
        Versioned<UnitSummary> unit = administration.unitForEditing(id);
        UnitMoveForm form = new UnitMoveForm();
        form.setParentId(unit.value().parentId());
        form.setVersion(unit.version());
        model.addAttribute("unitMoveForm", form);
        return movePage(unit.value(), form, UnitNavigation.NONE, model);
    }

    @PostMapping(path = "/{id}/chuyen", params = "mo")
    String browseMove(
            @PathVariable Long id,
            @ModelAttribute("unitMoveForm") UnitMoveForm form,
            @RequestParam("mo") String open,
            Model model) {
        return movePage(administration.unitForEditing(id).value(), form, UnitNavigation.open(open), model);
    }

    @PostMapping(path = "/{id}/chuyen", params = "tim")
    String searchMove(
            @PathVariable Long id,
            @ModelAttribute("unitMoveForm") UnitMoveForm form,
            @RequestParam("tim") String field,
            @RequestParam Map<String, String> params,
            Model model) {
        return movePage(
                administration.unitForEditing(id).value(),
                form,
                UnitNavigation.search(field, params.get("q-" + field)),
                model);
    }

    @PostMapping("/{id}/chuyen")
    String move(
            @PathVariable Long id,
            @ModelAttribute("unitMoveForm") UnitMoveForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                administration.moveUnit(id, form.getVersion(), form.getParentId());
                redirect.addFlashAttribute("flash", "organization.unit.moved");
                return TREE + "?mo=" + id + "#don-vi-" + id;
            } catch (OrganizationRuleException ex) {
                FormErrors.reject(result, ex);
            } catch (OptimisticLockingFailureException ex) {
                FormErrors.conflict(result);
            }
        }
        return movePage(administration.unitForEditing(id).value(), form, UnitNavigation.NONE, model);
    }

    @GetMapping("/{id}/ket-thuc")
    String endForm(@PathVariable Long id, Model model) {
        Versioned<UnitSummary> unit = administration.unitForEditing(id);
        UnitEndForm form = new UnitEndForm();
        form.setVersion(unit.version());
        model.addAttribute("unitEndForm", form);
        return endPage(unit.value(), form, UnitNavigation.NONE, model);
    }

    @PostMapping(path = "/{id}/ket-thuc", params = "mo")
    String browseEnd(
            @PathVariable Long id,
            @ModelAttribute("unitEndForm") UnitEndForm form,
            @RequestParam("mo") String open,
            Model model) {
        return endPage(administration.unitForEditing(id).value(), form, UnitNavigation.open(open), model);
    }

    @PostMapping(path = "/{id}/ket-thuc", params = "tim")
    String searchEnd(
            @PathVariable Long id,
            @ModelAttribute("unitEndForm") UnitEndForm form,
            @RequestParam("tim") String field,
            @RequestParam Map<String, String> params,
            Model model) {
        return endPage(
                administration.unitForEditing(id).value(),
                form,
                UnitNavigation.search(field, params.get("q-" + field)),
                model);
    }

    @PostMapping("/{id}/ket-thuc")
    String end(
            @PathVariable Long id,
            @Valid @ModelAttribute("unitEndForm") UnitEndForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                administration.endUnit(id, form.getVersion(), form.getValidTo(), form.getSuccessorId());
                redirect.addFlashAttribute("flash", "organization.unit.ended");
                return TREE + "?mo=" + id + "#don-vi-" + id;
            } catch (OrganizationRuleException ex) {
                FormErrors.reject(result, ex);
            } catch (OptimisticLockingFailureException ex) {
                FormErrors.conflict(result);
            }
        }
        return endPage(administration.unitForEditing(id).value(), form, UnitNavigation.NONE, model);
    }

    private String createPage(UnitForm form, UnitNavigation navigation, Model model) {
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute(
                "parents",
                UnitChoice.of(
                        directory, "parentId", true, false, null, Set.of(), chosen(form.getParentId()), navigation));
        model.addAttribute("unitsEndedBy", LocalDate.ofInstant(clock.instant(), zone));
        return "organization/unit-create";
    }

    /** The unit and its branch are not offered as its new parent. */
    private String movePage(UnitSummary unit, UnitMoveForm form, UnitNavigation navigation, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute(
                "parents",
                UnitChoice.of(
                        directory,
                        "parentId",
                        true,
                        false,
                        unit.id(),
                        navigation.field() == null ? Set.of() : administration.subtreeOf(unit.id()),
                        chosen(form.getParentId()),
                        navigation));
        model.addAttribute("unitsEndedBy", LocalDate.ofInstant(clock.instant(), zone));
        return "organization/unit-move";
    }

    /** Only units in force can take over; the unit itself is not offered. */
    private String endPage(UnitSummary unit, UnitEndForm form, UnitNavigation navigation, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute(
                "successors",
                UnitChoice.of(
                        directory,
                        "successorId",
                        true,
                        true,
                        unit.id(),
                        Set.of(unit.id()),
                        chosen(form.getSuccessorId()),
                        navigation));
        model.addAttribute("unitsEndedBy", LocalDate.ofInstant(clock.instant(), zone));
        return "organization/unit-end";
    }

    private static Set<Long> chosen(Long id) {
        return id == null ? Set.of() : Set.of(id);
    }
}
