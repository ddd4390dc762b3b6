package vn.congvan.dispatch.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.congvan.account.CurrentUser;
import vn.congvan.attachment.AttachmentDownloads;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentNotFoundException;
import vn.congvan.attachment.AttachmentRejectedException;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.CachePolicy;
import vn.congvan.attachment.Disposition;
import vn.congvan.attachment.FileNames;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.Thumbnails;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.DispatchRelation;
import vn.congvan.dispatch.DispatchRuleException;
import vn.congvan.dispatch.DispatchStatus;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;

/** The clerk's side of dispatches: draft, attach files, preview, publish, withdraw, correct or replace. */
@Controller
@RequestMapping("/quan-ly/cong-van")
class DispatchAdminController {

    private static final int PAGE_SIZE = 20;

    private final DispatchManagement management;

    private final DispatchCatalog catalog;

    private final Attachments attachments;

    private final AttachmentDownloads downloads;

    private final OrganizationDirectory organization;

    private final MessageSource messages;

    private final Thumbnails thumbnails;

    DispatchAdminController(DispatchManagement management, DispatchCatalog catalog, Attachments attachments,
            AttachmentDownloads downloads, OrganizationDirectory organization, MessageSource messages,
            Thumbnails thumbnails) {
        this.thumbnails = thumbnails;
        this.management = management;
        this.catalog = catalog;
        this.attachments = attachments;
        this.downloads = downloads;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(name = "trang", defaultValue = "1") int page,
            @AuthenticationPrincipal CurrentUser clerk, Model model) {
        model.addAttribute("page", catalog.ofIssuer(clerk.unitId(), PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE)));
        model.addAttribute("issuer", organization.unit(clerk.unitId()).map(UnitSummary::name).orElse(""));
        return "dispatch/list";
    }

    @GetMapping("/moi")
    String newDraft(@AuthenticationPrincipal CurrentUser clerk, Model model) {
        DispatchForm form = new DispatchForm();
        organization.unit(clerk.unitId()).ifPresent(unit -> form.setPlace(unit.placeName()));
        return form(form, null, model);
    }

    @PostMapping("/moi")
    String create(@Valid @ModelAttribute("form") DispatchForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser clerk, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(form, null, model);
        }
        Long id;
        try {
            id = management.createDraft(form.toDraft(clerk.unitId(), groupNames(), unitNames(form)), clerk);
        }
        catch (DispatchRuleException ex) {
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
    String searchNew(@ModelAttribute("form") DispatchForm form, @RequestParam("tim") String role,
            HttpServletRequest request, Model model) {
        return form(form, null, RecipientChoices.Navigation.search(role, request.getParameter("q-" + role)), model);
    }

    @PostMapping(path = "/{id}/sua", params = "mo")
    String browseDraft(@PathVariable Long id, @ModelAttribute("form") DispatchForm form, @RequestParam("mo") String open,
            @AuthenticationPrincipal CurrentUser clerk, Model model) {
        owned(id, clerk);
        return form(form, id, RecipientChoices.Navigation.open(open), model);
    }

    @PostMapping(path = "/{id}/sua", params = "tim")
    String searchDraft(@PathVariable Long id, @ModelAttribute("form") DispatchForm form, @RequestParam("tim") String role,
            HttpServletRequest request, @AuthenticationPrincipal CurrentUser clerk, Model model) {
        owned(id, clerk);
        return form(form, id, RecipientChoices.Navigation.search(role, request.getParameter("q-" + role)), model);
    }

    @GetMapping("/{id}")
    String show(@PathVariable Long id, @AuthenticationPrincipal CurrentUser clerk, Model model) {
        DispatchView dispatch = own(id, clerk);
        model.addAttribute("dispatch", dispatch);
        model.addAttribute("attachments", attachments.ofDispatch(id));
        model.addAttribute("kinds", AttachmentKind.values());
        model.addAttribute("scansFiles", attachments.scansFiles());
        if (!model.containsAttribute("publishForm")) {
            model.addAttribute("publishForm", new PublishForm());
        }
        if (!model.containsAttribute("withdrawForm")) {
            model.addAttribute("withdrawForm", new WithdrawForm());
        }
        return "dispatch/show";
    }

    @GetMapping("/{id}/sua")
    String edit(@PathVariable Long id, @AuthenticationPrincipal CurrentUser clerk, Model model) {
        DispatchView dispatch = own(id, clerk);
        if (!dispatch.isDraft()) {
            return "redirect:/quan-ly/cong-van/" + id;
        }
        return form(DispatchForm.of(management.draftOf(id, clerk), dispatch.version()), id, model);
    }

    @PostMapping("/{id}/sua")
    String update(@PathVariable Long id, @Valid @ModelAttribute("form") DispatchForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser clerk, Model model, RedirectAttributes redirect) {
        owned(id, clerk);
        if (result.hasErrors()) {
            return form(form, id, model);
        }
        try {
            management.reviseDraft(id, form.getVersion(),
                    form.toDraft(clerk.unitId(), groupNames(), unitNames(form)), clerk);
        }
        catch (ObjectOptimisticLockingFailureException ex) {
            result.reject("dispatch.form.conflict");
            return form(form, id, model);
        }
        catch (DispatchRuleException ex) {
            result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
            return form(form, id, model);
        }
        redirect.addFlashAttribute("flash", "dispatch.flash.saved");
        return "redirect:/quan-ly/cong-van/" + id;
    }

    /**
     * Receives files. The browser's upload script asks with {@code X-Requested-With} and gets the outcome as plain
     * text (so it can show progress and stay on the page); a plain form post is redirected back with a message.
     */
    @PostMapping("/{id}/tep")
    Object upload(@PathVariable Long id, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "kind", defaultValue = "APPENDIX") AttachmentKind kind,
            @AuthenticationPrincipal CurrentUser clerk, HttpServletRequest request, RedirectAttributes redirect)
            throws IOException {
        List<String> errors = new ArrayList<>();
        int stored = 0;
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;
            }
            String filename = filename(file);
            try (InputStream in = file.getInputStream()) {
                management.attach(new NewAttachment(id, title(filename), kind, filename), in, clerk);
                stored++;
            }
            catch (AttachmentRejectedException ex) {
                errors.add(message(ex.messageKey(), ex.arguments()));
            }
            catch (DispatchRuleException ex) {
                throw noFilesRoute(id);
            }
        }
        if (stored == 0 && errors.isEmpty()) {
            errors.add(message("attachment.rejected.NONE"));
        }
        boolean script = "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
        if (script) {
            return ResponseEntity.status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                    .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(errors.isEmpty() ? message("dispatch.flash.uploaded") : String.join("\n", errors));
        }
        if (stored > 0) {
            redirect.addFlashAttribute("flash", "dispatch.flash.uploaded");
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("flashErrors", errors);
        }
        return "redirect:/quan-ly/cong-van/" + id;
    }

    @PostMapping("/{id}/tep/{attachmentId}/xoa")
    String removeFile(@PathVariable Long id, @PathVariable Long attachmentId,
            @AuthenticationPrincipal CurrentUser clerk, RedirectAttributes redirect) {
        try {
            management.removeFile(id, attachmentId, clerk);
        }
        catch (DispatchRuleException ex) {
            throw noFilesRoute(id);
        }
        redirect.addFlashAttribute("flash", "dispatch.flash.fileRemoved");
        return "redirect:/quan-ly/cong-van/" + id;
    }

    @PostMapping("/{id}/phat-hanh")
    String publish(@PathVariable Long id, @Valid @ModelAttribute("publishForm") PublishForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser clerk, RedirectAttributes redirect) {
        owned(id, clerk);
        if (result.hasErrors()) {
            return backWithErrors(id, "publishForm", form, result, redirect);
        }
        attempt(redirect, () -> {
            DispatchReference published = management.publish(id, form.getManualNumber(), form.getIssuedOn(), clerk);
            redirect.addFlashAttribute("flashText", message("dispatch.flash.published", published.notation()));
        });
        return "redirect:/quan-ly/cong-van/" + id;
    }

    @PostMapping("/{id}/thu-hoi")
    String withdraw(@PathVariable Long id, @Valid @ModelAttribute("withdrawForm") WithdrawForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser clerk, RedirectAttributes redirect) {
        owned(id, clerk);
        if (result.hasErrors()) {
            return backWithErrors(id, "withdrawForm", form, result, redirect);
        }
        attempt(redirect, () -> {
            management.withdraw(id, form.getReason(), clerk);
            redirect.addFlashAttribute("flash", "dispatch.flash.withdrawn");
        });
        return "redirect:/quan-ly/cong-van/" + id;
    }

    @PostMapping("/{id}/dinh-chinh")
    String correct(@PathVariable Long id, @AuthenticationPrincipal CurrentUser clerk, RedirectAttributes redirect) {
        return supersede(id, DispatchRelation.CORRECTS, clerk, redirect);
    }

    @PostMapping("/{id}/thay-the")
    String replace(@PathVariable Long id, @AuthenticationPrincipal CurrentUser clerk, RedirectAttributes redirect) {
        return supersede(id, DispatchRelation.REPLACES, clerk, redirect);
    }

    @GetMapping("/{id}/tep/{attachmentId}")
    void view(@PathVariable Long id, @PathVariable Long attachmentId, @AuthenticationPrincipal CurrentUser clerk,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        owned(id, clerk);
        downloads.serve(id, attachmentId, Disposition.INLINE, CachePolicy.PRIVATE, request, response);
    }

    @GetMapping("/{id}/tep/{attachmentId}/tai-ve")
    void download(@PathVariable Long id, @PathVariable Long attachmentId,
            @AuthenticationPrincipal CurrentUser clerk, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        owned(id, clerk);
        downloads.serve(id, attachmentId, Disposition.ATTACHMENT, CachePolicy.PRIVATE, request, response);
    }

    @GetMapping("/{id}/tep/{attachmentId}/trang-dau.png")
    void thumbnail(@PathVariable Long id, @PathVariable Long attachmentId, @AuthenticationPrincipal CurrentUser clerk,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        owned(id, clerk);
        if (!thumbnails.serve(id, attachmentId, CachePolicy.PRIVATE, request, response)) {
            throw new AttachmentNotFoundException(attachmentId);
        }
    }

    private String supersede(Long id, DispatchRelation relation, CurrentUser clerk, RedirectAttributes redirect) {
        owned(id, clerk);
        Long[] next = new Long[1];
        attempt(redirect, () -> {
            next[0] = management.supersede(id, relation, clerk);
            redirect.addFlashAttribute("flash", "dispatch.flash.superseding." + relation.name());
        });
        return next[0] != null ? "redirect:/quan-ly/cong-van/" + next[0] + "/sua" : "redirect:/quan-ly/cong-van/" + id;
    }

    /** Shows a small form of the dispatch page again, with its errors, after the redirect. */
    private static String backWithErrors(Long id, String name, Object form, BindingResult result,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
        redirect.addFlashAttribute(name, form);
        return "redirect:/quan-ly/cong-van/" + id;
    }

    /** Runs a workflow step; a broken rule or a concurrent change becomes a message on the page, not an error page. */
    private void attempt(RedirectAttributes redirect, Runnable step) {
        try {
            step.run();
        }
        catch (ObjectOptimisticLockingFailureException ex) {
            redirect.addFlashAttribute("flashErrors", List.of(message("dispatch.error.concurrent")));
        }
        catch (DispatchRuleException ex) {
            redirect.addFlashAttribute("flashErrors", List.of(message(ex.messageKey(), ex.arguments())));
        }
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

    /** The dispatch if the clerk's unit issued it; for anyone else it does not exist. */
    private DispatchView own(Long id, CurrentUser clerk) {
        return catalog.visibleDispatch(id, clerk)
                .filter(dispatch -> clerk.isClerkOf(dispatch.issuerUnitId()))
                .orElseThrow(() -> new DispatchNotFoundException(id));
    }

    /** The dispatch's status if the clerk acts for its issuer; 404 otherwise. Cheaper than {@link #own}. */
    private DispatchStatus owned(Long id, CurrentUser clerk) {
        return catalog.statusForIssuingClerk(id, clerk).orElseThrow(() -> new DispatchNotFoundException(id));
    }

    /**
     * The files of a dispatch that is no longer a draft cannot change (the aggregate's rule); for the clerk its
     * upload and remove routes are gone, as for a dispatch of another issuer.
     */
    private static DispatchNotFoundException noFilesRoute(Long id) {
        return new DispatchNotFoundException(id);
    }

    private String message(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, key, locale);
    }

    /** The name the browser sent, cleaned as it will be kept (no folder, no invisible characters, not too long). */
    private static String filename(MultipartFile file) {
        return FileNames.clean(file.getOriginalFilename());
    }

    private static String title(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }
}
