package vn.congvan.delivery.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.account.AccountManagement;
import vn.congvan.attachment.ReportFileView;
import vn.congvan.attachment.ReportFiles;
import vn.congvan.delivery.ReportView;
import vn.congvan.delivery.Reports;
import vn.congvan.dispatch.Audience;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.dispatch.Viewer;
import vn.congvan.system.Times;

/**
 * The issuer's side of reports (ADR 0034): its clerk reads each unit's report and its files, takes all of them as one
 * ZIP, and reminds (nhắc) the units that still owe an answer. A dispatch of another issuer does not exist here.
 */
@Controller
@RequestMapping("/quan-ly/cong-van/{id}")
class ReportsController {

    private final Reports reports;

    private final ReportFiles files;

    private final DispatchCatalog catalog;

    private final Times times;

    private final AccountManagement accounts;

    private final MessageSource messages;

    ReportsController(
            Reports reports,
            ReportFiles files,
            DispatchCatalog catalog,
            Times times,
            AccountManagement accounts,
            MessageSource messages) {
        this.messages = messages;
        this.accounts = accounts;
        this.reports = reports;
        this.files = files;
        this.catalog = catalog;
        this.times = times;
    }

    @GetMapping("/bao-cao/{unitId}")
    String show(@PathVariable Long id, @PathVariable Long unitId, Viewer clerk, Model model) {
        DispatchView dispatch = issuedBy(id, clerk);
        ReportView report = reports.ofUnit(id, unitId).orElseThrow(() -> new DispatchNotFoundException(id));
        model.addAttribute("dispatch", dispatch);
        model.addAttribute("report", report);
        model.addAttribute("unitName", reports.unitName(unitId));
        List<String> usernames = new ArrayList<>();
        usernames.add(report.submittedBy());
        report.revisions().forEach(revision -> usernames.add(revision.submittedBy()));
        model.addAttribute("people", accounts.displayNames(usernames));
        return "delivery/report";
    }

    @GetMapping("/bao-cao/{unitId}/tep/{fileId}")
    void file(
            @PathVariable Long id,
            @PathVariable Long unitId,
            @PathVariable Long fileId,
            Viewer clerk,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        issuedBy(id, clerk);
        ReportView report = reports.ofUnit(id, unitId).orElseThrow(() -> new DispatchNotFoundException(id));
        files.serve(report.id(), fileId, request, response);
    }

    /**
     * Every report as one ZIP: a folder per unit with the text as "bao-cao.txt" and the unit's files. Written while
     * the reports are read and each file copied from storage as it comes, so nothing is held whole; names are kept
     * in UTF-8 (the ZIP's language flag is set), so Vietnamese names open as they were sent.
     */
    @GetMapping("/bao-cao.zip")
    void zip(@PathVariable Long id, Viewer clerk, HttpServletResponse response) throws IOException {
        DispatchView dispatch = issuedBy(id, clerk);
        if (!dispatch.asksForReport()) {
            throw new DispatchNotFoundException(id);
        }
        response.setContentType("application/zip");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("bao-cao-" + dispatch.notation().replace('/', '-') + ".zip", StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        OutputStream out = response.getOutputStream();
        Map<String, String> people = accounts.allDisplayNames();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Set<String> folders = new HashSet<>();
        reports.forEach(id, unitReport -> {
            try {
                writeReport(zip, unique(folders, ZipNames.safe(unitReport.unitName())), unitReport.report(), people);
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        zip.finish();
        out.flush();
    }

    private void writeReport(ZipOutputStream zip, String folder, ReportView report, Map<String, String> people)
            throws IOException {
        Set<String> names = new HashSet<>();
        names.add("bao-cao.txt");
        zip.putNextEntry(entry(folder + "/bao-cao.txt", report));
        String text = "Gửi lúc: " + times.format(report.submittedAt()) + " ("
                + AccountManagement.nameOr(people, report.submittedBy()) + ")\r\n"
                + "Lần gửi: " + report.revision() + (report.onTime() ? "" : " (trễ hạn)") + "\r\n\r\n"
                + report.body().replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n";
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        for (ReportFileView file : report.files()) {
            zip.putNextEntry(entry(folder + "/" + unique(names, ZipNames.safe(file.originalFilename())), report));
            try (InputStream in = reports.openFile(report, file.id())) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
    }

    /**
     * An entry dated when the report was sent, in Vietnam time: a ZIP keeps a local date and time without a zone, and
     * without this it would be the moment of the download in the server's zone (UTC, seven hours early).
     */
    private ZipEntry entry(String name, ReportView report) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(LocalDateTime.ofInstant(report.submittedAt(), times.zone()));
        return entry;
    }

    /** "Báo cáo", then "Báo cáo (2)", ... (before the extension), so that no entry hides another. */
    private static String unique(Set<String> taken, String name) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        int next = 2;
        while (!taken.add(candidate.toLowerCase(java.util.Locale.ROOT))) {
            candidate = stem + " (" + next++ + ")" + extension;
        }
        return candidate;
    }

    /** "Nhắc" one unit ({@code don-vi}) or "Nhắc tất cả chưa báo cáo" (without it). */
    @PostMapping("/nhac")
    String remind(
            @PathVariable Long id,
            @RequestParam(name = "don-vi", required = false) Long unitId,
            Viewer clerk,
            RedirectAttributes redirect) {
        DispatchView dispatch = issuedBy(id, clerk);
        if (!dispatch.isPublished()) {
            throw new DispatchNotFoundException(id);
        }
        Reports.Reminding done = reports.remind(id, unitId, clerk);
        if (done.tooSoon() == 0) {
            redirect.addFlashAttribute(
                    "flash", done.reminded() == 0 ? "delivery.flash.remindedNone" : "delivery.flash.reminded");
        } else if (done.reminded() == 0) {
            redirect.addFlashAttribute(
                    "flashErrors",
                    List.of(text(
                            unitId != null ? "delivery.flash.remindUnitTooSoon" : "delivery.flash.remindAllTooSoon",
                            times.format(done.nextAllowedAt()),
                            interval(done.interval()))));
        } else {
            redirect.addFlashAttribute(
                    "flashText",
                    text(
                            "delivery.flash.remindedSomeTooSoon",
                            done.reminded(),
                            done.tooSoon(),
                            times.format(done.nextAllowedAt())));
        }
        return "redirect:/quan-ly/cong-van/" + id + "/so-theo-doi";
    }

    /** "1 giờ", "90 phút": the interval as the clerk reads it. */
    private String interval(Duration interval) {
        long minutes = interval.toMinutes();
        return minutes % 60 == 0 && minutes > 0
                ? text("delivery.interval.hours", minutes / 60)
                : text("delivery.interval.minutes", minutes);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private DispatchView issuedBy(Long id, Viewer clerk) {
        return catalog.visibleDispatch(id, clerk, Audience.ISSUER)
                .filter(dispatch -> !dispatch.isDraft())
                .orElseThrow(() -> new DispatchNotFoundException(id));
    }
}
