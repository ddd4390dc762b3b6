package vn.congvan.edxml.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.account.CurrentUser;
import vn.congvan.attachment.AttachmentRejectedException;
import vn.congvan.edxml.EdxmlExchange;
import vn.congvan.edxml.EdxmlRejectedException;
import vn.congvan.edxml.EdxmlStatus;
import vn.congvan.edxml.EdxmlStatusCode;

/**
 * edXML on the incoming side: a clerk registers an uploaded message, reads a status message another system sent,
 * takes a received dispatch as edXML and answers an entry with a status message.
 */
@Controller
class IncomingEdxmlController {

    private static final String PAGE = "edxml/import";

    private final EdxmlExchange exchange;

    IncomingEdxmlController(EdxmlExchange exchange) {
        this.exchange = exchange;
    }

    @GetMapping("/quan-ly/van-ban-den/edxml")
    String form() {
        return PAGE;
    }

    @PostMapping("/quan-ly/van-ban-den/edxml")
    String register(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser clerk,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("edxmlError", "edxml.error.noFile");
            return PAGE;
        }
        try (InputStream in = file.getInputStream()) {
            Long id = exchange.register(in, clerk);
            redirect.addFlashAttribute("flash", "edxml.flash.registered");
            return "redirect:/quan-ly/van-ban-den/" + id;
        } catch (EdxmlRejectedException ex) {
            model.addAttribute("edxmlError", ex.messageKey());
            model.addAttribute("edxmlPart", ex.arguments()[0]);
            return PAGE;
        } catch (AttachmentRejectedException ex) {
            model.addAttribute("fileError", ex);
            return PAGE;
        }
    }

    @PostMapping("/quan-ly/van-ban-den/edxml-trang-thai")
    String readStatus(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("statusError", "edxml.error.noFile");
            return PAGE;
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("status", exchange.readStatus(in));
        } catch (EdxmlRejectedException ex) {
            model.addAttribute("statusError", ex.messageKey());
            model.addAttribute("statusPart", ex.arguments()[0]);
        }
        return PAGE;
    }

    @GetMapping("/quan-ly/van-ban-den/{id}/edxml")
    void export(@PathVariable Long id, @AuthenticationPrincipal CurrentUser clerk, HttpServletResponse response)
            throws IOException {
        EdxmlExchange.Export export = exchange.exportReceived(id, clerk);
        EdxmlDownloads.headers(response, EdxmlDownloads.name(export.message().fullNotation(), "van-ban-den-" + id));
        export.writeTo(response.getOutputStream());
    }

    /** {@code ma}: the status code ("03" accepted, "05" processing, ...), {@code moTa} an optional description. */
    @GetMapping("/quan-ly/van-ban-den/{id}/edxml-trang-thai")
    void status(
            @PathVariable Long id,
            @RequestParam("ma") String code,
            @RequestParam(name = "moTa", required = false) String description,
            @AuthenticationPrincipal CurrentUser clerk,
            HttpServletResponse response)
            throws IOException {
        EdxmlStatusCode statusCode =
                EdxmlStatusCode.ofCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        EdxmlStatus status = exchange.status(id, statusCode, description, clerk);
        EdxmlDownloads.headers(response, "trang-thai-" + statusCode.code() + "-van-ban-den-" + id + ".edxml");
        exchange.writeStatus(status, response.getOutputStream());
    }
}
