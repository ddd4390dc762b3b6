package vn.congvan.dispatch.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.account.CurrentUser;
import vn.congvan.dispatch.Citation;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchFamily;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchRuleException;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.extraction.FormReading;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;

/** The clerk's list of the unit's dispatches, and drafting: a new draft, its form, saving it. */
@Controller
@RequestMapping("/quan-ly/cong-van")
class DispatchDraftingController {

    private static final int PAGE_SIZE = 20;

    /** How many of the issuer's recent signers the form offers. */
    private static final int USUAL_SIGNERS = 10;

    private final DispatchManagement management;

    private final DispatchCatalog catalog;

    private final OrganizationDirectory organization;

    private final FormReading reading;

    private final MessageSource messages;

    DispatchDraftingController(
            DispatchManagement management,
            DispatchCatalog catalog,
            OrganizationDirectory organization,
            FormReading reading,
            MessageSource messages) {
        this.management = management;
        this.catalog = catalog;
        this.organization = organization;
        this.reading = reading;
        this.messages = messages;
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
        DispatchForm form = DispatchForm.blank();
        organization.unit(clerk.unitId()).ifPresent(unit -> form.setPlace(unit.placeName()));
        return form(form, null, clerk, model);
    }

    @PostMapping("/moi")
    String create(
            @Valid @ModelAttribute("form") DispatchForm form,
            BindingResult result,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model,
            RedirectAttributes redirect) {
        checkPerTypeAndFamily(form, result);
        if (result.hasErrors()) {
            return form(form, null, clerk, model);
        }
        Long id;
        try {
            id = management.createDraft(form.toDraft(clerk.unitId(), groupNames(), units(form)), clerk);
        } catch (DispatchRuleException ex) {
            result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
            return form(form, null, clerk, model);
        }
        redirect.addFlashAttribute("flash", "dispatch.flash.created");
        return "redirect:/quan-ly/cong-van/" + id;
    }

    /**
     * Without JavaScript, opening a branch of a recipient picker or searching it posts the whole form back here, so
     * that nothing typed is lost; the form is shown again as it was, the picker opened there, and nothing is saved.
     */
    @PostMapping(path = "/moi", params = "mo")
    String browseNew(
            @ModelAttribute("form") DispatchForm form,
            @RequestParam("mo") String open,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model) {
        return form(form, null, RecipientChoices.Navigation.open(open), clerk, model);
    }

    /**
     * Without JavaScript, moving a line of "Nơi nhận" up or down ({@code sap} = "len:index" or "xuong:index") or
     * putting the lines in the order of their numbers ({@code sap} empty) posts the form back; nothing is saved.
     */
    @PostMapping(path = "/moi", params = "sap")
    String arrangeNew(
            @ModelAttribute("form") DispatchForm form,
            @RequestParam("sap") String move,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model) {
        return arranged(form, null, move, clerk, model);
    }

    @PostMapping(path = "/{id}/sua", params = "sap")
    String arrangeDraft(
            @PathVariable Long id,
            @ModelAttribute("form") DispatchForm form,
            @RequestParam("sap") String move,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model) {
        IssuerOnly.owned(catalog, id, clerk);
        return arranged(form, id, move, clerk, model);
    }

    private String arranged(DispatchForm form, Long id, String move, CurrentUser clerk, Model model) {
        form.arrange(groupNames(), units(form));
        String[] parts = move.split(":", 2);
        if (parts.length == 2 && parts[1].matches("\\d{1,4}")) {
            int index = Integer.parseInt(parts[1]);
            if ("len".equals(parts[0])) {
                form.move(index, -1);
            } else if ("xuong".equals(parts[0])) {
                form.move(index, 1);
            }
        }
        return form(form, id, clerk, model);
    }

    @PostMapping(path = "/moi", params = "tim")
    String searchNew(
            @ModelAttribute("form") DispatchForm form,
            @RequestParam("tim") String role,
            HttpServletRequest request,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model) {
        return form(
                form, null, RecipientChoices.Navigation.search(role, request.getParameter("q-" + role)), clerk, model);
    }

    /**
     * Without script, "Đọc tệp và điền" posts the form with the file chosen in the drop zone (as multipart, by the
     * button's formenctype): the form comes back with its empty fields filled from the file and marked, the layout
     * findings above it; nothing is saved (ADR 0045).
     */
    @PostMapping(path = "/moi", params = "doc-tep")
    String fillNew(
            @ModelAttribute("form") DispatchForm form,
            BindingResult ignoredUntilSaved,
            @RequestParam(name = "tep-dien", required = false) MultipartFile file,
            Locale locale,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model)
            throws IOException {
        fillFromFile(form, file, locale, clerk, model);
        return form(form, null, clerk, model);
    }

    @PostMapping(path = "/{id}/sua", params = "doc-tep")
    String fillDraft(
            @PathVariable Long id,
            @ModelAttribute("form") DispatchForm form,
            BindingResult ignoredUntilSaved,
            @RequestParam(name = "tep-dien", required = false) MultipartFile file,
            Locale locale,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model)
            throws IOException {
        IssuerOnly.owned(catalog, id, clerk);
        fillFromFile(form, file, locale, clerk, model);
        return form(form, id, clerk, model);
    }

    /**
     * The citation for fill.js, which fills the form in the page from the extraction API's answer (ADR 0045, ADR
     * 0065): for another body's issued document, the "Thực hiện văn bản" line and the body's opening, as the server
     * fills them after "Đọc tệp và điền"; nothing for a document not issued or the clerk's unit's own. The script
     * fills only the citation and the subject when one is answered. Posted with the CSRF header, as the extraction
     * is: a subject in a query string would hit the server's header limit. A field longer than the form takes (a
     * subject over {@value DispatchForm#SUBJECT_MAX} characters) or malformed is refused with a sentence saying so.
     */
    @PostMapping(path = "/trich-dan", produces = "application/json")
    @ResponseBody
    ResponseEntity<Map<String, String>> citation(
            @Valid @ModelAttribute("citation") CitationForm asked,
            BindingResult result,
            Locale locale,
            @AuthenticationPrincipal CurrentUser clerk) {
        if (result.hasErrors()) {
            return ResponseEntity.badRequest().body(Map.of("detail", refusal(asked, result, locale)));
        }
        DraftingUnit unit = unitOf(clerk);
        if (unit == null) {
            return ResponseEntity.ok(Map.of());
        }
        String reference = DraftFill.citation(asked.toExtraction(), unit);
        if (reference == null) {
            return ResponseEntity.ok(Map.of());
        }
        return ResponseEntity.ok(
                Map.of("forwardsReference", reference, "body", Citation.opening(reference, asked.getSubject())));
    }

    /** Why a citation was not made, in the clerk's language: the subject's length named, or the field at fault. */
    private String refusal(CitationForm asked, BindingResult result, Locale locale) {
        if (result.hasFieldErrors("subject") && asked.getSubject() != null) {
            return messages.getMessage(
                    "extraction.fill.cite.subjectTooLong",
                    new Object[] {asked.getSubject().length(), DispatchForm.SUBJECT_MAX},
                    locale);
        }
        return messages.getMessage("extraction.fill.cite.refused", null, locale);
    }

    /** The unit the clerk drafts for with the bodies above it, whose own documents are copies; null without one. */
    private DraftingUnit unitOf(CurrentUser clerk) {
        if (clerk.unitId() == null) {
            return null;
        }
        return organization
                .unit(clerk.unitId())
                .map(unit -> new DraftingUnit(unit, organization.ancestorsOf(unit.id())))
                .orElse(null);
    }

    private void fillFromFile(DispatchForm form, MultipartFile file, Locale locale, CurrentUser clerk, Model model)
            throws IOException {
        FormReading.Reading read = reading.read(file, locale);
        model.addAttribute("reading", read);
        if (!read.failed()) {
            DraftFill fill = DraftFill.fill(form, read.extraction(), catalog.documentTypes(), unitOf(clerk));
            model.addAttribute("fillMarks", fill.marks());
            model.addAttribute("fillKept", fill.kept());
            model.addAttribute("fillCited", fill.cited());
            model.addAttribute("fillLeft", fill.left());
        }
    }

    @PostMapping(path = "/{id}/sua", params = "mo")
    String browseDraft(
            @PathVariable Long id,
            @ModelAttribute("form") DispatchForm form,
            @RequestParam("mo") String open,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model) {
        IssuerOnly.owned(catalog, id, clerk);
        return form(form, id, RecipientChoices.Navigation.open(open), clerk, model);
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
        return form(
                form, id, RecipientChoices.Navigation.search(role, request.getParameter("q-" + role)), clerk, model);
    }

    @GetMapping("/{id}/sua")
    String edit(@PathVariable Long id, @AuthenticationPrincipal CurrentUser clerk, Model model) {
        DispatchView dispatch = IssuerOnly.own(catalog, id, clerk);
        if (!dispatch.isDraft()) {
            return "redirect:/quan-ly/cong-van/" + id;
        }
        return form(DispatchForm.of(management.draftOf(id, clerk), dispatch.version()), id, clerk, model);
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
        checkPerTypeAndFamily(form, result);
        if (result.hasErrors()) {
            return form(form, id, clerk, model);
        }
        try {
            management.reviseDraft(
                    id, form.getVersion(), form.toDraft(clerk.unitId(), groupNames(), units(form)), clerk);
        } catch (ObjectOptimisticLockingFailureException ex) {
            result.reject("dispatch.form.conflict");
            return form(form, id, clerk, model);
        } catch (DispatchRuleException ex) {
            result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
            return form(form, id, clerk, model);
        }
        redirect.addFlashAttribute("flash", "dispatch.flash.saved");
        return "redirect:/quan-ly/cong-van/" + id;
    }

    /**
     * What depends on the chosen type and family: "Kính gửi" is required only of the types that use it, and the
     * signer's competence must be one of the family's marks (the aggregate holds the same rule; here it is told at
     * the field).
     */
    private void checkPerTypeAndFamily(DispatchForm form, BindingResult result) {
        if (catalog.typesWithAddressees().contains(form.getTypeCode()) && !form.isAddresseesGiven()) {
            result.rejectValue("addresseesGiven", "dispatch.form.addressees.required");
        }
        DispatchFamily family = form.getFamily();
        if (family != null && !family.allowsCompetence(form.getSignerCompetence())) {
            result.rejectValue(
                    "signerCompetence",
                    "dispatch.form.competence.family",
                    new Object[] {form.getSignerCompetence(), String.join(", ", family.competences())},
                    null);
        }
    }

    private String form(DispatchForm form, Long id, CurrentUser clerk, Model model) {
        return form(form, id, RecipientChoices.Navigation.NONE, clerk, model);
    }

    private String form(
            DispatchForm form, Long id, RecipientChoices.Navigation navigation, CurrentUser clerk, Model model) {
        form.arrange(groupNames(), units(form));
        model.addAttribute("form", form);
        model.addAttribute("dispatchId", id);
        model.addAttribute("choices", RecipientChoices.of(organization, form, navigation));
        model.addAttribute("types", catalog.documentTypes());
        model.addAttribute("typesWithAddressees", catalog.typesWithAddressees());
        model.addAttribute("partyCompetences", DispatchFamily.PARTY.competences());
        model.addAttribute("stateCompetences", DispatchFamily.STATE.competences());
        model.addAttribute("signers", catalog.usualSigners(clerk.unitId(), USUAL_SIGNERS));
        return "dispatch/form";
    }

    private Map<Long, String> groupNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        organization.allGroups().forEach(group -> names.put(group.id(), group.name()));
        return names;
    }

    /** The units the form picked, read for those units only. */
    private Map<Long, UnitSummary> units(DispatchForm form) {
        Set<Long> ids = new HashSet<>(form.getAddresseeUnits());
        ids.addAll(form.getDistributionUnits());
        return new HashMap<>(organization.unitsById(ids));
    }
}
