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
