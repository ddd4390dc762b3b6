package vn.congvan.system.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the layout which part of the site a page belongs to ({@code navSection}), so that the menu marks it with
 * {@code aria-current="page"} and a visible underline.
 */
@ControllerAdvice
class NavigationAdvice {

    private static final Map<String, String> SECTIONS = Map.of("/tai-lieu-tuyen-truyen", "materials",
            "/tim-kiem", "search", "/hop-thu", "inbox", "/quan-ly", "dispatches", "/quan-tri", "admin");

    @ModelAttribute("navSection")
    String navSection(HttpServletRequest request) {
        String path = request.getServletPath();
        if ("/".equals(path)) {
            return "home";
        }
        return SECTIONS.entrySet().stream()
                .filter(section -> path.equals(section.getKey()) || path.startsWith(section.getKey() + "/"))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }
}
