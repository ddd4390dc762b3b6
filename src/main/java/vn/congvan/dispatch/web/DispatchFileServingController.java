package vn.congvan.dispatch.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import vn.congvan.account.CurrentUser;
import vn.congvan.attachment.AttachmentDownloads;
import vn.congvan.attachment.AttachmentNotFoundException;
import vn.congvan.attachment.CachePolicy;
import vn.congvan.attachment.Disposition;
import vn.congvan.attachment.Thumbnails;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchStatus;

/** The clerk's view, download and first-page preview of the files of the unit's dispatches, drafts included. */
@Controller
@RequestMapping("/quan-ly/cong-van")
class DispatchFileServingController {

    private final DispatchCatalog catalog;

    private final AttachmentDownloads downloads;

    private final Thumbnails thumbnails;

    DispatchFileServingController(DispatchCatalog catalog, AttachmentDownloads downloads, Thumbnails thumbnails) {
        this.catalog = catalog;
        this.downloads = downloads;
        this.thumbnails = thumbnails;
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

    /** The dispatch's status if the clerk acts for its issuer; 404 otherwise. */
    private DispatchStatus owned(Long id, CurrentUser clerk) {
        return catalog.statusForIssuingClerk(id, clerk).orElseThrow(() -> new DispatchNotFoundException(id));
    }
}
