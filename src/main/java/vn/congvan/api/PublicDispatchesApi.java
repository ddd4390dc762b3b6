package vn.congvan.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.attachment.AttachmentDownloads;
import vn.congvan.attachment.AttachmentNotFoundException;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.CachePolicy;
import vn.congvan.attachment.Disposition;
import vn.congvan.dispatch.Audience;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchWithdrawnException;
import vn.congvan.dispatch.Viewer;
import vn.congvan.search.DispatchSearch;
import vn.congvan.search.SearchHit;
import vn.congvan.search.SearchQuery;

/**
 * The public section through the API: published public dispatches, their files and the search. Open to anyone, as
 * the pages are; what a dispatch shows and which files are handed out is decided as for the public pages.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Công văn công khai", description = "Tài liệu tuyên truyền: danh sách, chi tiết, tệp, tìm kiếm")
class PublicDispatchesApi {

    static final String DISPATCHES = "/api/v1/dispatches";

    private final DispatchCatalog catalog;

    private final Attachments attachments;

    private final AttachmentDownloads downloads;

    private final DispatchSearch search;

    PublicDispatchesApi(
            DispatchCatalog catalog, Attachments attachments, AttachmentDownloads downloads, DispatchSearch search) {
        this.catalog = catalog;
        this.attachments = attachments;
        this.downloads = downloads;
        this.search = search;
    }

    @GetMapping("/dispatches")
    @Operation(summary = "Công văn công khai đã phát hành, mới nhất trước")
    ResponseEntity<ApiPage<ApiDispatch>> list(
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        return Paging.answer(ApiPage.of(catalog.publicDispatches(Paging.of(page, size)), ApiDispatch::of));
    }

    @GetMapping("/dispatches/{id}")
    @Operation(summary = "Một công văn công khai, với các tệp của nó")
    ApiDispatchDetail show(@PathVariable Long id) {
        return catalog.publicDispatch(id)
                .map(view -> ApiDispatchDetail.of(
                        view,
                        // As downloaded: a file signed at publication has the digest of its signed copy (ADR 0047).
                        downloads.published(attachments.ofDispatch(id)),
                        DISPATCHES + "/" + id + "/files",
                        false))
                .orElseThrow(() -> notPublic(id));
    }

    /** The bytes with the same headers as the public page's download (AttachmentDownloads), cached publicly. */
    @GetMapping("/dispatches/{id}/files/{attachmentId}")
    @Operation(summary = "Tải một tệp của công văn công khai")
    void file(
            @PathVariable Long id,
            @PathVariable Long attachmentId,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (!catalog.filesAreFor(id, Viewer.anonymous(), Audience.PUBLIC)) {
            throw notPublic(id);
        }
        if (attachments.ofDispatch(id, attachmentId).isEmpty()) {
            throw new AttachmentNotFoundException(attachmentId);
        }
        downloads.servePublished(id, attachmentId, Disposition.ATTACHMENT, CachePolicy.PUBLIC, request, response);
    }

    @GetMapping("/search")
    @Operation(
            summary =
                    "Tìm công văn (có dấu hoặc không dấu); người đăng nhập thấy thêm những gì trang tìm kiếm cho họ thấy")
    ResponseEntity<ApiPage<SearchHit>> search(
            @RequestParam("q") String text,
            @RequestParam(required = false) Long issuer,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size,
            Viewer viewer) {
        SearchQuery query = new SearchQuery(text, issuer, type, year, from, to);
        return Paging.answer(ApiPage.of(search.search(query, viewer, Paging.of(page, size)), hit -> hit));
    }

    private RuntimeException notPublic(Long id) {
        return catalog.withdrawal(id, Viewer.anonymous(), Audience.PUBLIC)
                .<RuntimeException>map(DispatchWithdrawnException::new)
                .orElseGet(() -> new DispatchNotFoundException(id));
    }
}
