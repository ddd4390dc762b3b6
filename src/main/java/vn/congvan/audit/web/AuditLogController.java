package vn.congvan.audit.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congvan.account.AccountManagement;
import vn.congvan.audit.AuditAction;
import vn.congvan.audit.AuditEntryView;
import vn.congvan.audit.AuditLog;
import vn.congvan.audit.AuditQuery;
import vn.congvan.organization.OrganizationDirectory;

/** The audit log for administrators: newest first, filtered by action, username and dates. */
@Controller
class AuditLogController {

    private final AuditLog log;

    private final OrganizationDirectory organization;

    private final AccountManagement accounts;

    AuditLogController(AuditLog log, OrganizationDirectory organization, AccountManagement accounts) {
        this.accounts = accounts;
        this.log = log;
        this.organization = organization;
    }

    @GetMapping("/quan-tri/nhat-ky")
    String list(
            @ModelAttribute("filter") AuditFilter filter,
            BindingResult result,
            @RequestParam(name = "trang", defaultValue = "1") int page,
            Model model) {
        // A malformed date or action is ignored rather than answered with an error page.
        AuditQuery query = result.hasErrors() ? new AuditQuery(null, null, null, null) : filter.toQuery();
        Page<AuditEntryView> entries = log.search(query, page - 1);
        // Only the units of the actors on this page, in one query.
        Map<Long, String> unitNames = new HashMap<>();
        organization
                .unitsById(entries.stream()
                        .map(AuditEntryView::actorUnitId)
                        .filter(Objects::nonNull)
                        .toList())
                .forEach((id, unit) -> unitNames.put(id, unit.shortName()));
        model.addAttribute("entries", entries);
        model.addAttribute("unitNames", unitNames);
        // The actor by name, with the username an administrator searches and unlocks by.
        model.addAttribute(
                "people",
                accounts.displayNames(
                        entries.stream().map(AuditEntryView::actorUsername).toList()));
        model.addAttribute("actions", AuditAction.values());
        return "audit/log";
    }
}
