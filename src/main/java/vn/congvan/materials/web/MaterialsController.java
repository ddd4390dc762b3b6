package vn.congvan.materials.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.congvan.attachment.AttachmentDownloads;
import vn.congvan.attachment.AttachmentDownloads.ServableFile;
import vn.congvan.attachment.AttachmentNotFoundException;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.CachePolicy;
import vn.congvan.attachment.Disposition;
import vn.congvan.attachment.Thumbnail;
import vn.congvan.attachment.Thumbnails;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchSummary;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.dispatch.PublicListing;

/**
 * The public section "Tài liệu tuyên truyền". Its path is the one the dispatches themselves tell units to visit,
 * so it stays Vietnamese.
 */
@Controller
@RequestMapping("/tai-lieu-tuyen-truyen")
class MaterialsController {

    static final int PAGE_SIZE = 20;

    private final DispatchCatalog catalog;

    private final Attachments attachments;

    private final AttachmentDownloads downloads;

    private final Thumbnails thumbnails;

    private final PublicFiles files;

    MaterialsController(DispatchCatalog catalog, Attachments attachments, AttachmentDownloads downloads,
            Thumbnails thumbnails, PublicFiles files) {
        this.files = files;
        this.catalog = catalog;
        this.attachments = attachments;
        this.downloads = downloads;
        this.thumbnails = thumbnails;
    }

    /**
     * Newest first, a page at a time from a position in the list ({@code sau}: older than that row, {@code truoc}:
     * newer), so that any page costs two indexed queries (ADR 0022). A page number ({@code trang}, from links made
     * before) leads to the newest page; a position that is not one is a bad request.
     */
    @GetMapping
    String list(@RequestParam(name = "sau", required = false) String older,
            @RequestParam(name = "truoc", required = false) String newer,
            @RequestParam(name = "trang", required = false) Integer oldPageNumber, Model model) {
        if (!PublicListing.readable(older) || !PublicListing.readable(newer)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        PublicListing listing = catalog.publicListing(older, newer, PAGE_SIZE);
        Map<Long, List<AttachmentView>> files = attachments
                .ofDispatches(listing.dispatches().stream().map(DispatchSummary::id).toList());
        model.addAttribute("rows", listing.dispatches().stream()
                .map(dispatch -> new MaterialRow(dispatch, files.get(dispatch.id()))).toList());
        model.addAttribute("listing", listing);
        return "materials/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable Long id, Model model) {
        DispatchView dispatch = catalog.publicDispatch(id).orElseThrow(() -> new DispatchNotFoundException(id));
        model.addAttribute("dispatch", dispatch);
        model.addAttribute("attachments", attachments.ofDispatch(id));
        return "materials/show";
    }

    @GetMapping("/{id}/tep/{attachmentId}")
    void view(@PathVariable Long id, @PathVariable Long attachmentId, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        downloads.serve(publicFile(id, attachmentId), Disposition.INLINE, CachePolicy.PUBLIC, request, response);
    }

    @GetMapping("/{id}/tep/{attachmentId}/tai-ve")
    void download(@PathVariable Long id, @PathVariable Long attachmentId, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        downloads.serve(publicFile(id, attachmentId), Disposition.ATTACHMENT, CachePolicy.PUBLIC, request, response);
    }

    @GetMapping("/{id}/tep/{attachmentId}/trang-dau.png")
    Thumbnail thumbnail(@PathVariable Long id, @PathVariable Long attachmentId, HttpServletRequest request) {
        publicDispatch(id);
        // The file as remembered per catalogue stamp (PublicFiles): a stampede on a new thumbnail queries nothing.
        return thumbnails.of(publicFile(id, attachmentId), CachePolicy.PUBLIC, request)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
    }

    /** The file if its dispatch is published and public and the file may be served; 404 otherwise. */
    private ServableFile publicFile(Long dispatchId, Long attachmentId) {
        return files.find(dispatchId, attachmentId).orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
    }

    /** 404 unless the dispatch is published and public. */
    private void publicDispatch(Long dispatchId) {
        if (!files.dispatchIsPublic(dispatchId)) {
            throw new DispatchNotFoundException(dispatchId);
        }
    }

    record MaterialRow(DispatchSummary dispatch, List<AttachmentView> attachments) {
    }
}
