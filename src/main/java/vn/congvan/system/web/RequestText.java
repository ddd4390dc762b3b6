package vn.congvan.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriUtils;

/**
 * Text that PostgreSQL cannot store must not get as far as a query: a NUL character (U+0000), which PostgreSQL text
 * refuses, or half of a surrogate pair, which has no UTF-8 form. Such a request is refused as a bad request; the
 * browser's upload script (which sends {@code X-Requested-With}) gets the message as plain text, as it does for its
 * other errors, and everybody else the error page (or its JSON form for {@code Accept: application/json}).
 */
final class RequestText {

    private RequestText() {}

    /** Whether PostgreSQL can hold the text as it is. */
    static boolean storable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static boolean storable(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (!storable(parameter.getKey())) {
                return false;
            }
            for (String value : parameter.getValue()) {
                if (!storable(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean storableNames(Collection<String> names) {
        return names.stream().allMatch(RequestText::storable);
    }

    /**
     * Whether every name and value of the raw query string decodes to storable text. A pair that does not decode at
     * all is let through: the container skips it too, so it reaches nobody.
     */
    static boolean storableQuery(String query) {
        if (query == null || query.isEmpty()) {
            return true;
        }
        for (String pair : query.split("&")) {
            try {
                if (!storable(UriUtils.decode(pair.replace('+', ' '), StandardCharsets.UTF_8))) {
                    return false;
                }
            } catch (IllegalArgumentException ex) {
                // skipped by the container's own parsing as well
            }
        }
        return true;
    }

    /** The value of a query parameter as sent, without reading the body of the request. */
    static Optional<String> queryParameter(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Optional.of(pair.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    static void refuse(
            HttpServletRequest request, HttpServletResponse response, MessageSource messages, LocaleResolver locales)
            throws IOException {
        if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            Locale locale = locales.resolveLocale(request);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(messages.getMessage("error.4xx.text", null, locale));
            return;
        }
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
