package vn.congvan.delivery.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.attachment.AttachmentRejectedException;
import vn.congvan.attachment.ReportFiles;
import vn.congvan.delivery.ReportUpload;
import vn.congvan.delivery.ReportView;
import vn.congvan.delivery.Reports;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.Viewer;

/**
 * A recipient unit sends its report from the inbox, and reads back the files it sent. Whoever reads the unit's inbox
 * may send it (ADR 0034); another unit's report does not exist here (404).
 */
@Controller
@RequestMapping("/hop-thu/{id}/bao-cao")
class ReportSubmissionController {

    private final Reports reports;

    private final ReportFiles files;

    private final MessageSource messages;

    ReportSubmissionController(Reports reports, ReportFiles files, MessageSource messages) {
        this.reports = reports;
        this.files = files;
        this.messages = messages;
    }

    @PostMapping
    String submit(
            @PathVariable Long id,
            @Valid @ModelAttribute("reportForm") ReportForm form,
            BindingResult result,
            @RequestParam(name = "files", required = false) List<MultipartFile> parts,
            Viewer member,
            RedirectAttributes redirect)
            throws IOException {
        if (result.hasErrors()) {
            redirect.addFlashAttribute(
                    "flashErrors",
                    List.of(messages.getMessage(result.getAllErrors().get(0), LocaleContextHolder.getLocale())));
            redirect.addFlashAttribute("reportBody", form.getBody());
            return "redirect:/hop-thu/" + id + "#bao-cao";
        }
        List<ReportUpload> uploads = new ArrayList<>();
        for (MultipartFile part : parts == null ? List.<MultipartFile>of() : parts) {
            String name = part.getOriginalFilename();
            if (part.isEmpty() && (name == null || name.isBlank())) {
                continue;
            }
            uploads.add(new ReportUpload(name, part));
        }
        try {
            reports.submit(id, member, form.getBody(), uploads);
        } catch (AttachmentRejectedException ex) {
            redirect.addFlashAttribute("flashErrors", List.of(message(ex.messageKey(), ex.arguments())));
            redirect.addFlashAttribute("reportBody", form.getBody());
            return "redirect:/hop-thu/" + id + "#bao-cao";
        }
        redirect.addFlashAttribute("flash", "delivery.flash.reported");
        return "redirect:/hop-thu/" + id + "#bao-cao";
    }

    @GetMapping("/tep/{fileId}")
    void file(
            @PathVariable Long id,
            @PathVariable Long fileId,
            Viewer member,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ReportView report = reports.ofMember(id, member).orElseThrow(() -> new DispatchNotFoundException(id));
        files.serve(report.id(), fileId, request, response);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
