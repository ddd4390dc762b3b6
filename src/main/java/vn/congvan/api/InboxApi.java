package vn.congvan.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.congvan.attachment.AttachmentDownloads;
import vn.congvan.attachment.AttachmentNotFoundException;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.CachePolicy;
import vn.congvan.attachment.Disposition;
import vn.congvan.attachment.StampedCopies;
import vn.congvan.delivery.DeliveryLedger;
import vn.congvan.delivery.DeliveryStatus;
import vn.congvan.delivery.ReportUpload;
import vn.congvan.delivery.Reports;
import vn.congvan.dispatch.Audience;
import vn.congvan.dispatch.CopyStamps;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchFileDownloaded;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.dispatch.DispatchWithdrawnException;
import vn.congvan.dispatch.Viewer;

/**
 * Hộp văn bản đến through the API, for a member of a recipient unit (token or session): what was sent to the unit,
 * one item (which counts as viewed, as on the page), its files (which count as downloaded), the acknowledgement and
 * the report. A dispatch that was not sent to the caller's units does not exist here (404), whatever its id, exactly
 * as in {@code delivery.web.InboxController}.
 */
@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "Hộp văn bản đến", description = "Cần mã truy cập (hoặc phiên đăng nhập) của thành viên đơn vị nhận")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class InboxApi {

    private final DeliveryLedger ledger;

    private final DispatchCatalog catalog;

    private final Attachments attachments;

    private final AttachmentDownloads downloads;

    private final Reports reports;

    private final ApplicationEventPublisher events;

    private final StampedCopies copies;

    private final CopyStamps stamps;

    InboxApi(
            DeliveryLedger ledger,
            DispatchCatalog catalog,
            Attachments attachments,
            AttachmentDownloads downloads,
            Reports reports,
            ApplicationEventPublisher events,
            StampedCopies copies,
            CopyStamps stamps) {
        this.copies = copies;
        this.stamps = stamps;
        this.ledger = ledger;
        this.catalog = catalog;
        this.attachments = attachments;
        this.downloads = downloads;
        this.reports = reports;
        this.events = events;
    }

    @GetMapping
    @Operation(summary = "Văn bản đến của đơn vị, mới nhất trước")
    ResponseEntity<ApiPage<ApiInboxItem>> inbox(
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, Viewer member) {
        return Paging.answer(ApiPage.of(ledger.inbox(member, Paging.of(page, size)), ApiInboxItem::of));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một văn bản đến (ghi nhận là đã xem, như trên trang)")
    ApiDelivery show(@PathVariable Long id, Viewer member) {
        DeliveryStatus status = delivered(id, member);
        DispatchView dispatch = catalog.visibleDispatch(id, member, Audience.RECIPIENT)
                .orElseThrow(() -> new DispatchNotFoundException(id));
        if (dispatch.isWithdrawn()) {
            throw gone(id, member);
        }
        ledger.recordViewed(id, member);
        return new ApiDelivery(
                ApiDispatchDetail.of(
                        dispatch,
                        // As downloaded: a file signed at publication has the digest of its signed copy (ADR 0047).
                        downloads.published(attachments.ofDispatch(id)),
                        "/api/v1/inbox/" + id + "/files",
                        catalog.isRestricted(id)),
                ApiDelivery.Status.of(ledger.statusFor(id, member).orElse(status)),
                ApiDelivery.Report.of(reports.ofMember(id, member).orElse(null)));
    }

    @GetMapping("/{id}/files/{attachmentId}")
    @Operation(summary = "Tải một tệp của văn bản đến (ghi nhận là đã tải)")
    void file(
            @PathVariable Long id,
            @PathVariable Long attachmentId,
            Viewer member,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (!catalog.filesAreFor(id, member, Audience.RECIPIENT)) {
            throw catalog.withdrawal(id, member, Audience.RECIPIENT)
                    .<RuntimeException>map(DispatchWithdrawnException::new)
                    .orElseGet(() -> new AttachmentNotFoundException(attachmentId));
        }
        if (attachments.ofDispatch(id, attachmentId).isEmpty()) {
            throw new AttachmentNotFoundException(attachmentId);
        }
        // The same stamped copy as the inbox page gives (ADR 0043): the API is no way round the stamp.
        if (catalog.isRestricted(id)
                && copies.serveStamped(
                        id,
                        attachmentId,
                        stamps.forCurrentUser(),
                        Disposition.ATTACHMENT,
                        copyId -> events.publishEvent(new DispatchFileDownloaded(id, attachmentId, member, copyId)),
                        request,
                        response)) {
            return;
        }
        events.publishEvent(new DispatchFileDownloaded(id, attachmentId, member));
        downloads.servePublished(id, attachmentId, Disposition.ATTACHMENT, CachePolicy.PRIVATE, request, response);
    }

    @PostMapping("/{id}/acknowledgement")
    @Operation(summary = "Xác nhận đã nhận (cần mã phạm vi văn thư)")
    ApiDelivery.Status acknowledge(@PathVariable Long id, Viewer member) {
        if (delivered(id, member).isWithdrawn()) {
            throw gone(id, member);
        }
        ledger.acknowledge(id, member);
        return ApiDelivery.Status.of(delivered(id, member));
    }

    @PostMapping(path = "/{id}/report", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Gửi báo cáo của đơn vị: nội dung và tệp (cần mã phạm vi văn thư)")
    ApiDelivery.Report report(
            @PathVariable Long id,
            @RequestParam("text") String text,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Viewer member)
            throws IOException {
        if (text.isBlank()) {
            throw new ApiErrors.BadApiRequest("Báo cáo cần có nội dung (trường text).");
        }
        List<ReportUpload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                if (!file.isEmpty()) {
                    uploads.add(new ReportUpload(file.getOriginalFilename(), file));
                }
            }
        }
        return ApiDelivery.Report.of(reports.submit(id, member, text, uploads));
    }

    private DeliveryStatus delivered(Long id, Viewer member) {
        return ledger.statusFor(id, member).orElseThrow(() -> new DispatchNotFoundException(id));
    }

    private RuntimeException gone(Long id, Viewer member) {
        return catalog.withdrawal(id, member, Audience.RECIPIENT)
                .<RuntimeException>map(DispatchWithdrawnException::new)
                .orElseGet(() -> new DispatchNotFoundException(id));
    }
}
