package vn.congvan.dispatch.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.account.CurrentUser;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentRejectedException;
import vn.congvan.attachment.FileNames;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchRuleException;

/**
 * Changing a draft's files: upload, title and kind, remove, through the dispatch's commands (files change only on drafts, a rule
 * of the aggregate). Serving them is {@link DispatchFileServingController}'s.
 */
@Controller
@RequestMapping("/quan-ly/cong-van/{id}/tep")
class DispatchFilesController {

    private final DispatchManagement management;

    private final MessageSource messages;

    DispatchFilesController(DispatchManagement management, MessageSource messages) {
        this.management = management;
        this.messages = messages;
    }

    /**
     * Receives files. The browser's upload script asks with {@code X-Requested-With} and gets the outcome as plain
     * text (so it can show progress and stay on the page); a plain form post is redirected back with a message.
     */
    @PostMapping
    Object upload(
            @PathVariable Long id,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "kind", defaultValue = "APPENDIX") AttachmentKind kind,
            @RequestParam(name = "title", required = false) String title,
            @AuthenticationPrincipal CurrentUser clerk,
            HttpServletRequest request,
            RedirectAttributes redirect)
            throws IOException {
        List<String> errors = new ArrayList<>();
        int stored = 0;
        List<MultipartFile> chosen = files == null ? List.of() : files;
        // The title field names one file; several files chosen at once each keep their own name as title.
        String given = chosen.size() == 1 ? title : null;
        for (MultipartFile file : chosen) {
            String original = file.getOriginalFilename();
            if (file.isEmpty() && (original == null || original.isBlank())) {
                continue;
            }
            String filename = FileNames.clean(original);
            try (InputStream in = file.getInputStream()) {
                management.attach(new NewAttachment(id, FileNames.title(given, filename), kind, filename), in, clerk);
                stored++;
            } catch (AttachmentRejectedException ex) {
                errors.add(message(ex.messageKey(), ex.arguments()));
            } catch (DispatchRuleException ex) {
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

    @PostMapping("/{attachmentId}/xoa")
    String remove(
            @PathVariable Long id,
            @PathVariable Long attachmentId,
            @AuthenticationPrincipal CurrentUser clerk,
            RedirectAttributes redirect) {
        try {
            management.removeFile(id, attachmentId, clerk);
        } catch (DispatchRuleException ex) {
            throw noFilesRoute(id);
        }
        redirect.addFlashAttribute("flash", "dispatch.flash.fileRemoved");
        return "redirect:/quan-ly/cong-van/" + id;
    }

    /** A new title and kind for a draft's file; gone, like upload and remove, once the dispatch is published. */
    @PostMapping("/{attachmentId}/sua")
    String describe(
            @PathVariable Long id,
            @PathVariable Long attachmentId,
            @Valid @ModelAttribute FileDescriptionForm form,
            BindingResult result,
            @AuthenticationPrincipal CurrentUser clerk,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute(
                    "flashErrors",
                    result.getFieldErrors().stream()
                            .map(error -> message(error.getDefaultMessage()))
                            .toList());
            return "redirect:/quan-ly/cong-van/" + id;
        }
        try {
            management.describeFile(id, attachmentId, form.getTitle(), form.getKind(), clerk);
        } catch (DispatchRuleException ex) {
            throw noFilesRoute(id);
        }
        redirect.addFlashAttribute("flash", "dispatch.flash.fileDescribed");
        return "redirect:/quan-ly/cong-van/" + id;
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
}
