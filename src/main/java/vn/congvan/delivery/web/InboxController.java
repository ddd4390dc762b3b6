package vn.congvan.delivery.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.account.AccountManagement;
import vn.congvan.attachment.Attachments;
import vn.congvan.delivery.DeliveryLedger;
import vn.congvan.delivery.DeliveryStatus;
import vn.congvan.delivery.ReportView;
import vn.congvan.delivery.Reports;
import vn.congvan.dispatch.Audience;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.dispatch.DispatchWithdrawnException;
import vn.congvan.dispatch.Viewer;

/**
 * Hộp văn bản đến: what was sent to the member's unit. A dispatch that was not sent to the unit does not exist
 * here (404), whatever its id. Its files are served by the dispatch module's one file path, for the recipients.
 */
@Controller
@RequestMapping("/hop-thu")
class InboxController {

    private static final int PAGE_SIZE = 20;

    private final DeliveryLedger ledger;

    private final DispatchCatalog catalog;

    private final Attachments attachments;

    private final Reports reports;

    private final AccountManagement accounts;

    InboxController(
            DeliveryLedger ledger,
            DispatchCatalog catalog,
            Attachments attachments,
            Reports reports,
            AccountManagement accounts) {
        this.accounts = accounts;
        this.reports = reports;
        this.ledger = ledger;
        this.catalog = catalog;
        this.attachments = attachments;
    }

    @GetMapping
    String inbox(@RequestParam(name = "trang", defaultValue = "1") int page, Viewer member, Model model) {
        model.addAttribute("page", ledger.inbox(member, PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE)));
        return "delivery/inbox";
    }

    @GetMapping("/{id}")
    String show(@PathVariable Long id, Viewer member, Model model) {
        DeliveryStatus status = delivered(id, member);
        DispatchView dispatch = visible(id, member);
        if (dispatch.isWithdrawn()) {
            throw gone(id, member);
        }
        ledger.recordViewed(id, member);
        model.addAttribute("dispatch", dispatch);
        DeliveryStatus current = ledger.statusFor(id, member).orElse(status);
        model.addAttribute("status", current);
        model.addAttribute("attachments", attachments.ofDispatch(id));
        List<String> usernames = new ArrayList<>();
        usernames.add(current.acknowledgedBy());
        if (dispatch.asksForReport()) {
            ReportView report = reports.ofMember(id, member).orElse(null);
            model.addAttribute("report", report);
            if (report != null) {
                usernames.add(report.submittedBy());
            }
            if (!model.containsAttribute("reportForm")) {
                ReportForm form = new ReportForm();
                form.setBody((String) model.getAttribute("reportBody"));
                model.addAttribute("reportForm", form);
            }
        }
        // Who acknowledged and who reported for the unit, by name.
        model.addAttribute("people", accounts.displayNames(usernames));
        return "delivery/show";
    }

    @PostMapping("/{id}/xac-nhan")
    String acknowledge(@PathVariable Long id, Viewer member, RedirectAttributes redirect) {
        if (delivered(id, member).isWithdrawn()) {
            throw gone(id, member);
        }
        ledger.acknowledge(id, member);
        redirect.addFlashAttribute("flash", "delivery.flash.acknowledged");
        return "redirect:/hop-thu/" + id;
    }

    private DeliveryStatus delivered(Long id, Viewer member) {
        return ledger.statusFor(id, member).orElseThrow(() -> new DispatchNotFoundException(id));
    }

    /** The withdrawn dispatch's notice (410), which a member of a unit it was sent to may read. */
    private RuntimeException gone(Long id, Viewer member) {
        return catalog.withdrawal(id, member, Audience.RECIPIENT)
                .<RuntimeException>map(DispatchWithdrawnException::new)
                .orElseGet(() -> new DispatchNotFoundException(id));
    }

    private DispatchView visible(Long id, Viewer member) {
        return catalog.visibleDispatch(id, member, Audience.RECIPIENT)
                .orElseThrow(() -> new DispatchNotFoundException(id));
    }
}
