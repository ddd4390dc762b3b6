package vn.congvan.materials.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.dispatch.Audience;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchSummary;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.dispatch.DispatchWithdrawnException;
import vn.congvan.dispatch.PublicListing;
import vn.congvan.dispatch.Viewer;

/**
 * The public section "Tài liệu tuyên truyền". Its path is the one the dispatches themselves tell units to visit,
 * so it stays Vietnamese. Its files are served by the dispatch module's one file path, for the public audience.
 */
@Controller
@RequestMapping("/tai-lieu-tuyen-truyen")
class MaterialsController {

    static final int PAGE_SIZE = 20;

    private final DispatchCatalog catalog;

    private final Attachments attachments;

    MaterialsController(DispatchCatalog catalog, Attachments attachments) {
        this.catalog = catalog;
        this.attachments = attachments;
    }

    /**
     * Newest first, a page at a time from a position in the list ({@code sau}: older than that row, {@code truoc}:
     * newer), so that any page costs two indexed queries (ADR 0022). A page number ({@code trang}, from links made
     * before) leads to the newest page; a position that is not one is a bad request.
     */
    @GetMapping
    String list(
            @RequestParam(name = "sau", required = false) String older,
            @RequestParam(name = "truoc", required = false) String newer,
            @RequestParam(name = "trang", required = false) Integer oldPageNumber,
            Model model) {
        if (!PublicListing.readable(older) || !PublicListing.readable(newer)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        PublicListing listing = catalog.publicListing(older, newer, PAGE_SIZE);
        Map<Long, List<AttachmentView>> files = attachments.ofDispatches(
                listing.dispatches().stream().map(DispatchSummary::id).toList());
        model.addAttribute(
                "rows",
                listing.dispatches().stream()
                        .map(dispatch -> new MaterialRow(dispatch, files.get(dispatch.id())))
                        .toList());
        model.addAttribute("listing", listing);
        return "materials/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable Long id, Model model) {
        DispatchView dispatch = catalog.publicDispatch(id).orElseThrow(() -> notPublic(id));
        model.addAttribute("dispatch", dispatch);
        model.addAttribute("attachments", attachments.ofDispatch(id));
        return "materials/show";
    }

    /** A public dispatch withdrawn since is gone (410, with the notice); anything else was never here (404). */
    private RuntimeException notPublic(Long id) {
        return catalog.withdrawal(id, Viewer.anonymous(), Audience.PUBLIC)
                .<RuntimeException>map(DispatchWithdrawnException::new)
                .orElseGet(() -> new DispatchNotFoundException(id));
    }

    record MaterialRow(DispatchSummary dispatch, List<AttachmentView> attachments) {}
}
