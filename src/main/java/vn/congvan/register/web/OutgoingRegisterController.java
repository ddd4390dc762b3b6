package vn.congvan.register.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congvan.attachment.Attachments;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.OutgoingRegister;
import vn.congvan.dispatch.Viewer;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.system.Spreadsheet;
import vn.congvan.system.Times;

/**
 * Sổ văn bản đi of the clerk's unit: a year's numbered documents, filtered by type, dates and text, paged on screen,
 * whole (up to {@link #PRINT_LIMIT} lines) for printing on A4 landscape, and whole as an Excel workbook.
 */
@Controller
@RequestMapping("/quan-ly")
class OutgoingRegisterController {

    static final int PAGE_SIZE = 50;

    /** A print of more lines than this is a book, not a page: the clerk filters or takes the workbook. */
    static final int PRINT_LIMIT = 2000;

    /** Lines whose file counts are asked for at once while the workbook is written. */
    private static final int BATCH = 500;

    private final OutgoingRegister register;

    private final DispatchCatalog catalog;

    private final Attachments attachments;

    private final OrganizationDirectory organization;

    private final MessageSource messages;

    private final Clock clock;

    OutgoingRegisterController(
            OutgoingRegister register,
            DispatchCatalog catalog,
            Attachments attachments,
            OrganizationDirectory organization,
            MessageSource messages,
            Clock clock) {
        this.register = register;
        this.catalog = catalog;
        this.attachments = attachments;
        this.organization = organization;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/so-van-ban-di")
    String show(
            @RequestParam(name = "nam", required = false) Integer year,
            @RequestParam(name = "loai", required = false) String type,
            @RequestParam(name = "tu", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "den", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "tim", required = false) String text,
            @RequestParam(name = "trang", defaultValue = "1") int page,
            @RequestParam(name = "in", defaultValue = "false") boolean print,
            Viewer clerk,
            Model model) {
        OutgoingRegister.Query query = query(year, type, from, to, text);
        var entries = print
                ? register.page(clerk, query, 0, PRINT_LIMIT)
                : register.page(clerk, query, Math.max(page, 1) - 1, PAGE_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("entries", entries);
        model.addAttribute(
                "files",
                attachments.counts(entries.map(OutgoingRegister.Entry::id).toList()));
        model.addAttribute("print", print);
        model.addAttribute("printLimit", PRINT_LIMIT);
        model.addAttribute("issuer", issuerName(clerk));
        model.addAttribute("types", catalog.documentTypes());
        model.addAttribute("years", years(clerk, query.year()));
        return "register/outgoing";
    }

    /** The register as a workbook, with the page's filters: streamed from the database into the sheet. */
    @GetMapping("/so-van-ban-di.xlsx")
    void xlsx(
            @RequestParam(name = "nam", required = false) Integer year,
            @RequestParam(name = "loai", required = false) String type,
            @RequestParam(name = "tu", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "den", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "tim", required = false) String text,
            Viewer clerk,
            HttpServletResponse response)
            throws IOException {
        OutgoingRegister.Query query = query(year, type, from, to, text);
        response.setContentType(Spreadsheet.MEDIA_TYPE.toString());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("so-van-ban-di-" + query.year() + ".xlsx")
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        try (Spreadsheet sheet = Spreadsheet.open(
                response.getOutputStream(),
                text("register.outgoing.sheet", query.year()),
                text("register.outgoing.heading", query.year()) + " — " + issuerName(clerk),
                List.of(
                        text("register.column.number"),
                        text("register.column.notation"),
                        text("register.column.issuedOn"),
                        text("register.column.type"),
                        text("register.column.subject"),
                        text("register.column.signer"),
                        text("register.column.distribution"),
                        text("register.column.files"),
                        text("register.column.urgency"),
                        text("register.column.status")))) {
            List<OutgoingRegister.Entry> batch = new ArrayList<>(BATCH);
            register.export(clerk, query, entry -> {
                batch.add(entry);
                if (batch.size() == BATCH) {
                    write(sheet, batch);
                }
            });
            write(sheet, batch);
        }
    }

    private void write(Spreadsheet sheet, List<OutgoingRegister.Entry> batch) {
        Map<Long, Integer> files = attachments.counts(
                batch.stream().map(OutgoingRegister.Entry::id).toList());
        for (OutgoingRegister.Entry entry : batch) {
            sheet.row(
                    entry.number(),
                    entry.notation(),
                    entry.issuedOn(),
                    entry.typeName(),
                    entry.subject(),
                    entry.signer(),
                    entry.distribution(),
                    files.getOrDefault(entry.id(), 0),
                    text("dispatch.urgency." + entry.urgency().name()),
                    status(entry));
        }
        batch.clear();
    }

    /** "Đã thu hồi", "Đã đính chính bằng 70-CV/BTGQU", or nothing for a document that stands as issued. */
    private String status(OutgoingRegister.Entry entry) {
        if (entry.isWithdrawn()) {
            return text("dispatch.status.WITHDRAWN");
        }
        if (entry.supersededAs() != null) {
            return text("register.supersededBy." + entry.supersededAs().name(), entry.supersededBy());
        }
        return null;
    }

    private OutgoingRegister.Query query(Integer year, String type, LocalDate from, LocalDate to, String text) {
        int chosen = year == null || year < 1900 || year > 9999 ? thisYear() : year;
        return new OutgoingRegister.Query(chosen, type, from, to, text);
    }

    private int thisYear() {
        return LocalDate.now(clock.withZone(Times.VIETNAM)).getYear();
    }

    /** The years offered: from the unit's first register to its last, and always the one shown and this one. */
    private List<Integer> years(Viewer clerk, int shown) {
        int first = Math.min(shown, thisYear());
        int last = Math.max(shown, thisYear());
        var span = register.years(clerk);
        if (span.isPresent()) {
            first = Math.min(first, span.get().first());
            last = Math.max(last, span.get().last());
        }
        List<Integer> years = new ArrayList<>();
        for (int y = last; y >= first; y--) {
            years.add(y);
        }
        return years;
    }

    private String issuerName(Viewer clerk) {
        return clerk.clerkUnitId() == null
                ? ""
                : organization.unit(clerk.clerkUnitId()).map(UnitSummary::name).orElse("");
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
