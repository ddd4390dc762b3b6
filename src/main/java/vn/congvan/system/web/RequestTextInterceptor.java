package vn.congvan.system.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * The fields and file names of a multipart form, checked as {@link RequestTextFilter} checks other requests, once the
 * request has got past security and is about to be bound to a handler.
 */
class RequestTextInterceptor implements HandlerInterceptor {

    private final MessageSource messages;

    private final LocaleResolver locales;

    RequestTextInterceptor(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        // An error page is no place to read a body: it may be the page of a request refused unread.
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null || request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        boolean storable = RequestText.storable(multipart.getParameterMap())
                && RequestText.storableNames(multipart.getMultiFileMap().keySet())
                && multipart.getMultiFileMap().values().stream()
                        .flatMap(List::stream)
                        .map(MultipartFile::getOriginalFilename)
                        .allMatch(RequestText::storable);
        if (!storable) {
            RequestText.refuse(request, response, messages, locales);
        }
        return storable;
    }
}
