package vn.congvan.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags on the API's JSON answers: the hash of the body, so that {@code If-None-Match} is answered 304 without the
 * body. The lists are a few kilobytes, so hashing them costs less than any version bookkeeping would; the files are
 * left out (they are streamed, and AttachmentDownloads gives them their own ETag from their SHA-256). Every answer is
 * {@code private, no-cache} unless it says otherwise: kept by the caller only, and revalidated.
 */
@Configuration(proxyBeanMethods = false)
class ApiEtags {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtagFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new JsonEtags());
        registration.addUrlPatterns("/api/*");
        registration.setName("apiEtags");
        return registration;
    }

    static final class JsonEtags extends ShallowEtagHeaderFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
            if (request.getRequestURI().contains("/files/")) {
                chain.doFilter(request, response);
                return;
            }
            super.doFilterInternal(request, response, chain);
        }
    }
}
