package vn.congvan.dispatch.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import vn.congvan.dispatch.DispatchNotice;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.DispatchWithdrawnException;

/**
 * A withdrawn dispatch's page and files, in the public section and in the inbox, answer 410 Gone with the notice:
 * when it was withdrawn (the portal's time zone), why, and the document that replaces or corrects it where there is
 * one its reader may open, in the same section. Never its text or a byte of its files.
 */
@ControllerAdvice
class WithdrawnDispatchAdvice {

    @ExceptionHandler(DispatchWithdrawnException.class)
    ModelAndView gone(DispatchWithdrawnException withdrawn, HttpServletRequest request) {
        DispatchNotice notice = withdrawn.notice();
        ModelAndView page = new ModelAndView("dispatch/withdrawn", HttpStatus.GONE);
        page.addObject("notice", notice);
        page.addObject("successorPath", successorPath(notice, request));
        return page;
    }

    /** Where the successor opens for this reader: the public page of a public one, the inbox's for a member. */
    private static String successorPath(DispatchNotice notice, HttpServletRequest request) {
        DispatchReference successor = notice.successor();
        if (successor == null) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(FileServingController.INBOX + "/")) {
            return FileServingController.INBOX + "/" + successor.id();
        }
        return successor.isPubliclyVisible() ? FileServingController.PUBLIC + "/" + successor.id() : null;
    }
}
