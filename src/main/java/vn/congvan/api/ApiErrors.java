package vn.congvan.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import vn.congvan.attachment.AttachmentNotFoundException;
import vn.congvan.attachment.AttachmentRejectedException;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchWithdrawnException;

/**
 * The API's errors as RFC 9457 problem details ({@code application/problem+json}) with a Vietnamese {@code detail}.
 * Only for this module's controllers: the pages keep their error pages.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler({DispatchNotFoundException.class, AttachmentNotFoundException.class})
    ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, "Không có công văn hay tệp này, hoặc bạn không được xem.");
    }

    @ExceptionHandler(DispatchWithdrawnException.class)
    ProblemDetail withdrawn() {
        return problem(HttpStatus.GONE, "Công văn đã bị thu hồi; các tệp của nó không còn được cấp.");
    }

    @ExceptionHandler(AttachmentRejectedException.class)
    ProblemDetail rejected(AttachmentRejectedException rejected) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Tệp bị từ chối: " + rejected.filename());
        problem.setProperty("reason", rejected.reason().name());
        return problem;
    }

    @ExceptionHandler(BadApiRequest.class)
    ProblemDetail badRequest(BadApiRequest bad) {
        return problem(HttpStatus.BAD_REQUEST, bad.getMessage());
    }

    @ExceptionHandler({
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        MissingServletRequestPartException.class
    })
    ProblemDetail invalidParameters() {
        return problem(HttpStatus.BAD_REQUEST, "Yêu cầu không hợp lệ: thiếu tham số hoặc tham số sai kiểu.");
    }

    /** A request the API refuses, with the Vietnamese reason to tell the caller. */
    static final class BadApiRequest extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BadApiRequest(String detail) {
            super(detail);
        }
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
