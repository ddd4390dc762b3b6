package vn.congvan.dispatch.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congvan.attachment.StorageFullException;

/**
 * A multipart request beyond the container's limits fails before any handler is chosen, so only an application-wide
 * advice sees it. The upload script gets the message as text; a plain form post goes back to the draft with it. A
 * multipart body that cannot be read (cut short, or longer than its declared length) is the client's fault: 400.
 * A full disk, in the file store or where the container spools multipart requests, is answered 507 Insufficient
 * Storage with a message the clerk can pass on; nothing of the upload is kept.
 */
@ControllerAdvice
class UploadLimitAdvice {

    private final MessageSource messages;

    UploadLimitAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object uploadTooLarge(HttpServletRequest request) {
        String error =
                messages.getMessage("attachment.rejected.REQUEST_TOO_LARGE", null, LocaleContextHolder.getLocale());
        if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(error);
        }
        RequestContextUtils.getOutputFlashMap(request).put("flashErrors", List.of(error));
        String path = request.getRequestURI();
        int files = path.lastIndexOf("/tep");
        return "redirect:" + (files > 0 ? path.substring(0, files) : "/quan-ly/cong-van");
    }

    @ExceptionHandler(StorageFullException.class)
    ResponseEntity<String> storageFull(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return answer(HttpStatus.INSUFFICIENT_STORAGE, "attachment.storageFull", request, response);
    }

    /**
     * The container could not read the multipart request: if its spool disk is full, say so (507); otherwise the body
     * was cut short or longer than declared, which is the client's doing (400).
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<String> multipartFailed(
            MultipartException ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("No space left on device")) {
                return answer(HttpStatus.INSUFFICIENT_STORAGE, "attachment.storageFull", request, response);
            }
        }
        return answer(HttpStatus.BAD_REQUEST, "error.4xx.text", request, response);
    }

    /** The message as text for the upload script; the error page (whose text says the same) for a form post. */
    private ResponseEntity<String> answer(
            HttpStatus status, String message, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            return ResponseEntity.status(status)
                    .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(messages.getMessage(message, null, LocaleContextHolder.getLocale()));
        }
        response.sendError(status.value());
        return null;
    }
}
