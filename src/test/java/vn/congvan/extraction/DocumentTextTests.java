package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentTextTests {

    @TempDir
    Path directory;

    @Test
    void readsAPdfInTheOrderItsWriterDrewIt() throws IOException {
        Path file = directory.resolve("cv.pdf");
        try (PDDocument document = new PDDocument();
                InputStream font = getClass().getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType0Font serif = PDType0Font.load(document, font);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                // The left column first, then the right one, as Word writes a header table.
                line(content, serif, 60, 740, "QUẬN ỦY QUẬN 1");
                line(content, serif, 60, 725, "BAN TUYÊN GIÁO");
                line(content, serif, 60, 700, "Số 65-CV/BTGQU");
                line(content, serif, 330, 740, "ĐẢNG CỘNG SẢN VIỆT NAM");
                line(content, serif, 330, 700, "Quận 1, ngày 12 tháng 7 năm 2023");
            }
            document.save(file.toFile());
        }

        Extraction extraction = FieldReader.read(DocumentText.of(file, DocumentText.PDF));

        assertThat(extraction.family()).isEqualTo(Family.PARTY);
        assertThat(extraction.issuer()).isEqualTo("BAN TUYÊN GIÁO");
        assertThat(extraction.number()).isEqualTo(65);
        assertThat(extraction.place()).isEqualTo("Quận 1");
    }

    @Test
    void readsADocxWhoseHeaderIsATable() throws IOException {
        Path file = directory.resolve("qd.docx");
        try (XWPFDocument document = new XWPFDocument();
                OutputStream out = Files.newOutputStream(file)) {
            XWPFTable header = document.createTable(2, 2);
            header.getRow(0).getCell(0).setText("ỦY BAN NHÂN DÂN TỈNH SƠN LA");
            header.getRow(0).getCell(1).setText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            header.getRow(1).getCell(0).setText("Số: 68/KH-UBND");
            header.getRow(1).getCell(1).setText("Sơn La, ngày 11 tháng 3 năm 2020");
            document.createParagraph().createRun().setText("KẾ HOẠCH");
            document.createParagraph().createRun().setText("Triển khai Chỉ thị số 37-CT/TW");
            document.write(out);
        }

        Extraction extraction = FieldReader.read(DocumentText.of(file, DocumentText.DOCX));

        assertThat(extraction.family()).isEqualTo(Family.STATE);
        assertThat(extraction.issuer()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH SƠN LA");
        assertThat(extraction.number()).isEqualTo(68);
        assertThat(extraction.notation()).isEqualTo("KH-UBND");
        assertThat(extraction.place()).isEqualTo("Sơn La");
        assertThat(extraction.typeName()).isEqualTo("Kế hoạch");
        assertThat(extraction.subject()).isEqualTo("Triển khai Chỉ thị số 37-CT/TW");
    }

    @Test
    void readsTheParagraphsOfAnOdt() throws IOException {
        String content = """
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
                <text:p>HỘI NÔNG DÂN VIỆT NAM</text:p><text:p>BAN CHẤP HÀNH TRUNG ƯƠNG</text:p>
                <text:p>Số 664 - CV/HNDTW</text:p><text:p>Hà Nội, ngày 20<text:s/>tháng 7 năm 2014</text:p>
                </office:text></office:body></office:document-content>""";

        String text = DocumentText.odtText(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.family()).isEqualTo(Family.MASS_ORG);
        assertThat(extraction.issuerParent()).isEqualTo("HỘI NÔNG DÂN VIỆT NAM");
        assertThat(extraction.notation()).isEqualTo("CV/HNDTW");
        assertThat(extraction.issuedOn()).hasYear(2014);
    }

    private static void line(PDPageContentStream content, PDType0Font font, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, 12);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
