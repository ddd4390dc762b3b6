package vn.congvan.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.congvan.dispatch.PublicCatalogVersion;

/**
 * Validators for the public pages an anonymous visitor reads (home, the materials list, a dispatch, the feed), so
 * that a browser or a shared cache revalidates and gets a 304 without the page being built (ADR 0022). The ETag is
 * the public catalog's stamp, which every publication, withdrawal, correction and file change bumps, so a withdrawn
 * dispatch is never confirmed as fresh; plus the language (the page's words) and the release (a new release's
 * templates): the build's time from {@code META-INF/build-info.properties}, the same on every instance that runs
 * one jar, so that a visitor whom a load balancer sends to another instance still gets a 304. Pages for signed-in people keep Spring Security's no-store.
 */
@Configuration(proxyBeanMethods = false)
class PublicPageCaching implements WebMvcConfigurer {

    static final String CACHE_CONTROL = "public, no-cache";

    private final PublicCatalogVersion version;

    private final String release;

    PublicPageCaching(PublicCatalogVersion version, ObjectProvider<BuildProperties> build) {
        this.version = version;
        this.release = release(build.getIfAvailable());
    }

    /** Without build information (a run from an IDE that skipped the Maven build), the JVM's start stands in. */
    static String release(BuildProperties build) {
        Instant built = build == null ? null : build.getTime();
        if (built != null) {
            return Long.toString(built.toEpochMilli(), 36);
        }
        return Long.toString(ManagementFactory.getRuntimeMXBean().getStartTime(), 36);
    }

    /** After Spring Security's filters, so that it knows who asks and still writes its headers. */
    @Bean
    FilterRegistrationBean<RenderedPublicPages> renderedPublicPages(LocaleResolver locales) {
        FilterRegistrationBean<RenderedPublicPages> registration =
                new FilterRegistrationBean<>(new RenderedPublicPages(version, locales, release));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    static boolean isPublicPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/")
                || path.equals("/tai-lieu-tuyen-truyen")
                || (path.startsWith("/tai-lieu-tuyen-truyen/")
                        && path.indexOf('/', "/tai-lieu-tuyen-truyen/".length()) < 0);
    }

    static String etag(String release, long stamp, Locale locale) {
        return "W/\"" + release + "-" + stamp + "-" + locale.toLanguageTag() + "\"";
    }

    static void validators(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        // The language comes from a cookie: a shared cache keeps one copy per language cookie.
        response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
    }

    static boolean anonymous() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // After the language switch (order 0), so that "?lang=en" is the language the ETag names.
        registry.addInterceptor(new Validator(version, release))
                .order(10)
                .addPathPatterns("/", "/tai-lieu-tuyen-truyen", "/tai-lieu-tuyen-truyen/*");
    }

    static class Validator implements HandlerInterceptor {

        private final PublicCatalogVersion version;

        private final String release;

        Validator(PublicCatalogVersion version, String release) {
            this.version = version;
            this.release = release;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod()))
                    || !anonymous()) {
                return true;
            }
            String etag = etag(release, version.current(), LocaleContextHolder.getLocale());
            validators(response);
            return !new ServletWebRequest(request, response).checkNotModified(etag);
        }
    }
}
