package vn.congvan.dispatch.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import vn.congvan.attachment.CopyNotStampedException;

/**
 * A restricted PDF that cannot be issued as a stamped copy is refused with a page that says so, never served as the
 * original (ADR 0043): 503 with Retry-After while the portal is busy making other copies, 500 for a file that cannot
 * be stamped at all (the issuing unit has to replace it).
 */
@ControllerAdvice
class CopyNotStampedAdvice {

    /** What a busy portal tells the client about when to ask again, in seconds. */
    static final String RETRY_AFTER = "10";

    @ExceptionHandler(CopyNotStampedException.class)
    ModelAndView refused(CopyNotStampedException refused, HttpServletResponse response) {
        HttpStatus status = refused.busy() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
        if (refused.busy()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        ModelAndView page = new ModelAndView("dispatch/not-stamped", status);
        page.addObject("status", status.value());
        page.addObject("busy", refused.busy());
        return page;
    }
}
