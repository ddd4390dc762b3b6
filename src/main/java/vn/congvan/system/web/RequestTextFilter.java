package vn.congvan.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses a request whose parameters hold text PostgreSQL cannot store ({@link RequestText}), before Spring Security,
 * so that the login form is covered as well. The body of a multipart request is not read here: it may be refused
 * unread further on (an anonymous upload), so only its query string is checked now and its fields once it has been
 * let in ({@link RequestTextInterceptor}).
 */
class RequestTextFilter extends OncePerRequestFilter {

    private final MessageSource messages;

    private final LocaleResolver locales;

    RequestTextFilter(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean storable = multipart(request)
                ? RequestText.storableQuery(request.getQueryString())
                : RequestText.storable(request.getParameterMap());
        if (!storable) {
            RequestText.refuse(request, response, messages, locales);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }
}
