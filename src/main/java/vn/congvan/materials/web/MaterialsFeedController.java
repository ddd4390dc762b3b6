package vn.congvan.materials.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchNotice;
import vn.congvan.dispatch.DispatchSummary;
import vn.congvan.system.SiteProperties;
import vn.congvan.system.Times;

/**
 * The Atom feed (RFC 4287) of "Tài liệu tuyên truyền": the 50 newest published public dispatches, and those
 * withdrawn, corrected or replaced lately as entries updated with the notice. Written with the
 * JDK's StAX writer, which escapes every text and attribute. Its absolute links start at
 * {@code congvan.site.base-url}.
 */
@Controller
class MaterialsFeedController {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private static final int ENTRIES = 50;

    /** How many recently withdrawn, corrected or replaced dispatches the feed carries besides the newest ones. */
    private static final int CHANGED_ENTRIES = 20;

    private final DispatchCatalog catalog;

    private final SiteProperties site;

    private final Times times;

    MaterialsFeedController(DispatchCatalog catalog, SiteProperties site, Times times) {
        this.catalog = catalog;
        this.site = site;
        this.times = times;
    }

    @GetMapping("/tai-lieu-tuyen-truyen/feed.atom")
    void feed(HttpServletResponse response) throws IOException, XMLStreamException {
        // The feed is cached publicly (revalidated against the public catalog's stamp, PublicPageCaching), so its
        // links come from configuration, never from the request's Host header.
        String base = site.baseUrl();
        // The newest publications, and the public dispatches withdrawn, corrected or replaced lately as updated
        // entries, so that a reader's copy of an entry is told of the change (RFC 4287: same id, later updated).
        Map<Long, DispatchSummary> entries = new LinkedHashMap<>();
        catalog.recentlyChangedPublic(CHANGED_ENTRIES).forEach(dispatch -> entries.put(dispatch.id(), dispatch));
        catalog.latestPublic(ENTRIES).forEach(dispatch -> entries.putIfAbsent(dispatch.id(), dispatch));
        Map<Long, DispatchNotice> notices = catalog.notices(entries.keySet());
        Instant updated = entries.values().stream()
                .map(dispatch -> updated(dispatch, notices.get(dispatch.id())))
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
            element(xml, "title", "Tài liệu tuyên truyền – " + site.name());
            element(xml, "updated", moment(updated));
            link(xml, "self", base + "/tai-lieu-tuyen-truyen/feed.atom");
            link(xml, "alternate", base + "/tai-lieu-tuyen-truyen");
            xml.writeStartElement("author");
            element(xml, "name", site.name());
            xml.writeEndElement();
            for (DispatchSummary dispatch : entries.values()) {
                DispatchNotice notice = notices.get(dispatch.id());
                String url = base + "/tai-lieu-tuyen-truyen/" + dispatch.id();
                xml.writeStartElement("entry");
                element(xml, "id", url);
                element(
                        xml,
                        "title",
                        prefix(notice) + dispatch.typeName() + " " + dispatch.notation() + " – " + dispatch.subject());
                element(xml, "updated", moment(updated(dispatch, notice)));
                element(xml, "published", moment(startOfDay(dispatch.issuedOn())));
                link(xml, "alternate", url);
                if (notice != null
                        && notice.hasSuccessor()
                        && notice.successor().isPubliclyVisible()) {
                    link(
                            xml,
                            "related",
                            base + "/tai-lieu-tuyen-truyen/"
                                    + notice.successor().id());
                }
                xml.writeStartElement("author");
                element(xml, "name", dispatch.issuerName());
                xml.writeEndElement();
                element(xml, "summary", summary(dispatch, notice));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        }
    }

    private Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(times.zone()).toInstant();
    }

    /** RFC 3339 with the portal's offset ("2025-11-30T06:30:00+07:00"): the same moment, as its readers' clocks read. */
    private String moment(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atZone(times.zone()).truncatedTo(ChronoUnit.SECONDS));
    }

    private static Instant updated(DispatchSummary dispatch, DispatchNotice notice) {
        Instant noticed = notice == null ? null : notice.noticedAt();
        return noticed != null && noticed.isAfter(dispatch.updatedAt()) ? noticed : dispatch.updatedAt();
    }

    private static String prefix(DispatchNotice notice) {
        if (notice == null) {
            return "";
        }
        if (notice.isWithdrawn()) {
            return "[Đã thu hồi] ";
        }
        return notice.isCorrected() ? "[Đã đính chính] " : "[Đã được thay thế] ";
    }

    private String summary(DispatchSummary dispatch, DispatchNotice notice) {
        if (notice == null) {
            return dispatch.subject();
        }
        StringBuilder text = new StringBuilder();
        if (notice.isWithdrawn()) {
            text.append("Văn bản đã bị thu hồi ngày ")
                    .append(times.format(notice.withdrawnAt()))
                    .append(". Lý do: ")
                    .append(notice.withdrawalReason());
        }
        if (notice.hasSuccessor() && notice.successor().isPubliclyVisible()) {
            if (!text.isEmpty()) {
                text.append(" ");
            }
            text.append(notice.isCorrected() ? "Văn bản đính chính: " : "Văn bản thay thế: ")
                    .append(notice.successor().notation())
                    .append(" – ")
                    .append(notice.successor().subject());
        }
        return text.isEmpty() ? dispatch.subject() : text.toString();
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
