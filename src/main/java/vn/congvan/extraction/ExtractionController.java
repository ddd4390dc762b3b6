package vn.congvan.extraction;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.congvan.attachment.AttachmentRejectedException;

/**
 * {@code POST /api/v1/trich-xuat}: a clerk sends a file (multipart field {@code file}) and gets back the fields of
 * the document in it, with a confidence each and the layout findings. Refusals are problem+json with the reason in
 * the reader's language (Vietnamese by default). The file is read once and not kept.
 */
@RestController
class ExtractionController {

    static final String PATH = "/api/v1/trich-xuat";

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final Extractor extractor;

    private final MessageSource messages;

    private final ExtractionProperties properties;

    ExtractionController(Extractor extractor, MessageSource messages, ExtractionProperties properties) {
        this.extractor = extractor;
        this.messages = messages;
        this.properties = properties;
    }

    @PostMapping(
            path = PATH,
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> extract(@RequestParam(name = "file", required = false) MultipartFile file, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "extraction.problem.noFile", locale);
        }
        Extraction extraction = extractor.extract(file);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view(extraction, locale));
    }

    @ExceptionHandler(AttachmentRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(AttachmentRejectedException refused, Locale locale) {
        HttpStatus status = switch (refused.reason()) {
            case TYPE_NOT_ALLOWED, MISLABELLED, NOT_A_WORD_DOCUMENT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_LARGE, TOTAL_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            // A zip bomb is content that cannot be processed, as the extraction's own bound says it (ADR 0058).
            case UNPACKS_TOO_LARGE -> HttpStatus.UNPROCESSABLE_CONTENT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return problem(status, FormReading.refusal(refused, messages, locale));
    }

    @ExceptionHandler(UnreadableFileException.class)
    ResponseEntity<ProblemDetail> unreadable(UnreadableFileException unreadable, Locale locale) {
        return problem(
                unreadable.damaged() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                messages.getMessage(unreadable.messageKey(), new Object[] {unreadable.filename()}, locale));
    }

    /**
     * A scan that could not be read: 415 when no OCR is installed (as for any file without a reader), 503 when the
     * runs were all taken or the budget ran out (the clerk may try again later), 422 when Tesseract failed or found
     * no text, or the picture is larger than any scan.
     */
    @ExceptionHandler(OcrException.class)
    ResponseEntity<ProblemDetail> notRecognised(OcrException failed, Locale locale) {
        HttpStatus status = switch (failed.reason()) {
            case UNAVAILABLE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case BUSY, TIMEOUT -> HttpStatus.SERVICE_UNAVAILABLE;
            case FAILED, NO_TEXT, TOO_LARGE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return retryLater(
                problem(status, messages.getMessage(failed.messageKey(), new Object[] {failed.filename()}, locale)));
    }

    /**
     * A file not read because of a bound (ADR 0058): 503 when every reading was taken or the budget ran out (the
     * clerk may try again later), 422 when the file unpacks beyond any document.
     */
    @ExceptionHandler(ExtractionLimitException.class)
    ResponseEntity<ProblemDetail> limited(ExtractionLimitException limit, Locale locale) {
        HttpStatus status = switch (limit.reason()) {
            case BUSY, TIMEOUT -> HttpStatus.SERVICE_UNAVAILABLE;
            case OVERSIZED -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return retryLater(
                problem(status, messages.getMessage(limit.messageKey(), new Object[] {limit.filename()}, locale)));
    }

    /** A 503 says when to try again, as RFC 9110 has it, so that a client does not retry at once. */
    private ResponseEntity<ProblemDetail> retryLater(ResponseEntity<ProblemDetail> answer) {
        if (answer.getStatusCode() != HttpStatus.SERVICE_UNAVAILABLE) {
            return answer;
        }
        return ResponseEntity.status(answer.getStatusCode())
                .contentType(PROBLEM)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, properties.retryAfter().toSeconds())))
                .body(answer.getBody());
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Locale locale) {
        return problem(status, messages.getMessage(key, null, locale));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(PATH));
        return ResponseEntity.status(status).contentType(PROBLEM).body(problem);
    }

    private ExtractionView view(Extraction extraction, Locale locale) {
        List<FindingView> findings = extraction.layoutFindings().stream()
                .map(finding -> new FindingView(
                        finding.code().name(),
                        messages.getMessage(finding.messageKey(), new Object[] {finding.detail()}, locale),
                        finding.detail()))
                .toList();
        return new ExtractionView(
                extraction.family(),
                extraction.typeName(),
                extraction.number(),
                extraction.notation(),
                extraction.issuedOn(),
                extraction.place(),
                BodyNameCase.ofPrinted(extraction.issuer()),
                BodyNameCase.ofPrinted(extraction.issuerParent()),
                extraction.issuer(),
                extraction.issuerParent(),
                extraction.subject(),
                extraction.addressees(),
                extraction.distribution(),
                extraction.signer(),
                extraction.urgency(),
                extraction.secrecy(),
                extraction.confidence(),
                findings);
    }

    /**
     * The JSON shape; a field not found is null. The issuing body and the body above it are written as the
     * issue's example and the register write a body's name ("Ban Tuyên giáo", "Quận ủy Quận 1", ADR 0072); the
     * heading's own capitals are kept beside them ({@code issuerAsPrinted}, {@code issuerParentAsPrinted}). The urgency
     * and secrecy marks are answered as printed ("HỎA TỐC", "MẬT"), null when none is (ADR 0073, amendment).
     */
    record ExtractionView(
            Family family,
            String typeName,
            Integer number,
            String notation,
            LocalDate issuedOn,
            String place,
            String issuer,
            String issuerParent,
            String issuerAsPrinted,
            String issuerParentAsPrinted,
            String subject,
            List<String> addressees,
            List<String> distribution,
            Signer signer,
            String urgency,
            String secrecy,
            Map<String, Double> confidence,
            List<FindingView> layoutFindings) {

        ExtractionView {
            addressees = addressees == null ? null : List.copyOf(addressees);
            distribution = distribution == null ? null : List.copyOf(distribution);
            confidence = Map.copyOf(confidence);
            layoutFindings = List.copyOf(layoutFindings);
        }
    }

    record FindingView(String code, String message, String detail) {}
}
