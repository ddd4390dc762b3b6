package vn.congvan.incoming.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.account.CurrentUser;
import vn.congvan.attachment.AttachmentRejectedException;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.extraction.FormReading;
import vn.congvan.incoming.AlreadyRegisteredException;
import vn.congvan.incoming.IncomingEntry;
import vn.congvan.incoming.IncomingFile;
import vn.congvan.incoming.IncomingRegister;
import vn.congvan.system.Times;

/** Registering by hand a document that came on paper from a sender outside the portal, with its scans. */
@Controller
@RequestMapping("/quan-ly/van-ban-den/moi")
class ManualEntryController {

    private final IncomingRegister register;

    private final DispatchCatalog catalog;

    private final Clock clock;

    private final FormReading reading;

    ManualEntryController(IncomingRegister register, DispatchCatalog catalog, Clock clock, FormReading reading) {
        this.register = register;
        this.catalog = catalog;
        this.clock = clock;
        this.reading = reading;
    }

    /** The first and last days a register takes: documents of the last centuries, none past the year 9999. */
    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private static void rejectOffCalendar(LocalDate date, String field, BindingResult errors) {
        if (date != null && (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "incoming.form.date.range");
        }
    }

    @ModelAttribute("types")
    Object types() {
        return catalog.documentTypes();
    }

    @GetMapping
    String form(Model model) {
        ManualEntryForm form = new ManualEntryForm();
        form.setReceivedOn(LocalDate.now(clock.withZone(Times.VIETNAM)));
        model.addAttribute("form", form);
        return "incoming/form";
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") ManualEntryForm form,
            BindingResult errors,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        if (!catalog.documentTypes().containsKey(form.getTypeCode())) {
            errors.rejectValue("typeCode", "incoming.form.type.required");
        }
        LocalDate today = LocalDate.now(clock.withZone(Times.VIETNAM));
        if (form.getReceivedOn() != null && form.getReceivedOn().isAfter(today)) {
            errors.rejectValue("receivedOn", "incoming.form.receivedOn.future");
        }
        // A date the parser takes (years of nine digits, year 0) is refused here rather than by PostgreSQL, whose
        // calendar is shorter and whose year before 1 is not Java's 0.
        rejectOffCalendar(form.getReceivedOn(), "receivedOn", errors);
        rejectOffCalendar(form.getIssuedOn(), "issuedOn", errors);
        rejectOffCalendar(form.getDueOn(), "dueOn", errors);
        if (!errors.hasFieldErrors("receivedOn") && !form.receivedAfterIssue()) {
            errors.rejectValue("receivedOn", "incoming.form.receivedBeforeIssued");
        }
        if (errors.hasErrors()) {
            return chooseAgain(files, model);
        }
        List<InputStream> opened = new ArrayList<>();
        try {
            List<IncomingFile> scans = new ArrayList<>();
            for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                if (file.isEmpty()) {
                    continue;
                }
                InputStream in = file.getInputStream();
                opened.add(in);
                scans.add(new IncomingFile(file.getOriginalFilename(), in));
            }
            Long id = form.isRegisterAgain()
                    ? register.register(form.toEntry(), scans, clerk)
                    : register.registerIfNew(form.toEntry(), scans, clerk);
            redirect.addFlashAttribute("flash", "incoming.flash.registered");
            return "redirect:/quan-ly/van-ban-den/" + id;
        } catch (AttachmentRejectedException ex) {
            model.addAttribute("fileError", ex);
            return chooseAgain(files, model);
        } catch (AlreadyRegisteredException ex) {
            // Nothing was saved: the clerk looks at the entries named and ticks "register anyway" if it is another.
            model.addAttribute("sameDocument", ex.entries());
            return chooseAgain(files, model);
        } finally {
            for (InputStream in : opened) {
                in.close();
            }
        }
    }

    /**
     * Without script, "Đọc tệp và điền" posts the form with the file chosen in the drop zone: the form comes back with
     * the empty fields filled from the file and marked, the layout findings above it; nothing is saved (ADR 0045). A
     * browser never refills a file input, so the clerk is told to choose the file again among the scans.
     */
    @PostMapping(params = "doc-tep")
    String fillFromFile(
            @ModelAttribute("form") ManualEntryForm form,
            BindingResult ignoredUntilSaved,
            @RequestParam(name = "tep-dien", required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser clerk,
            Locale locale,
            Model model)
            throws IOException {
        FormReading.Reading read = reading.read(file, locale);
        model.addAttribute("reading", read);
        if (!read.failed()) {
            ManualEntryFill fill = ManualEntryFill.fill(
                    form, read.extraction(), catalog.documentTypes(), name -> register.knownSender(name, clerk));
            model.addAttribute("fillMarks", fill.marks());
            model.addAttribute("fillKept", fill.kept());
            // A document already registered is named as soon as its file is read, before the clerk checks every field.
            List<IncomingEntry> same = register.sameDocument(form.getNotation(), form.getIssuedOn(), clerk);
            if (!same.isEmpty()) {
                model.addAttribute("sameDocument", same);
            }
        }
        return "incoming/form";
    }

    /**
     * The same warning for fill.js, which fills the form in the page from the extraction API (ADR 0045, ADR 0061): the
     * entries of the clerk's register with the số, ký hiệu and date the form holds once filled, as the fragment the
     * form draws at its top (empty when there are none).
     */
    @GetMapping("/cung-van-ban")
    String sameDocument(
            @RequestParam(name = "notation", required = false) String notation,
            @RequestParam(name = "issuedOn", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate issuedOn,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model) {
        List<IncomingEntry> same = register.sameDocument(notation, issuedOn, clerk);
        if (!same.isEmpty()) {
            model.addAttribute("sameDocument", same);
        }
        return "incoming/form :: sameDocument";
    }

    /**
     * The sender for fill.js, which reads the issuing body from the extraction API in the capitals of its heading: the
     * spelling the portal has for it, else the register's case of it (ManualEntryFill.sender), as plain text; empty
     * when nothing was read.
     */
    @GetMapping(value = "/noi-gui", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String sender(
            @RequestParam(name = "issuer", required = false) String issuer,
            @RequestParam(name = "issuerParent", required = false) String issuerParent,
            @AuthenticationPrincipal CurrentUser clerk) {
        String sender = ManualEntryFill.sender(issuer, issuerParent, name -> register.knownSender(name, clerk));
        return sender == null ? "" : sender;
    }

    /**
     * The form comes back with what was typed, but a browser never refills a file input: the scans chosen are named
     * beside it, so that the clerk knows to choose them again rather than register the document without them.
     */
    private static String chooseAgain(List<MultipartFile> files, Model model) {
        List<String> names = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            String name = file.getOriginalFilename();
            if (name != null && !name.isBlank()) {
                names.add(name);
            }
        }
        if (!names.isEmpty()) {
            model.addAttribute("filesToChooseAgain", String.join(", ", names));
        }
        return "incoming/form";
    }
}
