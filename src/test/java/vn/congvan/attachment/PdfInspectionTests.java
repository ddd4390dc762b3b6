package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.attachment.AttachmentRejectedException.Reason;

/** What a PDF may carry (ADR 0016), decided by {@link ContentInspector} from every object of the file. */
class PdfInspectionTests {

    @TempDir
    Path directory;

    ContentInspector inspector = new ContentInspector();

    @Test
    void refusesAScriptRunWhenTheDocumentOpens() throws IOException {
        assertRefused(HostilePdfs.openActionJavaScript(), Reason.PDF_JAVASCRIPT);
    }

    @Test
    void refusesADocumentLevelScriptInTheNamesTree() throws IOException {
        assertRefused(HostilePdfs.namesJavaScript(), Reason.PDF_JAVASCRIPT);
    }

    @Test
    void refusesAScriptInAPagesAdditionalActions() throws IOException {
        assertRefused(HostilePdfs.pageOpenJavaScript(), Reason.PDF_JAVASCRIPT);
    }

    @Test
    void refusesALinkThatRunsAScript() throws IOException {
        assertRefused(HostilePdfs.linkJavaScript(), Reason.PDF_JAVASCRIPT);
    }

    @Test
    void refusesAScriptInAnObjectNothingRefersTo() throws IOException {
        byte[] pdf = HostilePdfs.unreferencedJavaScript();
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).doesNotContain("/JavaScript");

        assertRefused(pdf, Reason.PDF_JAVASCRIPT);
    }

    @Test
    void refusesAScriptInsideACompressedObjectStream() throws IOException {
        byte[] pdf = HostilePdfs.javaScriptInObjectStream();
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1))
                .doesNotContain("JavaScript")
                .contains("/ObjStm");

        assertRefused(pdf, Reason.PDF_JAVASCRIPT);
    }

    @Test
    void refusesAScriptInADocumentEncryptedWithoutAnOpeningPassword() throws IOException {
        assertRefused(HostilePdfs.javaScriptInOpenableEncryptedPdf(), Reason.PDF_JAVASCRIPT);
    }

    @Test
    void refusesALaunchAction() throws IOException {
        assertRefused(HostilePdfs.launchAction(), Reason.PDF_LAUNCH);
    }

    @Test
    void refusesEmbeddedFiles() throws IOException {
        assertRefused(HostilePdfs.embeddedFile(), Reason.PDF_EMBEDDED_FILE);
        assertRefused(HostilePdfs.fileAttachmentAnnotation(), Reason.PDF_EMBEDDED_FILE);
    }

    @Test
    void refusesFormsThatSendDataAway() throws IOException {
        assertRefused(HostilePdfs.submitFormButton(), Reason.PDF_FORM_SUBMISSION);
        assertRefused(HostilePdfs.xfaForm(), Reason.PDF_FORM_SUBMISSION);
    }

    @Test
    void refusesAPdfCutShortThatPdfboxWouldRepair() throws IOException {
        assertRefused(HostilePdfs.truncatedBeforeCrossReference(), Reason.PDF_TRUNCATED);
        assertRefused(HostilePdfs.withoutEndOfFile(), Reason.PDF_TRUNCATED);
    }

    @Test
    void stillRefusesAPdfThatNeedsAPasswordToOpen() throws IOException {
        assertRefused(TestFiles.encryptedPdf(), Reason.ENCRYPTED);
    }

    @Test
    void acceptsWebAndPageLinksAndAFormThatSendsNothing() throws IOException {
        ContentInspector.Inspection inspection = inspector.inspect(file(HostilePdfs.withWebLinkAndForm()), "a.pdf");

        assertThat(inspection.contentType()).isEqualTo(ContentInspector.PDF);
        assertThat(inspection.pageCount()).isEqualTo(2);
    }

    @Test
    void acceptsPdfsWrittenWithAndWithoutObjectStreams() throws IOException {
        assertThat(inspector.inspect(file(TestFiles.pdf(3)), "a.pdf").pageCount())
                .isEqualTo(3);
        assertThat(inspector
                        .inspect(file(HostilePdfs.handWrittenPlain()), "b.pdf")
                        .pageCount())
                .isEqualTo(1);
    }

    private void assertRefused(byte[] pdf, Reason reason) throws IOException {
        Path file = file(pdf);
        assertThatThrownBy(() -> inspector.inspect(file, "tep.pdf"))
                .isInstanceOfSatisfying(
                        AttachmentRejectedException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(reason));
    }

    private Path file(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(directory, "upload", ".pdf"), content);
    }
}
