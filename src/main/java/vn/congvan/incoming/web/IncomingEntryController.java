package vn.congvan.incoming.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.CurrentUser;
import vn.congvan.attachment.AttachmentDownloads;
import vn.congvan.attachment.AttachmentNotFoundException;
import vn.congvan.attachment.CachePolicy;
import vn.congvan.attachment.Disposition;
import vn.congvan.incoming.IncomingEntry;
import vn.congvan.incoming.IncomingEntryNotFoundException;
import vn.congvan.incoming.IncomingRegister;

/**
 * One entry of the clerk's register: the document (laid out when it came through the portal), its files, the
 * dispatches that implement or forward it, and "Triển khai" to start one.
 */
@Controller
@RequestMapping("/quan-ly/van-ban-den/{id}")
class IncomingEntryController {

    private final IncomingRegister register;

    private final AttachmentDownloads downloads;

    private final AccountManagement accounts;

    IncomingEntryController(IncomingRegister register, AttachmentDownloads downloads, AccountManagement accounts) {
        this.accounts = accounts;
        this.register = register;
        this.downloads = downloads;
    }

    @GetMapping
    String show(@PathVariable Long id, @AuthenticationPrincipal CurrentUser clerk, Model model) {
        IncomingEntry entry = entry(id, clerk);
        model.addAttribute("entry", entry);
        model.addAttribute("document", register.document(entry, clerk).orElse(null));
        model.addAttribute("files", register.files(entry, clerk));
        model.addAttribute("forwards", register.forwards(entry));
        model.addAttribute("people", accounts.displayNames(Collections.singletonList(entry.registeredBy())));
        return "incoming/entry";
    }

    @GetMapping("/tep/{fileId}")
    void view(
            @PathVariable Long id,
            @PathVariable Long fileId,
            @AuthenticationPrincipal CurrentUser clerk,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        serve(id, fileId, Disposition.INLINE, clerk, request, response);
    }

    @GetMapping("/tep/{fileId}/tai-ve")
    void download(
            @PathVariable Long id,
            @PathVariable Long fileId,
            @AuthenticationPrincipal CurrentUser clerk,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        serve(id, fileId, Disposition.ATTACHMENT, clerk, request, response);
    }

    /** Triển khai / chuyển tiếp: a forwarding draft, opened for editing. */
    @PostMapping("/trien-khai")
    String forward(@PathVariable Long id, @AuthenticationPrincipal CurrentUser clerk, RedirectAttributes redirect) {
        Long draft = register.forward(id, clerk);
        redirect.addFlashAttribute("flash", "incoming.flash.forwardDrafted");
        return "redirect:/quan-ly/cong-van/" + draft + "/sua";
    }

    /** Only the files the entry's page lists: the dispatch's while it may be read, or the entry's own scans. */
    private void serve(
            Long id,
            Long fileId,
            Disposition disposition,
            CurrentUser clerk,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        IncomingEntry entry = entry(id, clerk);
        if (entry.dispatchId() == null) {
            downloads.serveOfIncomingEntry(entry.id(), fileId, disposition, request, response);
            return;
        }
        if (register.files(entry, clerk).stream().noneMatch(file -> file.id().equals(fileId))) {
            throw new AttachmentNotFoundException(fileId);
        }
        downloads.servePublished(entry.dispatchId(), fileId, disposition, CachePolicy.PRIVATE, request, response);
    }

    private IncomingEntry entry(Long id, CurrentUser clerk) {
        return register.entry(id, clerk).orElseThrow(() -> new IncomingEntryNotFoundException(id));
    }
}
