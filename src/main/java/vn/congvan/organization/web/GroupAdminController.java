package vn.congvan.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

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
import vn.congvan.organization.UnitGroupSummary;
import vn.congvan.organization.Versioned;

/**
 * The administrators' screens for groups of units. A group can be deleted only while no dispatch names it: the
 * foreign key from recipient lines decides, and the refusal is shown as a message.
 */
@Controller
@RequestMapping("/quan-tri/nhom-don-vi")
class GroupAdminController {

    private static final String LIST = "redirect:/quan-tri/nhom-don-vi";

    private final OrganizationDirectory directory;

    private final OrganizationAdministration administration;

    private final Clock clock;

    GroupAdminController(OrganizationDirectory directory, OrganizationAdministration administration, Clock clock) {
        this.directory = directory;
        this.administration = administration;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("groups", directory.allGroups());
        return "organization/groups";
    }

    @GetMapping("/them")
    String createForm(Model model) {
        model.addAttribute("groupForm", new GroupForm());
        return formPage(null, model);
    }

    @PostMapping("/them")
    String create(@Valid @ModelAttribute("groupForm") GroupForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                administration.createGroup(form.getCode(), form.getName(), form.getDescription(),
                        Set.copyOf(form.getMemberUnitIds()));
                redirect.addFlashAttribute("flash", "organization.group.created");
                return LIST;
            }
            catch (OrganizationRuleException ex) {
                FormErrors.reject(result, ex);
            }
        }
        return formPage(null, model);
    }

    @GetMapping("/{id}/sua")
    String editForm(@PathVariable Long id, Model model) {
        Versioned<UnitGroupSummary> group = administration.groupForEditing(id);
        model.addAttribute("groupForm", GroupForm.of(group.value(), group.version()));
        return formPage(group.value(), model);
    }

    @PostMapping("/{id}/sua")
    String edit(@PathVariable Long id, @Valid @ModelAttribute("groupForm") GroupForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        UnitGroupSummary group = administration.groupForEditing(id).value();
        // The code is fixed at creation: other modules and the demo data look groups up by it.
        form.setCode(group.code());
        if (!result.hasErrors()) {
            try {
                administration.editGroup(id, form.getVersion(), form.getName(), form.getDescription(),
                        Set.copyOf(form.getMemberUnitIds()));
                redirect.addFlashAttribute("flash", "organization.group.saved");
                return LIST;
            }
            catch (OrganizationRuleException ex) {
                FormErrors.reject(result, ex);
            }
            catch (OptimisticLockingFailureException ex) {
                FormErrors.conflict(result);
            }
        }
        return formPage(group, model);
    }

    @PostMapping("/{id}/xoa")
    String delete(@PathVariable Long id, @RequestParam long version, RedirectAttributes redirect) {
        try {
            administration.deleteGroup(id, version);
            redirect.addFlashAttribute("flash", "organization.group.deleted");
            return LIST;
        }
        catch (OrganizationRuleException ex) {
            redirect.addFlashAttribute("flashError", ex.messageKey());
        }
        catch (OptimisticLockingFailureException ex) {
            redirect.addFlashAttribute("flashError", FormErrors.CONFLICT);
        }
        return LIST + "/" + id + "/sua";
    }

    private String formPage(UnitGroupSummary group, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("group", group);
        model.addAttribute("units", directory.tree().stream()
                .map(entry -> UnitOption.of(entry, today))
                .toList());
        return "organization/group-form";
    }
}
