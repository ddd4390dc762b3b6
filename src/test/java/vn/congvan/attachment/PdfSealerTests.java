package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfSealerTests {

    @TempDir
    Path directory;

    @Test
    void aPdfCertifiedAgainstAnyChangeIsNotSignedSoItsCertificationStillHolds() throws IOException {
        PdfSealer sealer = new PdfSealer();
        Path certified = Files.write(directory.resolve("certified.pdf"), certified(TestFiles.pdf(1), 1));
        Path formsAllowed = Files.write(directory.resolve("forms.pdf"), certified(TestFiles.pdf(1), 2));

        assertThatThrownBy(() -> sign(sealer, certified))
                .isInstanceOf(PdfSealer.NotSignable.class)
                .hasMessageContaining("certified");
        // P=2 lets signatures be added: the body's signature goes on.
        assertThat(sign(sealer, formsAllowed)).isNotEmpty();
    }

    @Test
    void aCertificateOutsideItsValidityDoesNotSign() throws IOException {
        PdfSealer sealer = new PdfSealer();
        Path pdf = Files.write(directory.resolve("plain.pdf"), TestFiles.pdf(1));
        TestSignatures.Credential expired = TestSignatures.signer(
                TestSigningKeys.get().ca(),
                "Ban Tuyên giáo hết hạn",
                "Quận ủy thử",
                java.time.Instant.now().minus(java.time.Duration.ofDays(730)),
                java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
        SigningKeys.SigningKey key =
                new SigningKeys.SigningKey("HETHAN", expired.keys().getPrivate(), expired.chain());

        assertThatThrownBy(() -> sealer.sign(
                        pdf,
                        directory.resolve("signed-expired.pdf"),
                        key,
                        "Ban Tuyên giáo",
                        ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"))))
                .isInstanceOf(PdfSealer.NotSignable.class)
                .hasMessageContaining("HETHAN is valid only from");
        assertThat(directory.resolve("signed-expired.pdf")).doesNotExist();
    }

    private byte[] sign(PdfSealer sealer, Path source) throws IOException {
        TestSigningKeys.Keys keys = TestSigningKeys.get();
        Path target = directory.resolve("signed-" + source.getFileName());
        sealer.sign(
                source,
                target,
                new SigningKeys.SigningKey(
                        "KY", keys.unit().keys().getPrivate(), keys.unit().chain()),
                "Ban Tuyên giáo",
                ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        return Files.readAllBytes(target);
    }

    /** The PDF with an author's certification signature whose DocMDP permission is {@code p}, as signing tools write. */
    private static byte[] certified(byte[] pdf, int p) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setSignDate(Calendar.getInstance());
            COSDictionary parameters = new COSDictionary();
            parameters.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
            parameters.setInt(COSName.P, p);
            parameters.setName(COSName.V, "1.2");
            COSDictionary reference = new COSDictionary();
            reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
            reference.setItem(COSName.getPDFName("TransformMethod"), COSName.DOCMDP);
            reference.setItem(COSName.getPDFName("TransformParams"), parameters);
            COSArray references = new COSArray();
            references.add(reference);
            signature.getCOSObject().setItem(COSName.getPDFName("Reference"), references);
            COSDictionary permissions = new COSDictionary();
            permissions.setItem(COSName.DOCMDP, signature);
            document.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, permissions);
            document.addSignature(signature, content -> new byte[] {1});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }
}
