package vn.congvan.dispatch.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.account.CurrentUser;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.Attachments;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.DispatchRelation;
import vn.congvan.dispatch.DispatchRuleException;

/**
 * The dispatch as its clerk sees it (the preview of a draft), and the steps of its life: publish, withdraw, correct
 * or replace.
 */
@Controller
@RequestMapping("/quan-ly/cong-van/{id}")
class DispatchWorkflowController {

    private final DispatchManagement management;

    private final DispatchCatalog catalog;

    private final Attachments attachments;

    private final MessageSource messages;

    DispatchWorkflowController(
            DispatchManagement management, DispatchCatalog catalog, Attachments attachments, MessageSource messages) {
        this.management = management;
        this.catalog = catalog;
        this.attachments = attachments;
        this.messages = messages;
    }

    @GetMapping
    String show(@PathVariable Long id, @AuthenticationPrincipal CurrentUser clerk, Model model) {
        model.addAttribute("dispatch", IssuerOnly.own(catalog, id, clerk));
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

    @PostMapping("/phat-hanh")
    String publish(
            @PathVariable Long id,
            @Valid @ModelAttribute("publishForm") PublishForm form,
            BindingResult result,
            @AuthenticationPrincipal CurrentUser clerk,
            RedirectAttributes redirect) {
        IssuerOnly.owned(catalog, id, clerk);
        if (result.hasErrors()) {
            return backWithErrors(id, "publishForm", form, result, redirect);
        }
        attempt(redirect, () -> {
            DispatchReference published = management.publish(id, form.getManualNumber(), form.getIssuedOn(), clerk);
            redirect.addFlashAttribute("flashText", message("dispatch.flash.published", published.notation()));
        });
        return "redirect:/quan-ly/cong-van/" + id;
    }

    @PostMapping("/thu-hoi")
    String withdraw(
            @PathVariable Long id,
            @Valid @ModelAttribute("withdrawForm") WithdrawForm form,
            BindingResult result,
            @AuthenticationPrincipal CurrentUser clerk,
            RedirectAttributes redirect) {
        IssuerOnly.owned(catalog, id, clerk);
        if (result.hasErrors()) {
            return backWithErrors(id, "withdrawForm", form, result, redirect);
        }
        attempt(redirect, () -> {
            management.withdraw(id, form.getReason(), clerk);
            redirect.addFlashAttribute("flash", "dispatch.flash.withdrawn");
        });
        return "redirect:/quan-ly/cong-van/" + id;
    }

    @PostMapping("/dinh-chinh")
    String correct(@PathVariable Long id, @AuthenticationPrincipal CurrentUser clerk, RedirectAttributes redirect) {
        return supersede(id, DispatchRelation.CORRECTS, clerk, redirect);
    }

    @PostMapping("/thay-the")
    String replace(@PathVariable Long id, @AuthenticationPrincipal CurrentUser clerk, RedirectAttributes redirect) {
        return supersede(id, DispatchRelation.REPLACES, clerk, redirect);
    }

    private String supersede(Long id, DispatchRelation relation, CurrentUser clerk, RedirectAttributes redirect) {
        IssuerOnly.owned(catalog, id, clerk);
        Long[] next = new Long[1];
        attempt(redirect, () -> {
            next[0] = management.supersede(id, relation, clerk);
            redirect.addFlashAttribute("flash", "dispatch.flash.superseding." + relation.name());
        });
        return next[0] != null ? "redirect:/quan-ly/cong-van/" + next[0] + "/sua" : "redirect:/quan-ly/cong-van/" + id;
    }

    /** Shows a small form of the dispatch page again, with its errors, after the redirect. */
    private static String backWithErrors(
            Long id, String name, Object form, BindingResult result, RedirectAttributes redirect) {
        redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
        redirect.addFlashAttribute(name, form);
        return "redirect:/quan-ly/cong-van/" + id;
    }

    /** Runs a workflow step; a broken rule or a concurrent change becomes a message on the page, not an error page. */
    private void attempt(RedirectAttributes redirect, Runnable step) {
        try {
            step.run();
        } catch (ObjectOptimisticLockingFailureException ex) {
            redirect.addFlashAttribute("flashErrors", List.of(message("dispatch.error.concurrent")));
        } catch (DispatchRuleException ex) {
            redirect.addFlashAttribute("flashErrors", List.of(message(ex.messageKey(), ex.arguments())));
        }
    }

    private String message(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, key, locale);
    }
}
