package vn.congvan.system.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UrlPathHelper;

/**
 * What the layout needs to know about the request: the part of the site a page belongs to ({@code navSection}) and
 * whether the page is that part's menu entry itself ({@code navEntry}), so that the menu marks it with
 * {@code aria-current="page"} (or {@code "true"} on a page inside the section) and a visible underline; and the
 * link to the same page in the other language ({@code languageSwitch}), which keeps the page's query (a search
 * stays a search).
 */
@ControllerAdvice
class NavigationAdvice {

    private static final Map<String, String> SECTIONS = Map.of(
            "/tai-lieu-tuyen-truyen",
            "materials",
            "/tim-kiem",
            "search",
            "/hop-thu",
            "inbox",
            "/quan-ly/van-ban-den",
            "incoming",
            "/quan-ly",
            "dispatches",
            "/quan-tri",
            "admin");

    /** The addresses the menu links to. */
    private static final Set<String> ENTRIES = Set.of(
            "/",
            "/tai-lieu-tuyen-truyen",
            "/tim-kiem",
            "/hop-thu",
            "/quan-ly/cong-van",
            "/quan-ly/van-ban-den",
            "/quan-tri");

    @ModelAttribute("navSection")
    String navSection(HttpServletRequest request) {
        String path = path(request);
        if ("/".equals(path)) {
            return "home";
        }
        // The longest matching prefix: "/quan-ly/van-ban-den" is a section of its own inside "/quan-ly".
        return SECTIONS.entrySet().stream()
                .filter(section -> path.equals(section.getKey()) || path.startsWith(section.getKey() + "/"))
                .sorted(Map.Entry.<String, String>comparingByKey(java.util.Comparator.comparingInt(String::length))
                        .reversed())
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
    }

    @ModelAttribute("navEntry")
    boolean navEntry(HttpServletRequest request) {
        return ENTRIES.contains(path(request));
    }

    /**
     * A relative link ({@code ?q=...&lang=en}) to this page in the other language. Only a GET keeps its query: a
     * page re-shown after a POST, or an error page, links to its address with the language alone.
     */
    @ModelAttribute("languageSwitch")
    String languageSwitch(HttpServletRequest request, Locale locale) {
        String other = "en".equals(locale.getLanguage()) ? "vi" : "en";
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        return "?"
                + UriComponentsBuilder.newInstance()
                        .query(query)
                        .replaceQueryParam("lang", other)
                        .build()
                        .getQuery();
    }

    private static String path(HttpServletRequest request) {
        return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    }
}
