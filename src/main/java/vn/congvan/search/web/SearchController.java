package vn.congvan.search.web;

import java.time.LocalDate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.Viewer;
import vn.congvan.search.DispatchSearch;
import vn.congvan.search.SearchHit;
import vn.congvan.search.SearchQuery;

/** Tìm kiếm: open to everyone; a signed-in person also finds the restricted dispatches they may see. */
@Controller
class SearchController {

    private static final int PAGE_SIZE = 20;

    private final DispatchSearch search;

    private final DispatchCatalog catalog;

    private final PublicIssuers issuers;

    SearchController(DispatchSearch search, DispatchCatalog catalog, PublicIssuers issuers) {
        this.search = search;
        this.catalog = catalog;
        this.issuers = issuers;
    }

    @GetMapping("/tim-kiem")
    String search(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "co-quan", required = false) Long issuer,
            @RequestParam(name = "loai", required = false) String type,
            @RequestParam(name = "nam", required = false) Integer year,
            @RequestParam(name = "tu-ngay", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(name = "den-ngay", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            @RequestParam(name = "trang", defaultValue = "1") int page,
            Viewer viewer,
            Model model) {
        SearchQuery query = new SearchQuery(q, issuer, type, year, from, to);
        Page<SearchHit> hits = search.search(query, viewer, PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE));
        model.addAttribute("query", query);
        model.addAttribute("hits", hits.map(hit -> new Row(hit, href(hit, viewer))));
        model.addAttribute("issuers", issuers.of(viewer));
        model.addAttribute("types", catalog.documentTypes());
        return "search/results";
    }

    /** Where the viewer reads the found dispatch: the public page, the unit's inbox, or the clerk's page. */
    private static String href(SearchHit hit, Viewer viewer) {
        if (hit.publiclyVisible()) {
            return "/tai-lieu-tuyen-truyen/" + hit.dispatchId();
        }
        if (viewer.isRecipient()) {
            return "/hop-thu/" + hit.dispatchId();
        }
        return "/quan-ly/cong-van/" + hit.dispatchId();
    }

    record Row(SearchHit hit, String href) {}
}
