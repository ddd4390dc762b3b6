package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.congvan.extraction.OcrException.Reason;

/** How the API answers a scan it could not read: problem+json with a reason a clerk understands, never a 500. */
class ExtractionProblemTests {

    private final ExtractionController controller =
            new ExtractionController(null, messages(), new ExtractionProperties(2, null, null, Duration.ofSeconds(30)));

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

    @Test
    void aBusyOrSlowServerSaysWhenToTryAgain() {
        assertThat(controller
                        .notRecognised(new OcrException(Reason.BUSY, "cv.pdf", "busy"), Locale.ROOT)
                        .getHeaders()
                        .getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("30");
        assertThat(controller
                        .notRecognised(new OcrException(Reason.FAILED, "cv.pdf", "failed"), Locale.ROOT)
                        .getHeaders()
                        .containsHeader(HttpHeaders.RETRY_AFTER))
                .isFalse();
    }

    @Test
    void aFileRefusedByABoundIsToldAsBusyOrOversizedInVietnamese() {
        ResponseEntity<ProblemDetail> busy = controller.limited(
                new ExtractionLimitException(ExtractionLimitException.Reason.BUSY, "cv.pdf", "busy"), Locale.ROOT);
        ResponseEntity<ProblemDetail> slow = controller.limited(
                new ExtractionLimitException(ExtractionLimitException.Reason.TIMEOUT, "cv.pdf", "slow"), Locale.ROOT);
        ResponseEntity<ProblemDetail> bomb = controller.limited(
                new ExtractionLimitException(ExtractionLimitException.Reason.OVERSIZED, "cv.docx", "bomb"),
                Locale.ROOT);

        assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(busy.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(busy.getBody().getDetail()).contains("\"cv.pdf\"").contains("đang đọc nhiều tệp khác");
        assertThat(slow.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(slow.getBody().getDetail()).contains("quá thời gian");
        assertThat(bomb.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(bomb.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(bomb.getBody().getDetail()).contains("\"cv.docx\"").contains("giải nén");
    }

    private HttpStatus status(Reason reason) {
        return HttpStatus.valueOf(controller
                .notRecognised(new OcrException(reason, "cv.pdf", reason.name()), Locale.ROOT)
                .getStatusCode()
                .value());
    }

    @Test
    void aKindRefusedIsAnsweredWithTheKindsTheFillReads() {
        ResponseEntity<ProblemDetail> answer = controller.rejected(
                new vn.congvan.attachment.AttachmentRejectedException(
                        "bang-tinh.exe", vn.congvan.attachment.AttachmentRejectedException.Reason.TYPE_NOT_ALLOWED),
                Locale.ROOT);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(answer.getBody().getDetail())
                .contains("\"bang-tinh.exe\"")
                .contains("PDF, DOC, DOCX, ODT, văn bản thuần (.txt)")
                .contains("TIFF")
                .doesNotContain("XLSX");
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/extraction");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
