package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void readsTheLastPagesOfADocumentLongerThanThePagesItReads() throws IOException {
        Path file = directory.resolve("long.pdf");
        try (PDDocument document = new PDDocument();
                InputStream font = getClass().getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
            PDType0Font serif = PDType0Font.load(document, font);
            int pages = DocumentText.MAX_PDF_PAGES + 7;
            for (int number = 1; number <= pages; number++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    line(content, serif, 60, 700, "Trang " + number + " của hướng dẫn.");
                    if (number == pages) {
                        line(content, serif, 60, 600, "Nơi nhận:");
                        line(content, serif, 60, 585, "- Lưu VP.");
                        line(content, serif, 330, 600, "K/T TRƯỞNG BAN");
                        line(content, serif, 330, 585, "PHÓ TRƯỞNG BAN");
                        line(content, serif, 330, 520, "Lê Văn Tám");
                    }
                }
            }
            document.save(file.toFile());
        }

        DocumentText.PdfText text = DocumentText.pdf(file);

        assertThat(text.text()).contains("Trang 1 của", "PHÓ TRƯỞNG BAN", "Lê Văn Tám");
        assertThat(text.text()).doesNotContain("Trang 21 của");
        assertThat(text.pages()).isEqualTo(DocumentText.MAX_PDF_PAGES);
    }

    @Test
    void leavesOutThePageNumberPrintedAtTheTopOfThePageWhereTheNoiNhanListGoesOn() throws IOException {
        // "Nơi nhận:" and the competence end page 1; page 2 opens with its number, then the list and the name.
        Path file = directory.resolve("foot-over-two-pages.pdf");
        try (PDDocument document = new PDDocument();
                InputStream font = getClass().getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
            PDType0Font serif = PDType0Font.load(document, font);
            PDPage first = new PDPage();
            document.addPage(first);
            try (PDPageContentStream content = new PDPageContentStream(document, first)) {
                line(content, serif, 60, 740, "BAN CHẤP HÀNH TRUNG ƯƠNG");
                line(content, serif, 330, 740, "ĐẢNG CỘNG SẢN VIỆT NAM");
                line(content, serif, 60, 720, "Số 06-HD/TW");
                line(content, serif, 330, 720, "Hà Nội, ngày 09 tháng 6 năm 2025");
                line(content, serif, 240, 680, "HƯỚNG DẪN");
                line(content, serif, 150, 665, "thực hiện một số vấn đề cụ thể về khen thưởng");
                line(content, serif, 60, 620, "Hướng dẫn này có hiệu lực thi hành kể từ ngày ký.");
                line(content, serif, 60, 80, "Nơi nhận:");
                line(content, serif, 360, 80, "T/M BAN BÍ THƯ");
            }
            PDPage second = new PDPage();
            document.addPage(second);
            try (PDPageContentStream content = new PDPageContentStream(document, second)) {
                line(content, serif, 300, 760, "2");
                line(content, serif, 60, 730, "- Các tỉnh ủy, thành ủy,");
                line(content, serif, 60, 715, "- Lưu Văn phòng Trung ương Đảng.");
                line(content, serif, 380, 660, "Trần Cẩm Tú");
            }
            document.save(file.toFile());
        }

        Extraction extraction = FieldReader.read(DocumentText.of(file, DocumentText.PDF));

        assertThat(extraction.distribution()).containsExactly("Các tỉnh ủy, thành ủy", "Lưu Văn phòng Trung ương Đảng");
        assertThat(extraction.signer().competence()).isEqualTo("T/M BAN BÍ THƯ");
        assertThat(extraction.signer().fullName()).isEqualTo("Trần Cẩm Tú");
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

    @Test
    void readsAPdfWhoseHeaderAndFootColumnsWereWrittenLineByLine() throws IOException {
        Path file = directory.resolve("cv-lines.pdf");
        try (PDDocument document = new PDDocument();
                InputStream font = getClass().getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType0Font serif = PDType0Font.load(document, font);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                // Each baseline across both columns before the next, as many converters write a table.
                line(content, serif, 70, 740, "QUẬN ỦY QUẬN 1");
                line(content, serif, 340, 740, "ĐẢNG CỘNG SẢN VIỆT NAM");
                line(content, serif, 70, 725, "BAN TUYÊN GIÁO");
                line(content, serif, 70, 710, "*");
                line(content, serif, 70, 695, "Số 65-CV/BTGQU");
                line(content, serif, 340, 695, "Quận 1, ngày 12 tháng 7 năm 2023");
                line(content, serif, 60, 681, "V/v gửi tài liệu “Thông báo nhanh");
                line(content, serif, 60, 667, "kết quả Hội nghị”");
                line(content, serif, 72, 600, "Ban Tuyên giáo Quận ủy gửi các đơn vị tài liệu để phổ biến tại đơn vị.");
                line(content, serif, 60, 560, "Nơi nhận:");
                line(content, serif, 330, 560, "K/T TRƯỞNG BAN");
                line(content, serif, 60, 546, "- Như trên;");
                line(content, serif, 330, 546, "PHÓ TRƯỞNG BAN");
                line(content, serif, 60, 532, "- Lưu Ban Tuyên giáo.");
                line(content, serif, 330, 480, "Nguyễn Văn An");
            }
            document.save(file.toFile());
        }

        String text = DocumentText.of(file, DocumentText.PDF);
        Extraction extraction = FieldReader.read(text);

        assertThat(text).contains("QUẬN ỦY QUẬN 1\nBAN TUYÊN GIÁO\n*\nSố 65-CV/BTGQU");
        assertThat(extraction.family()).isEqualTo(Family.PARTY);
        assertThat(extraction.issuerParent()).isEqualTo("QUẬN ỦY QUẬN 1");
        assertThat(extraction.issuer()).isEqualTo("BAN TUYÊN GIÁO");
        assertThat(extraction.number()).isEqualTo(65);
        assertThat(extraction.place()).isEqualTo("Quận 1");
        assertThat(extraction.subject()).isEqualTo("V/v gửi tài liệu “Thông báo nhanh kết quả Hội nghị”");
        assertThat(extraction.distribution()).containsExactly("Như trên", "Lưu Ban Tuyên giáo");
        assertThat(extraction.signer().competence()).isEqualTo("K/T TRƯỞNG BAN");
        assertThat(extraction.signer().position()).isEqualTo("PHÓ TRƯỞNG BAN");
        assertThat(extraction.signer().fullName()).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void keepsAFootItemThatReachesPastTheMiddleOfTheFirstGapInItsColumn() throws IOException {
        Path file = directory.resolve("cv-foot.pdf");
        try (PDDocument document = new PDDocument();
                InputStream font = getClass().getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType0Font serif = PDType0Font.load(document, font);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                line(content, serif, 72, 600, "Các đơn vị căn cứ quyết định thi hành.");
                // "Nơi nhận:" ends near x 120 and the signer's block starts at 330: the middle of that first gap
                // (about 225) is crossed by the longer items under it, which still end well before 330.
                line(content, serif, 60, 560, "Nơi nhận:");
                line(content, serif, 330, 560, "TM. HỘI ĐỒNG TRUNG ƯƠNG");
                line(content, serif, 60, 546, "- Như Điều 3 (để thực hiện);");
                line(content, serif, 330, 546, "CHỦ TỊCH");
                line(content, serif, 60, 532, "- Các đồng chí Bí thư (để báo cáo);");
                line(content, serif, 60, 518, "- Lưu Văn phòng.");
                line(content, serif, 330, 470, "Nguyễn Long Hải");
            }
            document.save(file.toFile());
        }

        String text = DocumentText.of(file, DocumentText.PDF);
        Extraction extraction = FieldReader.read(text);

        assertThat(text)
                .contains("Nơi nhận:\n- Như Điều 3 (để thực hiện);\n- Các đồng chí Bí thư (để báo cáo);\n"
                        + "- Lưu Văn phòng.\nTM. HỘI ĐỒNG TRUNG ƯƠNG\nCHỦ TỊCH");
        assertThat(extraction.distribution())
                .containsExactly("Như Điều 3 (để thực hiện)", "Các đồng chí Bí thư (để báo cáo)", "Lưu Văn phòng");
        assertThat(extraction.signer().competence()).isEqualTo("TM. HỘI ĐỒNG TRUNG ƯƠNG");
    }

    @Test
    void leavesABlankLineWhereAParagraphsSpacingSeparatesTwoLines() throws IOException {
        Path file = directory.resolve("cv-paragraphs.pdf");
        try (PDDocument document = new PDDocument();
                InputStream font = getClass().getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType0Font serif = PDType0Font.load(document, font);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                line(content, serif, 250, 700, "NGHỊ QUYẾT");
                line(content, serif, 120, 684, "HỘI NGHỊ LẦN THỨ 6 BAN CHẤP HÀNH TỔNG LIÊN ĐOÀN");
                line(content, serif, 120, 668, "VỀ NÂNG CAO CHẤT LƯỢNG HOẠT ĐỘNG ỦY BAN KIỂM");
                line(content, serif, 200, 652, "TRA CÔNG ĐOÀN");
                // The body's first paragraph, after the spacing Word leaves under a paragraph.
                line(content, serif, 85, 626, "Hội nghị lần thứ 6 Ban Chấp hành Tổng Liên đoàn (Khóa XI)");
                line(content, serif, 72, 610, "họp ngày 02 tháng 7 năm 2015, đã thảo luận và thông qua Nghị quyết.");
                line(content, serif, 85, 584, "Trong những năm qua, hoạt động đã có nhiều cố gắng đổi mới.");
            }
            document.save(file.toFile());
        }

        String text = DocumentText.of(file, DocumentText.PDF);

        assertThat(text)
                .contains("TRA CÔNG ĐOÀN\n\nHội nghị lần thứ 6")
                .contains("(Khóa XI)\nhọp ngày")
                .contains("thông qua Nghị quyết.\n\nTrong những năm qua");
        assertThat(FieldReader.read(text).subject())
                .isEqualTo(
                        "HỘI NGHỊ LẦN THỨ 6 BAN CHẤP HÀNH TỔNG LIÊN ĐOÀN VỀ NÂNG CAO CHẤT LƯỢNG HOẠT ĐỘNG ỦY BAN KIỂM"
                                + " TRA CÔNG ĐOÀN");
    }

    @Test
    void readsADocxAsItsReaderSeesIt() throws IOException {
        String document = """
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
                <w:tbl><w:tr>
                <w:tc><w:p><w:r><w:t>ỦY BAN NHÂN DÂN</w:t></w:r></w:p><w:p><w:r><w:t>TỈNH SƠN LA</w:t></w:r></w:p>
                <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
                <w:r><w:t xml:space="preserve">Số: </w:t></w:r>
                <w:del w:id="1" w:author="a"><w:r><w:delText>99</w:delText></w:r></w:del>
                <w:ins w:id="2" w:author="a"><w:r><w:t>68</w:t></w:r></w:ins><w:r><w:t>/KH-UBND</w:t></w:r></w:p>
                <w:p><w:r><w:t>V/v triển khai</w:t><w:br/><w:t>Chỉ thị số 37-CT/TW</w:t></w:r></w:p></w:tc>
                <w:tc><w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p>
                <w:p><w:r><w:t>Độc lập - Tự do - Hạnh phúc</w:t></w:r></w:p>
                <w:p><w:r><w:t xml:space="preserve">Sơn La, ngày </w:t></w:r>
                <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE \\@ "d"</w:instrText></w:r>
                <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>11</w:t></w:r>
                <w:r><w:fldChar w:fldCharType="end"/></w:r>
                <w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>
                <w:r><w:t xml:space="preserve"> tháng 3 năm 2020</w:t></w:r></w:p></w:tc>
                </w:tr></w:tbl>
                <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>
                <w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
                <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></w:pict>
                </mc:Fallback></mc:AlternateContent></w:r></w:p>
                </w:body></w:document>""";

        String text = DocumentText.docxText(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
        Extraction extraction = FieldReader.read(text);

        assertThat(text)
                .contains("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 68/KH-UBND\nV/v triển khai\nChỉ thị số 37-CT/TW\n")
                .contains("\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")
                .contains("Sơn La, ngày 11 tháng 3 năm 2020")
                .doesNotContain("99")
                .doesNotContain("DATE")
                .doesNotContain("ẩn")
                .doesNotContain("\t");
        assertThat(text.indexOf("DỰ THẢO"))
                .isEqualTo(text.lastIndexOf("DỰ THẢO"))
                .isPositive();
        assertThat(extraction.number()).isEqualTo(68);
        assertThat(extraction.issuer()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH SƠN LA");
        assertThat(extraction.issuedOn()).hasDayOfMonth(11).hasMonthValue(3).hasYear(2020);
        assertThat(extraction.subject()).isEqualTo("V/v triển khai Chỉ thị số 37-CT/TW");
    }

    @Test
    void keepsARunWhoseHiddenPropertyIsSwitchedOffAsWordWritesIt() throws IOException {
        // Word switches a property off with "0" ("off" and "false" are allowed too): such a run is shown, only a run
        // switched on (no value, "1", "true" or "on") is hidden.
        String document = """
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
                <w:p><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve">Số: 68</w:t></w:r>
                <w:r><w:rPr><w:vanish w:val="off"/></w:rPr><w:t>/KH</w:t></w:r>
                <w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>-UBND</w:t></w:r>
                <w:r><w:rPr><w:vanish w:val="1"/></w:rPr><w:t>một</w:t></w:r>
                <w:r><w:rPr><w:vanish w:val="on"/></w:rPr><w:t>hai</w:t></w:r>
                <w:r><w:rPr><w:vanish w:val="true"/></w:rPr><w:t>ba</w:t></w:r></w:p>
                </w:body></w:document>""";

        String text = DocumentText.docxText(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));

        assertThat(text).isEqualTo("Số: 68/KH-UBND\n");
    }

    @Test
    void readsAnOdtTableCellByCellWithoutDeletedText() throws IOException {
        String content = """
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
                    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>
                <text:tracked-changes><text:changed-region text:id="c1"><text:deletion>
                <text:p>Số 12-CV/HNDTW</text:p></text:deletion></text:changed-region></text:tracked-changes>
                <table:table><table:table-row>
                <table:table-cell><text:p>HỘI NÔNG DÂN VIỆT NAM</text:p><text:p>BAN CHẤP HÀNH TRUNG ƯƠNG</text:p>
                <text:p><text:change text:change-id="c1"/>Số 664 - CV/HNDTW</text:p></table:table-cell>
                <table:table-cell><text:p>Hà Nội, ngày 20<text:s text:c="2"/>tháng 7 năm 2014</text:p></table:table-cell>
                </table:table-row></table:table>
                <text:p>Kính gửi: Hội Nông dân các tỉnh<office:annotation><text:p>sửa lại</text:p></office:annotation></text:p>
                </office:text></office:body></office:document-content>""";

        String text = DocumentText.odtText(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        Extraction extraction = FieldReader.read(text);

        assertThat(text)
                .contains("BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 664 - CV/HNDTW\nHà Nội, ngày 20  tháng 7 năm 2014\n")
                .doesNotContain("12-CV")
                .doesNotContain("sửa lại");
        assertThat(extraction.number()).isEqualTo(664);
        assertThat(extraction.issuer()).isEqualTo("BAN CHẤP HÀNH TRUNG ƯƠNG");
        assertThat(extraction.place()).isEqualTo("Hà Nội");
    }

    @Test
    void readsAHeaderLaidOutWithTabStopsColumnAfterColumn() throws IOException {
        String document = """
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
                <w:p><w:r><w:tab/><w:t>ĐẠI HỌC QUỐC GIA TP. HCM</w:t><w:tab/>
                <w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p>
                <w:p><w:r><w:t>TRƯỜNG ĐẠI HỌC KHOA HỌC TỰ NHIÊN</w:t><w:tab/><w:t>Độc lập – Tự do – Hạnh phúc</w:t></w:r></w:p>
                <w:p><w:r><w:t>Số: 12/TB-KHTN</w:t><w:tab/><w:t>TP. Hồ Chí Minh, ngày 3 tháng 4 năm 2024</w:t></w:r></w:p>
                <w:p><w:r><w:t>THÔNG BÁO</w:t></w:r></w:p>
                </w:body></w:document>""";

        String text = DocumentText.tabColumns(
                DocumentText.docxText(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))));
        Extraction extraction = FieldReader.read(text);

        assertThat(text)
                .startsWith("ĐẠI HỌC QUỐC GIA TP. HCM\nTRƯỜNG ĐẠI HỌC KHOA HỌC TỰ NHIÊN\nSố: 12/TB-KHTN\n"
                        + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n");
        assertThat(extraction.issuer()).isEqualTo("TRƯỜNG ĐẠI HỌC KHOA HỌC TỰ NHIÊN");
        assertThat(extraction.issuerParent()).isEqualTo("ĐẠI HỌC QUỐC GIA TP. HCM");
        assertThat(extraction.number()).isEqualTo(12);
        assertThat(extraction.place()).isEqualTo("TP. Hồ Chí Minh");
    }

    @Test
    void looksForTabColumnsInALongLineInOnePass() {
        // A DOCX of a kilobyte unpacks to a paragraph of 400 000 letters: the test for two columns must read such a
        // line a few times over, not once per letter (which kept a request busy for minutes).
        for (String line : List.of(
                "a".repeat(20_000),
                "a".repeat(20_000) + "\t",
                "\t " + "a ".repeat(10_000) + "\t ",
                "a\t" + "b".repeat(20_000))) {
            CountedReads counted = new CountedReads(line);
            DocumentText.TAB_COLUMNS.matcher(counted).matches();
            assertThat(counted.reads).isLessThan(10L * line.length());
        }
        assertThat(DocumentText.tabColumns("\tQUẬN ỦY\tĐẢNG CỘNG SẢN\n  BAN TUYÊN GIÁO \t\t Hà Nội\n\t\tchỉ phải"))
                .isEqualTo("QUẬN ỦY\nBAN TUYÊN GIÁO\nĐẢNG CỘNG SẢN\nHà Nội\n\t\tchỉ phải");
    }

    /** A text that counts how often a matcher reads one of its characters. */
    private static final class CountedReads implements CharSequence {

        private final String text;

        private long reads;

        CountedReads(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static void line(PDPageContentStream content, PDType0Font font, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, 12);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    @Test
    void readsATextFileInTheEncodingItsByteOrderMarkNamesOrInTheWindowsVietnameseCodePage() throws IOException {
        String text = "Số: 05/QĐ-UBND\nVề việc triển khai kế hoạch";
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withMark = new byte[utf16.length + 2];
        withMark[0] = (byte) 0xFF;
        withMark[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withMark, 2, utf16.length);
        assertThat(DocumentText.plainText(Files.write(directory.resolve("utf16.txt"), withMark)))
                .isEqualTo(text);

        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] utf8WithMark = new byte[utf8.length + 3];
        utf8WithMark[0] = (byte) 0xEF;
        utf8WithMark[1] = (byte) 0xBB;
        utf8WithMark[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, utf8WithMark, 3, utf8.length);
        assertThat(DocumentText.plainText(Files.write(directory.resolve("bom.txt"), utf8WithMark)))
                .isEqualTo(text);

        // Windows-1258 has the letters â ă ê ô ơ ư but writes a tone as a combining mark after its letter.
        StringBuilder toneMarks = new StringBuilder();
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .chars()
                .forEach(c -> {
                    if (c == 0x302 || c == 0x306 || c == 0x31B) {
                        // NFD puts a dot below before the circumflex ("việc"): the letter is before the tone.
                        int last = toneMarks.length() - 1;
                        while (Character.getType(toneMarks.charAt(last)) == Character.NON_SPACING_MARK) {
                            last--;
                        }
                        String letter = java.text.Normalizer.normalize(
                                toneMarks.charAt(last) + String.valueOf((char) c), java.text.Normalizer.Form.NFC);
                        toneMarks.setCharAt(last, letter.charAt(0));
                    } else {
                        toneMarks.append((char) c);
                    }
                });
        byte[] windows = toneMarks.toString().getBytes(java.nio.charset.Charset.forName("windows-1258"));
        assertThat(DocumentText.plainText(Files.write(directory.resolve("cp1258.txt"), windows)))
                .isEqualTo(text);
    }
}
