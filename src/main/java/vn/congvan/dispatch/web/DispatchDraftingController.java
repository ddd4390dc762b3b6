package vn.congvan.dispatch.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import vn.congvan.account.CurrentUser;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchRuleException;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;

/** The clerk's list of the unit's dispatches, and drafting: a new draft, its form, saving it. */
@Controller
@RequestMapping("/quan-ly/cong-van")
class DispatchDraftingController {

    private static final int PAGE_SIZE = 20;

    private final DispatchManagement management;

    private final DispatchCatalog catalog;

    private final OrganizationDirectory organization;

    DispatchDraftingController(
            DispatchManagement management, DispatchCatalog catalog, OrganizationDirectory organization) {
        this.management = management;
        this.catalog = catalog;
        this.organization = organization;
    }

    @GetMapping
    String list(
            @RequestParam(name = "trang", defaultValue = "1") int page,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model) {
        model.addAttribute("page", catalog.ofIssuer(clerk.unitId(), PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE)));
        model.addAttribute(
                "issuer",
                organization.unit(clerk.unitId()).map(UnitSummary::name).orElse(""));
        return "dispatch/list";
    }

    @GetMapping("/moi")
    String newDraft(@AuthenticationPrincipal CurrentUser clerk, Model model) {
        DispatchForm form = new DispatchForm();
        organization.unit(clerk.unitId()).ifPresent(unit -> form.setPlace(unit.placeName()));
        return form(form, null, model);
    }

    @PostMapping("/moi")
    String create(
            @Valid @ModelAttribute("form") DispatchForm form,
            BindingResult result,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(form, null, model);
        }
        Long id;
        try {
            id = management.createDraft(form.toDraft(clerk.unitId(), groupNames(), unitNames(form)), clerk);
        } catch (DispatchRuleException ex) {
            result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
            return form(form, null, model);
        }
        redirect.addFlashAttribute("flash", "dispatch.flash.created");
        return "redirect:/quan-ly/cong-van/" + id;
    }

    /**
     * Without JavaScript, opening a branch of a recipient picker or searching it posts the whole form back here, so
     * that nothing typed is lost; the form is shown again as it was, the picker opened there, and nothing is saved.
     */
    @PostMapping(path = "/moi", params = "mo")
    String browseNew(@ModelAttribute("form") DispatchForm form, @RequestParam("mo") String open, Model model) {
        return form(form, null, RecipientChoices.Navigation.open(open), model);
    }

    @PostMapping(path = "/moi", params = "tim")
    String searchNew(
            @ModelAttribute("form") DispatchForm form,
            @RequestParam("tim") String role,
            HttpServletRequest request,
            Model model) {
        return form(form, null, RecipientChoices.Navigation.search(role, request.getParameter("q-" + role)), model);
    }

    @PostMapping(path = "/{id}/sua", params = "mo")
    String browseDraft(
            @PathVariable Long id,
            @ModelAttribute("form") DispatchForm form,
            @RequestParam("mo") String open,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model) {
        IssuerOnly.owned(catalog, id, clerk);
        return form(form, id, RecipientChoices.Navigation.open(open), model);
    }

    @PostMapping(path = "/{id}/sua", params = "tim")
    String searchDraft(
            @PathVariable Long id,
            @ModelAttribute("form") DispatchForm form,
            @RequestParam("tim") String role,
            HttpServletRequest request,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model) {
        IssuerOnly.owned(catalog, id, clerk);
        return form(form, id, RecipientChoices.Navigation.search(role, request.getParameter("q-" + role)), model);
    }

    @GetMapping("/{id}/sua")
    String edit(@PathVariable Long id, @AuthenticationPrincipal CurrentUser clerk, Model model) {
        DispatchView dispatch = IssuerOnly.own(catalog, id, clerk);
        if (!dispatch.isDraft()) {
            return "redirect:/quan-ly/cong-van/" + id;
        }
        return form(DispatchForm.of(management.draftOf(id, clerk), dispatch.version()), id, model);
    }

    @PostMapping("/{id}/sua")
    String update(
            @PathVariable Long id,
            @Valid @ModelAttribute("form") DispatchForm form,
            BindingResult result,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model,
            RedirectAttributes redirect) {
        IssuerOnly.owned(catalog, id, clerk);
        if (result.hasErrors()) {
            return form(form, id, model);
        }
        try {
            management.reviseDraft(
                    id, form.getVersion(), form.toDraft(clerk.unitId(), groupNames(), unitNames(form)), clerk);
        } catch (ObjectOptimisticLockingFailureException ex) {
            result.reject("dispatch.form.conflict");
            return form(form, id, model);
        } catch (DispatchRuleException ex) {
            result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
            return form(form, id, model);
        }
        redirect.addFlashAttribute("flash", "dispatch.flash.saved");
        return "redirect:/quan-ly/cong-van/" + id;
    }

    private String form(DispatchForm form, Long id, Model model) {
        return form(form, id, RecipientChoices.Navigation.NONE, model);
    }

    private String form(DispatchForm form, Long id, RecipientChoices.Navigation navigation, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("dispatchId", id);
        model.addAttribute("choices", RecipientChoices.of(organization, form, navigation));
        model.addAttribute("types", catalog.documentTypes());
        return "dispatch/form";
    }

    private Map<Long, String> groupNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        organization.allGroups().forEach(group -> names.put(group.id(), group.name()));
        return names;
    }

    /** The names of the units the form picked, read for those units only. */
    private Map<Long, String> unitNames(DispatchForm form) {
        Set<Long> ids = new HashSet<>(form.getAddresseeUnits());
        ids.addAll(form.getDistributionUnits());
        Map<Long, String> names = new HashMap<>();
        organization.unitsById(ids).forEach((unitId, unit) -> names.put(unitId, unit.name()));
        return names;
    }
}
