package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.congvan.extraction.OcrException.Reason;

/** How the API answers a scan it could not read: problem+json with a reason a clerk understands, never a 500. */
class ExtractionProblemTests {

    private final ExtractionController controller = new ExtractionController(null, messages());

    @Test
    void withoutTesseractAScanIsUnsupportedAndTheReasonSaysWhy() {
        ResponseEntity<ProblemDetail> answer =
                controller.notRecognised(new OcrException(Reason.UNAVAILABLE, "cv.pdf", "no OCR"), Locale.ROOT);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getDetail())
                .contains("\"cv.pdf\"")
                .contains("bản quét")
                .contains("chưa cài Tesseract tiếng Việt");
    }

    @Test
    void aBusyOrSlowServerIsUnavailableAndAFailedReadingUnprocessable() {
        assertThat(status(Reason.BUSY)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(status(Reason.TIMEOUT)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(status(Reason.FAILED)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(status(Reason.NO_TEXT)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(controller
                        .notRecognised(new OcrException(Reason.TIMEOUT, "cv.pdf", "slow"), Locale.ENGLISH)
                        .getBody()
                        .getDetail())
                .contains("took longer than allowed");
    }

    private HttpStatus status(Reason reason) {
        return HttpStatus.valueOf(controller
                .notRecognised(new OcrException(reason, "cv.pdf", reason.name()), Locale.ROOT)
                .getStatusCode()
                .value());
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/extraction");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
