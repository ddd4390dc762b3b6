package vn.congvan.delivery.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.congvan.account.CurrentUser;
import vn.congvan.attachment.AttachmentDownloads;
import vn.congvan.attachment.AttachmentNotFoundException;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.CachePolicy;
import vn.congvan.attachment.Disposition;
import vn.congvan.attachment.Thumbnail;
import vn.congvan.attachment.Thumbnails;
import vn.congvan.delivery.DeliveryLedger;
import vn.congvan.delivery.DeliveryStatus;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchView;

/**
 * Hộp văn bản đến: what was sent to the member's unit. A dispatch that was not sent to the unit does not exist
 * here (404), whatever its id.
 */
@Controller
@RequestMapping("/hop-thu")
class InboxController {

    private static final int PAGE_SIZE = 20;

    private final DeliveryLedger ledger;

    private final DispatchCatalog catalog;

    private final Attachments attachments;

    private final AttachmentDownloads downloads;

    private final Thumbnails thumbnails;

    InboxController(DeliveryLedger ledger, DispatchCatalog catalog, Attachments attachments,
            AttachmentDownloads downloads, Thumbnails thumbnails) {
        this.thumbnails = thumbnails;
        this.ledger = ledger;
        this.catalog = catalog;
        this.attachments = attachments;
        this.downloads = downloads;
    }

    @GetMapping
    String inbox(@RequestParam(name = "trang", defaultValue = "1") int page,
            @AuthenticationPrincipal CurrentUser member, Model model) {
        model.addAttribute("page", ledger.inbox(member, PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE)));
        return "delivery/inbox";
    }

    @GetMapping("/{id}")
    String show(@PathVariable Long id, @AuthenticationPrincipal CurrentUser member, Model model) {
        DeliveryStatus status = delivered(id, member);
        DispatchView dispatch = visible(id, member);
        if (!dispatch.isWithdrawn()) {
            ledger.recordViewed(id, member);
        }
        model.addAttribute("dispatch", dispatch);
        model.addAttribute("status", ledger.statusFor(id, member).orElse(status));
        model.addAttribute("attachments", dispatch.isWithdrawn() ? List.of() : attachments.ofDispatch(id));
        return "delivery/show";
    }

    @PostMapping("/{id}/xac-nhan")
    String acknowledge(@PathVariable Long id, @AuthenticationPrincipal CurrentUser member,
            RedirectAttributes redirect) {
        if (delivered(id, member).isWithdrawn()) {
            throw new DispatchNotFoundException(id);
        }
        ledger.acknowledge(id, member);
        redirect.addFlashAttribute("flash", "delivery.flash.acknowledged");
        return "redirect:/hop-thu/" + id;
    }

    @GetMapping("/{id}/tep/{attachmentId}")
    void view(@PathVariable Long id, @PathVariable Long attachmentId, @AuthenticationPrincipal CurrentUser member,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(id, attachmentId, member, Disposition.INLINE, request, response);
    }

    @GetMapping("/{id}/tep/{attachmentId}/tai-ve")
    void download(@PathVariable Long id, @PathVariable Long attachmentId,
            @AuthenticationPrincipal CurrentUser member, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        serve(id, attachmentId, member, Disposition.ATTACHMENT, request, response);
    }

    @GetMapping("/{id}/tep/{attachmentId}/trang-dau.png")
    Thumbnail thumbnail(@PathVariable Long id, @PathVariable Long attachmentId,
            @AuthenticationPrincipal CurrentUser member, HttpServletRequest request) {
        if (delivered(id, member).isWithdrawn()) {
            throw new AttachmentNotFoundException(attachmentId);
        }
        return thumbnails.of(id, attachmentId, CachePolicy.PRIVATE, request)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
    }

    private void serve(Long id, Long attachmentId, CurrentUser member, Disposition disposition,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (delivered(id, member).isWithdrawn()) {
            // A withdrawn dispatch's files are frozen: its page says why, its files are no longer handed out.
            throw new AttachmentNotFoundException(attachmentId);
        }
        if (attachments.ofDispatch(id, attachmentId).isEmpty()) {
            throw new AttachmentNotFoundException(attachmentId);
        }
        ledger.recordDownloaded(id, attachmentId, member);
        downloads.serve(id, attachmentId, disposition, CachePolicy.PRIVATE, request, response);
    }

    private DeliveryStatus delivered(Long id, CurrentUser member) {
        return ledger.statusFor(id, member).orElseThrow(() -> new DispatchNotFoundException(id));
    }

    private DispatchView visible(Long id, CurrentUser member) {
        return catalog.visibleDispatch(id, member).orElseThrow(() -> new DispatchNotFoundException(id));
    }
}
