package vn.congvan.account;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * Every error under {@code /api/**} as a problem detail, not only those the API's controllers and filters answer: a
 * path the API does not have (404), a method (405), a media type asked (406) or sent (415) it does not serve, and
 * whatever reaches the container's error page (a request the firewall rejects, an uncaught failure). Without this,
 * Spring Boot's default JSON error answered a caller whose token was valid. The pages keep their error page.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorFallback implements WebMvcConfigurer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiErrorFallback.class);

    static final String NOT_FOUND = "API không có địa chỉ này.";

    static final String METHOD_NOT_ALLOWED = "Địa chỉ này của API không nhận phương thức {0}.";

    static final String NOT_ACCEPTABLE = "API không trả lời được bằng kiểu nội dung đã yêu cầu (Accept); API trả JSON.";

    static final String UNSUPPORTED_MEDIA_TYPE = "Địa chỉ này của API không nhận kiểu nội dung đã gửi (Content-Type).";

    static final String BAD_REQUEST = "Yêu cầu không hợp lệ.";

    static final String TOO_LARGE = "Yêu cầu hoặc tệp gửi lên lớn quá mức API nhận.";

    static final String SERVER_ERROR = "Máy chủ gặp lỗi khi trả lời yêu cầu này; xin thử lại sau.";

    static final String OTHER = "Không thực hiện được yêu cầu này.";

    /**
     * Spring MVC's own exceptions of a request under the API, after the controllers' {@code @ExceptionHandler} methods
     * (which keep their answers) and before Spring's default, which only sends the status to the error page.
     */
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        int handlers = 0;
        while (handlers < resolvers.size() && !(resolvers.get(handlers) instanceof ExceptionHandlerExceptionResolver)) {
            handlers++;
        }
        resolvers.add(handlers < resolvers.size() ? handlers + 1 : 0, ApiErrorFallback::resolve);
    }

    static ModelAndView resolve(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        HttpStatus status = status(failure);
        if (!underApi(request.getRequestURI(), request.getContextPath()) || status == null || response.isCommitted()) {
            return null;
        }
        if (status.is5xxServerError()) {
            // Spring's own resolver, answered for here, would have logged it; the caller is told none of it.
            log.error("{} {} failed", request.getMethod(), request.getRequestURI(), failure);
        }
        try {
            if (failure instanceof ErrorResponse answer) {
                // The Allow of a 405, the Accept of a 415.
                answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            }
            ApiProblems.write(request, response, status, detail(status, request.getMethod()));
            return new ModelAndView();
        } catch (IOException unwritable) {
            return null;
        }
    }

    /** The status Spring would send for the exception, or {@code null} for one it does not know (a 500). */
    private static HttpStatus status(Exception failure) {
        if (failure instanceof ErrorResponse answer) {
            return HttpStatus.resolve(answer.getStatusCode().value());
        }
        if (failure instanceof HttpMessageNotReadableException) {
            return HttpStatus.BAD_REQUEST;
        }
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(failure.getClass(), ResponseStatus.class);
        return annotated == null ? null : annotated.code();
    }

    static String detail(HttpStatus status, String method) {
        return switch (status) {
            case NOT_FOUND -> NOT_FOUND;
            case METHOD_NOT_ALLOWED -> METHOD_NOT_ALLOWED.replace("{0}", method);
            case NOT_ACCEPTABLE -> NOT_ACCEPTABLE;
            case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_MEDIA_TYPE;
            case CONTENT_TOO_LARGE -> TOO_LARGE;
            case UNAUTHORIZED -> ApiProblems.UNAUTHORIZED;
            case FORBIDDEN -> ApiProblems.FORBIDDEN;
            default -> {
                if (status.is5xxServerError()) {
                    yield SERVER_ERROR;
                }
                yield status == HttpStatus.BAD_REQUEST ? BAD_REQUEST : OTHER;
            }
        };
    }

    static boolean underApi(String uri, String contextPath) {
        String path = uri == null ? "" : uri.substring(Math.min(uri.length(), contextPath.length()));
        return path.startsWith("/api/");
    }

    /**
     * What the container sends to its error page for a request under the API (a sendError by a filter or the
     * firewall, an exception no resolver took) is answered here, ahead of Spring Boot's error controller.
     */
    @Bean
    FilterRegistrationBean<ErrorDispatch> apiErrorDispatch() {
        FilterRegistrationBean<ErrorDispatch> registration = new FilterRegistrationBean<>(new ErrorDispatch());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class ErrorDispatch extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                    ? HttpStatus.resolve(code)
                    : null;
            if (request.getDispatcherType() != DispatcherType.ERROR
                    || !(uri instanceof String path)
                    || !underApi(path, request.getContextPath())
                    || status == null
                    || response.isCommitted()) {
                chain.doFilter(request, response);
                return;
            }
            response.resetBuffer();
            ApiProblems.write(new OriginalUri(request, path), response, status, detail(status, method(request)));
        }

        private static String method(HttpServletRequest request) {
            Object method = request.getAttribute(RequestDispatcher.ERROR_METHOD);
            return method instanceof String name ? name : request.getMethod();
        }
    }

    /** The request as the caller made it, so that the problem's {@code instance} is the caller's path, not /error. */
    private static final class OriginalUri extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final String uri;

        OriginalUri(HttpServletRequest request, String uri) {
            super(request);
            this.uri = uri;
        }

        @Override
        public String getRequestURI() {
            return uri;
        }
    }
}
