package vn.congvan.extraction;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.attachment.TestFiles;

@CongvanIntegrationTest
class ExtractionApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ExtractionPool pool;

    private static MockMultipartFile sample() throws IOException {
        byte[] text = Files.readAllBytes(CorpusDocument.DIRECTORY.resolve("p01-65-cv-btgqu.txt"));
        return new MockMultipartFile("file", "65-CV-BTGQU.txt", "text/plain", text);
    }

    @Test
    void aClerkGetsTheFieldsOfTheDocument() throws Exception {
        asClerk(sample())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.family").value("PARTY"))
                .andExpect(jsonPath("$.typeName").value("Công văn"))
                .andExpect(jsonPath("$.number").value(65))
                .andExpect(jsonPath("$.notation").value("CV/BTGQU"))
                .andExpect(jsonPath("$.issuedOn").value("2023-07-12"))
                .andExpect(jsonPath("$.place").value("Quận 1"))
                // As the example writes them; the heading's capitals beside them.
                .andExpect(jsonPath("$.issuer").value("Ban Tuyên giáo"))
                .andExpect(jsonPath("$.issuerParent").value("Quận ủy Quận 1"))
                .andExpect(jsonPath("$.issuerAsPrinted").value("BAN TUYÊN GIÁO"))
                .andExpect(jsonPath("$.issuerParentAsPrinted").value("QUẬN ỦY QUẬN 1"))
                .andExpect(jsonPath("$.distribution[0]").value("Như trên"))
                .andExpect(jsonPath("$.signer.competence").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.signer.fullName").value("Nguyễn Trung Châu Tuyên"))
                .andExpect(jsonPath("$.confidence.number").isNumber())
                .andExpect(jsonPath("$.layoutFindings").isArray())
                // No mark is printed on the sample: the fields are there, null, without a confidence.
                .andExpect(jsonPath("$.urgency").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.secrecy").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.confidence.urgency").doesNotExist());
    }

    /** The marks printed over a document (NĐ 30 Điều 15) are answered as printed, with their confidence. */
    @Test
    void theUrgencyAndSecrecyMarksAreAnswered() throws Exception {
        String text = new String(
                        Files.readAllBytes(CorpusDocument.DIRECTORY.resolve("p01-65-cv-btgqu.txt")),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("Kính gửi", "┌──────────┐\n│ HOẢ TỐC  │\n└──────────┘\nTỐI MẬT\nKính gửi");
        asClerk(new MockMultipartFile(
                        "file",
                        "65-CV-BTGQU.txt",
                        "text/plain",
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.urgency").value("HỎA TỐC"))
                .andExpect(jsonPath("$.secrecy").value("TỐI MẬT"))
                .andExpect(jsonPath("$.confidence.urgency").isNumber())
                .andExpect(jsonPath("$.confidence.secrecy").isNumber())
                .andExpect(jsonPath("$.number").value(65))
                .andExpect(jsonPath("$.signer.fullName").value("Nguyễn Trung Châu Tuyên"));
    }

    @Test
    void withoutTheCsrfHeaderOrAsAMemberTheCallIsRefused() throws Exception {
        mvc.perform(multipart("/api/v1/trich-xuat")
                        .file(sample())
                        .with(user("van-thu").roles("CLERK")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/trich-xuat")
                        .file(sample())
                        .with(user("thanh-vien").roles("MEMBER"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
    }

    /** The number and the day an e-office system stamped as pictures into the blanks (ADR 0044, session 15). */
    @Test
    void aNumberAndADayStampedAsPicturesAreReadAndMarkedToCheck() throws Exception {
        asClerk(new MockMultipartFile(
                        "file", "348-SGDDT-GDTH.pdf", "application/pdf", StampedPdfTests.pictureStampedDispatch()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(348))
                .andExpect(jsonPath("$.notation").value("SGDĐT-GDTH"))
                .andExpect(jsonPath("$.issuedOn").value("2020-04-08"))
                .andExpect(jsonPath("$.confidence.number").value(PictureStamps.CONFIDENCE))
                .andExpect(jsonPath("$.layoutFindings[?(@.code == 'MISSING_NUMBER')]")
                        .isEmpty());
    }

    @Test
    void aScannedImageIsReadByOcrIntoTheSameFields() throws Exception {
        assertReadFromTheScan(new MockMultipartFile("file", "65-CV-BTGQU.png", "image/png", Scans.samplePng()));
    }

    @Test
    void aPdfWhosePagesArePicturesIsReadByOcrIntoTheSameFields() throws Exception {
        assertReadFromTheScan(
                new MockMultipartFile("file", "65-CV-BTGQU.pdf", "application/pdf", Scans.sampleImagePdf()));
    }

    /**
     * The sample as the board's clerk made it in Word (header and foot in borderless two-column tables) and as it was
     * printed to PDF by a converter that writes both columns of a table baseline by baseline (ADR 0055).
     */
    @Test
    void theSampleAsADocxAndAsAPrintedPdfIsReadIntoTheSameFields() throws Exception {
        CorpusLayout layout = CorpusLayout.of(CorpusDocument.all().stream()
                .filter(document -> document.id().equals("p01-65-cv-btgqu"))
                .findFirst()
                .orElseThrow());
        for (MockMultipartFile file : new MockMultipartFile[] {
            new MockMultipartFile("file", "65-CV-BTGQU.docx", DocumentText.DOCX, CorpusFiles.docx(layout)),
            new MockMultipartFile(
                    "file", "65-CV-BTGQU.pdf", DocumentText.PDF, CorpusFiles.pdf(layout, CorpusFiles.Order.LINES))
        }) {
            asClerk(file)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.family").value("PARTY"))
                    .andExpect(jsonPath("$.number").value(65))
                    .andExpect(jsonPath("$.notation").value("CV/BTGQU"))
                    .andExpect(jsonPath("$.issuedOn").value("2023-07-12"))
                    .andExpect(jsonPath("$.place").value("Quận 1"))
                    .andExpect(jsonPath("$.issuer").value("Ban Tuyên giáo"))
                    .andExpect(jsonPath("$.issuerParent").value("Quận ủy Quận 1"))
                    .andExpect(jsonPath("$.subject")
                            .value("Về việc gửi tài liệu “Thông báo nhanh kết quả Hội nghị Ban Chấp hành Đảng bộ thành "
                                    + "phố lần thứ 21 (khóa XI)”"))
                    .andExpect(jsonPath("$.addressees[1]").value("Cấp ủy cơ sở đảng"))
                    .andExpect(jsonPath("$.distribution[2]").value("Lưu Ban Tuyên giáo Quận ủy"))
                    .andExpect(jsonPath("$.signer.fullName").value("Nguyễn Trung Châu Tuyên"))
                    .andExpect(jsonPath("$.confidence.number").value(0.97));
        }
    }

    @Test
    void aPagePhotographedSidewaysAndCrookedUnderARedSealIsReadIntoTheSameFields() throws Exception {
        assertReadFromTheScan(new MockMultipartFile("file", "65-CV-BTGQU.jpg", "image/jpeg", Scans.samplePhotoJpeg()));
    }

    private void assertReadFromTheScan(MockMultipartFile scan) throws Exception {
        asClerk(scan)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.family").value("PARTY"))
                .andExpect(jsonPath("$.typeName").value("Công văn"))
                .andExpect(jsonPath("$.number").value(65))
                .andExpect(jsonPath("$.notation").value("CV/BTGQU"))
                .andExpect(jsonPath("$.issuedOn").value("2023-07-12"))
                .andExpect(jsonPath("$.place").value("Quận 1"))
                .andExpect(jsonPath("$.issuer").value("Ban Tuyên giáo"))
                .andExpect(jsonPath("$.issuerParent").value("Quận ủy Quận 1"))
                .andExpect(jsonPath("$.addressees[1]").value("Cấp ủy cơ sở đảng"))
                .andExpect(jsonPath("$.distribution[0]").value("Như trên"))
                .andExpect(jsonPath("$.signer.fullName").value("Nguyễn Trung Châu Tuyên"))
                // Read from OCR, so less sure than the 0.97 of a typed "Số" line.
                .andExpect(jsonPath("$.confidence.number").value(0.82));
    }

    @Test
    void anImageWithoutTextIsAProblemWithAVietnameseReason() throws Exception {
        asClerk(new MockMultipartFile("file", "scan.png", "image/png", TestFiles.png()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Không tìm thấy chữ")));
    }

    @Test
    void aFileOfAnotherTypeOrNoFileIsAProblem() throws Exception {
        asClerk(new MockMultipartFile(
                        "file", "cv.pdf", "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(multipart("/api/v1/trich-xuat")
                        .with(user("van-thu").roles("CLERK"))
                        .with(csrf().asHeader()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Chưa gửi tệp")));
    }

    @Test
    void aWordDocumentWhoseXmlIsBrokenIsAProblemNotAServerError() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                            + "content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                            + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            // Cut off mid-element, as a file copied from a failing disk or sent half-way ends.
            zip.write(
                    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Số: 65-CV/BT"
                            .getBytes(StandardCharsets.UTF_8));
        }
        asClerk(new MockMultipartFile("file", "cv.docx", DocumentText.DOCX, bytes.toByteArray()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("cv.docx")));
    }

    @Test
    void aPdfThatThrowsPdfBoxOffIsAProblemNotAServerError() throws Exception {
        // A page tree whose kid is a number: PDFBox throws an unchecked exception when the page is drawn for OCR.
        String catalog = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
        String tree = "2 0 obj\n<< /Type /Pages /Kids [7] /Count 1 >>\nendobj\n";
        String file = catalog + tree + "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n"
                + String.format("%010d 00000 n \n", catalog.length())
                + "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n" + (catalog.length() + tree.length())
                + "\n%%EOF\n";
        asClerk(new MockMultipartFile(
                        "file", "cay-trang.pdf", DocumentText.PDF, file.getBytes(StandardCharsets.ISO_8859_1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("bị hỏng")));
    }

    @Test
    void whenEveryReadingIsTakenAFileIsRefusedAsBusyWithWhenToTryAgain() throws Exception {
        int turns = pool.turns.availablePermits();
        pool.turns.acquire(turns);
        try {
            asClerk(sample())
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "30"))
                    .andExpect(jsonPath("$.detail")
                            .value(org.hamcrest.Matchers.containsString("đang đọc nhiều tệp khác")));
        } finally {
            pool.turns.release(turns);
        }
        asClerk(sample()).andExpect(status().isOk());
    }

    @Test
    void aZipBombCaughtByTheUploadRulesIsUnprocessable() throws Exception {
        asClerk(new MockMultipartFile("file", "bom.docx", DocumentText.DOCX, TestFiles.zipBomb()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("giải nén")));
    }

    /**
     * A package the upload rules let through (it unpacks to less than a hundred times its size, thanks to a picture
     * that does not deflate) but whose document XML is larger than any document's: refused by the reader's bound.
     */
    @Test
    void aWordDocumentWhoseXmlUnpacksBeyondAnyDocumentIsRefusedAsOversized() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                            + "content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                            + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    .getBytes(StandardCharsets.UTF_8));
            // 48 MB of markup without text, about 50 KB once deflated.
            byte[] bookmarks = "<w:bookmarkEnd/>".repeat(100_000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 30; i++) {
                zip.write(bookmarks);
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            byte[] picture = new byte[700_000];
            new java.util.Random(58).nextBytes(picture);
            zip.putNextEntry(new java.util.zip.ZipEntry("word/media/image1.png"));
            zip.write(picture);
        }
        asClerk(new MockMultipartFile("file", "bomb.docx", DocumentText.DOCX, bytes.toByteArray()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("bomb.docx")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("giải nén")));
    }

    /**
     * An "OCR'd scan" whose invisible text layer lost its diacritics (ADR 0058): the fields come from the page's
     * picture, and the findings say why.
     */
    @Test
    void aPdfWhoseTextLayerIsGarbledIsReadFromItsPagesPictures() throws Exception {
        byte[] pdf = GarbledTextLayerTests.invisibleLayerOverTheScan(
                GarbledTextLayerTests.withoutDiacritics(GarbledTextLayerTests.sampleText()));

        asClerk(new MockMultipartFile("file", "65-CV-BTGQU.pdf", DocumentText.PDF, pdf))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(65))
                .andExpect(jsonPath("$.place").value("Quận 1"))
                .andExpect(jsonPath("$.issuerParent").value("Quận ủy Quận 1"))
                .andExpect(jsonPath("$.signer.fullName").value("Nguyễn Trung Châu Tuyên"))
                .andExpect(jsonPath("$.layoutFindings[0].code").value("TEXT_LAYER_REREAD"))
                .andExpect(jsonPath("$.layoutFindings[0].message")
                        .value(org.hamcrest.Matchers.containsString("nhận dạng chữ")));
    }

    /** The extraction API called by a clerk in a session, with the CSRF header as the form's script sends it. */
    private org.springframework.test.web.servlet.ResultActions asClerk(MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/api/v1/trich-xuat")
                .file(file)
                .with(user("van-thu").roles("CLERK"))
                .with(csrf().asHeader()));
    }
}
