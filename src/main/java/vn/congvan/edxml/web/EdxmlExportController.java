package vn.congvan.edxml.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.congvan.dispatch.Viewer;
import vn.congvan.edxml.EdxmlExchange;

/** A published dispatch of the clerk's unit as an edXML message (QCVN 102:2016), written as it is sent. */
@Controller
class EdxmlExportController {

    private final EdxmlExchange exchange;

    EdxmlExportController(EdxmlExchange exchange) {
        this.exchange = exchange;
    }

    @GetMapping("/quan-ly/cong-van/{id}/edxml")
    void export(@PathVariable Long id, Viewer clerk, HttpServletResponse response) throws IOException {
        EdxmlExchange.Export export = exchange.export(id, clerk);
        EdxmlDownloads.headers(response, EdxmlDownloads.name(export.message().fullNotation(), "cong-van-" + id));
        export.writeTo(response.getOutputStream());
    }
}
