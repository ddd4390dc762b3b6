package vn.congvan.extraction;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import vn.congvan.attachment.AttachmentRejectedException;

/**
 * For a form that fills itself from a file without script (ADR 0045): the fields read, the layout findings as
 * sentences in the reader's language, or why the file could not be read, as the API says it.
 */
@Service
public class FormReading {

    private final Extractor extractor;

    private final MessageSource messages;

    FormReading(Extractor extractor, MessageSource messages) {
        this.extractor = extractor;
        this.messages = messages;
    }

    public Reading read(MultipartFile file, Locale locale) throws IOException {
        if (file == null || file.isEmpty()) {
            String name = file == null ? null : file.getOriginalFilename();
            return failed(name, messages.getMessage("extraction.fill.noFile", null, locale));
        }
        try {
            Extraction extraction = extractor.extract(file);
            List<String> findings = extraction.layoutFindings().stream()
                    .map(finding -> messages.getMessage(finding.messageKey(), new Object[] {finding.detail()}, locale))
                    .toList();
            return new Reading(file.getOriginalFilename(), extraction, null, findings);
        } catch (AttachmentRejectedException refused) {
            return failed(file.getOriginalFilename(), refusal(refused, messages, locale));
        } catch (UnreadableFileException unreadable) {
            return failed(
                    file.getOriginalFilename(),
                    messages.getMessage(unreadable.messageKey(), new Object[] {unreadable.filename()}, locale));
        } catch (OcrException scan) {
            return failed(
                    file.getOriginalFilename(),
                    messages.getMessage(scan.messageKey(), new Object[] {scan.filename()}, locale));
        } catch (ExtractionLimitException limit) {
            return failed(
                    file.getOriginalFilename(),
                    messages.getMessage(limit.messageKey(), new Object[] {limit.filename()}, locale));
        }
    }

    /**
     * Why the upload rules refused a file, as the fill says it: a kind refused is answered with the kinds the fill
     * reads (the attachments' list names DOC and XLSX, which it does not read, and not TIFF or .txt, which it does).
     */
    static String refusal(AttachmentRejectedException refused, MessageSource messages, Locale locale) {
        if (refused.reason() == AttachmentRejectedException.Reason.TYPE_NOT_ALLOWED) {
            return messages.getMessage("extraction.problem.typeNotAllowed", new Object[] {refused.filename()}, locale);
        }
        return messages.getMessage(refused.messageKey(), refused.arguments(), locale);
    }

    private static Reading failed(String filename, String problem) {
        return new Reading(filename, null, problem, List.of());
    }

    /** Either an extraction and its findings, or a problem; {@code filename} is the client's name for the file. */
    public record Reading(String filename, Extraction extraction, String problem, List<String> findings) {

        public Reading {
            findings = List.copyOf(findings);
        }

        public boolean failed() {
            return extraction == null;
        }
    }
}
