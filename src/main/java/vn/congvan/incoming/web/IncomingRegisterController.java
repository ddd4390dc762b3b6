package vn.congvan.incoming.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.congvan.account.CurrentUser;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.incoming.IncomingRegister;
import vn.congvan.incoming.RegisterFilter;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.system.Spreadsheet;
import vn.congvan.system.Times;

/** Sổ văn bản đến: the clerk's unit's register of a year, filtered, paged, printable and exported to .xlsx. */
@Controller
@RequestMapping("/quan-ly/van-ban-den")
class IncomingRegisterController {

    private static final int PAGE_SIZE = 50;

    private final IncomingRegister register;

    private final DispatchCatalog catalog;

    private final OrganizationDirectory organization;

    private final MessageSource messages;

    private final Clock clock;

    IncomingRegisterController(
            IncomingRegister register,
            DispatchCatalog catalog,
            OrganizationDirectory organization,
            MessageSource messages,
            Clock clock) {
        this.register = register;
        this.catalog = catalog;
        this.organization = organization;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(name = "nam", required = false) Integer year,
            @RequestParam(name = "loai", required = false) String type,
            @RequestParam(name = "tu", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "den", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "noi-gui", required = false) String sender,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "trang", defaultValue = "1") int page,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model) {
        RegisterFilter filter = new RegisterFilter(yearOr(year), type, from, to, sender, text);
        model.addAttribute("filter", filter);
        model.addAttribute("years", register.years(clerk));
        model.addAttribute("types", catalog.documentTypes());
        model.addAttribute("unitName", unitName(clerk));
        model.addAttribute("page", register.page(filter, PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE), clerk));
        model.addAttribute("query", query(filter));
        return "incoming/register";
    }

    /** The register with the page's filter as one .xlsx sheet, in the order of the numbers, streamed. */
    @GetMapping("/so-van-ban-den.xlsx")
    void export(
            @RequestParam(name = "nam", required = false) Integer year,
            @RequestParam(name = "loai", required = false) String type,
            @RequestParam(name = "tu", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "den", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "noi-gui", required = false) String sender,
            @RequestParam(name = "q", required = false) String text,
            @AuthenticationPrincipal CurrentUser clerk,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        RegisterFilter filter = new RegisterFilter(yearOr(year), type, from, to, sender, text);
        String unitName = unitName(clerk);
        response.setContentType(Spreadsheet.MEDIA_TYPE.toString());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("so-van-ban-den-" + filter.year() + ".xlsx")
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        List<String> headers = List.of(
                "incoming.number",
                "incoming.receivedOn",
                "incoming.sender",
                "incoming.notation",
                "incoming.issuedOn",
                "incoming.type",
                "incoming.subject",
                "incoming.dueOn",
                "incoming.note");
        try (Spreadsheet sheet = Spreadsheet.open(
                response.getOutputStream(),
                message("incoming.sheet", locale, filter.year()),
                message("incoming.register.heading", locale, filter.year()) + " — " + unitName,
                headers.stream().map(key -> message(key, locale)).toList())) {
            register.export(
                    filter,
                    clerk,
                    entry -> sheet.row(
                            entry.number(),
                            entry.receivedOn(),
                            entry.senderName(),
                            entry.notation(),
                            entry.issuedOn(),
                            entry.typeName(),
                            entry.subject(),
                            entry.dueOn(),
                            entry.note()));
        }
    }

    private int yearOr(Integer year) {
        return year != null
                ? year
                : LocalDate.now(clock.withZone(Times.VIETNAM)).getYear();
    }

    private String unitName(CurrentUser clerk) {
        return organization.unit(clerk.unitId()).map(UnitSummary::name).orElse("");
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** The filter as the query of the page's links (paging, export), without its empty parts. */
    private static String query(RegisterFilter filter) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance().queryParam("nam", filter.year());
        if (filter.typeCode() != null && !filter.typeCode().isBlank()) {
            query.queryParam("loai", filter.typeCode());
        }
        if (filter.from() != null) {
            query.queryParam("tu", filter.from());
        }
        if (filter.to() != null) {
            query.queryParam("den", filter.to());
        }
        if (filter.sender() != null && !filter.sender().isBlank()) {
            query.queryParam("noi-gui", filter.sender().strip());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            query.queryParam("q", filter.text().strip());
        }
        return query.encode().build().toUriString();
    }
}
