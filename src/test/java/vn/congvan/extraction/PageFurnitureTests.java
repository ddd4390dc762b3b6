package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * What real files print around and inside a document (ADR 0073): each text is made up, laid out as a PDF's text layer
 * or a web copy gives the NĐ 30 template, and must read as the same document without it.
 */
class PageFurnitureTests {

    private static final String HEADER = """
            UBND TỈNH QUẢNG NAM                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            SỞ TƯ PHÁP                          Độc lập - Tự do - Hạnh phúc

            Số: 123/STP-HCTP                    Quảng Nam, ngày 10 tháng 3 năm 2023
            V/v triển khai công tác
            hộ tịch năm 2023
            """;

    private static final String BODY = """

            Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.

            Sở Tư pháp đề nghị Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo thực hiện công tác hộ tịch
            năm 2023 theo kế hoạch đã ban hành.

            """;

    private static final String FOOT = """
            Nơi nhận:                           KT. GIÁM ĐỐC
            - Như trên;                         PHÓ GIÁM ĐỐC
            - Lưu: VT, HCTP.

                                                Trần Văn Bình
            """;

    private static final String DOCUMENT = HEADER + BODY + FOOT;

    private static final String VGCA = """
            Ký bởi: Sở Tư pháp
            Email: stp@quangnam.gov.vn
            Cơ quan: Tỉnh Quảng Nam
            Thời gian ký: 15.03.2023 16:20:51 +07:00
            """;

    @Test
    void theMadeUpDocumentReadsRightWithoutFurniture() {
        assertFields(FieldReader.read(DOCUMENT));
    }

    @Test
    void aVgcaStampBetweenTheMottoAndTheDateIsNoField() {
        String text = """
                UBND TỈNH QUẢNG NAM
                SỞ TƯ PHÁP
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                """ + VGCA + """
                Số: 123/STP-HCTP
                Quảng Nam, ngày 10 tháng 3 năm 2023
                V/v triển khai công tác
                hộ tịch năm 2023
                """ + BODY + FOOT;

        assertFields(FieldReader.read(text));
    }

    @Test
    void aVgcaStampAtTheTopRightBesideTheHeaderIsNoField() {
        String text = """
                                                                       Ký bởi: Sở Tư pháp
                                                                       Email: stp@quangnam.gov.vn
                UBND TỈNH QUẢNG NAM                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM      Cơ quan: Tỉnh Quảng Nam
                SỞ TƯ PHÁP                          Độc lập - Tự do - Hạnh phúc      Thời gian ký: 15.03.2023 16:20:51 +07:00

                Số: 123/STP-HCTP                    Quảng Nam, ngày 10 tháng 3 năm 2023
                V/v triển khai công tác
                hộ tịch năm 2023
                """ + BODY + FOOT;

        assertFields(FieldReader.read(text));
    }

    @Test
    void aStampRunIntoAHeaderLineIsCutOffIt() {
        String text = """
                UBND TỈNH QUẢNG NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc
                Số: 123/STP-HCTP Ký bởi: Sở Tư pháp Email: stp@quangnam.gov.vn Cơ quan: Tỉnh Quảng Nam Thời gian ký: \
                15.03.2023 16:20:51 +07:00 Quảng Nam, ngày 10 tháng 3 năm 2023
                V/v triển khai công tác
                hộ tịch năm 2023
                """ + BODY + FOOT;

        assertFields(FieldReader.read(text));
    }

    @Test
    void aSignersStampBetweenThePositionAndTheNameIsNoSigner() {
        String text = HEADER + BODY + """
                Nơi nhận:                           KT. GIÁM ĐỐC
                - Như trên;                         PHÓ GIÁM ĐỐC
                - Lưu: VT, HCTP.                    Người ký: Trần Văn Bình
                                                    Email: tvbinh@quangnam.gov.vn
                                                    Cơ quan: Sở Tư pháp
                                                    Chức vụ: Phó Giám đốc
                                                    Thời gian ký: 15.03.2023 16:20:51 +07:00
                                                    Trần Văn Bình
                """;

        assertFields(FieldReader.read(text));
    }

    @Test
    void anAdobeStampAndAViewersVerdictAtThePagesFootAreNoFields() {
        String text = HEADER + BODY + """
                Nơi nhận:                           KT. GIÁM ĐỐC
                - Như trên;                         PHÓ GIÁM ĐỐC
                - Lưu: VT, HCTP.                    Signature Not Verified
                                                    Digitally signed by Trần Văn Bình
                                                    Date: 2023.03.15 16:20:51 +07'00'
                                                    Reason: Phê duyệt
                                                    Location: Quảng Nam
                                                    Trần Văn Bình
                """;

        assertFields(FieldReader.read(text));
    }

    @Test
    void aStampWhoseValueWrappedLeavesNothingBehind() {
        assertThat(PageFurniture.strip("""
                        PHÓ GIÁM ĐỐC
                        Ký bởi: Ủy ban Nhân dân tỉnh
                        Quảng Nam
                        Email: ubnd@quangnam.gov.vn
                        Cơ quan: Tỉnh Quảng Nam
                        Thời gian ký:
                        15.03.2023 16:20:51 +07:00
                        Trần Văn Bình""")).isEqualTo("PHÓ GIÁM ĐỐC\nTrần Văn Bình");
        // An ISO 8601 signing time (NĐ 30 Phụ lục I) and a "Signed by:" line.
        assertThat(PageFurniture.strip("Signed by: Văn phòng Chính phủ\nDate: 2023-03-15T16:20:51+07:00\nKính gửi:"))
                .isEqualTo("Kính gửi:");
    }

    @Test
    void theDocumentsOwnWordsNearAStampStay() {
        String text = """
                Thời gian ký: 15.03.2023 16:20:51 +07:00
                Cơ quan chủ trì: Sở Tư pháp
                Ngày 15/3/2023, từ 14:00 đến 16:00, họp tại Hội trường.
                Ông Nguyễn Văn A, Email của Văn phòng, Chức vụ đã nêu.""";

        assertThat(PageFurniture.strip(text)).isEqualTo(text.substring(text.indexOf('\n') + 1));
    }

    @Test
    void urgencySecrecyAndDraftMarksAreNoSubjectNorAddressee() {
        String text = """
                DỰ THẢO
                UBND TỈNH QUẢNG NAM                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ TƯ PHÁP                          Độc lập - Tự do - Hạnh phúc

                Số: 123/STP-HCTP      MẬT           Quảng Nam, ngày 10 tháng 3 năm 2023
                V/v triển khai công tác
                hộ tịch năm 2023
                ┌──────────────┐
                │ HỎA TỐC      │
                └──────────────┘

                Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.
                THƯỢNG KHẨN

                Sở Tư pháp đề nghị Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo thực hiện công tác hộ tịch
                năm 2023 theo kế hoạch đã ban hành.

                """ + FOOT;

        assertFields(FieldReader.read(text));
    }

    /** A trích yếu without "V/v" is looked for in a few lines above "Kính gửi": a boxed mark must not use them up. */
    @Test
    void aBoxedMarkUnderAPlainSubjectLeavesItASubject() {
        String text = HEADER.replace("V/v triển khai", "Triển khai") + """
                ┌──────────┐
                │  KHẨN    │
                └──────────┘
                """ + BODY + FOOT;

        assertThat(FieldReader.read(text).subject()).isEqualTo("Triển khai công tác hộ tịch năm 2023");
    }

    @Test
    void aCopysBlockAfterTheOriginalOverridesNothing() {
        String text = DOCUMENT + """

                ----------------------------------------------------------------------------------------------
                VĂN PHÒNG UBND TỈNH QUẢNG NAM              SAO Y BẢN CHÍNH
                Số: 12/SY-VP                               Quảng Nam, ngày 20 tháng 3 năm 2023

                Nơi nhận:                                  TL. CHỦ TỊCH
                - Sở Nội vụ;                               CHÁNH VĂN PHÒNG
                - Lưu: VT.

                                                           Lê Thị Hoa
                """;

        assertFields(FieldReader.read(text));
    }

    @Test
    void aCopysBlockWithoutItsMarkIsKnownByItsNumber() {
        String text = DOCUMENT + """

                VĂN PHÒNG UBND TỈNH
                Số: 05/SL-VP
                Quảng Nam, ngày 20 tháng 3 năm 2023
                Nơi nhận:
                - Sở Nội vụ;
                - Lưu: VT.
                TL. CHỦ TỊCH
                CHÁNH VĂN PHÒNG
                Lê Thị Hoa
                """;

        assertFields(FieldReader.read(text));
    }

    @Test
    void aDocumentWhoseNotationLooksLikeACopysIsNoCopy() {
        String page = "Trang chủ » Văn bản » Thủy sản » Công văn của Phòng Thủy sản huyện về kế hoạch sản xuất vụ mùa, "
                + "lượt xem 120, tải về 14, định dạng PDF, dung lượng 200 KB, ngày đăng 12/3/2023, người đăng Văn "
                + "thư, chuyên mục Văn bản chỉ đạo điều hành, lĩnh vực Nông nghiệp và phát triển nông thôn, tags: kế "
                + "hoạch, sản xuất, vụ mùa\n\n";
        String text = page + DOCUMENT.replace("123/STP-HCTP", "123/TS-HCTP");

        assertThat(FieldReader.read(text).notation()).isEqualTo("TS-HCTP");
        assertThat(FieldReader.read(text).signer())
                .isEqualTo(new Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Bình"));
    }

    /** A signer's name that a text layer sorted between two lines of the stamp drawn over it is the name still. */
    @Test
    void aNameBetweenTwoLinesOfAStampStays() {
        assertThat(PageFurniture.strip(
                        "PHÓ GIÁM ĐỐC\nKý bởi: Sở Tư pháp\nTrần Văn Bình\nThời gian ký: 15.03.2023 16:20:51 +07:00"))
                .isEqualTo("PHÓ GIÁM ĐỐC\nTrần Văn Bình");
    }

    @Test
    void aCopysMarkAboveTheOriginalIsTakenOutAlone() {
        assertFields(FieldReader.read("SAO Y BẢN CHÍNH\n" + DOCUMENT));
    }

    @Test
    void pageNumbersAndTheGazettesRunningHeaderAreNoFields() {
        String text = """
                CÔNG BÁO/Số 123 + 124/Ngày 15-03-2023                                      3
                """ + HEADER + """

                Kính gửi:
                - Ủy ban nhân dân các huyện, thị xã, thành phố;
                Trang 1/2
                - 2 -
                4     CÔNG BÁO/Số 123 + 124/Ngày 15-03-2023
                - Sở Nội vụ.

                Sở Tư pháp đề nghị Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo thực hiện công tác hộ tịch
                năm 2023 theo kế hoạch đã ban hành.

                Nơi nhận:                           KT. GIÁM ĐỐC
                - Như trên;                         PHÓ GIÁM ĐỐC
                3
                - Lưu: VT, HCTP.

                                                    Trần Văn Bình
                Page 3 of 3
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.addressees())
                .containsExactly("Ủy ban nhân dân các huyện, thị xã, thành phố", "Sở Nội vụ");
        assertThat(extraction.distribution()).containsExactly("Như trên", "Lưu: VT, HCTP");
        assertThat(extraction.issuer()).isEqualTo("SỞ TƯ PHÁP");
        assertThat(extraction.number()).isEqualTo(123);
        assertThat(extraction.signer()).isEqualTo(new Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Bình"));
    }

    /** A double-spaced list broken by a page keeps its spacing: the page's lines go with one blank line each. */
    @Test
    void aPageBreakInADoubleSpacedListLeavesItOneList() {
        String text = HEADER + """

                Kính gửi:

                - Ủy ban nhân dân các huyện, thị xã, thành phố;

                Trang 1/2

                2

                - Sở Nội vụ.

                Sở Tư pháp đề nghị Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo thực hiện công tác hộ tịch.

                """ + FOOT;

        assertThat(FieldReader.read(text).addressees())
                .containsExactly("Ủy ban nhân dân các huyện, thị xã, thành phố", "Sở Nội vụ");
    }

    @Test
    void aNumberAloneStaysWhereANumberOrADateIsBeingWritten() {
        assertThat(PageFurniture.strip("Số:\n\n2917\n\n/SGDĐT-VP")).isEqualTo("Số:\n\n2917\n\n/SGDĐT-VP");
        assertThat(PageFurniture.strip("QUẬN ỦY QUẬN\n1\nBAN TUYÊN GIÁO")).isEqualTo("QUẬN ỦY QUẬN\n1\nBAN TUYÊN GIÁO");
        assertThat(PageFurniture.strip("Hà Nội, ngày\n21\ntháng 02 năm 2023"))
                .isEqualTo("Hà Nội, ngày\n21\ntháng 02 năm 2023");
        assertThat(PageFurniture.strip("công tác\n2\nnăm 2023")).isEqualTo("công tác\n2\nnăm 2023");
    }

    /** A platform's stamp that prints no key: the signer's body, its e-mail, its province and the signing time. */
    @Test
    void aStampWithoutAnyKeyBesideTheHeaderIsNoField() {
        String text = """
                UBND TỈNH QUẢNG NAM                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM      Sở Tư pháp tỉnh Quảng Nam
                SỞ TƯ PHÁP                          Độc lập - Tự do - Hạnh phúc      stp@quangnam.gov.vn
                                                                                     Tỉnh Quảng Nam
                Số: 123/STP-HCTP                    Quảng Nam, ngày 10 tháng 3 năm 2023      2023-03-15T16:20:51+07:00
                V/v triển khai công tác
                hộ tịch năm 2023
                """ + BODY + FOOT;

        assertFields(FieldReader.read(text));
    }

    @Test
    void aStampWithoutAnyKeyBeforeTheDateIsNoPlaceNorIssuer() {
        String text = """
                UBND TỈNH QUẢNG NAM
                SỞ TƯ PHÁP
                Số: 123/STP-HCTP
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi
                CN=Văn phòng UBND, O=UBND tỉnh Quảng Ngãi, L=Quảng Ngãi, C=VN
                12.07.2023 09:15:31 +07:00
                Quảng Nam, ngày 10 tháng 3 năm 2023
                V/v triển khai công tác
                hộ tịch năm 2023
                """ + BODY + FOOT;

        assertFields(FieldReader.read(text));
    }

    /** The stamp's copy of the signer's name goes; the name printed under the signature stays. */
    @Test
    void aSignersStampWithoutAnyKeyLeavesTheName() {
        String text = HEADER + BODY + """
                Nơi nhận:                           KT. GIÁM ĐỐC
                - Như trên;                         PHÓ GIÁM ĐỐC
                - Lưu: VT, HCTP.                    Trần Văn Bình
                                                    tvbinh@quangnam.gov.vn
                                                    Sở Tư pháp tỉnh Quảng Nam
                                                    15.03.2023 16:20:51 +07:00
                                                    Trần Văn Bình
                """;

        assertFields(FieldReader.read(text));
        // The e-mail is the stamp's first line: the name above it is the signer's own, printed once.
        assertThat(PageFurniture.strip("PHÓ GIÁM ĐỐC\nTrần Văn Bình\nstp@quangnam.gov.vn\nSở Tư pháp tỉnh Quảng Nam\n"
                        + "15.03.2023 16:20:51 +07:00"))
                .isEqualTo("PHÓ GIÁM ĐỐC\nTrần Văn Bình");
    }

    /** Some offices print the copy's own block on the first page, above the original's header. */
    @Test
    void aCopysBlockAboveTheOriginalGivesItNoField() {
        String text = """
                VĂN PHÒNG UBND TỈNH QUẢNG NGÃI              SAO Y BẢN CHÍNH
                Số: 12/SY-VP                               Quảng Ngãi, ngày 20 tháng 4 năm 2023

                Nơi nhận:                                  TL. CHỦ TỊCH
                - Sở Nội vụ;                               CHÁNH VĂN PHÒNG
                - Lưu: VT.

                                                           Lê Thị Hoa
                ----------------------------------------------------------------------------------------------
                """ + DOCUMENT;

        assertFields(FieldReader.read(text));
    }

    @Test
    void aCopysBlockAboveTheOriginalIsKnownByItsNumberAlone() {
        String text = """
                UBND TỈNH QUẢNG NGÃI
                VĂN PHÒNG
                Số: 05/SL-VP
                Quảng Ngãi, ngày 20 tháng 4 năm 2023
                Nơi nhận:
                - Sở Nội vụ;
                - Lưu: VT.
                TL. CHỦ TỊCH
                CHÁNH VĂN PHÒNG
                Lê Thị Hoa
                """ + DOCUMENT;

        assertFields(FieldReader.read(text));
    }

    /**
     * A PDF printed from a browser or from Word: the page's print header and footer, a running header on each page, a
     * footnote at a page's foot and one after the signer.
     */
    @Test
    void runningHeadersFootersAndFootnotesAreNoFields() {
        String text = """
                15/03/2023, 16:20      Công văn 123/STP-HCTP về công tác hộ tịch
                Sở Tư pháp tỉnh Quảng Nam - Hướng dẫn công tác hộ tịch năm 2023
                UBND TỈNH QUẢNG NAM                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ TƯ PHÁP                          Độc lập - Tự do - Hạnh phúc

                Số: 123/STP-HCTP                    Quảng Nam, ngày 10 tháng 3 năm 2023
                V/v triển khai công tác
                hộ tịch năm 2023

                Kính gửi:
                - Ủy ban nhân dân các huyện, thị xã, thành phố;
                - Sở Nội vụ.

                Sở Tư pháp đề nghị các đơn vị thực hiện công tác hộ tịch theo Nghị định số 30/2020/NĐ-CP¹ và kế hoạch
                đã ban hành; rà soát sổ hộ tịch, cập nhật dữ liệu vào cơ sở dữ liệu hộ tịch điện tử, bảo đảm đầy đủ,
                chính xác, kịp thời; tổ chức tập huấn cho công chức tư pháp - hộ tịch cấp xã về nghiệp vụ đăng ký và
                quản lý hộ tịch, chứng thực; kiểm tra, hướng dẫn việc lưu trữ sổ hộ tịch theo quy định của pháp luật.
                1 Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư.
                https://stp.quangnam.gov.vn/van-ban/123-stp-hctp                                1/2
                15/03/2023, 16:20      Công văn 123/STP-HCTP về công tác hộ tịch
                Sở Tư pháp tỉnh Quảng Nam - Hướng dẫn công tác hộ tịch năm 2023
                Kết quả thực hiện gửi về Sở Tư pháp trước ngày 30 tháng 6 năm 2023 để tổng hợp, báo cáo Ủy ban nhân dân
                tỉnh²; trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về Sở Tư pháp (qua Phòng
                Hành chính tư pháp) để được hướng dẫn, giải quyết kịp thời theo thẩm quyền và quy định hiện hành.

                Nơi nhận:                           KT. GIÁM ĐỐC
                - Như trên;                         PHÓ GIÁM ĐỐC
                - Lưu: VT, HCTP.

                                                    Trần Văn Bình
                2 Theo Kế hoạch số 45/KH-UBND ngày 02 tháng 3 năm 2023 của Ủy ban nhân dân tỉnh.
                In lúc 16:20 ngày 15/03/2023 - CV_123_STP.docx
                https://stp.quangnam.gov.vn/van-ban/123-stp-hctp                                2/2
                """;
        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.addressees())
                .containsExactly("Ủy ban nhân dân các huyện, thị xã, thành phố", "Sở Nội vụ");
        assertThat(extraction.signer()).isEqualTo(new Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Bình"));
        assertThat(extraction.distribution()).containsExactly("Như trên", "Lưu: VT, HCTP");
        assertThat(extraction.issuer()).isEqualTo("SỞ TƯ PHÁP");
        assertThat(extraction.issuerParent()).isEqualTo("UBND TỈNH QUẢNG NAM");
        assertThat(extraction.number()).isEqualTo(123);
        assertThat(extraction.subject()).isEqualTo("V/v triển khai công tác hộ tịch năm 2023");
        String stripped = PageFurniture.strip(text);
        assertThat(stripped).doesNotContain("https://", "16:20", "Nghị định số 30/2020/NĐ-CP ngày", "Kế hoạch số 45");
        // The running title is the first page's too: a printer's line stands beside it there.
        assertThat(stripped).doesNotContain("Hướng dẫn công tác hộ tịch năm 2023");
    }

    /** A line repeated at each page break goes; the document's own lines that repeat nearby stay. */
    @Test
    void aLineRepeatedAtEachPageGoesButTheFirstStays() {
        String page = "Nội dung của trang văn bản, đủ dài để làm nên một trang in. ".repeat(30);
        String title = "Hướng dẫn công tác hộ tịch năm 2023";
        String text = title + "\n" + page + "\n" + title + "\n" + page + "\n" + title + "\n" + page;

        assertThat(PageFurniture.strip(text)).isEqualTo(title + "\n" + page + "\n" + page + "\n" + page);
        String near = "- Tổ chức thực hiện kế hoạch;\nnội dung\n- Tổ chức thực hiện kế hoạch;";
        assertThat(PageFurniture.strip(near)).isEqualTo(near);
        String articles = "Điều 1. Phạm vi\n" + page + "\nĐiều 2. Phạm vi\n" + page;
        assertThat(PageFurniture.strip(articles)).isEqualTo(articles);
    }

    /** The marks are taken out of the text and answered as fields: the first of each kind, "HOẢ" written "HỎA". */
    @Test
    void urgencyAndSecrecyMarksAreReadAsFields() {
        String text = HEADER + """
                ┌──────────────┐
                │ HOẢ TỐC      │
                └──────────────┘
                Số: 9      TỐI MẬT      KHẨN
                """ + BODY + FOOT;

        Extraction extraction = Extractor.readMarked(text);

        assertThat(extraction.urgency()).isEqualTo("HỎA TỐC");
        assertThat(extraction.secrecy()).isEqualTo("TỐI MẬT");
        assertThat(extraction.confidence()).containsKeys("urgency", "secrecy");
        Extraction plain = Extractor.readMarked(DOCUMENT);
        assertThat(plain.urgency()).isNull();
        assertThat(plain.secrecy()).isNull();
        assertThat(plain.confidence()).doesNotContainKeys("urgency", "secrecy");
        // A mark's words within a sentence or a subject are no mark.
        assertThat(PageFurniture.marks("V/v triển khai khẩn công tác phòng cháy\nTài liệu MẬT của cơ quan"))
                .isEqualTo(new PageFurniture.Marks(null, null));
        assertThat(PageFurniture.marks("THƯỢNG KHẨN\nMẬT").urgency()).isEqualTo("THƯỢNG KHẨN");
    }

    private static void assertFields(Extraction extraction) {
        assertThat(extraction.family()).isEqualTo(Family.STATE);
        assertThat(extraction.number()).isEqualTo(123);
        assertThat(extraction.notation()).isEqualTo("STP-HCTP");
        assertThat(extraction.issuedOn()).isEqualTo(LocalDate.of(2023, 3, 10));
        assertThat(extraction.place()).isEqualTo("Quảng Nam");
        assertThat(extraction.issuer()).isEqualTo("SỞ TƯ PHÁP");
        assertThat(extraction.issuerParent()).isEqualTo("UBND TỈNH QUẢNG NAM");
        assertThat(extraction.subject()).isEqualTo("V/v triển khai công tác hộ tịch năm 2023");
        assertThat(extraction.addressees()).containsExactly("Ủy ban nhân dân các huyện, thị xã, thành phố");
        assertThat(extraction.distribution()).containsExactly("Như trên", "Lưu: VT, HCTP");
        assertThat(extraction.signer()).isEqualTo(new Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Bình"));
    }
}
