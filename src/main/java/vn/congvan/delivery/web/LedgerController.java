package vn.congvan.delivery.web;

import static vn.congvan.account.AccountManagement.nameOr;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congvan.account.AccountManagement;
import vn.congvan.delivery.DeliveryLedger;
import vn.congvan.delivery.Ledger;
import vn.congvan.delivery.Reports;
import vn.congvan.dispatch.Audience;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.dispatch.Viewer;
import vn.congvan.system.Spreadsheet;
import vn.congvan.system.Times;

/** Sổ theo dõi: who received, opened, downloaded and acknowledged a dispatch; for the issuing unit's clerks. */
@Controller
@RequestMapping("/quan-ly/cong-van/{id}")
class LedgerController {

    private final DeliveryLedger ledger;

    private final DispatchCatalog catalog;

    private final Times times;

    private final Reports reports;

    private final MessageSource messages;

    private final AccountManagement accounts;

    LedgerController(
            DeliveryLedger ledger,
            DispatchCatalog catalog,
            Times times,
            Reports reports,
            MessageSource messages,
            AccountManagement accounts) {
        this.accounts = accounts;
        this.reports = reports;
        this.ledger = ledger;
        this.catalog = catalog;
        this.times = times;
        this.messages = messages;
    }

    @GetMapping("/so-theo-doi")
    String show(
            @PathVariable Long id,
            @RequestParam(name = "loc", defaultValue = "ALL") Ledger.Filter filter,
            @RequestParam(name = "don-vi", required = false) String unitName,
            @RequestParam(name = "trang", defaultValue = "1") int page,
            Viewer clerk,
            Model model) {
        model.addAttribute("dispatch", issuedBy(id, clerk));
        Ledger lines = ledger.ledger(id, filter, unitName, page - 1);
        model.addAttribute("ledger", lines);
        // Who acknowledged, by name: the clerk reads people, not login names.
        model.addAttribute(
                "people",
                accounts.displayNames(lines.lines().stream()
                        .map(line -> line.status().acknowledgedBy())
                        .toList()));
        model.addAttribute("filter", filter);
        model.addAttribute("unitName", unitName == null ? "" : unitName.strip());
        model.addAttribute("today", reports.today());
        return "delivery/ledger";
    }

    /**
     * The ledger as an Excel workbook, the download offered first: moments are date cells in Vietnam's time, so a
     * Vietnamese-locale Excel opens it in columns and sorts by date (a CSV opens there as one column; ADR 0037).
     * With the page's filter and name search; rows are streamed from the database into the sheet, which keeps only
     * a window of them in memory.
     */
    @GetMapping("/so-theo-doi.xlsx")
    void xlsx(
            @PathVariable Long id,
            @RequestParam(name = "loc", defaultValue = "ALL") Ledger.Filter filter,
            @RequestParam(name = "don-vi", required = false) String unitName,
            Viewer clerk,
            HttpServletResponse response)
            throws IOException {
        DispatchView dispatch = issuedBy(id, clerk);
        Map<String, String> people = accounts.allDisplayNames();
        response.setContentType(Spreadsheet.MEDIA_TYPE.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(dispatch, ".xlsx"));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        try (Spreadsheet sheet = Spreadsheet.open(
                response.getOutputStream(),
                dispatch.notation(),
                text("delivery.ledger.title") + " " + dispatch.notation() + " — " + dispatch.subject(),
                List.of(
                        text("delivery.ledger.unit"),
                        text("delivery.ledger.unitCode"),
                        text("delivery.ledger.delivered"),
                        text("delivery.ledger.firstViewed"),
                        text("delivery.ledger.viewedBy"),
                        text("delivery.ledger.firstDownloaded"),
                        text("delivery.ledger.downloadedBy"),
                        text("delivery.ledger.acknowledgedAt"),
                        text("delivery.ledger.acknowledgedBy")))) {
            ledger.exportLedger(
                    id,
                    filter,
                    unitName,
                    line -> sheet.row(
                            line.unit().name(),
                            line.unit().code(),
                            line.status().deliveredAt(),
                            line.status().firstViewedAt(),
                            nameOr(people, line.status().firstViewedBy()),
                            line.status().firstDownloadedAt(),
                            nameOr(people, line.status().firstDownloadedBy()),
                            line.status().acknowledgedAt(),
                            nameOr(people, line.status().acknowledgedBy())));
        }
    }

    /**
     * The ledger as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs read the diacritics), with the
     * page's filter and name search. Written as the rows are read, so ten thousand lines are never held whole. The
     * separator stays the comma of RFC 4180: the file is for other programs (LibreOffice asks, scripts and Google
     * Sheets read commas); a Vietnamese-locale Excel, whose list separator is the semicolon, gets the .xlsx instead
     * (ADR 0037).
     */
    @GetMapping("/so-theo-doi.csv")
    void csv(
            @PathVariable Long id,
            @RequestParam(name = "loc", defaultValue = "ALL") Ledger.Filter filter,
            @RequestParam(name = "don-vi", required = false) String unitName,
            Viewer clerk,
            HttpServletResponse response)
            throws IOException {
        DispatchView dispatch = issuedBy(id, clerk);
        Map<String, String> people = accounts.allDisplayNames();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(dispatch, ".csv"));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 16 * 1024));
        out.print('\uFEFF');
        out.print("Đơn vị,Mã đơn vị,Đã gửi,Xem lần đầu,Người xem,Tải về lần đầu,Người tải,Xác nhận,Người xác nhận\r\n");
        ledger.exportLedger(id, filter, unitName, line -> {
            out.print(String.join(
                    ",",
                    csv(line.unit().name()),
                    csv(line.unit().code()),
                    time(line.status().deliveredAt()),
                    time(line.status().firstViewedAt()),
                    csv(nameOr(people, line.status().firstViewedBy())),
                    time(line.status().firstDownloadedAt()),
                    csv(nameOr(people, line.status().firstDownloadedBy())),
                    time(line.status().acknowledgedAt()),
                    csv(nameOr(people, line.status().acknowledgedBy()))));
            out.print("\r\n");
        });
        out.flush();
    }

    private static String attachment(DispatchView dispatch, String extension) {
        return ContentDisposition.attachment()
                .filename("so-theo-doi-" + dispatch.notation().replaceAll("[^A-Za-z0-9-]", "-") + extension)
                .build()
                .toString();
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private DispatchView issuedBy(Long id, Viewer clerk) {
        return catalog.visibleDispatch(id, clerk, Audience.ISSUER)
                .filter(dispatch -> !dispatch.isDraft())
                .orElseThrow(() -> new DispatchNotFoundException(id));
    }

    private String time(Instant instant) {
        return times.format(instant);
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet does not run it. */
    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
