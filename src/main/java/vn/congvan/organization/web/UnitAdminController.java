package vn.congvan.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

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
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSuccession;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.UnitTreeEntry;
import vn.congvan.organization.Versioned;

/** The administrators' screens for the unit tree: list, create, edit, move, end. */
@Controller
@RequestMapping("/quan-tri/don-vi")
class UnitAdminController {

    private static final String TREE = "redirect:/quan-tri/don-vi";

    private final OrganizationDirectory directory;

    private final OrganizationAdministration administration;

    private final Clock clock;

    UnitAdminController(OrganizationDirectory directory, OrganizationAdministration administration, Clock clock) {
        this.directory = directory;
        this.administration = administration;
        this.clock = clock;
    }

    /** The whole tree, ended units included, from two queries: the units and the successions. */
    @GetMapping
    String tree(Model model) {
        List<UnitTreeEntry> tree = directory.tree();
        Map<Long, UnitSummary> byId = tree.stream()
                .collect(Collectors.toMap(entry -> entry.unit().id(), UnitTreeEntry::unit));
        Map<Long, List<UnitSummary>> successors = directory.successions().stream()
                .collect(Collectors.groupingBy(UnitSuccession::predecessorId,
                        Collectors.mapping(succession -> byId.get(succession.successorId()), Collectors.toList())));
        model.addAttribute("rows", tree.stream()
                .map(entry -> new UnitRow(entry.unit(), entry.depth(),
                        successors.getOrDefault(entry.unit().id(), List.of())))
                .toList());
        return "organization/units";
    }

    @GetMapping("/them")
    String createForm(@RequestParam(name = "cap-tren", required = false) Long parentId, Model model) {
        UnitForm form = new UnitForm();
        form.setParentId(parentId);
        model.addAttribute("unitForm", form);
        return createPage(model);
    }

    @PostMapping("/them")
    String create(@Valid @ModelAttribute("unitForm") UnitForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return createPage(model);
        }
        try {
            UnitSummary unit = administration.createUnit(form.getParentId(), form.getKind(), form.getCode(),
                    form.details(), form.getValidFrom());
            redirect.addFlashAttribute("flash", "organization.unit.created");
            return TREE + "#don-vi-" + unit.id();
        }
        catch (OrganizationRuleException ex) {
            FormErrors.reject(result, ex);
            return createPage(model);
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
    String edit(@PathVariable Long id, @Valid @ModelAttribute("unitEditForm") UnitEditForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                administration.editUnit(id, form.getVersion(), form.details());
                redirect.addFlashAttribute("flash", "organization.unit.saved");
                return TREE + "#don-vi-" + id;
            }
            catch (OrganizationRuleException ex) {
                FormErrors.reject(result, ex);
            }
            catch (OptimisticLockingFailureException ex) {
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
        return movePage(unit.value(), model);
    }

    @PostMapping("/{id}/chuyen")
    String move(@PathVariable Long id, @ModelAttribute("unitMoveForm") UnitMoveForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                administration.moveUnit(id, form.getVersion(), form.getParentId());
                redirect.addFlashAttribute("flash", "organization.unit.moved");
                return TREE + "#don-vi-" + id;
            }
            catch (OrganizationRuleException ex) {
                FormErrors.reject(result, ex);
            }
            catch (OptimisticLockingFailureException ex) {
                FormErrors.conflict(result);
            }
        }
        return movePage(administration.unitForEditing(id).value(), model);
    }

    @GetMapping("/{id}/ket-thuc")
    String endForm(@PathVariable Long id, Model model) {
        Versioned<UnitSummary> unit = administration.unitForEditing(id);
        UnitEndForm form = new UnitEndForm();
        form.setVersion(unit.version());
        model.addAttribute("unitEndForm", form);
        return endPage(unit.value(), model);
    }

    @PostMapping("/{id}/ket-thuc")
    String end(@PathVariable Long id, @Valid @ModelAttribute("unitEndForm") UnitEndForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                administration.endUnit(id, form.getVersion(), form.getValidTo(), form.getSuccessorId());
                redirect.addFlashAttribute("flash", "organization.unit.ended");
                return TREE + "#don-vi-" + id;
            }
            catch (OrganizationRuleException ex) {
                FormErrors.reject(result, ex);
            }
            catch (OptimisticLockingFailureException ex) {
                FormErrors.conflict(result);
            }
        }
        return endPage(administration.unitForEditing(id).value(), model);
    }

    private String createPage(Model model) {
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("parents", options(Set.of()));
        return "organization/unit-create";
    }

    private String movePage(UnitSummary unit, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("parents", options(administration.subtreeOf(unit.id())));
        return "organization/unit-move";
    }

    private String endPage(UnitSummary unit, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("successors", options(Set.of(unit.id())).stream()
                .filter(UnitOption::active)
                .toList());
        return "organization/unit-end";
    }

    /** Every unit except {@code excluded}, in tree order, marked active or ended as of today. */
    private List<UnitOption> options(Set<Long> excluded) {
        LocalDate today = LocalDate.now(clock);
        return directory.tree().stream()
                .filter(entry -> !excluded.contains(entry.unit().id()))
                .map(entry -> UnitOption.of(entry, today))
                .toList();
    }
}
