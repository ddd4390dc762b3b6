package vn.congvan.system.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UrlPathHelper;

/**
 * What the layout needs to know about the request: which part of the site a page belongs to ({@code navSection}),
 * so that the menu marks it with {@code aria-current="page"}, and the link to the same page in the other language
 * ({@code languageSwitch}), which keeps the page's query (a search stays a search).
 */
@ControllerAdvice
class NavigationAdvice {

    private static final Map<String, String> SECTIONS = Map.of("/tai-lieu-tuyen-truyen", "materials",
            "/tim-kiem", "search", "/hop-thu", "inbox", "/quan-ly", "dispatches", "/quan-tri", "admin");

    @ModelAttribute("navSection")
    String navSection(HttpServletRequest request) {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        if ("/".equals(path)) {
            return "home";
        }
        return SECTIONS.entrySet().stream()
                .filter(section -> path.equals(section.getKey()) || path.startsWith(section.getKey() + "/"))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    /**
     * A relative link ({@code ?q=...&lang=en}) to this page in the other language. Only a GET keeps its query: a
     * page re-shown after a POST, or an error page, links to its address with the language alone.
     */
    @ModelAttribute("languageSwitch")
    String languageSwitch(HttpServletRequest request, Locale locale) {
        String other = "en".equals(locale.getLanguage()) ? "vi" : "en";
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        return "?" + UriComponentsBuilder.newInstance().query(query).replaceQueryParam("lang", other).build().getQuery();
    }
}
