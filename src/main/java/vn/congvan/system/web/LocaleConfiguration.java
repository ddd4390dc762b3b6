package vn.congvan.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Vietnamese unless the visitor picks English with {@code ?lang=en}; the choice is kept in a cookie. Also the guard
 * against request text that PostgreSQL cannot store ({@link RequestText}), which answers in the visitor's language.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    private static final Set<String> LANGUAGES = Set.of("vi", "en");

    private final MessageSource messages;

    LocaleConfiguration(MessageSource messages) {
        this.messages = messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("congvan-lang");
        resolver.setDefaultLocale(Locale.forLanguageTag("vi"));
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /** Runs before Spring Security's filters, so that the login form is guarded too. */
    @Bean
    FilterRegistrationBean<RequestTextFilter> requestTextFilter(LocaleResolver localeResolver) {
        FilterRegistrationBean<RequestTextFilter> registration =
                new FilterRegistrationBean<>(new RequestTextFilter(messages, localeResolver));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch(localeResolver()));
        registry.addInterceptor(new RequestTextInterceptor(messages, localeResolver()));
    }

    /**
     * Switches to a supported language named by {@code lang}; any other value is ignored. Of a multipart request only
     * the query string is read: reading its parameters would read (and spool) its body, even on the error page of a
     * request that is refused unread.
     */
    static class LanguageSwitch implements HandlerInterceptor {

        private final LocaleResolver locales;

        LanguageSwitch(LocaleResolver locales) {
            this.locales = locales;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            Optional<String> lang = RequestTextFilter.multipart(request)
                    ? RequestText.queryParameter(request, "lang")
                    : Optional.ofNullable(request.getParameter("lang"));
            lang.filter(LANGUAGES::contains)
                    .ifPresent(language -> locales.setLocale(request, response, Locale.forLanguageTag(language)));
            return true;
        }
    }
}
