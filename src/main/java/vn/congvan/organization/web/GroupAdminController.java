package vn.congvan.organization.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
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

    private final ZoneId zone;

    GroupAdminController(
            OrganizationDirectory directory, OrganizationAdministration administration, Clock clock, ZoneId zone) {
        this.directory = directory;
        this.administration = administration;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("groups", directory.allGroups());
        return "organization/groups";
    }

    @GetMapping("/them")
    String createForm(Model model) {
        GroupForm form = new GroupForm();
        model.addAttribute("groupForm", form);
        return formPage(null, form, UnitNavigation.NONE, model);
    }

    /** Without JavaScript: the form posted back to open a branch of the members' tree; nothing is saved. */
    @PostMapping(path = "/them", params = "mo")
    String browseNew(@ModelAttribute("groupForm") GroupForm form, @RequestParam("mo") String open, Model model) {
        return formPage(null, form, UnitNavigation.open(open), model);
    }

    @PostMapping(path = "/them", params = "tim")
    String searchNew(
            @ModelAttribute("groupForm") GroupForm form,
            @RequestParam("tim") String field,
            @RequestParam Map<String, String> params,
            Model model) {
        return formPage(null, form, UnitNavigation.search(field, params.get("q-" + field)), model);
    }

    @PostMapping("/them")
    String create(
            @Valid @ModelAttribute("groupForm") GroupForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                administration.createGroup(
                        form.getCode(), form.getName(), form.getDescription(), Set.copyOf(form.getMemberUnitIds()));
                redirect.addFlashAttribute("flash", "organization.group.created");
                return LIST;
            } catch (OrganizationRuleException ex) {
                FormErrors.reject(result, ex);
            }
        }
        return formPage(null, form, UnitNavigation.NONE, model);
    }

    @GetMapping("/{id}/sua")
    String editForm(@PathVariable Long id, Model model) {
        Versioned<UnitGroupSummary> group = administration.groupForEditing(id);
        GroupForm form = GroupForm.of(group.value(), group.version());
        model.addAttribute("groupForm", form);
        return formPage(group.value(), form, UnitNavigation.NONE, model);
    }

    @PostMapping(path = "/{id}/sua", params = "mo")
    String browseEdit(
            @PathVariable Long id,
            @ModelAttribute("groupForm") GroupForm form,
            @RequestParam("mo") String open,
            Model model) {
        UnitGroupSummary group = administration.groupForEditing(id).value();
        form.setCode(group.code());
        return formPage(group, form, UnitNavigation.open(open), model);
    }

    @PostMapping(path = "/{id}/sua", params = "tim")
    String searchEdit(
            @PathVariable Long id,
            @ModelAttribute("groupForm") GroupForm form,
            @RequestParam("tim") String field,
            @RequestParam Map<String, String> params,
            Model model) {
        UnitGroupSummary group = administration.groupForEditing(id).value();
        form.setCode(group.code());
        return formPage(group, form, UnitNavigation.search(field, params.get("q-" + field)), model);
    }

    @PostMapping("/{id}/sua")
    String edit(
            @PathVariable Long id,
            @Valid @ModelAttribute("groupForm") GroupForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UnitGroupSummary group = administration.groupForEditing(id).value();
        // The code is fixed at creation: other modules and the demo data look groups up by it.
        form.setCode(group.code());
        if (!result.hasErrors()) {
            try {
                administration.editGroup(
                        id,
                        form.getVersion(),
                        form.getName(),
                        form.getDescription(),
                        Set.copyOf(form.getMemberUnitIds()));
                redirect.addFlashAttribute("flash", "organization.group.saved");
                return LIST;
            } catch (OrganizationRuleException ex) {
                FormErrors.reject(result, ex);
            } catch (OptimisticLockingFailureException ex) {
                FormErrors.conflict(result);
            }
        }
        return formPage(group, form, UnitNavigation.NONE, model);
    }

    @PostMapping("/{id}/xoa")
    String delete(@PathVariable Long id, @RequestParam long version, RedirectAttributes redirect) {
        try {
            administration.deleteGroup(id, version);
            redirect.addFlashAttribute("flash", "organization.group.deleted");
            return LIST;
        } catch (OrganizationRuleException ex) {
            redirect.addFlashAttribute("flashError", ex.messageKey());
        } catch (OptimisticLockingFailureException ex) {
            redirect.addFlashAttribute("flashError", FormErrors.CONFLICT);
        }
        return LIST + "/" + id + "/sua";
    }

    /** The members as a lazy tree, ended units included (a group may still name them): the page stays small. */
    private String formPage(UnitGroupSummary group, GroupForm form, UnitNavigation navigation, Model model) {
        model.addAttribute("group", group);
        model.addAttribute(
                "members",
                UnitChoice.of(
                        directory, "memberUnitIds", false, false, null, Set.of(), form.getMemberUnitIds(), navigation));
        model.addAttribute("unitsEndedBy", LocalDate.ofInstant(clock.instant(), zone));
        return "organization/group-form";
    }
}
