package vn.congvan.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.congvan.dispatch.PublicCatalogVersion;

/**
 * The rendered HTML of the public pages an anonymous visitor reads, kept per address, language and public catalog
 * stamp (ADR 0022): when a briefing goes out, the city reads the same few pages, and each is rendered once per stamp
 * instead of once per reader. Runs inside Spring Security's chain (so its headers are still written) and only for
 * anonymous GETs without a language switch; only a 200 that {@link PublicPageCaching} gave a validator is kept, so
 * exactly the pages that may be revalidated are the ones that may be reused. Bounded by bytes, not only by count (the
 * query string is part of the key, so anyone can ask for new entries): pages of at most {@link #LARGEST} bytes, at
 * most {@link #BUDGET} bytes in all, at most {@link #ENTRIES} pages; the map is emptied when either limit is reached
 * and whenever the catalogue's stamp moves, since no page of an older stamp can be served again.
 */
class RenderedPublicPages extends OncePerRequestFilter {

    static final int ENTRIES = 500;

    static final int LARGEST = 256 * 1024;

    /** A few per cent of the 512 MB heap the portal runs in. */
    static final long BUDGET = 24L * 1024 * 1024;

    private final PublicCatalogVersion version;

    private final LocaleResolver locales;

    private final String release;

    private final ConcurrentHashMap<String, Page> pages = new ConcurrentHashMap<>();

    private final AtomicLong bytes = new AtomicLong();

    private final AtomicLong stampOfPages = new AtomicLong(Long.MIN_VALUE);

    RenderedPublicPages(PublicCatalogVersion version, LocaleResolver locales, String release) {
        this.version = version;
        this.locales = locales;
        this.release = release;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.GET.matches(request.getMethod())
                || !PublicPageCaching.isPublicPage(request)
                || request.getParameter("lang") != null
                || !PublicPageCaching.anonymous();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale locale = locales.resolveLocale(request);
        long stamp = version.current();
        String etag = PublicPageCaching.etag(release, stamp, locale);
        String key = locale.toLanguageTag() + " " + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Page page = pages.get(key);
        if (page != null && page.etag().equals(etag)) {
            PublicPageCaching.validators(response);
            if (new ServletWebRequest(request, response).checkNotModified(etag)) {
                return;
            }
            response.setLocale(locale);
            response.setContentType(page.contentType());
            response.setContentLength(page.body().length);
            response.getOutputStream().write(page.body());
            return;
        }
        ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendering);
        if (rendering.getStatus() == HttpServletResponse.SC_OK
                && etag.equals(rendering.getHeader(HttpHeaders.ETAG))
                && rendering.getContentType() != null
                && rendering.getContentSize() <= LARGEST) {
            byte[] body = rendering.getContentAsByteArray();
            if (stampOfPages.getAndSet(stamp) != stamp
                    || pages.size() >= ENTRIES
                    || bytes.get() + body.length > BUDGET) {
                clear();
            }
            Page previous = pages.put(key, new Page(etag, rendering.getContentType(), body));
            bytes.addAndGet(body.length - (previous == null ? 0 : previous.body().length));
        }
        rendering.copyBodyToResponse();
    }

    /** Approximate under races (a page put while another thread clears); the next clear sets it right again. */
    private void clear() {
        pages.clear();
        bytes.set(0);
    }

    private record Page(String etag, String contentType, byte[] body) {}
}
