package vn.congvan.materials.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchSummary;
import vn.congvan.system.SiteProperties;
import vn.congvan.system.Times;

/**
 * The Atom feed (RFC 4287) of "Tài liệu tuyên truyền": the 50 newest published public dispatches. Written with the
 * JDK's StAX writer, which escapes every text and attribute. Its absolute links start at
 * {@code congvan.site.base-url}.
 */
@Controller
class MaterialsFeedController {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private static final int ENTRIES = 50;

    private final DispatchCatalog catalog;

    private final SiteProperties site;

    MaterialsFeedController(DispatchCatalog catalog, SiteProperties site) {
        this.catalog = catalog;
        this.site = site;
    }

    @GetMapping("/tai-lieu-tuyen-truyen/feed.atom")
    void feed(HttpServletResponse response) throws IOException, XMLStreamException {
        // The feed is cached publicly (revalidated against the public catalog's stamp, PublicPageCaching), so its
        // links come from configuration, never from the request's Host header.
        String base = site.baseUrl();
        var dispatches = catalog.latestPublic(ENTRIES);
        Instant updated = dispatches.stream()
                .map(DispatchSummary::updatedAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        response.setContentType("application/atom+xml;charset=UTF-8");
        try (OutputStream out = response.getOutputStream()) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", "vi");
            element(xml, "id", base + "/tai-lieu-tuyen-truyen");
            element(xml, "title", "Tài liệu tuyên truyền – Ban Tuyên giáo Quận ủy Quận 1");
            element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
            link(xml, "self", base + "/tai-lieu-tuyen-truyen/feed.atom");
            link(xml, "alternate", base + "/tai-lieu-tuyen-truyen");
            xml.writeStartElement("author");
            element(xml, "name", "Ban Tuyên giáo Quận ủy Quận 1");
            xml.writeEndElement();
            for (DispatchSummary dispatch : dispatches) {
                String url = base + "/tai-lieu-tuyen-truyen/" + dispatch.id();
                xml.writeStartElement("entry");
                element(xml, "id", url);
                element(xml, "title", dispatch.typeName() + " " + dispatch.notation() + " – " + dispatch.subject());
                element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(dispatch.updatedAt()));
                element(xml, "published", DateTimeFormatter.ISO_INSTANT.format(startOfDay(dispatch.issuedOn())));
                link(xml, "alternate", url);
                xml.writeStartElement("author");
                element(xml, "name", dispatch.issuerName());
                xml.writeEndElement();
                element(xml, "summary", dispatch.subject());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        }
    }

    private static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(Times.VIETNAM).toInstant();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        // Characters XML 1.0 does not allow (pasted from word processors) would make the whole feed unreadable.
        xml.writeCharacters(text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", ""));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}
