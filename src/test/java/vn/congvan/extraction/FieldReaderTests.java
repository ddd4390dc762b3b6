package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvan.extraction.Finding.Code;

class FieldReaderTests {

    /** The header band of a Party công văn, its two columns flattened into one line each, with OCR's "Sô". */
    private static final String PARTY_FLATTENED = """
            QUẬN ỦY QUẬN 1 ĐẢNG CỘNG SẢN VIỆT NAM
            BAN TUYÊN GIÁO
            *
            Sô 66-CV/BTGQU Quận 1, ngày  3  tháng 8 năm 2023
            V/v báo cáo kết quả
            tuyên truyền

            Kính gửi: Đảng ủy phường Bến Nghé

            Đề nghị Đảng ủy phường báo cáo trước ngày 31/8/2023.

            Nơi nhận: TM. BAN TUYÊN GIÁO
            - Như trên; TRƯỞNG BAN
            - Lưu VP.
            Nguyễn Văn An
            """;

    @Test
    void readsAFlattenedPartyHeaderWithOcrNoise() {
        Extraction extraction = FieldReader.read(PARTY_FLATTENED);

        assertThat(extraction.family()).isEqualTo(Family.PARTY);
        assertThat(extraction.number()).isEqualTo(66);
        assertThat(extraction.notation()).isEqualTo("CV/BTGQU");
        assertThat(extraction.issuer()).isEqualTo("BAN TUYÊN GIÁO");
        assertThat(extraction.issuerParent()).isEqualTo("QUẬN ỦY QUẬN 1");
        assertThat(extraction.issuedOn()).isEqualTo(LocalDate.of(2023, 8, 3));
        assertThat(extraction.place()).isEqualTo("Quận 1");
        assertThat(extraction.typeName()).isEqualTo("Công văn");
        assertThat(extraction.subject()).isEqualTo("V/v báo cáo kết quả tuyên truyền");
        assertThat(extraction.addressees()).containsExactly("Đảng ủy phường Bến Nghé");
        assertThat(extraction.distribution()).containsExactly("Như trên", "Lưu VP");
        // "TM." is the state form; a Party document writes "T/M".
        assertThat(extraction.signer()).isEqualTo(new Signer("T/M BAN TUYÊN GIÁO", "TRƯỞNG BAN", "Nguyễn Văn An"));
        // Day 3 without its leading zero is out of form; the number form is the Party's.
        assertThat(extraction.layoutFindings()).extracting(Finding::code).containsExactly(Code.DATE_FORM);
        assertThat(extraction.confidence()).containsKeys("number", "issuedOn", "signer.fullName");
    }

    /**
     * A header whose cells are narrower than their lines, as a PDF printed from the Word template gives it: the Youth
     * Union's name, the type's "số:", the notation and the place-and-date line each wrapped onto the next line.
     */
    @Test
    void readsHeaderLinesThatANarrowCellWrapped() {
        Extraction youth = FieldReader.read("""
                BAN CHẤP HÀNH TRUNG
                ƯƠNG ĐOÀN TNCS HỒ CHÍ
                MINH
                Số: 12 - HD/TWĐTN-BTC Hà Nội,
                ngày 3 tháng 5 năm 2023

                HƯỚNG DẪN
                Công tác thi đua năm 2023
                """);
        Extraction resolution = FieldReader.read("""
                ỦY BAN THƯỜNG VỤ
                QUỐC HỘI
                Nghị quyết số:
                653/2019/UBTVQH14
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Hà Nội, ngày 12 tháng 3 năm 2019
                """);
        Extraction letter = FieldReader.read("""
                UBND TỈNH NINH THUẬN
                SỞ GIÁO DỤC VÀ ĐÀO TẠO
                Số: 2917
                /SGDĐT-VP
                V/v báo cáo nhanh tình hình thiệt hại
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Phan Rang-Tháp Chàm, ngày 05 tháng 11 năm 2010
                """);

        assertThat(youth.family()).isEqualTo(Family.MASS_ORG);
        assertThat(youth.issuer()).isEqualTo("BAN CHẤP HÀNH TRUNG ƯƠNG");
        assertThat(youth.place()).isEqualTo("Hà Nội");
        assertThat(youth.issuedOn()).isEqualTo(LocalDate.of(2023, 5, 3));
        assertThat(resolution.issuer()).isEqualTo("ỦY BAN THƯỜNG VỤ QUỐC HỘI");
        assertThat(resolution.number()).isEqualTo(653);
        assertThat(resolution.notation()).isEqualTo("UBTVQH14");
        assertThat(letter.number()).isEqualTo(2917);
        assertThat(letter.notation()).isEqualTo("SGDĐT-VP");
        assertThat(letter.subject()).isEqualTo("V/v báo cáo nhanh tình hình thiệt hại");
    }

    /**
     * Lines a PDF wraps at the width of the page or of a cell, and the order in which it reads a header band, left
     * column first: a single addressee going on in small letters, a subject in capitals broken before "THỦ TƯỚNG", the
     * notation's last part under the number after the motto and the date of the right column.
     */
    @Test
    void readsFieldsThatAPrintedPageWrappedOrItsBandReadColumnAfterColumn() {
        Extraction extraction = FieldReader.read("""
                UBND HUYỆN NGA SƠN
                BAN CHỈ ĐẠO PCGD, XMC
                Số: 255 / BC-BCĐPCGD-
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập – Tự do – Hạnh phúc
                Nga Sơn, ngày 13 tháng 11 năm 2020
                XMC

                THÔNG TƯ
                HƯỚNG DẪN THI HÀNH CHỈ THỊ SỐ 126/TTG NGÀY 01-4-1961 CỦA PHỦ
                THỦ TƯỚNG VỀ VIỆC CẢI TIẾN CHẾ ĐỘ GỬI TRẺ CỦA NỮ CÔNG NHÂN,
                NỮ VIÊN CHỨC

                Kính gửi:
                Ban Chỉ đạo Đại hội đại biểu các dân tộc thiểu số các tỉnh, thành phố
                trực thuộc Trung ương
                Căn cứ nội dung hướng dẫn tổ chức Đại hội đại biểu các dân tộc thiểu số cấp tỉnh.
                """);

        assertThat(extraction.notation()).isEqualTo("BC-BCĐPCGD-XMC");
        assertThat(extraction.subject())
                .isEqualTo("HƯỚNG DẪN THI HÀNH CHỈ THỊ SỐ 126/TTG NGÀY 01-4-1961 CỦA PHỦ THỦ TƯỚNG VỀ VIỆC CẢI TIẾN"
                        + " CHẾ ĐỘ GỬI TRẺ CỦA NỮ CÔNG NHÂN, NỮ VIÊN CHỨC");
        assertThat(extraction.addressees())
                .containsExactly(
                        "Ban Chỉ đạo Đại hội đại biểu các dân tộc thiểu số các tỉnh, thành phố trực thuộc Trung ương");
    }

    @Test
    void writesTheStateFormOfACompetenceWrittenTheFamilyWay() {
        assertThat(FieldReader.normaliseCompetence("T/M", Family.STATE)).isEqualTo("TM.");
        assertThat(FieldReader.normaliseCompetence("KT.", Family.PARTY)).isEqualTo("K/T");
        assertThat(FieldReader.normaliseCompetence("TUQ.", Family.MASS_ORG)).isEqualTo("TUQ.");
    }

    @Test
    void readsAStateDecisionAndDropsTheYearFromItsNotation() {
        Extraction extraction = FieldReader.read("""
                ỦY BAN NHÂN DÂN
                TỈNH QUẢNG NAM
                -------
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Số:
                14/2007/QĐ-UBND
                Tam
                Kỳ, ngày 19 tháng 6 năm 2007
                QUYẾT ĐỊNH
                Ban hành Quy định chức năng, nhiệm vụ
                của Sở Nông nghiệp
                ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM
                Căn cứ Luật Tổ chức HĐND và UBND;
                """);

        assertThat(extraction.family()).isEqualTo(Family.STATE);
        assertThat(extraction.number()).isEqualTo(14);
        assertThat(extraction.notation()).isEqualTo("QĐ-UBND");
        assertThat(extraction.place()).isEqualTo("Tam Kỳ");
        assertThat(extraction.issuer()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM");
        assertThat(extraction.issuerParent()).isNull();
        assertThat(extraction.typeName()).isEqualTo("Quyết định");
        assertThat(extraction.subject()).isEqualTo("Ban hành Quy định chức năng, nhiệm vụ của Sở Nông nghiệp");
        assertThat(extraction.layoutFindings())
                .extracting(Finding::code)
                .contains(Code.MISSING_DISTRIBUTION, Code.MISSING_SIGNER)
                .doesNotContain(Code.MISSING_NUMBER, Code.DATE_FORM);
    }

    @Test
    void tellsAMassOrganisationByItsMottoOrItsIssuer() {
        Extraction youth = FieldReader.read("""
                BAN CHẤP HÀNH TRUNG ƯƠNG        ĐOÀN TNCS HỒ CHÍ MINH
                ***
                Số: 225 - KH/TWĐTN-CTTN        Hà Nội, ngày 16 tháng 5 năm 2024
                KẾ HOẠCH
                Tổ chức các hoạt động hè
                """);
        Extraction labour = FieldReader.read("""
                LIÊN ĐOÀN LAO ĐỘNG HUYỆN YÊN ĐỊNH
                Số: 34 /KH-LĐLĐ
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Yên Định, ngày 08 tháng 12 năm 2021
                """);

        assertThat(youth.family()).isEqualTo(Family.MASS_ORG);
        assertThat(youth.notation()).isEqualTo("KH/TWĐTN-CTTN");
        assertThat(youth.typeName()).isEqualTo("Kế hoạch");
        assertThat(labour.family()).isEqualTo(Family.MASS_ORG);
        assertThat(labour.notation()).isEqualTo("KH-LĐLĐ");
    }

    @Test
    void listsWhatDepartsFromTheLayout() {
        Extraction extraction = FieldReader.read("""
                ỦY BAN NHÂN DÂN TỈNH SƠN LA
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: /UBND-VX
                ngày 5 tháng 1 năm 2024
                V/v triển khai
                Nội dung.
                """);

        assertThat(extraction.number()).isNull();
        assertThat(extraction.layoutFindings())
                .extracting(Finding::code)
                .contains(
                        Code.MISSING_NUMBER,
                        Code.DATE_FORM,
                        Code.MISSING_ADDRESSEES,
                        Code.MISSING_DISTRIBUTION,
                        Code.MISSING_SIGNER);
    }

    @Test
    void flagsANotationThatDoesNotNameTheIssuer() {
        assertThat(FieldReader.notationMatches("CV/BTGQU", java.util.List.of("QUẬN ỦY QUẬN 1", "BAN TUYÊN GIÁO")))
                .isTrue();
        assertThat(FieldReader.notationMatches("QĐ-UBND", java.util.List.of("ỦY BAN NHÂN DÂN TỈNH SƠN LA")))
                .isTrue();
        assertThat(FieldReader.notationMatches("CV/HNDTW", java.util.List.of("ỦY BAN NHÂN DÂN TỈNH SƠN LA")))
                .isFalse();
    }

    @Test
    void restoresAHyphenAPdfLost() {
        assertThat(FieldReader.notation("QĐUBND", true)).isEqualTo("QĐ-UBND");
        assertThat(FieldReader.notation("GDĐT – VP", true)).isEqualTo("GDĐT-VP");
        assertThat(FieldReader.notation("KL/TƯ", false)).isEqualTo("KL/TU");
    }

    @Test
    void keepsTheRunTogetherInitialsOfAnOldNotationAfterADash() {
        // "Số: 13-TBXH" (1978): the initials of Bộ Thương binh và Xã hội, not a Thông báo "TB-XH".
        assertThat(FieldReader.notation("TBXH", false)).isEqualTo("TBXH");
        assertThat(FieldReader.read("BỘ THƯƠNG BINH VÀ XÃ HỘI\n\nSố: 13-TBXH\n\nHà Nội, ngày 15 tháng 08 năm 1978\n")
                        .notation())
                .isEqualTo("TBXH");
    }

    @Test
    void readsACongVanWhoseNotationIsTheIssuerAlone() {
        Extraction extraction = FieldReader.read("""
                LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ
                Số: 730/LĐLĐ
                TP. Hồ Chí Minh, ngày 03 tháng 11 năm 2020
                Kính gửi: |
                - Ban Thường vụ Liên đoàn Lao động 24 Quận,
                Huyện; |
                Liên đoàn Lao động Thành phố đề nghị triển khai và thực hiện./
                |
                TM. BAN THƯỜNG
                VỤ |
                """);

        assertThat(extraction.typeName()).isEqualTo("Công văn");
        assertThat(extraction.addressees()).containsExactly("Ban Thường vụ Liên đoàn Lao động 24 Quận, Huyện");
        assertThat(extraction.signer().competence()).isEqualTo("TM. BAN THƯỜNG VỤ");
    }

    @Test
    void readsTheParentAboveADateReadBetweenTheHeaderLines() {
        Extraction extraction = FieldReader.read("""
                BAN CHẤP HÀNH TRUNG ƯƠNG                    ĐẢNG CỘNG SẢN VIỆT NAM
                          *
                                                            Hà Nội, ngày 04 tháng 03 năm 2013
                     VĂN PHÒNG
                  Số: 21-HD/VPTW
                """);

        assertThat(extraction.issuer()).isEqualTo("VĂN PHÒNG");
        assertThat(extraction.issuerParent()).isEqualTo("BAN CHẤP HÀNH TRUNG ƯƠNG");
        assertThat(extraction.issuedOn()).hasToString("2013-03-04");
    }

    @Test
    void halvesSpacingAConverterDoubledThroughout() {
        String doubled =
                "ỦY  BAN  NHÂN  DÂN  TỈNH  CÀ  MAU\n\nSố:  36/KH-UBND\n\nCà  Mau,  ngày  21  tháng  02  năm  2022\n\n"
                        + "KẾ  HOẠCH\n\nTHỰC  HIỆN  CHƯƠNG  TRÌNH\n\nSỨC  KHỎE  HỌC  ĐƯỜNG\n\n"
                        + "Thực  hiện  Quyết  định  số  1660/QĐ-TTg  ngày  02/10/2021.\n\n".repeat(6);

        Extraction extraction = FieldReader.read(doubled);

        assertThat(extraction.issuer()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH CÀ MAU");
        assertThat(extraction.place()).isEqualTo("Cà Mau");
        assertThat(extraction.subject()).isEqualTo("THỰC HIỆN CHƯƠNG TRÌNH SỨC KHỎE HỌC ĐƯỜNG");
        // A text with ordinary spacing keeps its gaps: two columns stay two columns.
        assertThat(FieldReader.halveDoubledSpacing("A B\n\nC    D\n")).isEqualTo("A B\n\nC    D\n");
    }

    @Test
    void completesANotationCutByTheDateBesideIt() {
        Extraction extraction = FieldReader.read("""
                UBND HUYỆN NGA SƠN
                BAN CHỈ ĐẠO PCGD, XMC
                Số: 255 / BC-BCĐPCGD-
                Nga Sơn, ngày 13 tháng 11 năm 2020
                XMC
                BÁO CÁO
                TÌNH HÌNH THỰC HIỆN
                """);

        assertThat(extraction.notation()).isEqualTo("BC-BCĐPCGD-XMC");
        assertThat(extraction.issuedOn()).hasToString("2020-11-13");
    }

    @Test
    void joinsASingleAddresseeWrappedAfterAComma() {
        Extraction extraction = FieldReader.read("""
                PHÒNG GIÁO DỤC-ĐÀO TẠO
                Số : 151/TB-PGDĐT        Đồng Xoài, ngày 20 tháng 3 năm 2012.
                THÔNG BÁO
                Về việc treo cờ Tổ quốc
                   Kính gửi:  Hiệu trưởng các trường Mầm non, Tiểu học,
                         THCS trên địa bàn thị xã Đồng Xoài.

                Thực hiện thông báo số 654/TB-SGDĐT.
                """);

        assertThat(extraction.addressees())
                .containsExactly("Hiệu trưởng các trường Mầm non, Tiểu học, THCS trên địa bàn thị xã Đồng Xoài");
    }

    @Test
    void startsANewBodyAtASubCommittee() {
        Extraction extraction = FieldReader.read("""
                BAN TỔ CHỨC
                ĐẠI HỘI ĐẠI BIỂU
                CÁC DÂN TỘC THIỂU SỐ VIỆT NAM
                TIỂU BAN THI ĐUA – KHEN THƯỞNG
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: 13/BTC-TĐKT
                Hà Nội, ngày 08 tháng 09 năm 2009
                """);

        assertThat(extraction.issuer()).isEqualTo("TIỂU BAN THI ĐUA – KHEN THƯỞNG");
        assertThat(extraction.issuerParent()).isEqualTo("BAN TỔ CHỨC ĐẠI HỘI ĐẠI BIỂU CÁC DÂN TỘC THIỂU SỐ VIỆT NAM");
    }

    @Test
    void readsTheNumberOfALegalActThatNamesItsTypeBeforeSo() {
        Extraction extraction = FieldReader.read("""
                ỦY BAN THƯỜNG VỤ
                QUỐC HỘI
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Nghị quyết số: 653/2019/UBTVQH14
                Hà Nội, ngày 12 tháng 3 năm 2019

                NGHỊ QUYẾT
                VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH
                """);

        assertThat(extraction.number()).isEqualTo(653);
        assertThat(extraction.notation()).isEqualTo("UBTVQH14");
        assertThat(extraction.issuer()).isEqualTo("ỦY BAN THƯỜNG VỤ QUỐC HỘI");
    }

    @Test
    void splitsATitleAndItsSubjectWrittenOnOneLine() {
        Extraction extraction = FieldReader.read("""
                BAN CHẤP HÀNH TRUNG ƯƠNG
                VĂN PHÒNG
                ĐẢNG CỘNG SẢN VIỆT NAM
                Số: 11-HD/VPTW
                Hà Nội, ngày 28 tháng 05 năm 2004
                HƯỚNG DẪN VỀ THỂ THỨC VĂN BẢN CỦA ĐẢNG

                Thi hành Điều 2 Quyết định của Bộ Chính trị số 31-QĐ/TW, Văn phòng Trung ương Đảng hướng dẫn.
                """);

        assertThat(extraction.typeName()).isEqualTo("Hướng dẫn");
        assertThat(extraction.subject()).isEqualTo("VỀ THỂ THỨC VĂN BẢN CỦA ĐẢNG");
    }

    @Test
    void keepsASubjectTogetherAcrossABlankLineButNotIntoTheBody() {
        Extraction extraction = FieldReader.read("""
                TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM
                CÔNG ĐOÀN GIÁO DỤC VIỆT NAM
                Số: 175/CĐN-TGNC
                V/v tuyên truyền kỷ niệm 130 năm

                Ngày sinh Chủ tịch Tôn Đức Thắng

                CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Hà Nội, ngày 6 tháng 8 năm 2018

                Kính gửi: Công đoàn các đại học
                """);

        assertThat(extraction.subject()).isEqualTo("V/v tuyên truyền kỷ niệm 130 năm Ngày sinh Chủ tịch Tôn Đức Thắng");
        assertThat(extraction.family()).isEqualTo(Family.MASS_ORG);

        Extraction party = FieldReader.read("""
                TỈNH ỦY THỪA THIÊN HUẾ
                ĐẢNG CỘNG SẢN VIỆT NAM
                Số 445-KL/TU
                Thừa Thiên Huế, ngày 13 tháng 5 năm 2022
                KẾT LUẬN
                HỘI NGHỊ LẦN THỨ BẢY
                BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHOÁ XVI)
                về xây dựng hệ thống kết cấu hạ tầng,
                định hướng đến năm 2030
                Hội nghị lần thứ bảy Ban Chấp hành Đảng bộ tỉnh họp
                ngày 26/4/2022 đã thảo luận
                """);

        assertThat(party.subject())
                .isEqualTo("HỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHOÁ XVI) về xây dựng hệ thống kết cấu"
                        + " hạ tầng, định hướng đến năm 2030");
    }

    @Test
    void readsTheSignerOfASignedCopyRunIntoOneLine() {
        Extraction extraction = FieldReader.read("""
                BAN CHẤP HÀNH TRUNG ƯƠNG
                ĐOÀN TNCS HỒ CHÍ MINH
                Số: 367-QĐ/TWĐTN-VP Hà Nội, ngày 29 tháng 10 năm 2013
                QUYẾT ĐỊNH
                Về việc ban hành Quy định về ban hành văn bản của Đoàn
                Nơi nhận: - Như điều 4; - Lưu VT-LT. TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀNBÍ THƯ THƯỜNG TRỰC (đã ký) Phan Văn Mãi BAN CHẤP HÀNH TRUNG ƯƠNG
                """);

        assertThat(extraction.signer())
                .isEqualTo(new Signer("TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN", "BÍ THƯ THƯỜNG TRỰC", "Phan Văn Mãi"));
    }

    @Test
    void takesNoSignerFromTheAuthorityOfAPreamble() {
        Extraction extraction = FieldReader.read("""
                BỘ THÔNG TIN VÀ TRUYỀN THÔNG
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: 15/2011/TT-BTTTT
                Hà Nội, ngày 28 tháng 6 năm 2011
                THÔNG TƯ
                QUY ĐỊNH VỀ QUẢN LÝ CHẤT LƯỢNG DỊCH VỤ BƯU CHÍNH
                BỘ TRƯỞNG BỘ THÔNG TIN VÀ TRUYỀN THÔNG
                Căn cứ Luật Bưu chính ngày 17 tháng 6 năm 2010;
                """);

        assertThat(extraction.signer()).isNull();
    }

    @Test
    void aNationalMottoThatOcrCutIntoPiecesIsNotTakenForTheIssuer() {
        String ocr = """
                ỦY BAN NHÂN DÂN

                TỈNH SƠN LA
                HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc

                CỘNG

                Số: 68/KH-UBND
                Sơn La, ngày 11 tháng 3 năm 2020
                """;

        Extraction extraction = FieldReader.read(FieldReader.withoutOcrSpecks(ocr));

        assertThat(extraction.issuer()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH SƠN LA");
        assertThat(extraction.family()).isEqualTo(Family.STATE);
    }

    @Test
    void readsTheMottoUsedBefore1976AndTheTypeAtTheEndOfAnOldNotation() {
        Extraction extraction = FieldReader.read("""
                BỘ LAO ĐỘNG | VIỆT NAM DÂN CHỦ CỘNG HÒA |
                Số: 6-LĐ/TT | Hà Nội, ngày 28 tháng 2 năm 1975 |
                Thi hành Nghị định số 97-CP ngày 2 tháng 5 năm 1974.
                """);

        assertThat(extraction.family()).isEqualTo(Family.STATE);
        assertThat(extraction.issuer()).isEqualTo("BỘ LAO ĐỘNG");
        assertThat(extraction.typeName()).isEqualTo("Thông tư");
    }

    @Test
    void aJointHeaderTakesTheFamilyOfItsFirstBodyAndKeepsTheBodiesTogether() {
        Extraction extraction = FieldReader.read("""
                ỦY BAN NHÂN DÂN
                ỦY BAN MTTQ VIỆT NAM
                TỈNH ĐẮK LẮK
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Số: 01/QCPH/UBND-UBMTTQ
                Đắk Lắk, ngày 27 tháng 10 năm 2017
                QUY CHẾ
                PHỐI HỢP CÔNG TÁC
                """);

        assertThat(extraction.family()).isEqualTo(Family.STATE);
        assertThat(extraction.issuer()).isEqualTo("ỦY BAN NHÂN DÂN ỦY BAN MTTQ VIỆT NAM TỈNH ĐẮK LẮK");
        assertThat(extraction.issuerParent()).isNull();
    }

    @Test
    void aNumberAndDateLeftBlankKeepTheNotationAndThePlace() {
        Extraction extraction = FieldReader.read("""
                BAN CHẤP HÀNH TRUNG ƯƠNG
                ĐOÀN TNCS HỒ CHÍ MINH
                ***
                Số: - HD/TWĐTN-BTC Hà Nội, ngày tháng năm 2023
                HƯỚNG DẪN
                Quy trình kiện toàn nhân sự
                """);

        assertThat(extraction.number()).isNull();
        assertThat(extraction.notation()).isEqualTo("HD/TWĐTN-BTC");
        assertThat(extraction.issuedOn()).isNull();
        assertThat(extraction.place()).isEqualTo("Hà Nội");
        assertThat(extraction.family()).isEqualTo(Family.MASS_ORG);
    }

    @Test
    void aHeaderFlattenedIntoOneLineIsCutAtTheStarTheNumberAndTheMotto() {
        Extraction extraction = FieldReader.read(
                "BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG * Số 36-HD/VPTW ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, ngày 03 tháng 4"
                        + " năm 2018 HƯỚNG DẪN thể thức");

        assertThat(extraction.issuer()).isEqualTo("VĂN PHÒNG");
        assertThat(extraction.issuerParent()).isEqualTo("BAN CHẤP HÀNH TRUNG ƯƠNG");
        assertThat(extraction.family()).isEqualTo(Family.PARTY);
        assertThat(extraction.number()).isEqualTo(36);
    }

    @Test
    void thePioneersAreAMassOrganisationAndANumberMayCarryALetter() {
        Extraction pioneers = FieldReader.read("""
                ĐỘI TNTP HỒ CHÍ MINH
                HỘI ĐỒNG TRUNG ƯƠNG
                ***
                Số: 20 -QĐ/HĐĐTW
                Hà Nội, ngày 03 tháng 8 năm 2015
                """);
        Extraction lettered = FieldReader.read("""
                TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: 06b /NQ-TLĐ
                Hà Nội, ngày 03 tháng 8 năm 2015
                """);

        assertThat(pioneers.family()).isEqualTo(Family.MASS_ORG);
        assertThat(lettered.number()).isEqualTo(6);
        assertThat(lettered.notation()).isEqualTo("NQ-TLĐ");
    }

    @Test
    void aPlenumResolutionsSubjectGoesOnAcrossABlankLineAndASmallLetterSubjectMayShareTheTitleLine() {
        Extraction plenum = FieldReader.read("""
                TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: 06b /NQ-TLĐ
                Hà Nội, ngày 03 tháng 8 năm 2015
                NGHỊ QUYẾT
                HỘI NGHỊ LẦN THỨ 6 BAN CHẤP HÀNH KHÓA XI

                VỀ NÂNG CAO CHẤT LƯỢNG HOẠT ĐỘNG

                Hội nghị lần thứ 6 đã thảo luận.
                """);
        Extraction flattened = FieldReader.read(
                "VĂN PHÒNG * Số 36-HD/VPTW ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, ngày 03 tháng 4 năm 2018 HƯỚNG DẪN thể thức");

        assertThat(plenum.subject())
                .isEqualTo("HỘI NGHỊ LẦN THỨ 6 BAN CHẤP HÀNH KHÓA XI VỀ NÂNG CAO CHẤT LƯỢNG HOẠT ĐỘNG");
        assertThat(flattened.typeName()).isEqualTo("Hướng dẫn");
        assertThat(flattened.subject()).isEqualTo("thể thức");
    }

    @Test
    void aSubjectInCapitalsThatOcrBrokeWithBlankLinesIsReadWhole() {
        String ocr = """
                ỦY BAN NHÂN DÂN
                TỈNH QUẢNG NAM

                Số: 216/QĐ-UBND
                Quảng Nam, ngày 06 tháng 02 năm 2023

                QUYẾT ĐỊNH

                VỀ VIỆC TRIỂN KHAI THỰC HIỆN NGHỊ

                QUYẾT SỐ 41/2022/NQ-HĐND CỦA HỘI ĐỒNG NHÂN DÂN TỈNH

                ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM

                Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
                """;
        String plenum = """
                TỈNH ỦY THỪA THIÊN HUẾ

                Số 445-KL/TU
                Huế, ngày 10 tháng 5 năm 2022

                KẾT LUẬN

                HỘI NGHỊ LẦN THỨ BẢY

                BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHOÁ XVI)

                về xây dựng hệ thống kết cấu hạ tầng đồng bộ đến năm 2025,
                định hướng đến năm 2030

                Hội nghị lần thứ bảy Ban Chấp hành Đảng bộ tỉnh (khóa XVI) họp ngày 26/4/2022 đã thảo luận
                """;

        assertThat(FieldReader.read(FieldReader.withoutOcrSpecks(ocr)).subject())
                .isEqualTo("VỀ VIỆC TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 41/2022/NQ-HĐND CỦA HỘI ĐỒNG NHÂN DÂN TỈNH");
        assertThat(FieldReader.read(FieldReader.withoutOcrSpecks(plenum)).subject())
                .isEqualTo("HỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHOÁ XVI) về xây dựng hệ thống kết cấu hạ"
                        + " tầng đồng bộ đến năm 2025, định hướng đến năm 2030");
    }

    @Test
    void underscoresAndLettersNoVietnameseWordIsMadeOfAreDroppedAsSpecks() {
        String ocr = "__ ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM Ï\nBAN CHẤP HÀNH TRUNG ƯƠNG _\nHỒ CHÍ MINH ổ\n"
                + "Giai đoạn 2021 - 2025 a\n- Như trên;    __ PHÓ TRƯỞNG PHÒNG\nSố: ____/QĐ-UBND\n";

        assertThat(FieldReader.withoutOcrSpecks(ocr))
                .isEqualTo("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nBAN CHẤP HÀNH TRUNG ƯƠNG\nHỒ CHÍ MINH ổ\n"
                        + "Giai đoạn 2021 - 2025 a\n- Như trên;       PHÓ TRƯỞNG PHÒNG\nSố: ____/QĐ-UBND\n");
    }

    @Test
    void readsASubjectIntroducedByVvWithDots() {
        String text = """
                HUYỆN ĐOÀN AN PHÚ
                BCH ĐOÀN TRƯỜNG THPT AN PHÚ
                ***
                Số: 12/ĐTN
                V.v. tổ chức ngày hội đọc sách
                ĐOÀN TNCS HỒ CHÍ MINH
                An Phú, ngày 05 tháng 10 năm 2022
                Kính gửi: Ban Chấp hành các chi đoàn.
                """;

        assertThat(FieldReader.read(text).subject()).isEqualTo("V.v. tổ chức ngày hội đọc sách");
        assertThat(FieldReader.read(text.replace("V.v. ", "V.v ")).subject())
                .isEqualTo("V.v tổ chức ngày hội đọc sách");
    }

    @Test
    void readsTheYouthUnionOfACityAsTheBodyAboveNotAsTheUnionsMotto() {
        String text = """
                ĐOÀN TNCS HỒ CHÍ MINH TỈNH AN GIANG
                BCH TRƯỜNG CAO ĐẲNG Y TẾ
                ***
                Số: 08 /ĐT
                V/v tham gia hiến máu
                An Giang, ngày 05 tháng 10 năm 2022
                Kính gửi: Ban Chấp hành các chi đoàn.
                """;
        // The motto alone, or before a place written in small letters, is still the motto.
        String motto = """
                TỈNH ĐOÀN AN GIANG
                BCH ĐOÀN TRƯỜNG THPT AN PHÚ
                Số: 12/ĐTN ĐOÀN TNCS HỒ CHÍ MINH TP. Long Xuyên, ngày 05 tháng 10 năm 2022
                V/v tham gia hiến máu
                """;

        Extraction extraction = FieldReader.read(text);
        assertThat(extraction.issuerParent()).isEqualTo("ĐOÀN TNCS HỒ CHÍ MINH TỈNH AN GIANG");
        assertThat(extraction.issuer()).isEqualTo("BCH TRƯỜNG CAO ĐẲNG Y TẾ");
        assertThat(extraction.family()).isEqualTo(Family.MASS_ORG);
        Extraction beside = FieldReader.read(motto);
        assertThat(beside.issuerParent()).isEqualTo("TỈNH ĐOÀN AN GIANG");
        assertThat(beside.issuer()).isEqualTo("BCH ĐOÀN TRƯỜNG THPT AN PHÚ");
        assertThat(beside.place()).isEqualTo("TP. Long Xuyên");
    }

    @Test
    void readsAStudentsAssociationAsAMassOrganisation() {
        String text = """
                HỘI SINH VIÊN VIỆT NAM TỈNH AN GIANG
                BCH TRƯỜNG ĐẠI HỌC AN GIANG
                Số: 15/TB-HSV
                Long Xuyên, ngày 05 tháng 10 năm 2022
                THÔNG BÁO
                Về việc tổ chức giải bóng đá sinh viên
                """;

        assertThat(FieldReader.read(text).family()).isEqualTo(Family.MASS_ORG);
    }

    @Test
    void endsTheAddresseesAtTheItemClosedByAFullStop() {
        String text = """
                ĐẢNG BỘ TỈNH AN GIANG
                ĐẢNG ỦY TRƯỜNG ĐẠI HỌC AN GIANG
                *
                Số 15-CV/ĐU
                V/v dời lịch họp
                Long Xuyên, ngày 05 tháng 10 năm 2022
                Kính gửi:
                - Các chi bộ trực thuộc;
                - Các đoàn thể trong Trường.

                - Ngày 01/10/2022, Đảng ủy đã ban hành thông báo triệu tập hội nghị vào ngày 10/10/2022.
                - Nay Đảng ủy dời hội nghị sang ngày 17/10/2022.
                """;

        assertThat(FieldReader.read(text).addressees())
                .containsExactly("Các chi bộ trực thuộc", "Các đoàn thể trong Trường");
    }

    @Test
    void readsTheSubjectOfACongVanWrittenWithoutVvBetweenTheNumberAndTheAddressees() {
        String text = """
                ĐẢNG BỘ TỈNH AN GIANG                ĐẢNG CỘNG SẢN VIỆT NAM
                ĐẢNG ỦY TRƯỜNG ĐẠI HỌC AN GIANG
                *                                    An Giang, ngày 05 tháng 10 năm 2022
                Số 15-CV/ĐU
                Dời lịch họp Ban Chấp hành

                Kính gửi: Các chi bộ trực thuộc.

                Đảng ủy dời cuộc họp sang ngày 17/10/2022.
                """;

        Extraction extraction = FieldReader.read(text);
        assertThat(extraction.subject()).isEqualTo("Dời lịch họp Ban Chấp hành");
        assertThat(extraction.typeName()).isEqualTo("Công văn");
    }

    @Test
    void splitsAPartyHeaderFlattenedIntoOneLineBetweenThePartyOrganisationAndItsCommittee() {
        String text = """
                ĐẢNG BỘ KHỐI CƠ QUAN TỈNH ĐẢNG ỦY SỞ Y TẾ Số: 15 - CV/ĐU
                ĐẢNG CỘNG SẢN VIỆT NAM
                Long Xuyên, ngày 05 tháng 10 năm 2022
                V/v dời lịch họp
                """;

        Extraction extraction = FieldReader.read(text);
        assertThat(extraction.issuerParent()).isEqualTo("ĐẢNG BỘ KHỐI CƠ QUAN TỈNH");
        assertThat(extraction.issuer()).isEqualTo("ĐẢNG ỦY SỞ Y TẾ");
    }

    @Test
    void treatsARunOfDecorationCharactersOnAHeaderLineAsARuleNotAsText() {
        String overline = """
                ĐẢNG BỘ TỈNH QUẢNG BÌNH               ĐẢNG CỘNG SẢN VIỆT NAM
                ĐẢNG ỦY SỞ Y TẾ                       ¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯
                *                                     Đồng Hới, ngày 12 tháng 5 năm 2022
                Số 41-CV/ĐU
                V/v dời lịch họp
                """;

        for (String rule : List.of("¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯", "══════", "~~~~~~", "———————", "‾‾‾‾‾‾", "─────")) {
            Extraction extraction = FieldReader.read(overline.replace("¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯", rule));
            assertThat(extraction.issuer()).as(rule).isEqualTo("ĐẢNG ỦY SỞ Y TẾ");
            assertThat(extraction.issuerParent()).as(rule).isEqualTo("ĐẢNG BỘ TỈNH QUẢNG BÌNH");
        }
        // A rule run straight into the name ("SỞ Y TẾ═════") is cut off the name too.
        Extraction joined = FieldReader.read(overline.replace("ĐẢNG ỦY SỞ Y TẾ  ", "ĐẢNG ỦY SỞ Y TẾ═════"));
        assertThat(joined.issuer()).isEqualTo("ĐẢNG ỦY SỞ Y TẾ");
    }

    @Test
    void readsTheNotationPrintedAfterANumberOrTypeCodeLeftBlank() {
        String party = """
                ĐẢNG BỘ TỈNH QUẢNG BÌNH
                ĐẢNG ỦY SỞ Y TẾ
                *
                Số      -/ĐU
                ĐẢNG CỘNG SẢN VIỆT NAM
                Đồng Hới, ngày 12 tháng 5 năm 2022
                QUYẾT ĐỊNH
                V/v thành lập tổ công tác
                """;
        String youth = """
                TỈNH ĐOÀN QUẢNG BÌNH
                BCH ĐOÀN TRƯỜNG THPT ĐỒNG HỚI
                Số:      /KH-ĐTN
                ĐOÀN TNCS HỒ CHÍ MINH
                Đồng Hới, ngày 12 tháng 5 năm 2022
                KẾ HOẠCH
                Tổ chức ngày hội đọc sách
                """;
        String state = """
                ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                TỈNH QUẢNG BÌNH              Độc lập - Tự do - Hạnh phúc
                Số     /QĐ-UBND              Đồng Hới, ngày 12 tháng 5 năm 2022
                QUYẾT ĐỊNH
                Về việc thành lập tổ công tác
                """;

        Extraction partyRead = FieldReader.read(party);
        assertThat(partyRead.notation()).isEqualTo("ĐU");
        assertThat(partyRead.number()).isNull();
        assertThat(partyRead.issuer()).isEqualTo("ĐẢNG ỦY SỞ Y TẾ");
        Extraction youthRead = FieldReader.read(youth);
        assertThat(youthRead.notation()).isEqualTo("KH-ĐTN");
        assertThat(youthRead.number()).isNull();
        Extraction stateRead = FieldReader.read(state);
        assertThat(stateRead.notation()).isEqualTo("QĐ-UBND");
        assertThat(stateRead.number()).isNull();
        assertThat(stateRead.issuer()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH");
        assertThat(stateRead.layoutFindings()).extracting(Finding::code).contains(Code.MISSING_NUMBER);
    }

    @Test
    void readsThePlaceOfADateLineWhoseDayOrMonthIsLeftBlank() {
        String text = """
                ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                HUYỆN PHÚ BÌNH               Độc lập - Tự do - Hạnh phúc
                Số: 215/UBND-VP
                Phú Bình, ngày       tháng 10 năm 2021
                V/v rà soát hộ nghèo
                """;

        Extraction blankDay = FieldReader.read(text);
        assertThat(blankDay.place()).isEqualTo("Phú Bình");
        assertThat(blankDay.issuedOn()).isNull();
        Extraction blankMonth = FieldReader.read(text.replace("ngày       tháng 10", "ngày 15 tháng       "));
        assertThat(blankMonth.place()).isEqualTo("Phú Bình");
        assertThat(blankMonth.issuedOn()).isNull();
        Extraction bothBlank = FieldReader.read(text.replace("ngày       tháng 10", "ngày ...... tháng       "));
        assertThat(bothBlank.place()).isEqualTo("Phú Bình");
        assertThat(bothBlank.issuedOn()).isNull();
    }

    @Test
    void readsAnAssociationAsAMassOrganisationUnderTheStateMottoButACouncilAsAStateBody() {
        String association = """
                HỘI LUẬT GIA TỈNH QUẢNG BÌNH         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                      Độc lập - Tự do - Hạnh phúc
                Số: 21/HLG                            Đồng Hới, ngày 12 tháng 5 năm 2022
                V/v tổ chức đại hội chi hội
                """;

        assertThat(FieldReader.read(association).family()).isEqualTo(Family.MASS_ORG);
        assertThat(FieldReader.read(association.replace("HỘI LUẬT GIA TỈNH QUẢNG BÌNH", "LIÊN HIỆP CÁC HỘI KH&KT TỈNH"))
                        .family())
                .isEqualTo(Family.MASS_ORG);
        assertThat(FieldReader.read(association.replace("HỘI LUẬT GIA TỈNH QUẢNG BÌNH", "BAN LIÊN LẠC CỰU TNXP TỈNH"))
                        .family())
                .isEqualTo(Family.MASS_ORG);
        // A council is a state body, the "hội" inside its name notwithstanding.
        assertThat(FieldReader.read(association.replace("HỘI LUẬT GIA TỈNH QUẢNG BÌNH", "HỘI ĐỒNG NHÂN DÂN TỈNH"))
                        .family())
                .isEqualTo(Family.STATE);
        assertThat(FieldReader.read(association.replace("HỘI LUẬT GIA TỈNH QUẢNG BÌNH", "HỘI ĐỒNG THI TUYỂN CÔNG CHỨC"))
                        .family())
                .isEqualTo(Family.STATE);
        assertThat(FieldReader.read(association.replace(
                                "HỘI LUẬT GIA TỈNH QUẢNG BÌNH", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"))
                        .family())
                .isEqualTo(Family.STATE);
    }

    @Test
    void doesNotTakeAHeadingThatStartsWithADocumentTypeForAnIssuingBody() {
        String text = """
                THÔNG BÁO TUYỂN SINH LỚP BỒI DƯỠNG NGHIỆP VỤ NĂM 2022

                SỞ Y TẾ TỈNH QUẢNG BÌNH              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                TRƯỜNG TRUNG CẤP Y TẾ                Độc lập - Tự do - Hạnh phúc
                Số: 21/TB-TCYT                        Đồng Hới, ngày 12 tháng 5 năm 2022
                THÔNG BÁO
                Tuyển sinh lớp bồi dưỡng nghiệp vụ năm 2022
                """;

        Extraction extraction = FieldReader.read(text);
        assertThat(extraction.issuer()).isEqualTo("TRƯỜNG TRUNG CẤP Y TẾ");
        assertThat(extraction.issuerParent()).isEqualTo("SỞ Y TẾ TỈNH QUẢNG BÌNH");
        Extraction alone = FieldReader.read(text.replace("SỞ Y TẾ TỈNH QUẢNG BÌNH ", "                       "));
        assertThat(alone.issuer()).isEqualTo("TRƯỜNG TRUNG CẤP Y TẾ");
        assertThat(alone.issuerParent()).isNull();
    }

    @Test
    void joinsAnAddresseeContinuedInSmallLettersWithoutADash() {
        String text = """
                HỘI NÔNG DÂN TỈNH QUẢNG BÌNH
                Số: 21/CV-HND
                Đồng Hới, ngày 12 tháng 5 năm 2022
                V/v tổ chức hội thi nhà nông đua tài

                Kính gửi: Hội Nông dân các huyện, thị xã

                và các chi hội nghề nghiệp trực thuộc

                Thực hiện chương trình công tác năm 2022, Ban Thường vụ Hội Nông dân tỉnh
                tổ chức hội thi nhà nông đua tài.
                """;

        assertThat(FieldReader.read(text).addressees())
                .containsExactly("Hội Nông dân các huyện, thị xã và các chi hội nghề nghiệp trực thuộc");
        assertThat(FieldReader.read(text.replace("thị xã\n", "thị xã,\n")).addressees())
                .containsExactly("Hội Nông dân các huyện, thị xã, và các chi hội nghề nghiệp trực thuộc");
    }

    @Test
    void takesARuleWithAnOrnamentInItsMiddleForDecoration() {
        String text = """
                HỘI CỰU GIÁO CHỨC
                TỈNH NINH BÌNH
                ----------
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                %s
                Số: 14/CV-HCGC
                Ninh Bình, ngày 03 tháng 4 năm 2019
                V/v tổ chức gặp mặt hội viên
                Kính gửi: Các chi hội trực thuộc
                """;

        for (String rule : List.of("-----&----", "---o0o---", "*****♦*****", "--------oOo--------", "═══ ❖ ═══")) {
            Extraction extraction = FieldReader.read(text.formatted(rule));
            assertThat(extraction.issuer()).as(rule).isEqualTo("HỘI CỰU GIÁO CHỨC TỈNH NINH BÌNH");
            assertThat(extraction.family()).as(rule).isEqualTo(Family.MASS_ORG);
            assertThat(extraction.subject()).as(rule).isEqualTo("V/v tổ chức gặp mặt hội viên");
        }
    }

    @Test
    void neverTakesAnArticleForTheSubjectOfATitleWithoutOne() {
        String text = """
                UỶ BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                HUYỆN PHÚ BÌNH                       Độc lập - Tự do - Hạnh phúc
                Số: 118/QĐ-UBND                      Phú Bình, ngày 15 tháng 3 năm 2020
                QUYẾT ĐỊNH
                %s
                Điều 1. Thành lập Tổ công tác chuyển đổi số của huyện gồm các ông, bà có tên sau.
                Điều 2. Quyết định này có hiệu lực từ ngày ký.
                """;

        assertThat(FieldReader.read(text.formatted("")).subject()).isNull();
        assertThat(FieldReader.read(text.formatted("Về việc thành lập Tổ công tác chuyển đổi số"))
                        .subject())
                .isEqualTo("Về việc thành lập Tổ công tác chuyển đổi số");
    }

    @Test
    void readsTheYouthUnionsNameBrokenOverTwoLinesAsItsMotto() {
        // A scan's line finding, or a column too narrow, leaves "HỒ CHÍ MINH" under "ĐOÀN TNCS".
        String text = """
                BAN CHẤP HÀNH TRUNG ƯƠNG                  ĐOÀN TNCS
                HỒ CHÍ MINH
                ***
                Số: 225 - KH/TWĐTN-CTTN                   Hà Nội, ngày 16 tháng 5 năm 2024
                KẾ HOẠCH
                Tổ chức các hoạt động hè dành cho thiếu nhi năm 2024
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuer()).isEqualTo("BAN CHẤP HÀNH TRUNG ƯƠNG");
        assertThat(extraction.issuerParent()).isNull();
        assertThat(extraction.family()).isEqualTo(Family.MASS_ORG);
    }

    @Test
    void readsTheMottosAndTheDateThroughTheMarksOcrMisreads() {
        // A faded scan: the Party's motto with two marks wrong, on a line of its own under the issuer.
        String party = """
                BAN CHẤP HÀNH TRUNG ƯƠNG

                ĐẲNG CỘNG SÁN VIỆT NAM

                Số: 97-QĐ/TW

                Hà Nội, ngày 07 tháng 02 năm 2023
                """;
        // A crooked scan: a speck between "lập" and its dash, a colon after "ngày", a dot before the month.
        String state = """
                ỦY BAN NHÂN DÂN

                TỈNH BẮC NINH
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập.- Tự do - Hạnh phúc

                Số: 155/KH-UBND

                Bắc Ninh, ngày: 26 tháng.5 năm 2017
                """;

        Extraction fromParty = FieldReader.read(party);
        Extraction fromState = FieldReader.read(state);

        assertThat(fromParty.issuer()).isEqualTo("BAN CHẤP HÀNH TRUNG ƯƠNG");
        assertThat(fromParty.family()).isEqualTo(Family.PARTY);
        assertThat(fromState.issuer()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH BẮC NINH");
        assertThat(fromState.issuedOn()).isEqualTo(LocalDate.of(2017, 5, 26));
        assertThat(fromState.place()).isEqualTo("Bắc Ninh");
    }

    @Test
    void cutsANationalAssociationFromItsLocalBodyOnOneFlattenedLine() {
        // A header drawn as a table and flattened: the association, its provincial body and the number on one line.
        String text = """
                HỘI CHỮ THẬP ĐỎ VIỆT NAM TỈNH HỘI NAM ĐỊNH ---------- Số: 21 / CV- HCTĐ
                |
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ----------- Nam Định, ngày 3 tháng 5 năm 2019 |
                Kính gửi: Hội Chữ thập đỏ các huyện, thành phố.
                Hưởng ứng Tháng Nhân đạo năm 2019, Tỉnh hội đề nghị các huyện tổ chức các hoạt động sau.
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuer()).isEqualTo("TỈNH HỘI NAM ĐỊNH");
        assertThat(extraction.issuerParent()).isEqualTo("HỘI CHỮ THẬP ĐỎ VIỆT NAM");
        assertThat(extraction.family()).isEqualTo(Family.MASS_ORG);
        assertThat(extraction.notation()).isEqualTo("CV-HCTĐ");
    }

    @Test
    void keepsANotationThatIsTheIssuersOwnInitials() {
        // "CĐYT" are the initials of Công đoàn (ngành) Y tế, not "CĐ" (Công điện) with a lost hyphen; "QĐUBND" did lose
        // one.
        String union = """
                LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC GIANG
                CÔNG ĐOÀN NGÀNH Y TẾ
                Số: 45/CĐYT
                V/v tổ chức Tháng Công nhân năm 2020
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Bắc Giang, ngày 20 tháng 4 năm 2020
                Kính gửi: Công đoàn cơ sở các đơn vị trực thuộc
                """;
        String state = """
                ỦY BAN NHÂN DÂN
                HUYỆN AN LÃO
                Số: 12/QĐUBND
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                An Lão, ngày 2 tháng 3 năm 2020
                QUYẾT ĐỊNH
                Về việc thành lập Tổ công tác
                """;

        assertThat(FieldReader.read(union).notation()).isEqualTo("CĐYT");
        assertThat(FieldReader.read(state).notation()).isEqualTo("QĐ-UBND");
    }

    @Test
    void readsASecondAddresseeWithoutADashUnderTheFirst() {
        // The page keeps the indent of the second line only as spaces, which reading drops.
        String text = """
                TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM
                CÔNG ĐOÀN NGÀNH GIÁO DỤC
                Số: 12/CĐGD
                V/v hưởng ứng Tuần lễ áo dài
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Hà Nội, ngày 2 tháng 3 năm 2021
                Kính gửi: Lãnh đạo các trường đại học, cao đẳng
                                    Công đoàn các trường đại học, cao đẳng

                Thực hiện kế hoạch của Tổng Liên đoàn, Công đoàn ngành đề nghị các đơn vị tổ chức các hoạt động sau.
                """;
        String body = """
                ỦY BAN NHÂN DÂN
                HUYỆN AN LÃO
                Số: 15/UBND-VX
                V/v tổ chức Tết trồng cây
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                An Lão, ngày 2 tháng 3 năm 2021
                Kính gửi: Phòng Nông nghiệp và Phát triển nông thôn
                Thực hiện Kế hoạch số 20/KH-UBND của UBND tỉnh về việc

                tổ chức Tết trồng cây, UBND huyện yêu cầu phòng triển khai thực hiện.
                """;

        assertThat(FieldReader.read(text).addressees())
                .containsExactly("Lãnh đạo các trường đại học, cao đẳng", "Công đoàn các trường đại học, cao đẳng");
        assertThat(FieldReader.read(body).addressees()).containsExactly("Phòng Nông nghiệp và Phát triển nông thôn");
    }

    @Test
    void aNoiNhanLineWithoutADashGoesOnWithTheItemAboveIt() {
        // Between two dashed items, a line without a dash is the rest of the item above, not the end of the list.
        String text = """
                Văn phòng xin thông báo để các cơ quan biết, thực hiện./.

                Nơi nhận:
                - Như trên;
                - VPCP: BTCN, PCN Trần Văn Sơn
                , Cổng TTĐT;
                - Bộ Nội vụ: Vụ TCBC;
                Vụ CCVC;
                - Lưu: VT, TH (2).
                KT. BỘ TRƯỞNG, CHỦ NHIỆM
                PHÓ CHỦ NHIỆM
                Nguyễn Văn Bình
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.distribution())
                .containsExactly(
                        "Như trên",
                        "VPCP: BTCN, PCN Trần Văn Sơn, Cổng TTĐT",
                        "Bộ Nội vụ: Vụ TCBC; Vụ CCVC",
                        "Lưu: VT, TH (2)");
        assertThat(extraction.signer().fullName()).isEqualTo("Nguyễn Văn Bình");
    }

    @Test
    void aBrandInCapitalsAtALinesEndIsNotTakenForAPositionRunIntoAName() {
        String text = """
                Ban Tuyên giáo đề nghị các đơn vị phối hợp thực hiện./.

                Nơi nhận:
                - Như trên;
                - Báo VNExpress Online
                - Lưu: VT.
                TM. BAN THƯỜNG VỤ
                PHÓ BÍ THƯ
                Nguyễn Văn An
                """;

        assertThat(FieldReader.read(text).distribution()).contains("Báo VNExpress Online");
    }

    /**
     * What the seal and the signature leave between the title and the name in a scan ("MXN V"), or a second title line
     * in capitals ("CHỦ TỊCH UBND HUYỆN"), is no name in capitals: its words are not syllables. The name printed under
     * them is the signer's (ADR 0078).
     */
    @Test
    void lettersInCapitalsThatAreNoSyllablesAreNotTheSignersName() {
        String spoiled = """
                Ban Tổ chức đề nghị các cấp ủy thực hiện./.

                Nơi nhận:
                - Như trên;
                - Lưu VP.
                K/T TRƯỞNG BAN
                PHÓ TRƯỞNG BAN

                MXN V

                Nguyễn Thanh Bình
                """;
        String secondTitle = """
                Hội đồng đề nghị các trường thực hiện./.

                Nơi nhận:
                - Như trên;
                - Lưu: VT.
                TM. HỘI ĐỒNG
                CHỦ TỊCH

                CHỦ TỊCH UBND HUYỆN
                Hoàng Công Bộ
                """;

        assertThat(FieldReader.read(spoiled).signer().fullName()).isEqualTo("Nguyễn Thanh Bình");
        assertThat(FieldReader.read(secondTitle).signer().fullName()).isEqualTo("Hoàng Công Bộ");
        // A Tây Nguyên name in capitals is a name, though its words are no Vietnamese syllables
        for (String name : List.of("KSOR PHƯỚC HÀ", "Y GIANG GRY NIÊ KNƠNG", "RAH LAN CHUNG")) {
            assertThat(FieldReader.read(secondTitle.replace("CHỦ TỊCH UBND HUYỆN\nHoàng Công Bộ", name))
                            .signer()
                            .fullName())
                    .isEqualTo(name);
        }
    }

    /**
     * OCR puts a blank line inside a recipient broken over two lines, and may read its comma as a full stop: the short
     * piece ended by a comma before the next dash is the rest of the recipient above it, whether it starts in small
     * letters or after an item with no final mark (ADR 0078).
     */
    @Test
    void aRecipientBrokenAcrossABlankLineOfOcrIsOneRecipient() {
        String text = """
                Ban Bí thư đề nghị các cấp ủy thực hiện./.

                Nơi nhận:
                - Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung.

                ương,
                - Các đồng chí Ủy viên Ban Chấp hành Trung ương

                Đảng,

                - Lưu Văn phòng Trung ương Đảng.

                T/M BAN CHẤP HÀNH TRUNG ƯƠNG
                TỔNG BÍ THƯ
                Tô Lâm
                """;

        assertThat(FieldReader.read(text).distribution())
                .containsExactly(
                        "Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương",
                        "Các đồng chí Ủy viên Ban Chấp hành Trung ương Đảng",
                        "Lưu Văn phòng Trung ương Đảng");
    }

    @Test
    void cutsANoiNhanFlattenedIntoOneLineWithItsSignatureRunIn() {
        String text = """
                Văn phòng xin thông báo để các cơ quan biết và thực hiện./.

                Nơi nhận:- Như trên;- Thủ tướng Chính phủ;- VPCP: BTCN, các Vụ: TH;- Lưu: VT, TH (3). 15 BỘ TRƯỞNG, CHỦ NHIỆMTrần Văn Sơn
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.distribution())
                .containsExactly("Như trên", "Thủ tướng Chính phủ", "VPCP: BTCN, các Vụ: TH", "Lưu: VT, TH (3). 15");
        assertThat(extraction.signer().position()).isEqualTo("BỘ TRƯỞNG, CHỦ NHIỆM");
        assertThat(extraction.signer().fullName()).isEqualTo("Trần Văn Sơn");
    }

    /**
     * The foot of a scan as OCR leaves it: the signature column's lines among the distribution list's, the list's
     * dashes partly lost, the name far under the position past a long list, and a police officer's rank before his
     * name (the real scans pa83-115-cv-2018 and sgddt-1906-2020).
     */
    @Test
    void findsTheSignersNameAfterAnOfficersRank() {
        String ranked = String.join(
                "\n",
                "Số: 115/CV-PA83",
                "V/v thông báo",
                "Kính gửi: Sở Giáo dục",
                "Nội dung.",
                "Nơi nhận:        PHÓ TRƯỞNG PHÒNG",
                "- Như trên;",
                "- Lưu PA83.",
                "",
                "Trung tá Ngô Văn Công");
        assertThat(FieldReader.read(ranked).signer().fullName()).isEqualTo("Ngô Văn Công");
    }

    @Test
    void findsTheSignersNamePastALongDistributionListDrawnBesideIt() {
        String beside = String.join(
                "\n",
                "Số: 1906/SGDĐT-CTrTT",
                "V/v khẩn trương",
                "Kính gửi: Các trường",
                "Nội dung.",
                "Nơi nhận:        GIÁM ĐỐC",
                "- Như trên;",
                "",
                "- Bộ Giáo dục và Đào tạo;",
                "",
                "- Thành ủy, HĐND, UBND thành phố;",
                "",
                "- Các Sở: Y tế, TT&TT;",
                "",
                "- UBND các quận, huyện;",
                "",
                "Giám đốc, PGĐ Sở;",
                "",
                "Trưởng phòng Sở;        TIẾT",
                "",
                "- Trang TTĐT Sở;        Lê Thị Bích Thuận",
                "- Lưu: VT, CTrTT.");
        Signer signer = FieldReader.read(beside).signer();
        assertThat(signer.position()).isEqualTo("GIÁM ĐỐC");
        assertThat(signer.fullName()).isEqualTo("Lê Thị Bích Thuận");
    }

    /**
     * Subjects in capitals as the skewed, JPEG and faded test scans gave them, right letter for letter but for specks
     * glued into or between words: each one lost the whole subject.
     */
    @Test
    void readsASubjectThroughSpecksGluedIntoItsWords() {
        String scanned = String.join(
                "\n",
                "ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "TỈNH SƠN LA        Độc lập - Tự do - Hạnh phúc",
                "Số: 68/KH-UBND        Sơn La, ngày 11 tháng 3 năm 2020",
                "",
                "KẾ HOẠCH",
                "VỀ VIỆC TRIỂN KHAI CHỈ THỊ SỐ 37-CT/TW NGÀY 03\u20449/2019.CỦA BAN",
                "BÍ THƯ VỀ NHIỆM VỤ,.QUYỀN HẠN CỦA BAN CÁN SỰ ĐẢ“NG, ĐÁẢNG ĐOÀN TRONG.TÌNH HÌNH MỚI",
                "",
                "Căn cứ Chỉ thị số 37-CT/TW;");
        assertThat(FieldReader.read(Extractor.recognised(scanned)).subject())
                .isEqualTo("VỀ VIỆC TRIỂN KHAI CHỈ THỊ SỐ 37-CT/TW NGÀY 03/9/2019 CỦA BAN BÍ THƯ VỀ NHIỆM VỤ, QUYỀN HẠN"
                        + " CỦA BAN CÁN SỰ ĐẢNG, ĐẢNG ĐOÀN TRONG TÌNH HÌNH MỚI");
        // An 8 read as a section sign inside a code.
        assertThat(FieldReader.withoutGluedSpecks("Số: 115/CV-PA§3")).isEqualTo("Số: 115/CV-PA83");
        // "TP.HCM" is written so: two letters before the dot are an abbreviation, not a speck.
        assertThat(FieldReader.withoutGluedSpecks("THÀNH ĐOÀN TP.HCM")).isEqualTo("THÀNH ĐOÀN TP.HCM");
        // A dot inside a notation, after its dash or slash, is the issuer's own (ADR 0078).
        assertThat(FieldReader.withoutGluedSpecks("Số: 230 /KH-THPT.PB")).isEqualTo("Số: 230 /KH-THPT.PB");
        assertThat(FieldReader.withoutGluedSpecks("Số: 12/UBND.VP")).isEqualTo("Số: 12/UBND.VP");
        // ... but a word after the dot is the text going on: a decision's notation glued to the date after it.
        assertThat(FieldReader.withoutGluedSpecks("QUYẾT ĐỊNH SỐ 15/QĐ-UBND.NGÀY 03/9/2019"))
                .isEqualTo("QUYẾT ĐỊNH SỐ 15/QĐ-UBND NGÀY 03/9/2019");
        assertThat(FieldReader.withoutGluedSpecks("KẾ HOẠCH SỐ 07-KH/BTC.VỀ TỔ CHỨC"))
                .isEqualTo("KẾ HOẠCH SỐ 07-KH/BTC VỀ TỔ CHỨC");
    }

    /** A speck read as a straight quotation mark before the first word of a subject that quotes nothing. */
    @Test
    void dropsAQuotationMarkThatOpensASubjectAndIsNeverClosed() {
        String scanned = String.join(
                "\n",
                "BAN CHẤP HÀNH TRUNG ƯƠNG        ĐOÀN TNCS HỒ CHÍ MINH",
                "Số: 225-KH/TWĐTN-CTTN        Hà Nội, ngày 16 tháng 5 năm 2024",
                "",
                "KẾ HOẠCH",
                "\"Tổ chức các hoạt động hè dành cho thiếu nhi năm 2024",
                "",
                "Thực hiện chương trình công tác Đoàn năm 2024;");
        assertThat(FieldReader.read(scanned).subject())
                .isEqualTo("Tổ chức các hoạt động hè dành cho thiếu nhi năm 2024");
        String quoting = scanned.replace(
                "\"Tổ chức các hoạt động hè dành cho thiếu nhi năm 2024",
                "“Tổ chức các hoạt động hè dành cho thiếu nhi năm 2024”");
        assertThat(FieldReader.read(quoting).subject())
                .isEqualTo("“Tổ chức các hoạt động hè dành cho thiếu nhi năm 2024”");
    }

    // ---------------------------------------------------------------- re-layouts (ExtractionLayoutTests)

    @Test
    void cutsTwoBodiesRunTogetherOnOneHeaderLine() {
        String text = """
                HUYỆN ỦY HÒA BÌNH BAN DÂN VẬN ĐẢNG CỘNG SẢN VIỆT NAM
                Số 12-HD/BDVHU Hòa Bình, ngày 5 tháng 6 năm 2022

                HƯỚNG DẪN
                về công tác dân vận năm 2022
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuerParent()).isEqualTo("HUYỆN ỦY HÒA BÌNH");
        assertThat(extraction.issuer()).isEqualTo("BAN DÂN VẬN");
    }

    @Test
    void keepsABodyWhoseNameHoldsAnotherHeadWhole() {
        assertThat(FieldReader.runTogetherBodies("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH"))
                .containsExactly("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH");
        assertThat(FieldReader.runTogetherBodies("BAN CHỈ ĐẠO PHÒNG CHỐNG THIÊN TAI"))
                .containsExactly("BAN CHỈ ĐẠO PHÒNG CHỐNG THIÊN TAI");
        assertThat(FieldReader.runTogetherBodies("UBND HUYỆN AN LÃO PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"))
                .containsExactly("UBND HUYỆN AN LÃO", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO");
    }

    @Test
    void readsASubjectRunIntoTheNumbersLine() {
        String text = """
                TỈNH ỦY AN GIANG
                BAN TUYÊN GIÁO ĐẢNG CỘNG SẢN VIỆT NAM
                Số 40-CV/BTGTU Về việc tuyên truyền kỷ niệm ngày thành lập Đảng
                An Giang, ngày 2 tháng 1 năm 2024

                Kính gửi: Các huyện ủy, thị ủy, thành ủy

                Ban Tuyên giáo Tỉnh ủy đề nghị các cấp ủy triển khai.
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.notation()).isEqualTo("CV/BTGTU");
        assertThat(extraction.subject()).isEqualTo("Về việc tuyên truyền kỷ niệm ngày thành lập Đảng");
    }

    @Test
    void readsASignatureRunTogetherWithSpacesAfterTheList() {
        String text = """
                Đề nghị các chi đoàn thực hiện.

                Nơi nhận:- Như trên;- Lưu: VP. KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Thị Hoa
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.distribution()).containsExactly("Như trên", "Lưu: VP");
        assertThat(extraction.signer().competence()).isEqualTo("KT. GIÁM ĐỐC");
        assertThat(extraction.signer().position()).isEqualTo("PHÓ GIÁM ĐỐC");
        assertThat(extraction.signer().fullName()).isEqualTo("Trần Thị Hoa");
    }

    @Test
    void readsListItemsWithoutDashes() {
        String text = """
                Kính gửi:
                Ủy ban nhân dân các huyện;
                Các sở, ban, ngành tỉnh.

                Thực hiện chỉ đạo của Tỉnh ủy, đề nghị các đơn vị báo cáo.

                Nơi nhận:
                Như trên;
                Thường trực Tỉnh ủy;
                Lưu: VT, TH.
                KT. CHỦ TỊCH
                PHÓ CHỦ TỊCH
                Lê Văn Nam
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.addressees()).containsExactly("Ủy ban nhân dân các huyện", "Các sở, ban, ngành tỉnh");
        assertThat(extraction.distribution()).containsExactly("Như trên", "Thường trực Tỉnh ủy", "Lưu: VT, TH");
        assertThat(extraction.signer().fullName()).isEqualTo("Lê Văn Nam");
    }

    @Test
    void readsAPlaceAndDateRunIntoTheEndOfTheSubject() {
        String text = """
                LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 52/LĐLĐ V/v ủng hộ đồng bào miền Trung Đồng Xoài, ngày 9 tháng 11 năm 2020
                Kính gửi: Các công đoàn cơ sở
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.place()).isEqualTo("Đồng Xoài");
        assertThat(extraction.subject()).isEqualTo("V/v ủng hộ đồng bào miền Trung");
        assertThat(extraction.issuedOn()).isEqualTo(LocalDate.of(2020, 11, 9));
    }

    @Test
    void readsAColonSubjectRunIntoTheNumbersLine() {
        String text = """
                LIÊN ĐOÀN LAO ĐỘNG TỈNH NAM ĐỊNH
                Số: 88/LĐLĐ V/v: tổ chức Tháng Công nhân năm 2023 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc
                Nam Định, ngày 3 tháng 4 năm 2023

                Kính gửi: Các công đoàn cơ sở
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.subject()).isEqualTo("V/v: tổ chức Tháng Công nhân năm 2023");
    }

    /**
     * A copy that runs the header's left column whole, number included, before the right one puts the motto and the
     * place-and-date line between the number and a trích yếu printed without "V/v", blank lines and all.
     */
    @Test
    void readsAPlainSubjectPastTheMottoAndDateBetweenItAndTheNumber() {
        String text = """
                ĐẢNG BỘ TỈNH QUẢNG BÌNH

                ĐẢNG ỦY KHỐI DOANH NGHIỆP


                Số 47-CV/ĐU

                ĐẢNG CỘNG SẢN VIỆT NAM

                Quảng Bình, ngày 12 tháng 5 năm 2022

                Tạm dừng tổ chức đại hội chi bộ

                cơ sở trong tháng 5




                Kính gửi: Các chi bộ trực thuộc

                Ban Thường vụ Đảng ủy đề nghị các chi bộ tạm dừng tổ chức đại hội.
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.number()).isEqualTo(47);
        assertThat(extraction.issuedOn()).isEqualTo(LocalDate.of(2022, 5, 12));
        assertThat(extraction.subject()).isEqualTo("Tạm dừng tổ chức đại hội chi bộ cơ sở trong tháng 5");
        assertThat(extraction.addressees()).containsExactly("Các chi bộ trực thuộc");
    }

    /** Neither the motto nor the body is a trích yếu when no line of its own stands between the date and "Kính gửi". */
    @Test
    void takesNeitherTheMottoNorTheBodyForAPlainSubject() {
        String text = """
                ĐẢNG BỘ TỈNH QUẢNG BÌNH
                ĐẢNG ỦY KHỐI DOANH NGHIỆP

                Số 47-CV/ĐU

                ĐẢNG CỘNG SẢN VIỆT NAM

                Quảng Bình, ngày 12 tháng 5 năm 2022


                Kính gửi: Các chi bộ trực thuộc

                Ban Thường vụ Đảng ủy đề nghị các chi bộ tạm dừng tổ chức đại hội.
                """;

        assertThat(FieldReader.read(text).subject()).isNull();
    }

    /**
     * A short first paragraph of the body with no full stop at its end, a blank line under a one-line "Kính gửi": a
     * sentence led by its subject and verb, not one more addressee.
     */
    @Test
    void takesAShortFirstParagraphForTheBodyNotASecondAddressee() {
        String text = """
                ĐẢNG ỦY KHỐI DOANH NGHIỆP
                Số 48-CV/ĐU
                V/v triển khai học tập nghị quyết

                Kính gửi: Các chi bộ trực thuộc

                Ban Thường vụ Đảng ủy đề nghị các chi bộ triển khai

                1. Tổ chức học tập nghị quyết trong tháng 6.
                """;

        assertThat(FieldReader.read(text).addressees()).containsExactly("Các chi bộ trực thuộc");
    }

    /** The same copy cuts a "V/v" subject in two: its last line comes after the motto and the date. */
    @Test
    void readsTheRestOfASubjectThatTheMottoAndDateCutOff() {
        String text = """
                ĐẢNG BỘ TỈNH QUẢNG BÌNH
                ĐẢNG ỦY KHỐI DOANH NGHIỆP

                Số 49-CV/ĐU
                V/v tham gia cuộc thi trực tuyến

                ĐẢNG CỘNG SẢN VIỆT NAM

                Quảng Bình, ngày 12 tháng 5 năm 2022

                "Tìm hiểu lịch sử Đảng bộ tỉnh"


                Kính gửi: Các chi bộ trực thuộc
                """;

        assertThat(FieldReader.read(text).subject())
                .isEqualTo("V/v tham gia cuộc thi trực tuyến \"Tìm hiểu lịch sử Đảng bộ tỉnh\"");
    }

    /** A date line broken after its place: "Hòa Bình," on one line, "ngày 3 tháng 9 năm 2019" on the next. */
    @Test
    void readsThePlaceOnTheLineAboveADateLineThatOpensWithNgay() {
        String text = """
                ỦY BAN NHÂN DÂN
                HUYỆN LẠC SƠN
                Số: 210/UBND-VP
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Lạc Sơn,
                ngày 3 tháng 9 năm 2019
                Kính gửi: Các phòng chuyên môn
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.place()).isEqualTo("Lạc Sơn");
        assertThat(extraction.issuedOn()).isEqualTo(LocalDate.of(2019, 9, 3));
    }

    /** A header cell too narrow for "TỈNH ĐOÀN NAM ĐỊNH" breaks it after its first word. */
    @Test
    void joinsALoneLevelWordToTheNameUnderIt() {
        String text = """
                TỈNH
                ĐOÀN NAM ĐỊNH
                BCH ĐOÀN HUYỆN Ý YÊN
                ***
                Số: 12-CV/ĐTN
                ĐOÀN TNCS HỒ CHÍ MINH
                Ý Yên, ngày 5 tháng 4 năm 2019
                Kính gửi: Ban Chấp hành Đoàn các xã
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuerParent()).isEqualTo("TỈNH ĐOÀN NAM ĐỊNH");
        assertThat(extraction.issuer()).isEqualTo("BCH ĐOÀN HUYỆN Ý YÊN");
    }

    /** A trích yếu printed in quotation marks: the "V/v" behind the opening mark starts it, the marks are dropped. */
    @Test
    void readsAQuotedSubjectWithoutItsQuotationMarks() {
        String text = """
                BCH ĐOÀN HUYỆN Ý YÊN
                Số: 13-CV/ĐTN
                “V/v tổ chức
                ngày hội
                thanh niên 2019”
                ĐOÀN TNCS HỒ CHÍ MINH
                Ý Yên, ngày 5 tháng 4 năm 2019
                Kính gửi: Ban Chấp hành Đoàn các xã
                """;

        assertThat(FieldReader.read(text).subject()).isEqualTo("V/v tổ chức ngày hội thanh niên 2019");
    }

    /** The body that decides, printed under a Quyết định's trích yếu, is the preamble's authority, not the subject. */
    @Test
    void endsTheSubjectAtTheDecidingPresidium() {
        String text = """
                HỘI NÔNG DÂN VIỆT NAM
                Số: 88/QĐ-HNDTW
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Hà Nội, ngày 2 tháng 3 năm 2016
                QUYẾT ĐỊNH
                VỀ VIỆC BAN HÀNH QUY CHẾ THI ĐUA CỦA HỘI
                ĐOÀN CHỦ TỊCH TRUNG ƯƠNG HỘI NÔNG DÂN VIỆT NAM
                Căn cứ Điều lệ Hội Nông dân Việt Nam;
                """;

        assertThat(FieldReader.read(text).subject()).isEqualTo("VỀ VIỆC BAN HÀNH QUY CHẾ THI ĐUA CỦA HỘI");
    }

    /**
     * A page that keeps only the first line of the issuer block, "ỦY BAN NHÂN DÂN", and loses the heading: the authority
     * line names the body in full, and the capitals between the header rows and it are the trích yếu; the preamble
     * is known even with its words run together.
     */
    @Test
    void completesAGenericIssuerFromTheAuthorityLineAndReadsTheSubjectAboveIt() {
        String text = """
                ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
                Số: 15/2012/QĐ-UBND | Vĩnh Long, ngày 2 tháng 8 năm 2012 |
                BAN HÀNH QUY CHẾ QUẢN LÝ CỤM CÔNG NGHIỆP
                ỦY BAN NHÂN DÂN TỈNH VĨNH LONG
                CăncứLuật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26/11/2003;
                QUYẾT ĐỊNH:
                Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý cụm công nghiệp.
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuer()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH VĨNH LONG");
        assertThat(extraction.subject()).isEqualTo("BAN HÀNH QUY CHẾ QUẢN LÝ CỤM CÔNG NGHIỆP");
        assertThat(extraction.typeName()).isEqualTo("Quyết định");
    }

    /** With the trích yếu lost too, the authority line is no subject. */
    @Test
    void takesNoSubjectWhenOnlyTheAuthorityLineFollowsTheHeaderRows() {
        String text = """
                ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
                Số: 16/2012/QĐ-UBND | Vĩnh Long, ngày 3 tháng 8 năm 2012 |
                ỦY BAN NHÂN DÂN TỈNH VĨNH LONG
                Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26/11/2003;
                QUYẾT ĐỊNH:
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuer()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH VĨNH LONG");
        assertThat(extraction.subject()).isNull();
    }

    /** "THÔNG TƯ LIÊN TỊCH", or "TTLT" in the notation, is a joint circular, not a plain Thông tư nor a công văn. */
    @Test
    void readsAJointCircular() {
        String heading = """
                BỘ TÀI CHÍNH - BỘ NỘI VỤ
                Số: 07/2013/TTLT-BTC-BNV
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Hà Nội, ngày 4 tháng 2 năm 2013
                THÔNG TƯ LIÊN TỊCH
                """;
        String cut = """
                BỘ TÀI CHÍNH - BỘ NỘI VỤ
                Số: 07/2013/TTLT-BTC-BNV
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Hà Nội, ngày 4 tháng 2 năm 2013
                """;

        assertThat(FieldReader.read(heading).typeName()).isEqualTo("Thông tư liên tịch");
        assertThat(FieldReader.read(cut).typeName()).isEqualTo("Thông tư liên tịch");
    }

    @Test
    void readsDashedAddresseesStandingManyBlankLinesApart() {
        String text = """
                TỈNH ỦY BÌNH PHƯỚC
                BAN TỔ CHỨC
                Số 12-CV/BTCTU
                ĐẢNG CỘNG SẢN VIỆT NAM
                Bình Phước, ngày 03 tháng 4 năm 2022
                V/v rà soát hồ sơ đảng viên

                Kính gửi:

                - Các huyện ủy, thị ủy,



                - Các đảng ủy trực thuộc Tỉnh ủy.



                - Ngày 01/4/2022, Ban Thường vụ Tỉnh ủy đã có chỉ đạo rà soát hồ sơ.
                """;

        assertThat(FieldReader.read(text).addressees())
                .containsExactly("Các huyện ủy, thị ủy", "Các đảng ủy trực thuộc Tỉnh ủy");
    }

    @Test
    void findsTheHeaderUnderAWebPagesOwnLinesFlattenedIntoTheIssuersCell() {
        String text = """
                TIN TỨC - SỰ KIỆN <br> THÔNG BÁO<br> Kết quả hội thi năm 2023 <br> HỘI NÔNG DÂN TỈNH NINH BÌNH HỘI NÔNG DÂN HUYỆN KIM SƠN
                Số: 7/TB-HND
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Kim Sơn, ngày 05 tháng 5 năm 2023
                """;
        String heading = """
                Trang chủ Văn bản Ngày đăng: 10/5/2023 Trang 1
                CÔNG VĂN HƯỞNG ỨNG QUỸ VÌ NGƯỜI NGHÈO HỘI CỰU GIÁO CHỨC TỈNH BẮC NINH ----------- o0o -----------
                12
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: 15/CV-HCGC
                Bắc Ninh, ngày 05 tháng 5 năm 2023
                """;
        String subject = """
                Tin đăng ngày 12/3/2021 Công văn Về việc hưởng ứng Ngày Sách
                81
                ỦY BAN MTTQ VIỆT NAM TỈNH BẮC NINH BAN PHONG TRÀO Về việc hưởng ứng Ngày Sách
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Bắc Ninh, ngày 12 tháng 3 năm 2021
                """;

        Extraction flattened = FieldReader.read(text);
        assertThat(flattened.issuer()).isEqualTo("HỘI NÔNG DÂN HUYỆN KIM SƠN");
        assertThat(flattened.issuerParent()).isEqualTo("HỘI NÔNG DÂN TỈNH NINH BÌNH");
        Extraction afterHeading = FieldReader.read(heading);
        assertThat(afterHeading.issuer()).isEqualTo("HỘI CỰU GIÁO CHỨC TỈNH BẮC NINH");
        assertThat(afterHeading.issuerParent()).isNull();
        assertThat(afterHeading.family()).isEqualTo(Family.MASS_ORG);
        Extraction withSubject = FieldReader.read(subject);
        assertThat(withSubject.issuer()).isEqualTo("BAN PHONG TRÀO");
        assertThat(withSubject.issuerParent()).isEqualTo("ỦY BAN MTTQ VIỆT NAM TỈNH BẮC NINH");
        assertThat(withSubject.subject()).isEqualTo("Về việc hưởng ứng Ngày Sách");
    }

    @Test
    void tellsUndashedAddresseesEndingWithACommaByWhatFollows() {
        String text = """
                Kính gửi:
                Hội Cựu chiến binh và các tổ chức chính trị - xã hội huyện,
                Cấp ủy các chi bộ trực thuộc,
                Các đồng chí tuyên truyền viên cơ sở.

                Thực hiện kế hoạch của Huyện ủy, Ban Tuyên giáo hướng dẫn như sau.
                """;
        String wrapped = """
                Kính gửi:
                Hiệu trưởng các trường Mầm non, Tiểu học,
                trung học cơ sở trên địa bàn huyện,
                THCS và THPT ngoài công lập.

                Thực hiện kế hoạch của Sở, Phòng hướng dẫn như sau.
                """;

        assertThat(FieldReader.read(text).addressees())
                .containsExactly(
                        "Hội Cựu chiến binh và các tổ chức chính trị - xã hội huyện",
                        "Cấp ủy các chi bộ trực thuộc",
                        "Các đồng chí tuyên truyền viên cơ sở");
        assertThat(FieldReader.read(wrapped).addressees())
                .containsExactly("Hiệu trưởng các trường Mầm non, Tiểu học, trung học cơ sở trên địa bàn huyện,"
                        + " THCS và THPT ngoài công lập");
    }

    @Test
    void stopsAFlattenedSignersNameWhereHisTitleBegins() {
        String text = """
                Đề nghị các đơn vị thực hiện.

                Nơi nhận:- Như trên;- Lưu VP. TM. BAN CHẤP HÀNH CHỦ TỊCH (đã ký) Trần Văn Bình Bí thư Tỉnh đoàn Lạng Sơn
                """;

        Signer signer = FieldReader.read(text).signer();

        assertThat(signer.competence()).isEqualTo("TM. BAN CHẤP HÀNH");
        assertThat(signer.position()).isEqualTo("CHỦ TỊCH");
        assertThat(signer.fullName()).isEqualTo("Trần Văn Bình");
    }

    @Test
    void readsThroughInvisibleMarksAndFullWidthDigits() {
        String text = "ỦY BAN NHÂN DÂN\r\nHUYỆN KI\u200BM SƠN\r\nSố: \uFF11\uFF12/UBND-VP\r\n"
                + "Kim Sơn, ngày\u00A0 05 tháng 0\uFF15 năm 2023\r\nV/v tổng kết công tác thi đua\u00AD khen thưởng\r\n";

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.number()).isEqualTo(12);
        assertThat(extraction.issuer()).isEqualTo("ỦY BAN NHÂN DÂN HUYỆN KIM SƠN");
        assertThat(extraction.issuedOn()).isEqualTo(LocalDate.of(2023, 5, 5));
        assertThat(extraction.subject()).isEqualTo("V/v tổng kết công tác thi đua khen thưởng");
    }

    @Test
    void readsAHeaderWrittenInTitleCase() {
        String text = """
                Tỉnh Ủy Lạng Sơn
                Ban Dân Vận
                Số 21-CV/BDVTU
                Đảng Cộng Sản Việt Nam
                Lạng Sơn, ngày 03 tháng 4 năm 2022
                V/v tổ chức hội nghị
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.family()).isEqualTo(Family.PARTY);
        assertThat(extraction.issuer()).isEqualTo("BAN DÂN VẬN");
        assertThat(extraction.issuerParent()).isEqualTo("TỈNH ỦY LẠNG SƠN");
    }

    @Test
    void readsASignatureStackedAboveNoiNhan() {
        String text = """
                Đề nghị các đơn vị thực hiện.

                TM. BAN THƯỜNG VỤ
                PHÓ BÍ THƯ
                Lê Thị Mai

                Nơi nhận:
                - Như trên;
                - Lưu VP.
                """;

        Signer signer = FieldReader.read(text).signer();

        assertThat(signer.competence()).isEqualTo("TM. BAN THƯỜNG VỤ");
        assertThat(signer.position()).isEqualTo("PHÓ BÍ THƯ");
        assertThat(signer.fullName()).isEqualTo("Lê Thị Mai");
    }

    @Test
    void readsASignersNameWrittenBeforeThePosition() {
        String text = """
                Đề nghị các đơn vị thực hiện.

                Nơi nhận:
                - Như trên;
                - Lưu VP.
                TM. BAN THƯỜNG VỤ
                Lê Thị Mai
                PHÓ BÍ THƯ
                """;

        Signer signer = FieldReader.read(text).signer();

        assertThat(signer.competence()).isEqualTo("TM. BAN THƯỜNG VỤ");
        assertThat(signer.position()).isEqualTo("PHÓ BÍ THƯ");
        assertThat(signer.fullName()).isEqualTo("Lê Thị Mai");
    }

    /**
     * A ministry signs through a deputy minister ("THỨ TRƯỞNG") or the head of a department who names it ("VỤ TRƯỞNG
     * VỤ …"); a centre's deputy director may be printed "P. GIÁM ĐỐC" with no competence line above.
     */
    @Test
    void readsTheDeputyMinisterTheHeadOfADepartmentAndAnAbbreviatedDeputyAsPositions() {
        String deputy = """
                BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN
                Số: 812/BNN-KH
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Hà Nội, ngày 3 tháng 3 năm 2016
                Kính gửi: Các sở nông nghiệp

                Đề nghị các sở báo cáo trước ngày 20/3/2016./.

                Nơi nhận:
                - Như trên;
                - Lưu: VT, KH.

                KT. BỘ TRƯỞNG
                THỨ TRƯỞNG
                Lê Quốc Doanh
                """;
        String head = deputy.replace(
                "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nLê Quốc Doanh",
                "TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ KẾ HOẠCH VÀ ĐẦU TƯ NÔNG NGHIỆP\nPhạm Văn Hùng");
        String abbreviated =
                deputy.replace("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nLê Quốc Doanh", "P. GIÁM ĐỐC\n(đã ký)\nTrần Thị Thu Hà");

        assertThat(FieldReader.read(deputy).signer().position()).isEqualTo("THỨ TRƯỞNG");
        assertThat(FieldReader.read(head).signer().position()).isEqualTo("VỤ TRƯỞNG VỤ KẾ HOẠCH VÀ ĐẦU TƯ NÔNG NGHIỆP");
        assertThat(FieldReader.read(head).signer().fullName()).isEqualTo("Phạm Văn Hùng");
        assertThat(FieldReader.read(abbreviated).signer().position()).isEqualTo("P. GIÁM ĐỐC");
        assertThat(FieldReader.read(abbreviated).signer().fullName()).isEqualTo("Trần Thị Thu Hà");
    }

    /**
     * A number padded with spaces up to its slash ("Số:   14    /HVHNT TS"), as a page aligns the header with spaces: the
     * gap is inside the number line, not between two columns; a notation whose last part is a second word of
     * initials keeps it.
     */
    @Test
    void readsANotationAfterAWideGapBehindTheNumber() {
        String text = """
                   HỘI CỰU GIÁO CHỨC VIỆT NAM         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                       HỘI CỰU GIÁO CHỨC TỈNH                Độc lập – Tự do – Hạnh phúc
                     Số:   27    /TB- Hội CGC
                                                     Bắc Ninh, ngày  3  tháng 4   năm 2019
                Kính gửi: Các chi hội
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.number()).isEqualTo(27);
        assertThat(extraction.notation()).isEqualTo("TB-Hội CGC");
        assertThat(extraction.typeName()).isEqualTo("Thông báo");
        assertThat(FieldReader.read(text.replace("/TB- Hội CGC", "/CGC BN")).notation())
                .isEqualTo("CGC BN");
    }

    /**
     * A heading qualified in brackets ("QUY ĐỊNH (BỔ SUNG)", "QUYẾT ĐỊNH (SỬA ĐỔI)") is still the heading: it gives the
     * type, rather than the notation's ambiguous QĐ, and the trích yếu under it.
     */
    @Test
    void readsAHeadingQualifiedInBrackets() {
        String text = """
                BAN BÍ THƯ
                ĐẢNG CỘNG SẢN VIỆT NAM
                Số: 48-QĐ/TW
                Hà Nội, ngày 5 tháng 3 năm 2012
                QUY ĐỊNH (SỬA ĐỔI)
                VỀ CHẾ ĐỘ HỌC TẬP LÝ LUẬN CHÍNH TRỊ
                TRONG ĐẢNG.
                - Căn cứ Điều lệ Đảng;
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.typeName()).isEqualTo("Quy định");
        assertThat(extraction.subject()).isEqualTo("VỀ CHẾ ĐỘ HỌC TẬP LÝ LUẬN CHÍNH TRỊ TRONG ĐẢNG.");
    }

    /**
     * A trích yếu line ending with a comma goes on, even when the next line starts like an authority ("CHỦ TỊCH
     * NƯỚC …"): an authority line follows a finished subject, never a comma.
     */
    @Test
    void goesOnWithASubjectLineEndingWithAComma() {
        String text = """
                BỘ CHÍNH TRỊ
                ĐẢNG CỘNG SẢN VIỆT NAM
                Số: 105-QĐ/TW
                Hà Nội, ngày 19 tháng 2 năm 2018
                QUY ĐỊNH
                VỀ PHÂN CẤP QUẢN LÝ CÁN BỘ CỦA BAN BÍ THƯ,
                CHỦ TỊCH NƯỚC VÀ CÁC CƠ QUAN Ở TRUNG ƯƠNG
                - Căn cứ Điều lệ Đảng;
                """;

        assertThat(FieldReader.read(text).subject())
                .isEqualTo("VỀ PHÂN CẤP QUẢN LÝ CÁN BỘ CỦA BAN BÍ THƯ, CHỦ TỊCH NƯỚC VÀ CÁC CƠ QUAN Ở TRUNG ƯƠNG");
    }

    /** "KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Quốc Doanh": the deputy minister signs for the minister, on one flattened line. */
    @Test
    void readsADeputyMinisterRunIntoTheCompetence() {
        String text = """
                BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN
                Số: 812/BNN-KH
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Hà Nội, ngày 3 tháng 3 năm 2016
                Kính gửi: Các sở nông nghiệp
                Đề nghị các sở báo cáo trước ngày 20/3/2016./.
                Nơi nhận: - Như trên; - Lưu: VT, KH. KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Quốc Doanh
                """;

        Signer signer = FieldReader.read(text).signer();

        assertThat(signer.competence()).isEqualTo("KT. BỘ TRƯỞNG");
        assertThat(signer.position()).isEqualTo("THỨ TRƯỞNG");
        assertThat(signer.fullName()).isEqualTo("Lê Quốc Doanh");
    }

    /** "BỘ CÔNG AN ——-": a rule drawn with mixed dashes after the name, once the header cell is one line, is no part of it. */
    @Test
    void dropsARuleOfMixedDashesAfterTheIssuer() {
        String text = """
                BỘ CÔNG AN ——- —————
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc
                Số: 12/2016/TT-BCA
                Hà Nội, ngày 1 tháng 2 năm 2016
                THÔNG TƯ
                QUY ĐỊNH VỀ CÔNG TÁC VĂN THƯ
                """;

        assertThat(FieldReader.read(text).issuer()).isEqualTo("BỘ CÔNG AN");
    }

    /**
     * "ỦY BAN NHÂN DÂN QUẬN 9 TRUNG TÂM VĂN HÓA": a state header cell kept as one paragraph runs the committee and the
     * unit under it together; the unit starts at its kind of body (a trung tâm as a phòng or a sở); a name with the
     * word inside it ("BỆNH VIỆN TRUNG TÂM") is not cut.
     */
    @Test
    void cutsAUnitOffThePeoplesCommitteeOnAFlattenedLine() {
        String text = """
                ỦY BAN NHÂN DÂN QUẬN 3 TRUNG TÂM THỂ DỤC THỂ THAO
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc
                Số: 45/TTTDTT
                Quận 3, ngày 2 tháng 5 năm 2019
                Kính gửi: Ủy ban nhân dân các xã
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuer()).isEqualTo("TRUNG TÂM THỂ DỤC THỂ THAO");
        assertThat(extraction.issuerParent()).isEqualTo("ỦY BAN NHÂN DÂN QUẬN 3");
        assertThat(FieldReader.read(text.replace("QUẬN 3 TRUNG TÂM", "BỆNH VIỆN TRUNG TÂM"))
                        .issuer())
                .isEqualTo("ỦY BAN NHÂN DÂN BỆNH VIỆN TRUNG TÂM THỂ DỤC THỂ THAO");
    }

    /**
     * "Kính gửi: Hội Nông dân các huyện:" with the districts on the indented lines under it, without dashes: the colon
     * opens an enumeration that the lines under it complete, one addressee; the body after a blank line is not part of
     * it.
     */
    @Test
    void joinsTheEnumerationUnderAnAddresseeEndingWithAColon() {
        String text = """
                HỘI NÔNG DÂN VIỆT NAM
                BCH HỘI NÔNG DÂN TỈNH KIÊN GIANG
                Số: 88/CV-HND
                Rạch Giá, ngày 3 tháng 4 năm 2019

                Kính gửi: Hội Nông dân các huyện:

                          Tân Hiệp, Giồng Riềng, Gò Quao,

                          An Biên và U Minh Thượng

                Ban Thường vụ Hội Nông dân tỉnh đề nghị các huyện báo cáo số hội viên trước ngày 20/4/2019.
                """;

        assertThat(FieldReader.read(text).addressees())
                .containsExactly("Hội Nông dân các huyện: Tân Hiệp, Giồng Riềng, Gò Quao, An Biên và U Minh Thượng");
    }

    /**
     * Both header columns on each line: "V/v hưởng ứng Tuần lễ quốc gia    Đà Nẵng, ngày …", then "Phòng chống thiên
     * tai năm 2018" alone. The trích yếu's second line comes after the date; standing between the header and "Kính
     * gửi", it is the rest of the subject even when it opens with a capital.
     */
    @Test
    void continuesASubjectWithACapitalisedLineAfterTheDateBesideIt() {
        String text = """
                LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

                CÔNG ĐOÀN NGÀNH XÂY DỰNG                      Độc lập – Tự do – Hạnh phúc

                Số:  41/CĐXD

                V/v hưởng ứng Tuần lễ quốc gia                                 Đà Nẵng, ngày 9  tháng 5 năm 2018

                Phòng chống thiên tai năm 2018

                Kính gửi: Các Công đoàn cơ sở trực thuộc

                          Thực hiện Công văn số 315/LĐLĐ của Liên đoàn Lao động thành phố, Công đoàn ngành đề nghị các
                Công đoàn cơ sở triển khai các nội dung sau.
                """;

        assertThat(FieldReader.read(text).subject())
                .isEqualTo("V/v hưởng ứng Tuần lễ quốc gia Phòng chống thiên tai năm 2018");
    }

    /**
     * "Nơi nhận: -Sở Nội vụ (b/c); -BGH (t/h); - Lưu (VT)": a list flattened into one line whose dashes are glued to the
     * next item, with a space before them, is cut at each of them, as the lists without spaces ";-" and with a space
     * after the dash "; - " are.
     */
    @Test
    void cutsAFlattenedListAtDashesGluedToTheNextItem() {
        String text = """
                TRƯỜNG TIỂU HỌC HÒA BÌNH
                Số: 52 /KH-THHB
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập-Tự do-Hạnh phúc
                Tân Uyên, ngày 5 tháng 10 năm 2020
                KẾ HOẠCH
                Tổ chức Hội khỏe Phù Đổng cấp trường
                Nhà trường xây dựng kế hoạch như sau./.
                Nơi nhận: -Phòng GD&ĐT Tân Uyên (b/c); -BGH (t/h); -Cổng TTĐT trường; - Lưu (VT)
                HIỆU TRƯỞNG
                Lê Văn Hùng
                """;

        assertThat(FieldReader.read(text).distribution())
                .containsExactly("Phòng GD&ĐT Tân Uyên (b/c)", "BGH (t/h)", "Cổng TTĐT trường", "Lưu (VT)");
    }

    /**
     * "I- Tình hình …", "1- Kết quả …": the Party numbers the body's parts and points with a hyphen; the first of them
     * ends the trích yếu as "I." and "1." do.
     */
    @Test
    void endsTheSubjectAtAPartyHeadingNumberedWithAHyphen() {
        String text = """
                TỈNH ỦY LÂM ĐỒNG
                ĐẢNG CỘNG SẢN VIỆT NAM
                Số 05-NQ/TU Đà Lạt, ngày 10 tháng 3 năm 2021
                NGHỊ QUYẾT
                VỀ PHÁT TRIỂN DU LỊCH GIAI ĐOẠN
                2021-2025
                I- Tình hình và kết quả thực hiện Nghị quyết số 02-NQ/TU
                1- Ngành du lịch đã có bước phát triển khá.
                """;

        assertThat(FieldReader.read(text).subject()).isEqualTo("VỀ PHÁT TRIỂN DU LỊCH GIAI ĐOẠN 2021-2025");
        assertThat(FieldReader.read(text.replace("I- Tình hình", "1- Tình hình"))
                        .subject())
                .isEqualTo("VỀ PHÁT TRIỂN DU LỊCH GIAI ĐOẠN 2021-2025");
    }

    /**
     * "TM. ĐOÀN CHỦ TỊCH" (a presidium) and "T/M BAN BÍ THƯ" (a secretariat) name the body signed for; the position
     * words at their end are part of its name, not a position run into the competence.
     */
    @Test
    void keepsABodyNamedWithAPositionWordWholeInTheCompetence() {
        String text = """
                HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: 12/QĐ-ĐCT
                Hà Nội, ngày 5 tháng 4 năm 2019
                QUYẾT ĐỊNH
                VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC
                Điều 1. Ban hành Quy chế làm việc.
                Nơi nhận:
                - Như Điều 1;
                - Lưu VT.
                TM. ĐOÀN CHỦ TỊCH
                CHỦ TỊCH
                Trần Thị Hoa
                """;

        Signer signer = FieldReader.read(text).signer();

        assertThat(signer.competence()).isEqualTo("TM. ĐOÀN CHỦ TỊCH");
        assertThat(signer.position()).isEqualTo("CHỦ TỊCH");
        assertThat(signer.fullName()).isEqualTo("Trần Thị Hoa");
        String party = """
                BAN CHẤP HÀNH TRUNG ƯƠNG
                ĐẢNG CỘNG SẢN VIỆT NAM
                Số 20-CT/TW Hà Nội, ngày 5 tháng 1 năm 2018
                CHỈ THỊ
                VỀ TĂNG CƯỜNG CÔNG TÁC KIỂM TRA
                Các cấp ủy tổ chức thực hiện Chỉ thị này.
                Nơi nhận:
                - Các tỉnh ủy, thành ủy,
                - Lưu Văn phòng Trung ương Đảng.
                T/M BAN BÍ THƯ
                Lê Văn Bình
                """;

        assertThat(FieldReader.read(party).signer().competence()).isEqualTo("T/M BAN BÍ THƯ");
    }

    /**
     * "QUYẾT ĐỊNH / CỦA BỘ TRƯỞNG BỘ Y TẾ SỐ 12/QĐ NGÀY 5-3-1990 / VỀ VIỆC …": an old act's title restates its author,
     * number and date before the matter; the trích yếu is the matter.
     */
    @Test
    void dropsTheAuthorNumberAndDateAnOldTitleRestatesBeforeTheMatter() {
        String text = """
                BỘ Y TẾ
                Số: 12/QĐ
                CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Hà Nội, ngày 5 tháng 3 năm 1990
                QUYẾT ĐỊNH
                CỦA BỘ TRƯỞNG BỘ Y TẾ SỐ 12/QĐ
                NGÀY 5-3-1990 VỀ VIỆC THÀNH LẬP
                BỆNH VIỆN ĐA KHOA KHU VỰC
                BỘ TRƯỞNG BỘ Y TẾ
                Căn cứ Luật Tổ chức Hội đồng Bộ trưởng;
                """;

        assertThat(FieldReader.read(text).subject()).isEqualTo("VỀ VIỆC THÀNH LẬP BỆNH VIỆN ĐA KHOA KHU VỰC");
    }

    /** A copy that ends "(Đã ký)" and the name, with no competence, position or Nơi nhận printed: the name is the signer. */
    @Test
    void readsTheNameAfterTheSignedMarkThatEndsACopy() {
        String text = """
                BỘ Y TẾ
                Số: 12/QĐ
                CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Hà Nội, ngày 5 tháng 3 năm 1990
                QUYẾT ĐỊNH
                VỀ VIỆC THÀNH LẬP BỆNH VIỆN
                Điều 1. Thành lập Bệnh viện Đa khoa khu vực.
                Điều 2. Quyết định này có hiệu lực từ ngày ký.

                (Đã ký)

                Phạm Song
                """;

        Signer signer = FieldReader.read(text).signer();

        assertThat(signer).isNotNull();
        assertThat(signer.fullName()).isEqualTo("Phạm Song");
        assertThat(signer.position()).isNull();
        assertThat(signer.competence()).isNull();
    }

    /** A dashed addressee wrapped over three lines by a narrow page: its lines without a dash are its rest. */
    @Test
    void readsADashedAddresseeWrappedOverSeveralLines() {
        String text = """
                BỘ TÀI CHÍNH
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: 1203/BTC-NSNN
                Hà Nội, ngày 2 tháng 2 năm 2017
                V/v báo cáo dự toán
                Kính gửi:
                - Các Bộ, cơ quan ngang Bộ, cơ quan thuộc
                Chính phủ, cơ quan khác ở Trung ương và các
                tổ chức chính trị - xã hội;
                - Ủy ban nhân dân các tỉnh.
                Bộ Tài chính đề nghị các cơ quan báo cáo trước ngày 15/2/2017.
                """;

        assertThat(FieldReader.read(text).addressees())
                .containsExactly(
                        "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ, cơ quan khác ở Trung ương và các tổ chức"
                                + " chính trị - xã hội",
                        "Ủy ban nhân dân các tỉnh");
    }

    /**
     * A signature block a page ran into one line, with or without the Nơi nhận items before it: where the competence
     * ends and the position starts is told from what each is (a body after "TM.", a title after "KT.", a unit's head
     * after "TL."), for bodies and titles no rule names.
     */
    @Test
    void splitsAFlattenedSignatureAtWhatTheCompetenceAndThePositionAre() {
        String head = """
                ỦY BAN NHÂN DÂN HUYỆN KRÔNG PA
                Số: 12/UBND-VP
                Krông Pa, ngày 3 tháng 3 năm 2021
                Kính gửi: Các xã
                Đề nghị các xã báo cáo trước ngày 20/3/2021.
                """;

        Signer deputy = FieldReader.read(
                        head + "Nơi nhận: - Như trên; - Lưu VT TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH"
                                + " Nguyễn Văn An")
                .signer();
        Signer committee = FieldReader.read(
                        head + "Nơi nhận: - Như trên; - Lưu VT T/M BAN CHẤP HÀNH HIỆP HỘI PHÓ CHỦ TỊCH Trần Văn Bình")
                .signer();
        Signer office = FieldReader.read(
                        head + "Nơi nhận: - Như trên; - Lưu VP T.M ĐẢNG ỦY KHỐI DOANH NGHIỆP BÍ THƯ Lê Thị Cúc")
                .signer();
        Signer unit = FieldReader.read(head + "- Lưu: VT TL. BỘ TRƯỞNG TRƯỞNG PHÒNG KẾ HOẠCH TÀI CHÍNH Phạm Văn Dũng")
                .signer();

        assertThat(deputy.competence()).isEqualTo("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH");
        assertThat(deputy.position()).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(deputy.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(committee.competence()).isEqualTo("TM. BAN CHẤP HÀNH HIỆP HỘI");
        assertThat(committee.position()).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(committee.fullName()).isEqualTo("Trần Văn Bình");
        assertThat(office.competence()).isEqualTo("TM. ĐẢNG ỦY KHỐI DOANH NGHIỆP");
        assertThat(office.position()).isEqualTo("BÍ THƯ");
        Signer beside = FieldReader.read(head + "Nơi nhận: T/M BAN CHẤP HÀNH - Các chi bộ trực thuộc, BÍ THƯ")
                .signer();
        assertThat(beside.competence()).isEqualTo("TM. BAN CHẤP HÀNH");
        assertThat(beside.position()).isEqualTo("BÍ THƯ");
        assertThat(unit.competence()).isEqualTo("TL. BỘ TRƯỞNG");
        assertThat(unit.position()).isEqualTo("TRƯỞNG PHÒNG KẾ HOẠCH TÀI CHÍNH");
        assertThat(unit.fullName()).isEqualTo("Phạm Văn Dũng");
        // "Đoàn Chủ tịch" is a presidium's name: a body is not named by one word, so no position starts in it.
        assertThat(FieldReader.flattenedSignature("TM. ĐOÀN CHỦ TỊCH")).isEqualTo("TM. ĐOÀN CHỦ TỊCH");
    }

    /**
     * A copy that reads the right cell before the number: the place-and-date line, broken by its narrow cell or left
     * blank for the signer, stands between the issuer and the number, and the issuer above it is still the issuer.
     */
    @Test
    void readsTheIssuerAboveADateLineBrokenBeforeTheNumber() {
        String broken = """
                SỞ NÔNG NGHIỆP
                TỈNH ĐIỆN BIÊN
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Mường Lay, ngày 14
                tháng 5 năm 2022
                Số: 31/SNN-VP
                V/v báo cáo tình hình sản xuất
                Kính gửi: Các phòng chuyên môn
                """;
        String placeBroken = broken.replace("Mường Lay, ngày 14\ntháng", "Mường\nLay, ngày 14 tháng");
        String blank = broken.replace("Mường Lay, ngày 14\ntháng 5 năm 2022", "Mường Lay, ngày    tháng    năm 2022");

        assertThat(FieldReader.read(broken).issuer()).isEqualTo("SỞ NÔNG NGHIỆP TỈNH ĐIỆN BIÊN");
        assertThat(FieldReader.read(placeBroken).issuer()).isEqualTo("SỞ NÔNG NGHIỆP TỈNH ĐIỆN BIÊN");
        assertThat(FieldReader.read(blank).issuer()).isEqualTo("SỞ NÔNG NGHIỆP TỈNH ĐIỆN BIÊN");
        assertThat(FieldReader.read(placeBroken).place()).isEqualTo("Mường Lay");
        // The number read before the issuer's cell: the header is the lines in capitals under it.
        String numberFirst = """
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Mường Lay, ngày 14 tháng 5 năm 2022
                Số: 31/SNN-VP
                UBND TỈNH ĐIỆN BIÊN
                SỞ NÔNG NGHIỆP
                V/v báo cáo tình hình sản xuất
                Kính gửi: Các phòng chuyên môn
                """;
        Extraction under = FieldReader.read(numberFirst);
        assertThat(under.issuer()).isEqualTo("SỞ NÔNG NGHIỆP");
        assertThat(under.issuerParent()).isEqualTo("UBND TỈNH ĐIỆN BIÊN");
        assertThat(under.subject()).isEqualTo("V/v báo cáo tình hình sản xuất");
    }

    /**
     * A site's table cuts header cells at their width inside words: the word is joined again when the joined word is
     * one a header is written with and neither part is; words cut at a space stay apart.
     */
    @Test
    void joinsHeaderWordsATableCutInTwo() {
        String text = """
                HUYỆN ỦY ĐIỆN BIÊN ĐÔNG
                BAN TUYÊN GI
                ÁO
                ĐẢNG CỘNG SẢN VIỆ
                T NAM
                Số: 65-CV/BT
                GQU
                Điện Biên Đông, ngày 12 tháng 7 năm 2023
                V/v tuyên truyền
                Kính gửi: Các chi bộ
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuer()).isEqualTo("BAN TUYÊN GIÁO");
        assertThat(extraction.family()).isEqualTo(Family.PARTY);
        assertThat(extraction.notation()).isEqualTo("CV/BTGQU");
        assertThat(FieldReader.wordsBrokenByCells(List.of("ỦY BAN NHÂN", "DÂN TỈNH")))
                .containsExactly("ỦY BAN NHÂN", "DÂN TỈNH");
    }

    /**
     * A Word table printed to PDF and read column after column: the left cell runs from the issuer down to "Kính gửi:",
     * the right cell (motto, its second line, place and date) comes under the label, then the addressees. The
     * addressees are the dashed lines, the date is the header's.
     */
    @Test
    void theRightColumnReadUnderTheLabelGoesBackAboveIt() {
        String text = """
                UBND HUYỆN AN PHÚ
                PHÒNG VĂN HÓA VÀ THÔNG TIN
                Số: 41/VHTT
                V/v tổ chức các hoạt động
                mừng Xuân
                Kính gửi:
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập- Tự do- Hạnh phúc
                An Phú, ngày 12 tháng 1 năm 2024
                - Ủy ban nhân dân các xã, thị trấn;
                - Trung tâm Văn hóa - Thể thao huyện.
                Thực hiện Kế hoạch số 12/KH-UBND của Ủy ban nhân dân huyện, Phòng Văn hóa và Thông tin đề nghị:
                Nơi nhận:
                - Như trên;
                - Lưu: VT.
                TRƯỞNG PHÒNG
                Lê Thị Mai
                """;

        Extraction read = FieldReader.read(text);

        assertThat(read.addressees())
                .containsExactly("Ủy ban nhân dân các xã, thị trấn", "Trung tâm Văn hóa - Thể thao huyện");
        assertThat(read.issuedOn()).isEqualTo(java.time.LocalDate.of(2024, 1, 12));
        assertThat(read.place()).isEqualTo("An Phú");
        assertThat(read.issuer()).isEqualTo("PHÒNG VĂN HÓA VÀ THÔNG TIN");
        assertThat(read.subject()).isEqualTo("V/v tổ chức các hoạt động mừng Xuân");
    }

    /** An urgency mark or a two-word title in sentence case between the date and "Kính gửi" is not the subject's rest. */
    @Test
    void keepsAnUrgencyMarkOrATitleBeforeTheSalutationOutOfTheSubject() {
        String text = """
                UBND TỈNH ĐỒNG NAI                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ Y TẾ                          Độc lập – Tự do – Hạnh phúc
                Số: 41/SYT-NV
                V/v phòng chống dịch sốt xuất huyết          Biên Hòa, ngày 9 tháng 5 năm 2018

                Hỏa tốc

                Kính gửi: Trung tâm Y tế các huyện

                          Sở Y tế đề nghị các đơn vị triển khai ngay các biện pháp phòng chống dịch.
                """;

        assertThat(FieldReader.read(text).subject()).isEqualTo("V/v phòng chống dịch sốt xuất huyết");
        assertThat(FieldReader.read(text.replace("Hỏa tốc", "Thư ngỏ")).subject())
                .isEqualTo("V/v phòng chống dịch sốt xuất huyết");
    }

    /**
     * "Kính gửi: Đồng chí Bí thư Huyện ủy Ba Tri:" names one person; the body's first line under it, "Ban Tổ chức, Ban
     * Tuyên giáo và Văn phòng", is no enumeration of it. Only a plural head ("các huyện:") opens one.
     */
    @Test
    void enumeratesOnlyUnderAnAddresseeNamingSeveral() {
        String text = """
                TỈNH ỦY BẾN TRE
                ĐẢNG CỘNG SẢN VIỆT NAM
                Số 120-CV/TU Bến Tre, ngày 3 tháng 4 năm 2019
                V/v chuẩn bị hội nghị sơ kết
                Kính gửi: Đồng chí Bí thư Huyện ủy Ba Tri:
                Ban Tổ chức, Ban Tuyên giáo và Văn phòng
                Tỉnh ủy phối hợp chuẩn bị nội dung hội nghị sơ kết.
                """;

        assertThat(FieldReader.read(text).addressees()).containsExactly("Đồng chí Bí thư Huyện ủy Ba Tri:");
    }

    /** "Chỉ thị" then "05-CT/TW của Bộ Chính trị": a Party number wrapped to a line's start is no numbered heading. */
    @Test
    void keepsAPartyNumberWrappedToTheLineStartInTheSubject() {
        String text = """
                HUYỆN ỦY CHÂU THÀNH
                ĐẢNG CỘNG SẢN VIỆT NAM
                Số 65-CV/HU Châu Thành, ngày 12 tháng 7 năm 2023
                V/v học tập, quán triệt Chỉ thị
                05-CT/TW của Bộ Chính trị
                Kính gửi: Các chi bộ trực thuộc
                Ban Thường vụ Huyện ủy đề nghị các chi bộ tổ chức học tập.
                """;

        assertThat(FieldReader.read(text).subject())
                .isEqualTo("V/v học tập, quán triệt Chỉ thị 05-CT/TW của Bộ Chính trị");
    }

    /** "TM. BAN CHẤP HÀNH CÔNG ĐOÀN CHỦ TỊCH": a trade union's committee and its chair, not a presidium. */
    @Test
    void splitsATradeUnionCompetenceFromTheChairRunIntoIt() {
        String text = """
                CÔNG ĐOÀN NGÀNH GIÁO DỤC          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: 15/CĐN
                Hà Nội, ngày 5 tháng 4 năm 2019
                V/v tổ chức hội thao
                Kính gửi: Công đoàn cơ sở trực thuộc
                Công đoàn ngành đề nghị các công đoàn cơ sở tham gia.
                Nơi nhận:
                - Như trên;
                - Lưu VT.
                TM. BAN CHẤP HÀNH CÔNG ĐOÀN CHỦ TỊCH
                Nguyễn Văn Bình
                """;

        Signer signer = FieldReader.read(text).signer();

        assertThat(signer.competence()).isEqualTo("TM. BAN CHẤP HÀNH CÔNG ĐOÀN");
        assertThat(signer.position()).isEqualTo("CHỦ TỊCH");
    }

    /**
     * "CỦA THỦ TƯỚNG CHÍNH PHỦ SỬA ĐỔI QUYẾT ĐỊNH SỐ 45/QĐ-TTg NGÀY …": the number and date are the amended act's, the
     * matter comes before them; "Số dư ngày 31-12-2020 …" is a report's matter, no restated number.
     */
    @Test
    void keepsANumberAndDateThatBelongToTheMatter() {
        String text = """
                THỦ TƯỚNG CHÍNH PHỦ
                Số: 12/QĐ-TTg
                CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Hà Nội, ngày 5 tháng 3 năm 1995
                QUYẾT ĐỊNH
                CỦA THỦ TƯỚNG CHÍNH PHỦ SỬA ĐỔI QUYẾT ĐỊNH
                SỐ 45/QĐ-TTg NGÀY 5-3-1993 VỀ VIỆC THÀNH LẬP
                BỘ TRƯỞNG
                Căn cứ Luật Tổ chức Chính phủ;
                """;

        assertThat(FieldReader.read(text).subject()).startsWith("CỦA THỦ TƯỚNG CHÍNH PHỦ SỬA ĐỔI QUYẾT ĐỊNH SỐ 45");
        assertThat(FieldReader.withoutRestatedTitle("Số dư ngày 31-12-2020 của các quỹ tài chính"))
                .isEqualTo("Số dư ngày 31-12-2020 của các quỹ tài chính");
    }

    /** "- Các chi bộ khu phố" then the body in short lines: "Thực hiện chỉ đạo …" is no wrapped rest of the item. */
    @Test
    void keepsTheBodyOfANarrowPageOutOfAnUnclosedDashedAddressee() {
        String text = """
                ĐẢNG ỦY PHƯỜNG BẾN NGHÉ
                ĐẢNG CỘNG SẢN VIỆT NAM
                Số 65-CV/ĐU Quận 1, ngày 12 tháng 7 năm 2023
                V/v báo cáo số đảng viên
                Kính gửi:
                - Các chi bộ khu phố
                Thực hiện chỉ đạo của Quận ủy,
                Đảng ủy phường gửi kèm danh sách.
                """;

        assertThat(FieldReader.read(text).addressees()).containsExactly("Các chi bộ khu phố");
    }

    /**
     * "Số         -CTr/TU": a Party number left blank for the e-office to stamp, the type code after the dash; one line,
     * not two columns, so the header is still read.
     */
    @Test
    void readsAPartyNumberLineLeftBlankBeforeATypeCode() {
        String text = """
                HUYỆN ỦY TÂN AN
                *
                Số         -KH/HU

                ĐẢNG CỘNG SẢN VIỆT NAM

                Tân An, ngày        tháng 3 năm 2026

                KẾ HOẠCH
                tổ chức hội nghị sơ kết công tác dân vận
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuer()).isEqualTo("HUYỆN ỦY TÂN AN");
        assertThat(extraction.notation()).isEqualTo("KH/HU");
        assertThat(extraction.number()).isNull();
    }

    /** "CHƯƠNG TRÌNH HÀNH ĐỘNG", "KẾ HOẠCH CÔNG TÁC": a heading qualified by what kind of programme it is. */
    @Test
    void readsAHeadingQualifiedAsAnActionProgramme() {
        String text = """
                ĐẢNG ỦY XÃ PHÚ MỸ
                ĐẢNG CỘNG SẢN VIỆT NAM
                Số 12-CTr/ĐU Phú Mỹ, ngày 4 tháng 5 năm 2026
                CHƯƠNG TRÌNH HÀNH ĐỘNG
                thực hiện Nghị quyết Đại hội Đảng bộ xã
                nhiệm kỳ 2025 - 2030

                Thực hiện Nghị quyết Đại hội, Đảng ủy xã ban hành Chương trình hành động như sau:
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.typeName()).isEqualTo("Chương trình");
        assertThat(extraction.subject()).isEqualTo("thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025 - 2030");
    }

    /** A Party trích yếu under the number opens in small letters without "V/v": "về việc cử cán bộ …". */
    @Test
    void readsATrichYeuOpeningWithASmallVeViec() {
        String text = """
                ĐẢNG BỘ TỈNH NAM ĐỊNH                       ĐẢNG CỘNG SẢN VIỆT NAM
                ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH
                                                 Nam Định, ngày 3 tháng 4 năm 2026
                         Số 118-CV/ĐU
                về việc cử cán bộ dự lớp bồi dưỡng
                kiến thức quốc phòng

                Kính gửi: Các chi bộ trực thuộc.
                """;

        assertThat(FieldReader.read(text).subject())
                .isEqualTo("về việc cử cán bộ dự lớp bồi dưỡng kiến thức quốc phòng");
    }

    /** A body sentence a page wrapped before its "về việc" is no trích yếu in small letters. */
    @Test
    void readsNoTrichYeuFromABodySentenceWrappedBeforeItsVeViec() {
        String text = """
                ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: 335/KH-UBND
                Phú Thọ, ngày 10 tháng 02 năm 2023
                5. Căn cứ Quyết định số 932/QĐ-UBND ngày 22/4/2016 của UBND tỉnh Phú Thọ
                về việc quy định cụ thể hóa Điều 18 và Điều 20 của Thông tư 01/2016/TT-BGDĐT;
                """;

        assertThat(FieldReader.read(text).subject()).isNull();
    }

    /**
     * "NGHỊ QUYẾT" / "CỦA BAN THƯỜNG VỤ HUYỆN ỦY" / "về …", or "CỦA BỘ CHÍNH TRỊ VỀ …" on one line: the heading names
     * its author again; the trích yếu is the matter. An author that amends or enacts something is part of the matter.
     */
    @Test
    void dropsTheAuthorRestatedUnderAHeading() {
        String separate = """
                HUYỆN ỦY BẢO THẮNG
                ĐẢNG CỘNG SẢN VIỆT NAM
                Số 05-NQ/HU Bảo Thắng, ngày 9 tháng 1 năm 2026
                NGHỊ QUYẾT
                CỦA BAN THƯỜNG VỤ HUYỆN ỦY
                về phát triển du lịch cộng đồng
                Trong những năm qua, du lịch của huyện có bước phát triển.
                """;
        String oneLine = """
                BAN CHẤP HÀNH TRUNG ƯƠNG
                ĐẢNG CỘNG SẢN VIỆT NAM
                Số: 15-NQ/TW Hà Nội, ngày 2 tháng 3 năm 2024
                NGHỊ QUYẾT
                CỦA BỘ CHÍNH TRỊ VỀ PHƯƠNG HƯỚNG PHÁT TRIỂN VÙNG TÂY NGUYÊN
                I- TÌNH HÌNH
                """;

        assertThat(FieldReader.read(separate).subject()).isEqualTo("về phát triển du lịch cộng đồng");
        assertThat(FieldReader.read(oneLine).subject()).isEqualTo("VỀ PHƯƠNG HƯỚNG PHÁT TRIỂN VÙNG TÂY NGUYÊN");
        assertThat(FieldReader.withoutRestatedTitle("CỦA THỦ TƯỚNG CHÍNH PHỦ SỬA ĐỔI QUYẾT ĐỊNH VỀ VIỆC THÀNH LẬP"))
                .isEqualTo("CỦA THỦ TƯỚNG CHÍNH PHỦ SỬA ĐỔI QUYẾT ĐỊNH VỀ VIỆC THÀNH LẬP");
    }

    /**
     * "UBND QUẬN HOÀN KIẾM" over "HỘI NGƯỜI CAO TUỔI" under the national motto: the people's committee manages the
     * association, which is the issuer and a mass organisation; "THƯ NGỎ" is the letter's type.
     */
    @Test
    void readsAnAssociationUnderItsManagingCommitteeAsAMassOrganisation() {
        String text = """
                UBND QUẬN HOÀN KIẾM
                HỘI NGƯỜI CAO TUỔI
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Hoàn Kiếm, ngày 10 tháng 9 năm 2025
                THƯ NGỎ
                Kính gửi: Các doanh nghiệp trên địa bàn quận
                Hội Người cao tuổi quận đã qua nhiều năm hoạt động.
                """;
        String council = """
                UBND HUYỆN GIA LÂM
                HỘI ĐỒNG THI ĐUA KHEN THƯỞNG
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Số: 7/HĐTĐKT
                Gia Lâm, ngày 10 tháng 9 năm 2025
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.family()).isEqualTo(Family.MASS_ORG);
        assertThat(extraction.typeName()).isEqualTo("Thư ngỏ");
        assertThat(FieldReader.read(council).family()).isEqualTo(Family.STATE);
    }

    /** "Nơi nhân:" (the dot under "ậ" lost by OCR) still opens the foot; "Nơi nhân dân …" in the body does not. */
    @Test
    void readsAFootLabelWhoseDotOCRLost() {
        String text = """
                TỈNH ỦY YÊN BÁI
                ĐẢNG CỘNG SẢN VIỆT NAM
                Số 20-TB/TU Yên Bái, ngày 2 tháng 2 năm 2026
                THÔNG BÁO
                kết luận của Ban Thường vụ Tỉnh ủy
                Ban Thường vụ Tỉnh ủy kết luận như sau.
                Nơi nhân: T/L BAN THƯỜNG VỤ
                - Các đảng ủy trực thuộc,
                - Lưu Văn phòng Tỉnh ủy.
                CHÁNH VĂN PHÒNG

                Trần Văn Nam
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.distribution()).containsExactly("Các đảng ủy trực thuộc", "Lưu Văn phòng Tỉnh ủy");
        assertThat(extraction.signer().competence()).isEqualTo("T/L BAN THƯỜNG VỤ");
        assertThat(extraction.signer().fullName()).isEqualTo("Trần Văn Nam");
    }

    /**
     * A scan of a digitally signed document shows the signature's appearance above the header: the signer's name,
     * again, and the signing time ("28-07-2026 09:58:36 +07:00"). It is no body above the issuer.
     */
    @Test
    void leavesTheSignatureStampAboveTheHeaderOut() {
        String text = """
                VĂN PHÒNG TỈNH ỦY
                VĂN PHÒNG TỈNH ỦY.
                14-05-2026 10:12:40 +07:00

                TỈNH ỦY HÀ GIANG ĐẢNG CỘNG SẢN VIỆT NAM
                *
                Số 31-CV/TU Hà Giang, ngày 14 tháng 5 năm 2026
                V/v chuẩn bị hội nghị
                Kính gửi: Các huyện ủy, thành ủy.
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuer()).isEqualTo("TỈNH ỦY HÀ GIANG");
        assertThat(extraction.issuerParent()).isNull();
    }

    // Round 15 (real files r19–r24): shapes of the Word and PDF files of associations and trade unions.

    @Test
    void aDateLineLeftBlankIsTheDateLineAndNoDateCitedBelowIsTaken() {
        String text = """
                HỘI CHỮ THẬP ĐỎ TỈNH AN GIANG
                HỘI CHỮ THẬP ĐỎ XÃ MỸ HÒA
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Mỹ Hòa, ngày      tháng 3 năm 2026
                KẾ HOẠCH
                Tổ chức hiến máu tình nguyện năm 2026
                - Căn cứ Kế hoạch số 05/KH-CTĐ ngày 14 tháng 02 năm 2026 của Hội Chữ thập đỏ tỉnh;
                Hội Chữ thập đỏ xã xây dựng kế hoạch như sau.
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuedOn()).isNull();
        assertThat(extraction.place()).isEqualTo("Mỹ Hòa");
    }

    @Test
    void theUpperCaseLinesOverThePlaceAndDateAreTheBodiesWithoutMottoOrNumber() {
        String text = """
                HỘI NÔNG DÂN TỈNH ĐỒNG THÁP
                BCH HỘI NÔNG DÂN XÃ TÂN PHÚ
                ___
                Tân Phú, ngày 8 tháng 4 năm 2026
                PHƯƠNG ÁN
                Nhân sự Ban Chấp hành khóa mới
                Ban Chấp hành Hội xây dựng phương án như sau.
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuer()).isEqualTo("BCH HỘI NÔNG DÂN XÃ TÂN PHÚ");
        assertThat(extraction.issuerParent()).isEqualTo("HỘI NÔNG DÂN TỈNH ĐỒNG THÁP");
        assertThat(extraction.issuedOn()).isEqualTo(LocalDate.of(2026, 4, 8));
    }

    @Test
    void aCompetenceWrittenTSlashMWithAFullStopBesideTheLabelIsNoRecipient() {
        String text = """
                LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐỒNG NAI
                CĐCS CÔNG TY TNHH MINH PHÁT
                Số: 12/TTr-CĐCS
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Biên Hòa, ngày 3 tháng 6 năm 2026
                TỜ TRÌNH
                Về việc công nhận Ban Chấp hành
                Kính gửi: Ban Thường vụ Liên đoàn Lao động tỉnh
                Ban Chấp hành kính trình Ban Thường vụ xem xét.
                Nơi nhận:                                              T/M. BAN CHẤP HÀNH
                - Như kính gửi;
                CHỦ TỊCH
                - Lưu VT.
                                                                       Lê Văn Tâm
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.distribution()).containsExactly("Như kính gửi", "Lưu VT");
        assertThat(extraction.signer().competence()).isEqualTo("TM. BAN CHẤP HÀNH");
        assertThat(extraction.signer().position()).isEqualTo("CHỦ TỊCH");
        assertThat(extraction.signer().fullName()).isEqualTo("Lê Văn Tâm");
    }

    @Test
    void aCompetenceAloneOverTheLabelGoesWithThePositionUnderIt() {
        String text = """
                LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐỒNG NAI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                CĐCS CÔNG TY TNHH MINH PHÁT                      Độc lập - Tự do - Hạnh phúc
                Số: 13/TTr-CĐCS                                   Biên Hòa, ngày 4 tháng 6 năm 2026
                TỜ TRÌNH
                V/v công nhận Ủy viên Ban Chấp hành
                Kính gửi:
                Ban Thường vụ Liên đoàn Lao động tỉnh
                Ban Chấp hành kính trình Ban Thường vụ xem xét.
                Kính mong được sự quan tâm của Ban Thường vụ.
                                                                 TM. BAN CHẤP HÀNH
                Nơi nhận:
                CHỦ TỊCH
                - Như trên;
                - Lưu VP.
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.distribution()).containsExactly("Như trên", "Lưu VP");
        assertThat(extraction.signer().competence()).isEqualTo("TM. BAN CHẤP HÀNH");
        assertThat(extraction.signer().position()).isEqualTo("CHỦ TỊCH");
    }

    @Test
    void aDateAfterAClockTimeInTheMinutesIsTheMeetingsTimeNotTheDateLine() {
        String text = """
                HỘI NÔNG DÂN HUYỆN TÂN HIỆP
                HỘI NÔNG DÂN XÃ THẠNH ĐÔNG
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                BIÊN BẢN
                Họp Ban Thường vụ Hội Nông dân xã quý II năm 2026
                Vào lúc 8 giờ 30 ngày 12 tháng 6 năm 2026 tại hội trường Ủy ban nhân dân xã.
                Thành phần: các đồng chí Ủy viên Ban Thường vụ.
                """;
        String today = """
                CHI ĐOÀN ẤP BÌNH AN
                ĐOÀN TNCS HỒ CHÍ MINH
                BIÊN BẢN
                Sinh hoạt Chi đoàn tháng 5
                Hôm nay, ngày 20 tháng 5 năm 2026, tại nhà văn hóa ấp, Chi đoàn tiến hành sinh hoạt.
                """;

        Extraction extraction = FieldReader.read(text);
        Extraction sinhHoat = FieldReader.read(today);

        assertThat(extraction.issuedOn()).isNull();
        assertThat(extraction.place()).isNull();
        assertThat(sinhHoat.issuedOn()).isNull();
        assertThat(sinhHoat.place()).isNull();
    }

    @Test
    void aBodyReadBetweenTheMottosTwoLinesIsTheHeaderTablesNextRow() {
        String text = """
                LIÊN ĐOÀN LAO ĐỘNG HUYỆN CỦ CHI
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                CĐCS CÔNG TY CP DỆT MAY PHÚ HÒA
                Độc lập - Tự do - Hạnh phúc
                BIÊN BẢN
                Hội nghị Ban Chấp hành Công đoàn cơ sở tháng 7
                Ban Chấp hành họp thống nhất các nội dung sau.
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.issuer()).isEqualTo("CĐCS CÔNG TY CP DỆT MAY PHÚ HÒA");
        assertThat(extraction.issuerParent()).isEqualTo("LIÊN ĐOÀN LAO ĐỘNG HUYỆN CỦ CHI");
    }

    @Test
    void ofTheMinutesTwoClosingTitlesSideBySideTheChairsIsTheSigners() {
        String text = """
                HỘI CỰU CHIẾN BINH XÃ AN PHÚ
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                BIÊN BẢN
                Hội nghị Ban Chấp hành Hội Cựu chiến binh xã
                Hội nghị thống nhất các nội dung sau.
                Biên bản kết thúc lúc 11 giờ cùng ngày.
                        THƯ KÝ                                      CHỦ TRÌ HỘI NGHỊ
                """;
        String named = text + """
                        Lê Văn Hùng                                   Trần Thị Mai
                """;

        Extraction unnamed = FieldReader.read(text);
        Extraction withNames = FieldReader.read(named);

        assertThat(unnamed.signer()).isNotNull();
        assertThat(unnamed.signer().position()).isEqualTo("CHỦ TRÌ HỘI NGHỊ");
        assertThat(withNames.signer().position()).isEqualTo("CHỦ TRÌ HỘI NGHỊ");
        assertThat(withNames.signer().fullName()).isEqualTo("Trần Thị Mai");
    }

    @Test
    void contestRulesReadColumnAfterColumnKeepTheirSubjectAndTheirSignatureBeforeTheReadingList() {
        String text = """
                ĐOÀN TRƯỜNG CAO ĐẲNG Y TẾ CẦN THƠ
                BAN TỔ CHỨC HỘI THI
                TÌM HIỂU LỊCH SỬ ĐOÀN

                THỂ LỆ

                ĐOÀN TNCS HỒ CHÍ MINH

                Cần Thơ, ngày tháng năm 2026
                Hội thi trực tuyến
                "Tìm hiểu 95 năm lịch sử Đoàn"

                Căn cứ kế hoạch của Ban Chấp hành Đoàn trường về tổ chức Hội thi;
                Ban tổ chức ban hành Thể lệ Hội thi như sau.
                I. ĐỐI TƯỢNG DỰ THI
                Đoàn viên, học sinh, sinh viên của trường.
                II. CÁCH THỨC DỰ THI
                Thí sinh làm bài trắc nghiệm trên trang của Hội thi.
                TM. BAN TỔ CHỨC
                TRƯỞNG BAN
                Võ Thị Hạnh
                Bí thư Đoàn trường

                III. TÀI LIỆU THAM KHẢO
                - Lịch sử Đoàn TNCS Hồ Chí Minh, Nxb Thanh niên, 2021.
                - Điều lệ Đoàn TNCS Hồ Chí Minh khóa XII.
                - Văn kiện Đại hội Đoàn toàn quốc lần thứ XII.
                - Các bài viết về phong trào thanh niên trên Báo Tuổi trẻ.
                - Tư liệu của Bảo tàng Thanh niên Việt Nam.
                - Hỏi đáp về công tác Đoàn và phong trào thanh niên.
                - Sổ tay công tác Đoàn cơ sở.
                - Truyền thống Đoàn thanh niên thành phố Cần Thơ.
                - Các tư liệu khác trên trang của Trung ương Đoàn.
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.typeName()).isEqualTo("Thể lệ");
        assertThat(extraction.subject()).isEqualTo("Hội thi trực tuyến \"Tìm hiểu 95 năm lịch sử Đoàn\"");
        assertThat(extraction.signer()).isNotNull();
        assertThat(extraction.signer().competence()).isEqualTo("TM. BAN TỔ CHỨC");
        assertThat(extraction.signer().position()).isEqualTo("TRƯỞNG BAN");
        assertThat(extraction.signer().fullName()).isEqualTo("Võ Thị Hạnh");
    }

    @Test
    void aPositionDrawnIntoTheNoiNhanColumnAndRecipientsRunOntoOneLineAreToldApart() {
        String text = """
                TỈNH ỦY AN GIANG                               ĐẢNG CỘNG SẢN VIỆT NAM
                BAN TUYÊN GIÁO VÀ DÂN VẬN
                *
                Số 12-HD/BTGDVTU                               An Giang, ngày 4 tháng 6 năm 2026
                HƯỚNG DẪN
                tổ chức học tập chuyên đề năm 2026
                Các cấp ủy tổ chức học tập chuyên đề theo hướng dẫn này.
                Nơi nhận:
                - Thường trực Tỉnh ủy (để báo cáo),  PHÓ
                TRƯỞNG BAN
                - Các huyện ủy, thị ủy, thành ủy,
                - Các đồng chí Phó Trưởng Ban, - Các phòng, - Lưu VP.
                K/T TRƯỞNG BAN
                Lê Minh Tâm
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.distribution())
                .containsExactly(
                        "Thường trực Tỉnh ủy (để báo cáo)",
                        "Các huyện ủy, thị ủy, thành ủy",
                        "Các đồng chí Phó Trưởng Ban",
                        "Các phòng",
                        "Lưu VP");
        assertThat(extraction.signer().competence()).isEqualTo("K/T TRƯỞNG BAN");
        assertThat(extraction.signer().position()).isEqualTo("PHÓ TRƯỞNG BAN");
        assertThat(extraction.signer().fullName()).isEqualTo("Lê Minh Tâm");
    }

    @Test
    void aPlanSignedByWhoeverDrewItUpHasThatClosingTitleForPosition() {
        String head = """
                ĐOÀN TNCS HỒ CHÍ MINH                          ĐOÀN TNCS HỒ CHÍ MINH
                BCH CHI ĐOÀN THÔN ĐÔNG
                Số: 03-KH/CĐ                                   Đông Hòa, ngày 12 tháng 3 năm 2026
                KẾ HOẠCH
                Tổ chức ngày hội thanh niên khỏe
                Chi đoàn tổ chức ngày hội cho đoàn viên, thanh niên trong thôn.
                Kinh phí từ quỹ hoạt động của Chi đoàn.
                Nơi nhận:
                - Đoàn xã Đông Hòa;
                - Lưu.
                """;
        String sentenceCase = head + """
                Người lập kế hoạch



                Nguyễn Thị Hoa
                """;
        String capitals = head + """
                NGƯỜI LẬP BÁO CÁO
                Trần Văn Bình
                """;
        // A drafter's title beside the head of the body: the head's is the position.
        String besideTheHead = head + """
                NGƯỜI LẬP BIỂU
                THỦ TRƯỞNG ĐƠN VỊ
                Lê Thị Cúc
                Phạm Văn Dũng
                """;

        Extraction drafted = FieldReader.read(sentenceCase);
        Extraction reported = FieldReader.read(capitals);
        Extraction headed = FieldReader.read(besideTheHead);

        assertThat(drafted.signer()).isNotNull();
        assertThat(drafted.signer().competence()).isNull();
        assertThat(drafted.signer().position()).isEqualTo("Người lập kế hoạch");
        assertThat(drafted.signer().fullName()).isEqualTo("Nguyễn Thị Hoa");
        assertThat(drafted.distribution()).containsExactly("Đoàn xã Đông Hòa", "Lưu");
        assertThat(reported.signer().position()).isEqualTo("NGƯỜI LẬP BÁO CÁO");
        assertThat(reported.signer().fullName()).isEqualTo("Trần Văn Bình");
        assertThat(headed.signer().position()).isEqualTo("THỦ TRƯỞNG ĐƠN VỊ");
    }

    @Test
    void ofTwoSignatureBlocksSideBySideTheIssuersOwnIsTheSigners() {
        String head = """
                ĐOÀN TRƯỜNG THPT AN LẠC                        ĐOÀN TNCS HỒ CHÍ MINH
                BCH CHI ĐOÀN 11A2
                Số: 05/TTr-CĐ                                  An Lạc, ngày 3 tháng 10 năm 2025
                TỜ TRÌNH
                V/v xin kinh phí tổ chức hoạt động ngoại khóa
                Kính gửi: Ban Đại diện Cha mẹ học sinh lớp 11A2
                Chi đoàn lớp 11A2 kính đề nghị Ban Đại diện hỗ trợ kinh phí cho hoạt động ngoại khóa của lớp.
                Kính mong Ban Đại diện xem xét, giúp đỡ.
                """;
        // The body addressed signs on the left, the issuer's secretary on the right; their names follow in that order.
        String besideTheAddressee = head + """
                BAN ĐẠI DIỆN CHA MẸ HỌC SINH                   BÍ THƯ CHI ĐOÀN
                Nguyễn Văn An                                  Trần Thị Bình
                """;
        // The body above approves on the left, the issuer signs on the right.
        String approvedOnTheLeft = head + """
                XÁC NHẬN CỦA ĐOÀN TRƯỜNG                       T/M BCH CHI ĐOÀN
                PHÓ BÍ THƯ                                     BÍ THƯ
                Lê Văn Cường                                   Phạm Thị Dung
                """;
        // The issuer signs on the left, the body above approves on the right.
        String approvedOnTheRight = head + """
                T/M BCH CHI ĐOÀN                               XÁC NHẬN CỦA ĐOÀN TRƯỜNG
                BÍ THƯ                                         PHÓ BÍ THƯ
                Phạm Thị Dung                                  Lê Văn Cường
                """;

        // The body above and the issuer both sign for their committees.
        String twoCommittees = head + """
                T/M BCH ĐOÀN TRƯỜNG                            T/M BCH CHI ĐOÀN
                BÍ THƯ                                         BÍ THƯ
                Lê Văn Cường                                   Phạm Thị Dung
                """;

        Extraction right = FieldReader.read(besideTheAddressee);
        Extraction approvedLeft = FieldReader.read(approvedOnTheLeft);
        Extraction approvedRight = FieldReader.read(approvedOnTheRight);

        assertThat(right.signer()).isNotNull();
        assertThat(right.signer().position()).isEqualTo("BÍ THƯ CHI ĐOÀN");
        assertThat(right.signer().fullName()).isEqualTo("Trần Thị Bình");
        assertThat(approvedLeft.signer().competence()).isEqualTo("TM. BCH CHI ĐOÀN");
        assertThat(approvedLeft.signer().position()).isEqualTo("BÍ THƯ");
        assertThat(approvedLeft.signer().fullName()).isEqualTo("Phạm Thị Dung");
        assertThat(approvedRight.signer().competence()).isEqualTo("TM. BCH CHI ĐOÀN");
        assertThat(approvedRight.signer().position()).isEqualTo("BÍ THƯ");
        assertThat(approvedRight.signer().fullName()).isEqualTo("Phạm Thị Dung");
        Extraction committees = FieldReader.read(twoCommittees);
        assertThat(committees.signer().competence()).isEqualTo("TM. BCH CHI ĐOÀN");
        assertThat(committees.signer().position()).isEqualTo("BÍ THƯ");
        assertThat(committees.signer().fullName()).isEqualTo("Phạm Thị Dung");
    }

    /** NĐ 30 (Phụ lục III) and HD 36 name more kinds than a công văn: each heading is the type, its lines the subject. */
    @Test
    void readsTheHeadingsOfEveryKindThatTheRulesName() {
        Extraction rules = FieldReader.read("""
                ĐOÀN TNCS HỒ CHÍ MINH
                BCH ĐOÀN PHƯỜNG BẾN THÀNH
                Số: 12-TL/ĐTN
                Bến Thành, ngày 9 tháng 3 năm 2026

                THỂ LỆ
                Cuộc thi tìm hiểu lịch sử Đoàn TNCS Hồ Chí Minh

                I. ĐỐI TƯỢNG DỰ THI
                Đoàn viên, thanh niên đang sinh hoạt tại phường.
                """);
        Extraction introduction = FieldReader.read("""
                ĐẢNG CỘNG SẢN VIỆT NAM
                QUẬN ỦY QUẬN 1
                BAN TUYÊN GIÁO
                *
                Số 15-GGT/BTGQU
                Quận 1, ngày 4 tháng 9 năm 2025

                GIẤY GIỚI THIỆU
                Ban Tuyên giáo Quận ủy Quận 1 trân trọng giới thiệu đồng chí Lê Văn Bình đến liên hệ công tác.
                """);
        Extraction memorandum = FieldReader.read("""
                ỦY BAN NHÂN DÂN
                PHƯỜNG SÀI GÒN
                Số: 02/GNM-UBND
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Sài Gòn, ngày 5 tháng 8 năm 2025

                BẢN GHI NHỚ
                Về phối hợp tuyên truyền giữa phường và Đoàn phường
                """);

        assertThat(rules.typeName()).isEqualTo("Thể lệ");
        assertThat(rules.subject()).isEqualTo("Cuộc thi tìm hiểu lịch sử Đoàn TNCS Hồ Chí Minh");
        assertThat(rules.issuer()).isEqualTo("BCH ĐOÀN PHƯỜNG BẾN THÀNH");
        assertThat(introduction.typeName()).isEqualTo("Giấy giới thiệu");
        assertThat(introduction.notation()).isEqualTo("GGT/BTGQU");
        assertThat(memorandum.typeName()).isEqualTo("Bản ghi nhớ");
        assertThat(memorandum.subject()).isEqualTo("Về phối hợp tuyên truyền giữa phường và Đoàn phường");
    }

    /** Without a heading line the type is read from the notation's code, NĐ 30's and HD 36's codes among them. */
    @Test
    void readsTheTypeFromTheCodesOfEveryKind() {
        for (var kind : java.util.Map.of(
                        "GGT", "Giấy giới thiệu",
                        "QyĐ", "Quy định",
                        "PA", "Phương án",
                        "GNP", "Giấy nghỉ phép",
                        "GUQ", "Giấy ủy quyền")
                .entrySet()) {
            Extraction extraction = FieldReader.read("""
                    ỦY BAN NHÂN DÂN
                    PHƯỜNG SÀI GÒN
                    Số: 7/%s-UBND
                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                    Độc lập - Tự do - Hạnh phúc
                    Sài Gòn, ngày 5 tháng 8 năm 2025
                    """.formatted(kind.getKey()));
            assertThat(extraction.typeName()).as(kind.getKey()).isEqualTo(kind.getValue());
        }
    }

    /** A notation that lost its hyphen is cut after its longest code, the same in every run ("TTR", not "TT"). */
    @Test
    void aNotationThatLostItsHyphenIsCutAfterItsLongestCode() {
        assertThat(FieldReader.notation("TTRUBND", true)).isEqualTo("TTR-UBND");
        assertThat(FieldReader.notation("TTLTBGDĐT", true)).isEqualTo("TTLT-BGDĐT");
        assertThat(FieldReader.notation("GNMUBND", true)).isEqualTo("GNM-UBND");
    }

    @Test
    void aGuideCarryingOutTheStatutesNamesItUnderItsHeadingButAPreambleThatOpensSoIsNoSubject() {
        String text = """
                HỘI NÔNG DÂN VIỆT NAM                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                BAN CHẤP HÀNH TỈNH BẾN TRE                    Độc lập - Tự do - Hạnh phúc
                Số: 14/HD-HND                              Bến Tre, ngày 3 tháng 3 năm 2026
                HƯỚNG DẪN
                Thi hành Điều lệ Hội Nông dân Việt Nam
                trong các chi hội ấp, khu phố
                Căn cứ Điều lệ Hội Nông dân Việt Nam khóa VIII;
                Ban Thường vụ Hội Nông dân tỉnh hướng dẫn như sau:
                """;
        String preamble = """
                ĐẢNG BỘ TỈNH BẾN TRE                        ĐẢNG CỘNG SẢN VIỆT NAM
                ĐẢNG ỦY XÃ AN HIỆP
                Số 07-QĐ/ĐU                                  An Hiệp, ngày 3 tháng 3 năm 2026
                QUYẾT ĐỊNH
                Thi hành Điều lệ Đảng, căn cứ Quy chế làm việc của Đảng ủy xã,
                BAN THƯỜNG VỤ ĐẢNG ỦY XÃ QUYẾT ĐỊNH
                """;

        assertThat(FieldReader.read(text).subject())
                .isEqualTo("Thi hành Điều lệ Hội Nông dân Việt Nam trong các chi hội ấp, khu phố");
        assertThat(FieldReader.read(preamble).subject()).isNull();
    }

    @Test
    void aSignatureColumnComingOutBetweenTheRecipientsAtAPageBreakDoesNotEndTheList() {
        String text = """
                HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                HỘI LHPN TỈNH NINH BÌNH                          Độc lập - Tự do - Hạnh phúc
                Số: 31/KH-HPN                                Ninh Bình, ngày 9 tháng 2 năm 2026
                KẾ HOẠCH
                Tổ chức Ngày hội phụ nữ khởi nghiệp năm 2026
                Ban Thường vụ Hội LHPN tỉnh xây dựng kế hoạch như sau.
                Nơi nhận:
                - TW Hội LHPN Việt Nam (để b/c);
                - Thường trực Tỉnh ủy (để b/c);
                TM. BAN THƯỜNG VỤ
                PHÓ CHỦ TỊCH
                - Hội LHPN các huyện, thành phố;
                - Lưu VT.
                Phạm Thị Hà
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.distribution())
                .containsExactly(
                        "TW Hội LHPN Việt Nam (để b/c)",
                        "Thường trực Tỉnh ủy (để b/c)",
                        "Hội LHPN các huyện, thành phố",
                        "Lưu VT");
        assertThat(extraction.signer().competence()).isEqualTo("TM. BAN THƯỜNG VỤ");
        assertThat(extraction.signer().position()).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(extraction.signer().fullName()).isEqualTo("Phạm Thị Hà");
    }

    @Test
    void aPhapLenhIsATypeItsHeadingAndItsNotationsCodeName() {
        String text = """
                ỦY BAN THƯỜNG VỤ QUỐC HỘI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                          Độc lập - Tự do - Hạnh phúc
                Số: 12/2024/PL-UBTVQH15                   Hà Nội, ngày 5 tháng 6 năm 2024
                PHÁP LỆNH
                Chi phí tố tụng
                Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
                """;
        String headingLess = """
                ỦY BAN THƯỜNG VỤ QUỐC HỘI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                          Độc lập - Tự do - Hạnh phúc
                Số: 12/2024/PL-UBTVQH15                   Hà Nội, ngày 5 tháng 6 năm 2024
                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.typeName()).isEqualTo("Pháp lệnh");
        assertThat(extraction.subject()).isEqualTo("Chi phí tố tụng");
        assertThat(FieldReader.read(headingLess).typeName()).isEqualTo("Pháp lệnh");
    }

    @Test
    void withoutNoiNhanTheBlankLinesOfAPdfDoNotPushTheSignatureBlockOutOfTheFoot() {
        String text = """
                ỦY BAN THƯỜNG VỤ QUỐC HỘI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                          Độc lập - Tự do - Hạnh phúc
                Số: 12/2024/PL-UBTVQH15                   Hà Nội, ngày 5 tháng 6 năm 2024
                PHÁP LỆNH
                Chi phí tố tụng
                Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
                Điều 40. Hiệu lực thi hành
                Pháp lệnh này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2025.



                T/M ỦY BAN THƯỜNG VỤ QUỐC

                HỘI
                CHỦ TỊCH

                (Đã ký)


                Trần Văn Mẫn




                """;

        Extraction extraction = FieldReader.read(text);

        assertThat(extraction.signer().competence()).isEqualTo("TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI");
        assertThat(extraction.signer().position()).isEqualTo("CHỦ TỊCH");
        assertThat(extraction.signer().fullName()).isEqualTo("Trần Văn Mẫn");
    }

    /** Without "Số", a header read column after column puts the heading before the motto: the heading is no body. */
    @Test
    void aHeadingReadBeforeTheMottoIsNoBody() {
        Extraction extraction = FieldReader.read("""
                ĐOÀN PHƯỜNG BẾN THÀNH
                BAN TỔ CHỨC HỘI THI
                TÌM HIỂU LỊCH SỬ ĐOÀN

                THỂ LỆ

                ĐOÀN TNCS HỒ CHÍ MINH

                Bến Thành, ngày 9 tháng 3 năm 2026
                Hội thi tìm hiểu lịch sử Đoàn năm 2026

                I. ĐỐI TƯỢNG DỰ THI
                Đoàn viên, thanh niên đang sinh hoạt tại phường.
                """);

        assertThat(extraction.typeName()).isEqualTo("Thể lệ");
        assertThat(extraction.issuer()).isEqualTo("BAN TỔ CHỨC HỘI THI TÌM HIỂU LỊCH SỬ ĐOÀN");
        assertThat(extraction.issuerParent()).isEqualTo("ĐOÀN PHƯỜNG BẾN THÀNH");
    }

    @Test
    void aSubjectUnderTheHeadingIsFoundPastTheMottoAndTheDateReadBetween() {
        Extraction extraction = FieldReader.read("""
                CÔNG ĐOÀN NGÀNH GIÁO DỤC HUYỆN
                BAN CHẤP HÀNH CÔNG ĐOÀN
                TRƯỜNG TIỂU HỌC AN PHÚ

                QUY CHẾ

                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc

                An Phú, ngày      tháng 9 năm 2026
                Chi tiêu nội bộ của Công đoàn cơ sở
                năm học 2026 - 2027

                Căn cứ Luật Công đoàn năm 2024;
                """);

        assertThat(extraction.typeName()).isEqualTo("Quy chế");
        assertThat(extraction.subject()).isEqualTo("Chi tiêu nội bộ của Công đoàn cơ sở năm học 2026 - 2027");
    }

    @Test
    void withoutNoiNhanASignatureStandingBeforeAnAppendixIsTheSigners() {
        Extraction extraction = FieldReader.read("""
                HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG TÂN ĐỊNH
                BAN THƯỜNG VỤ
                Số: 07-KH/HPN
                Tân Định, ngày 2 tháng 3 năm 2026
                KẾ HOẠCH
                Tổ chức Ngày hội phụ nữ khỏe và đẹp
                Ban Thường vụ Hội Liên hiệp Phụ nữ phường xây dựng kế hoạch như sau.
                1. Thời gian: ngày 8 tháng 3 năm 2026.
                2. Địa điểm: nhà văn hóa khu phố 3.
                TM. BAN THƯỜNG VỤ
                CHỦ TỊCH
                Trần Thị Mai
                PHỤ LỤC
                DANH SÁCH CHI HỘI THAM GIA
                1. Chi hội khu phố 1
                2. Chi hội khu phố 2
                3. Chi hội khu phố 3
                4. Chi hội khu phố 4
                5. Chi hội khu phố 5
                6. Chi hội khu phố 6
                7. Chi hội khu phố 7
                8. Chi hội khu phố 8
                9. Chi hội khu phố 9
                10. Chi hội khu phố 10
                11. Chi hội khu phố 11
                12. Chi hội khu phố 12
                """);

        assertThat(extraction.signer().competence()).isEqualTo("TM. BAN THƯỜNG VỤ");
        assertThat(extraction.signer().position()).isEqualTo("CHỦ TỊCH");
        assertThat(extraction.signer().fullName()).isEqualTo("Trần Thị Mai");
    }

    @Test
    void severalDashedRecipientsOnOneLineAreSeveralRecipients() {
        Extraction extraction = FieldReader.read("""
                HUYỆN ỦY ĐỨC HÒA
                BAN DÂN VẬN
                Số 12-CV/BDVHU
                ĐẢNG CỘNG SẢN VIỆT NAM
                Đức Hòa, ngày 4 tháng 5 năm 2026
                V/v báo cáo công tác dân vận quý II
                Kính gửi: - Các chi bộ trực thuộc, - Đảng ủy các xã.
                Ban Dân vận Huyện ủy đề nghị các đơn vị báo cáo trước ngày 20/6/2026.
                Nơi nhận:
                - Như trên, - Thường trực Huyện ủy (báo cáo),
                - Đồng chí Trưởng ban; - Các đồng chí Phó Trưởng ban,
                - Lưu VP.
                K/T TRƯỞNG BAN
                PHÓ TRƯỞNG BAN
                Lê Văn Năm
                """);

        assertThat(extraction.addressees()).containsExactly("Các chi bộ trực thuộc", "Đảng ủy các xã");
        assertThat(extraction.distribution())
                .containsExactly(
                        "Như trên",
                        "Thường trực Huyện ủy (báo cáo)",
                        "Đồng chí Trưởng ban",
                        "Các đồng chí Phó Trưởng ban",
                        "Lưu VP");
    }

    @Test
    void aDeputysPositionDrawnInsideTheListIsTheSignersAndNoRecipients() {
        Extraction extraction = FieldReader.read("""
                TỈNH ỦY LONG AN
                BAN TUYÊN GIÁO
                Số 31-CV/BTGTU
                ĐẢNG CỘNG SẢN VIỆT NAM
                Tân An, ngày 9 tháng 4 năm 2026
                V/v tuyên truyền kỷ niệm Ngày Giải phóng miền Nam
                Kính gửi: Các huyện ủy, thị ủy, thành ủy
                Ban Tuyên giáo Tỉnh ủy đề nghị các đơn vị triển khai tuyên truyền.
                Nơi nhận:
                - Như trên,
                - Thường trực Tỉnh ủy (báo cáo), PHÓ
                TRƯỞNG BAN
                - Lưu VP.
                K/T TRƯỞNG BAN
                Nguyễn Văn Sáu
                """);

        assertThat(extraction.distribution()).containsExactly("Như trên", "Thường trực Tỉnh ủy (báo cáo)", "Lưu VP");
        assertThat(extraction.signer().competence()).isEqualTo("K/T TRƯỞNG BAN");
        assertThat(extraction.signer().position()).isEqualTo("PHÓ TRƯỞNG BAN");
        assertThat(extraction.signer().fullName()).isEqualTo("Nguyễn Văn Sáu");
    }

    @Test
    void theBodysLastLineDrawnBesideTheListIsNoRecipientAndDoesNotEndIt() {
        Extraction extraction = FieldReader.read("""
                UBND HUYỆN ĐỨC HÒA
                PHÒNG NỘI VỤ
                Số: 215/PNV
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Đức Hòa, ngày 6 tháng 10 năm 2026
                V/v nộp hồ sơ thi đua năm 2026
                Kính gửi: Các cơ quan, đơn vị trên địa bàn huyện
                Phòng Nội vụ đề nghị các cơ quan, đơn vị nộp hồ sơ trước ngày 30/11/2026.
                (Gửi kèm theo hướng dẫn của Sở Nội vụ và các biểu
                Nơi nhận:
                - Như trên;
                mẫu báo cáo thành tích)./.
                TRƯỞNG PHÒNG
                - Chủ tịch UBND huyện;
                - Lưu: VT.
                Nguyễn Văn Tám
                """);

        assertThat(extraction.distribution()).containsExactly("Như trên", "Chủ tịch UBND huyện", "Lưu: VT");
        assertThat(extraction.signer().position()).isEqualTo("TRƯỞNG PHÒNG");
        assertThat(extraction.signer().fullName()).isEqualTo("Nguyễn Văn Tám");
    }

    @Test
    void aDateCitedWithItsActsNumberNearALinesStartIsNoDateLine() {
        // An OCR reading whose date line lost its day and month: the date of an act cited in the body, wrapped to the
        // start of a line, must not be taken for the document's.
        Extraction extraction = FieldReader.read("""
                BCH ĐOÀN TỈNH LONG AN
                ĐOÀN TNCS HỒ CHÍ MINH
                Số: 215-TB/TĐTN-VP
                Tân An, ngày
                2026
                THÔNG BÁO
                Về việc tổ chức Hội thi tin học trẻ năm 2026
                Thực hiện chương trình công tác năm 2026 và căn cứ Nghị
                định số 25/2024/NĐ-CP ngày 27 tháng 2 năm 2024 của Chính phủ; Kế hoạch
                số 12 ngày 5 tháng 3 năm 2026 của Ban Thường vụ Tỉnh Đoàn, Ban Thường vụ thông báo như sau.
                """);

        assertThat(extraction.issuedOn()).isNull();
        assertThat(extraction.number()).isEqualTo(215);
    }

    @Test
    void aHeaderFlattenedOntoOneLineKeepsItsDate() {
        Extraction extraction = FieldReader.read("""
                UBND TỈNH LONG AN                                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ NỘI VỤ                                         Độc lập - Tự do - Hạnh phúc
                Số: 312/SNV-TCBC Tân An, ngày 9 tháng 4 năm 2026
                V/v báo cáo biên chế năm 2026
                Kính gửi: Các sở, ban, ngành tỉnh
                """);

        assertThat(extraction.issuedOn()).isEqualTo(java.time.LocalDate.of(2026, 4, 9));
        assertThat(extraction.number()).isEqualTo(312);
    }

    @Test
    void aBodySentencePastTheMottoUnderAHeadingIsNoSubject() {
        Extraction extraction = FieldReader.read("""
                ĐOÀN PHƯỜNG BẾN THÀNH
                BAN CHẤP HÀNH

                GIẤY MỜI

                ĐOÀN TNCS HỒ CHÍ MINH

                Bến Thành, ngày 5 tháng 3 năm 2026
                Ban Chấp hành Đoàn phường trân trọng kính mời đồng chí đến dự Hội nghị tổng kết
                công tác Đoàn năm 2025, vào lúc 8 giờ ngày 10 tháng 3 năm 2026.
                """);

        assertThat(extraction.typeName()).isEqualTo("Giấy mời");
        assertThat(extraction.subject()).isNull();
    }

    @Test
    void theDraftersBlockReadBeforeTheHeadsLeavesTheHeadTheSigner() {
        Extraction extraction = FieldReader.read("""
                PHÒNG GD&ĐT HUYỆN ĐỨC HÒA
                TRƯỜNG TIỂU HỌC HIỆP HÒA
                Số: 45/BC-THHH
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Hiệp Hòa, ngày 20 tháng 5 năm 2026
                BÁO CÁO
                Tổng kết năm học 2025 - 2026
                Nhà trường báo cáo kết quả năm học như sau.
                Nơi nhận:
                - Phòng GD&ĐT;
                - Lưu: VT.
                Người lập biểu
                (Ký, ghi rõ họ tên)
                Lê Thị Cúc
                HIỆU TRƯỞNG
                (Ký tên, đóng dấu)
                Phạm Văn Dũng
                """);

        assertThat(extraction.signer().position()).isEqualTo("HIỆU TRƯỞNG");
        assertThat(extraction.signer().fullName()).isEqualTo("Phạm Văn Dũng");
    }

    /**
     * A day (or month) written by hand or stamped, read by a scan's OCR as signs that are not a number ("ngày 2Ì", "ngày
     * “tháng", "7Ztháng", "tháng/7"): the line is still the header's date line, as a blank one is. Taken for no date
     * line, the header lost its place and its issuer (real files printed and read back as scans, r12).
     */
    @Test
    void aDayTheScanCouldNotReadLeavesThePlaceAndTheIssuer() {
        for (String day : List.of("ngày 2Ì tháng 8", "ngày “tháng 8", "ngày 7Ztháng 8", "ngày /ởtháng/8")) {
            Extraction fields = FieldReader.read("""
                    THÀNH UỶ HÀ NỘI        ĐẢNG CỘNG SẢN VIỆT NAM
                    BAN TỔ CHỨC
                    *        Hà Nội, %s năm 2025
                    Số 21 -HD/BTCTU

                    HƯỚNG DẪN
                    Thực hiện quy trình, thủ tục, tổ chức trao tặng Huy hiệu Đảng

                    Căn cứ Điều lệ Đảng Cộng sản Việt Nam; các quy định, hướng dẫn của Trung ương.
                    """.formatted(day));
            assertThat(fields.issuedOn()).as(day).isNull();
            assertThat(fields.place()).as(day).isEqualTo("Hà Nội");
            assertThat(fields.issuer()).as(day).isEqualTo("BAN TỔ CHỨC");
            assertThat(fields.issuerParent()).as(day).isEqualTo("THÀNH UỶ HÀ NỘI");
            assertThat(fields.layoutFindings())
                    .as(day)
                    .extracting(Finding::code)
                    .contains(Finding.Code.MISSING_DATE);
        }
        // A sentence of the body is no date line: a word, not signs, between "ngày" and "tháng".
        Extraction body = FieldReader.read("""
                UBND TỈNH BẮC GIANG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ GIÁO DỤC VÀ ĐÀO TẠO        Độc lập - Tự do - Hạnh phúc
                Số: 348/SGDĐT-GDTH        Bắc Giang, ngày 08 tháng 4 năm 2020
                V/v hướng dẫn

                Kính gửi: Các trường.
                """);
        assertThat(body.issuedOn()).hasToString("2020-04-08");
    }

    /** The rule over or under a name, read by a scan's OCR into the name's first or last word, is no part of it. */
    @Test
    void aRuleReadIntoABodysNameIsLeftOut() {
        Extraction fields = FieldReader.read("""
                HỘI CỰU CHIẾN BINH VIỆT NAM_        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                BAN CHẤP HÀNH TRUNG ƯƠNG        Độc lập - Tự do - Hạnh phúc

                Số: 09 /HD-CCB        Hà Nội, ngày 07 tháng 4 năm 2023
                HƯỚNG DẪN
                Thi hành Điều lệ Hội Cựu chiến binh Việt Nam
                """);
        assertThat(fields.issuerParent()).isEqualTo("HỘI CỰU CHIẾN BINH VIỆT NAM");
        assertThat(fields.issuer()).isEqualTo("BAN CHẤP HÀNH TRUNG ƯƠNG");
        Extraction leading = FieldReader.read("""
                _UBND TỈNH BẮC GIANG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ GIÁO DỤC VÀ ĐÀO TẠO        Độc lập - Tự do - Hạnh phúc
                Số: 998 /SGDĐT-GDTrH        Bắc Giang, ngày 03 tháng 9 năm 2020
                V/v ban hành khung
                """);
        assertThat(leading.issuerParent()).isEqualTo("UBND TỈNH BẮC GIANG");
    }

    /**
     * A scan's OCR lost the dash of the first recipient and misread it ('"Nhưướn' for "- Như trên;"); the dashed
     * recipients after it are still the list, not the end of it.
     */
    @Test
    void aFirstRecipientWithoutItsDashDoesNotEndTheDashedList() {
        Extraction fields = FieldReader.read("""
                Bộ Giáo dục và Đào tạo đề nghị các Sở nghiêm túc triển khai./.

                Nơi nhận:
                "Nhưướn

                - Bộ trưởng (để báo cáo);

                - Vụ GDTH, GDTX; Cục CNTT (để thực hiện);

                - Lưu: VT, Vụ GDTrH.

                KT. BỘ TRƯỞNG
                THỨ TRƯỞNG

                Nguyễn Hữu Độ
                """);
        assertThat(fields.distribution())
                .containsExactly(
                        "\"Nhưướn",
                        "Bộ trưởng (để báo cáo)",
                        "Vụ GDTH, GDTX; Cục CNTT (để thực hiện)",
                        "Lưu: VT, Vụ GDTrH");
        assertThat(fields.signer().position()).isEqualTo("THỨ TRƯỞNG");
    }

    /** The same past the heading of the electronic copies: "Lưu, MT, GDMN." (its dash lost), "Bản điện tử:", dashes. */
    @Test
    void aFirstRecipientWithoutItsDashBeforeTheCopiesHeadingDoesNotEndTheList() {
        Extraction fields = FieldReader.read("""
                Sở Giáo dục và Đào tạo đề nghị các đơn vị triển khai thực hiện./.

                Nơi nhận:
                Lưu, MT, GDMN.
                Bản điện tử:
                - Vụ GDMN-Bộ GD&ĐT (báo cáo);
                - Lãnh đạo Sở GD&ĐT.
                KT. GIÁM ĐỐC
                PHÓ GIÁM ĐỐC

                Nguyễn Văn Thêm
                """);
        assertThat(fields.distribution())
                .containsExactly("Lưu, MT, GDMN", "Vụ GDMN-Bộ GD&ĐT (báo cáo)", "Lãnh đạo Sở GD&ĐT");
    }

    @Test
    void aCongressNamedByTheMembersItGathersIsTheirOrganisationsWhateverMottoHeadsIt() {
        String women = """
                ĐẠI HỘI ĐẠI BIỂU PHỤ NỮ                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                TỈNH HÀ NAM LẦN THỨ XVIII                        Độc lập - Tự do - Hạnh phúc
                NHIỆM KỲ 2026 - 2031
                BÁO CÁO
                Tổng hợp ý kiến đóng góp vào dự thảo văn kiện Đại hội
                Thực hiện hướng dẫn của Hội LHPN Việt Nam, các đoàn đại biểu đã thảo luận.
                """;
        String farmers = """
                ĐẠI HỘI ĐẠI BIỂU NÔNG DÂN HUYỆN KIM BẢNG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                LẦN THỨ XII, NHIỆM KỲ 2023 - 2028                 Độc lập - Tự do - Hạnh phúc
                                                             Kim Bảng, ngày 12 tháng 5 năm 2023
                QUY CHẾ
                Làm việc của Đại hội
                """;
        String veterans = """
                ĐẠI HỘI ĐẠI BIỂU CỰU CHIẾN BINH              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                THÀNH PHỐ PHỦ LÝ LẦN THỨ VIII                    Độc lập - Tự do - Hạnh phúc
                CHƯƠNG TRÌNH
                Làm việc của Đại hội
                """;
        // A state committee for women's advancement names women, not a congress of them.
        String committee = """
                UBND TỈNH HÀ NAM                            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ                      Độc lập - Tự do - Hạnh phúc
                Số: 12/KH-BVSTBPN                            Hà Nam, ngày 4 tháng 3 năm 2026
                KẾ HOẠCH
                Hoạt động vì sự tiến bộ của phụ nữ năm 2026
                """;

        assertThat(FieldReader.read(women).family()).isEqualTo(Family.MASS_ORG);
        assertThat(FieldReader.read(farmers).family()).isEqualTo(Family.MASS_ORG);
        assertThat(FieldReader.read(veterans).family()).isEqualTo(Family.MASS_ORG);
        assertThat(FieldReader.read(committee).family()).isEqualTo(Family.STATE);
    }

    @Test
    void aSlashTypedBeforeTheBodysNameIsNoPartOfIt() {
        Extraction extraction = FieldReader.read("""
                /ỦY BAN MTTQ VIỆT NAM                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                HUYỆN THANH LIÊM                                Độc lập - Tự do - Hạnh phúc
                BAN THƯỜNG TRỰC
                Số: 21/TB-MTTQ-BTT                          Thanh Liêm, ngày 6 tháng 2 năm 2026
                THÔNG BÁO
                Kết quả hội nghị hiệp thương lần thứ nhất
                Ban Thường trực thông báo như sau.
                """);

        assertThat(extraction.issuerParent()).isEqualTo("ỦY BAN MTTQ VIỆT NAM HUYỆN THANH LIÊM");
        assertThat(extraction.issuer()).isEqualTo("BAN THƯỜNG TRỰC");
    }

    @Test
    void aPlaceEndingInNhanClosesTheBodyAboveAndTheBodyUnderItStartsAnew() {
        Extraction extraction = FieldReader.read("""
                ỦY BAN MTTQ VIỆT NAM                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                HUYỆN LÝ NHÂN                                   Độc lập - Tự do - Hạnh phúc
                BAN THƯỜNG TRỰC
                Số: 21/TB-MTTQ-BTT                          Lý Nhân, ngày 6 tháng 2 năm 2026
                THÔNG BÁO
                Kết quả hội nghị hiệp thương lần thứ nhất
                Ban Thường trực thông báo như sau.
                """);
        Extraction court = FieldReader.read("""
                TÒA ÁN NHÂN                               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                DÂN TỈNH HÀ NAM                                 Độc lập - Tự do - Hạnh phúc
                Số: 15/TB-TA                                Hà Nam, ngày 6 tháng 2 năm 2026
                THÔNG BÁO
                Lịch xét xử tháng 2 năm 2026
                """);

        assertThat(extraction.issuerParent()).isEqualTo("ỦY BAN MTTQ VIỆT NAM HUYỆN LÝ NHÂN");
        assertThat(extraction.issuer()).isEqualTo("BAN THƯỜNG TRỰC");
        assertThat(court.issuer()).isEqualTo("TÒA ÁN NHÂN DÂN TỈNH HÀ NAM");
    }

    /**
     * A scan's OCR put the trích yếu's last line a paragraph apart; it goes on in small letters with a comma in it. The
     * body after a subject opens with a capital.
     */
    @Test
    void aSubjectsLastLineInSmallLettersWithACommaAfterABlankIsTheSubjects() {
        Extraction fields = FieldReader.read("""
                UBND TỈNH BẮC GIANG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ GIÁO DỤC VÀ ĐÀO TẠO        Độc lập - Tự do - Hạnh phúc

                Số: 998 /SGDĐT-GDTrH        Bắc Giang, ngày 03 tháng 9 năm 2020
                V/v Ban hành Khung phân phối chương
                trình và hướng dẫn thực hiện điều chỉnh

                nội dung dạy học cấp THCS, THPT

                Kính gửi:
                - Trưởng phòng Giáo dục và Đào tạo các huyện, thành phố;
                """);
        assertThat(fields.subject())
                .isEqualTo(
                        "V/v Ban hành Khung phân phối chương trình và hướng dẫn thực hiện điều chỉnh nội dung dạy học"
                                + " cấp THCS, THPT");
    }

    /** The blank drawn for the number, kept by a scan's OCR as underscores before the slash, is no part of the notation. */
    @Test
    void underscoresBeforeTheNotationsSlashAreTheNumbersBlank() {
        Extraction stamped = FieldReader.read("""
                UBND HUYỆN HIỆP HÒA        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                PHÒNG GIÁO DỤC VÀ ĐÀO TẠO        Độc lập - Tự do - Hạnh phúc
                Số415_ /HD-PGDĐT        Hiệp Hòa, ngày 29 tháng 9 năm 2021
                HƯỚNG DẪN
                Thực hiện nhiệm vụ năm học 2021-2022
                """);
        assertThat(stamped.number()).isEqualTo(415);
        assertThat(stamped.notation()).isEqualTo("HD-PGDĐT");
        Extraction blank = FieldReader.read("""
                UBND HUYỆN HIỆP HÒA        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                VĂN PHÒNG        Độc lập - Tự do - Hạnh phúc
                Số: ____/TB-VP        Hiệp Hòa, ngày 29 tháng 9 năm 2021
                THÔNG BÁO
                Kết luận của Chủ tịch
                """);
        assertThat(blank.number()).isNull();
        assertThat(blank.notation()).isEqualTo("TB-VP");
    }

    /**
     * A provincial e-office system certifies a copy with one line over the page's top, "SAO Y; <body>; Thời gian ký:
     * <time>": who certified it and when, not a body of the document's header (round 22).
     */
    @Test
    void theCopysSigningLineOverThePageIsNoBodyOfTheHeader() {
        Extraction copy = FieldReader.read("""
                SAO Y; ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH; Thời gian ký: 2026-02-11T08:05:31+07:00

                ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                TỈNH QUẢNG BÌNH        Độc lập - Tự do - Hạnh phúc
                Số: 512 /UBND-NN        Quảng Bình, ngày 10 tháng 2 năm 2026
                V/v phòng, chống rét cho cây trồng, vật nuôi

                Kính gửi: Các sở, ngành cấp tỉnh
                """);
        assertThat(copy.issuer()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH");
        assertThat(copy.issuerParent()).isNull();
        assertThat(copy.issuedOn()).isEqualTo(LocalDate.of(2026, 2, 10));
        Extraction extract = FieldReader.read("""
                TRÍCH SAO; SỞ TƯ PHÁP TỈNH QUẢNG BÌNH; Thời gian ký: 2026-02-12T14:40:00+07:00
                UBND TỈNH QUẢNG BÌNH        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ NỘI VỤ        Độc lập - Tự do - Hạnh phúc
                Số: 77/SNV-TCBC        Quảng Bình, ngày 10 tháng 2 năm 2026
                V/v rà soát biên chế
                """);
        assertThat(extract.issuer()).isEqualTo("SỞ NỘI VỤ");
        assertThat(extract.issuerParent()).isEqualTo("UBND TỈNH QUẢNG BÌNH");
    }

    /** A speck OCR reads between a handwritten number and the notation's slash ("Số: 2417. /UBND-NN") (round 22). */
    @Test
    void aSpeckBetweenTheNumberAndItsSlashKeepsTheNotation() {
        Extraction fields = FieldReader.read("""
                ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                TỈNH QUẢNG BÌNH        Độc lập - Tự do - Hạnh phúc
                Số: 2417. /UBND-NN        Quảng Bình, ngày 10 tháng 2 năm 2026
                V/v phòng, chống rét cho cây trồng, vật nuôi
                """);
        assertThat(fields.number()).isEqualTo(2417);
        assertThat(fields.notation()).isEqualTo("UBND-NN");
        Extraction comma = FieldReader.read("""
                ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                TỈNH QUẢNG BÌNH        Độc lập - Tự do - Hạnh phúc
                Số: 88, /QĐ-UBND        Quảng Bình, ngày 10 tháng 2 năm 2026
                QUYẾT ĐỊNH
                Về việc thành lập Tổ công tác
                """);
        assertThat(comma.number()).isEqualTo(88);
        assertThat(comma.notation()).isEqualTo("QĐ-UBND");
    }

    /**
     * The seal and the signature over a scanned block leave specks in the position ("PHÓ 'CHỦ TỊCH", "~PHÓ:CHỦ TỊCH")
     * and a short line of small letters between the competence and the position: the position is its words (round 22).
     */
    @Test
    void specksOfTheSealOverTheSignatureBlockAreNoPartOfThePosition() {
        String body = """
                ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                TỈNH QUẢNG BÌNH        Độc lập - Tự do - Hạnh phúc
                Số: 512 /UBND-NN        Quảng Bình, ngày 10 tháng 2 năm 2026
                V/v phòng, chống rét cho cây trồng, vật nuôi

                Kính gửi: Các sở, ngành cấp tỉnh

                Đề nghị các sở, ngành triển khai thực hiện./.

                Nơi nhận:
                - Như trên;
                - Lưu: VT, NN.

                """;
        Extraction quote = FieldReader.read(body + """
                TM. ỦY BAN NHÂN DÂN
                KT. CHỦ TỊCH
                PHÓ 'CHỦ TỊCH

                Trần Văn Bình
                """);
        assertThat(quote.signer().position()).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(quote.signer().fullName()).isEqualTo("Trần Văn Bình");
        Extraction stroke = FieldReader.read(body + """
                TM. ỦY BAN NHÂN DÂN
                hà xc

                ~PHÓ:CHỦ TỊCH
                :

                Trần Văn Bình
                """);
        assertThat(stroke.signer().competence()).isEqualTo("TM. ỦY BAN NHÂN DÂN");
        assertThat(stroke.signer().position()).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(stroke.signer().fullName()).isEqualTo("Trần Văn Bình");
    }

    /**
     * A subject broken after "do" (by whom the matter is decided) goes on on the next line, which opens with the
     * agent in capitals ("Chủ tịch Ủy ban nhân dân …"); "tự do" ending a line does not (round 22).
     */
    @Test
    void aSubjectBrokenAfterDoGoesOnWithTheAgent() {
        Extraction fields = FieldReader.read("""
                ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                TỈNH QUẢNG BÌNH        Độc lập - Tự do - Hạnh phúc
                Số: 21/2026/QĐ-UBND        Quảng Bình, ngày 10 tháng 2 năm 2026
                QUYẾT ĐỊNH
                Quy định trình tự giao đất, cho thuê đất đối với các dự án
                sử dụng đất do
                Chủ tịch Ủy ban nhân dân cấp xã quyết định chủ trương đầu tư

                Căn cứ Luật Đất đai số 31/2024/QH15;
                """);
        assertThat(fields.subject())
                .isEqualTo("Quy định trình tự giao đất, cho thuê đất đối với các dự án sử dụng đất do Chủ tịch Ủy ban"
                        + " nhân dân cấp xã quyết định chủ trương đầu tư");
        Extraction free = FieldReader.read("""
                ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                TỈNH QUẢNG BÌNH        Độc lập - Tự do - Hạnh phúc
                Số: 22/KH-UBND        Quảng Bình, ngày 10 tháng 2 năm 2026
                KẾ HOẠCH
                Tuyên truyền về quyền con người, quyền
                công dân và quyền tự do
                Triển khai đến toàn thể cán bộ, công chức trên địa bàn tỉnh.
                """);
        assertThat(free.subject()).isEqualTo("Tuyên truyền về quyền con người, quyền công dân và quyền tự do");
        // The same in capitals: the agent's line is no authority of a preamble ("CHỦ TỊCH ỦY BAN NHÂN DÂN …").
        Extraction capitals = FieldReader.read("""
                ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                TỈNH QUẢNG BÌNH        Độc lập - Tự do - Hạnh phúc
                Số: 23/QĐ-UBND        Quảng Bình, ngày 10 tháng 2 năm 2026
                QUYẾT ĐỊNH
                CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH DO
                CHỦ TỊCH ỦY BAN NHÂN DÂN CẤP XÃ GIẢI QUYẾT

                CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH
                Căn cứ Luật Tổ chức chính quyền địa phương;
                """);
        assertThat(capitals.subject())
                .isEqualTo("CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH DO CHỦ TỊCH ỦY BAN NHÂN DÂN CẤP XÃ GIẢI QUYẾT");
        // "LÝ DO" ending a subject in capitals is a word: the authority after it is the preamble's (review)
        Extraction reason = FieldReader.read("""
                ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                HUYỆN MINH HÓA        Độc lập - Tự do - Hạnh phúc
                Số: 24/QĐ-UBND        Minh Hóa, ngày 10 tháng 2 năm 2026
                QUYẾT ĐỊNH
                VỀ VIỆC CÔNG BỐ DANH MỤC VÀ LÝ DO
                CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN

                Căn cứ Luật Tổ chức chính quyền địa phương;
                """);
        assertThat(reason.subject()).isEqualTo("VỀ VIỆC CÔNG BỐ DANH MỤC VÀ LÝ DO");
    }

    /**
     * A day and a month written by hand that OCR reads as a letter and a digit ("ngày a0 tháng A0 năm 2025"): the line
     * is still the header's date line, its place read and its date not (round 22).
     */
    @Test
    void aHandwrittenMonthReadAsALetterAndADigitLeavesTheDateLineADateLine() {
        Extraction fields = FieldReader.read("""
                ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                TỈNH QUẢNG BÌNH        Độc lập - Tự do - Hạnh phúc
                Số: 512 /QĐ-UBND        Quảng Bình, ngày a5 tháng l1 năm 2025
                QUYẾT ĐỊNH
                Về việc thành lập Tổ công tác

                Căn cứ Quyết định số 40/QĐ-UBND ngày 12 tháng 3 năm 2024 của UBND tỉnh;
                """);
        assertThat(fields.place()).isEqualTo("Quảng Bình");
        assertThat(fields.issuedOn()).isNull();
    }

    /** The dotted line a clerk writes the day on comes back as underscores glued to the day ("ngày 22_ tháng 5"). */
    @Test
    void anUnderscoreOfTheDaysDottedLineIsNoPartOfTheDate() {
        Extraction fields = FieldReader.read("""
                UBND TỈNH NGHỆ AN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ NỘI VỤ        Độc lập - Tự do - Hạnh phúc
                Số: 3743 /SNV-CCVC        Nghệ An, ngày 22_ tháng _5_ năm 2026
                V/v thẩm định danh mục sản phẩm
                Kính gửi: Ủy ban nhân dân xã Nghĩa Lâm
                """);
        assertThat(fields.issuedOn()).isEqualTo(LocalDate.of(2026, 5, 22));
        assertThat(fields.place()).isEqualTo("Nghệ An");
    }

    /**
     * On a scan, the clerk's initials beside "Nơi nhận:" are read as a few signs ("\F—", "/Ñ/"), and OCR puts a blank
     * line between a recipient's two lines: neither ends or adds a recipient (round 22).
     */
    @Test
    void aScansInitialsBesideTheLabelAndABlankInsideARecipientAreNoRecipients() {
        Extraction fields = FieldReader.read("""
                ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                TỈNH QUẢNG BÌNH        Độc lập - Tự do - Hạnh phúc
                Số: 88/QĐ-UBND        Quảng Bình, ngày 10 tháng 2 năm 2026
                QUYẾT ĐỊNH
                Về việc thành lập Tổ công tác

                Điều 3. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này./.

                Nơi nhận: \\N—
                - Như Điều 3;

                - VP UBND tỉnh: các PCVP,

                các phòng chuyên môn;
                - Lưu: VT, NC.

                CHỦ TỊCH

                Trần Văn Bình
                """);
        assertThat(fields.distribution())
                .containsExactly("Như Điều 3", "VP UBND tỉnh: các PCVP, các phòng chuyên môn", "Lưu: VT, NC");
        assertThat(fields.signer().position()).isEqualTo("CHỦ TỊCH");
    }

    @Test
    void aDeputyHeadNamingHisPartyBoardIsOnePosition() {
        // A Party board's deputy head signs with the board and the committee named ("PHÓ TRƯỞNG BAN DÂN VẬN HUYỆN ỦY",
        // seven words), a Front's vice-chair with the whole Front ("PHÓ CHỦ TỊCH ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM
        // HUYỆN"): each is one position, not a recipient in capitals nor a name.
        String plan = """
                HUYỆN ỦY YÊN THẾ        ĐẢNG CỘNG SẢN VIỆT NAM
                BAN DÂN VẬN
                *        Yên Thế, ngày 14 tháng 3 năm 2024
                Số 21-KH/BDVHU
                KẾ HOẠCH
                Thực hiện công tác dân vận năm 2024

                Trên đây là kế hoạch thực hiện công tác dân vận./.

                Nơi nhận:
                - Thường trực Huyện ủy,
                - Các chi, đảng bộ cơ sở,
                - Lưu BDV.

                K/T TRƯỞNG BAN
                PHÓ TRƯỞNG BAN DÂN VẬN HUYỆN ỦY

                Nguyễn Thị Hằng
                """;
        Extraction party = FieldReader.read(plan);
        assertThat(party.signer().competence()).isEqualTo("K/T TRƯỞNG BAN");
        assertThat(party.signer().position()).isEqualTo("PHÓ TRƯỞNG BAN DÂN VẬN HUYỆN ỦY");
        assertThat(party.signer().fullName()).isEqualTo("Nguyễn Thị Hằng");
        assertThat(party.distribution()).containsExactly("Thường trực Huyện ủy", "Các chi, đảng bộ cơ sở", "Lưu BDV");

        Extraction front = FieldReader.read(plan.replace(
                "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN DÂN VẬN HUYỆN ỦY",
                "TM. BAN THƯỜNG TRỰC\nPHÓ CHỦ TỊCH ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM HUYỆN"));
        assertThat(front.signer().position()).isEqualTo("PHÓ CHỦ TỊCH ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM HUYỆN");
        assertThat(front.signer().fullName()).isEqualTo("Nguyễn Thị Hằng");
    }

    @Test
    void aDistributionWhoseLabelOcrLostIsStillTheDistribution() {
        // A scan's OCR may lose the small bold italic "Nơi nhận:" under the seal or a fold; the dashed list opened by
        // "Như trên" after the body's end is the distribution all the same, and the signature beside it the signer's.
        Extraction fields = FieldReader.read("""
                UBND TỈNH NGHỆ AN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ NỘI VỤ        Độc lập - Tự do - Hạnh phúc
                Số: 3743/SNV-CCVC        Nghệ An, ngày 20 tháng 5 năm 2026
                V/v thẩm định danh mục sản phẩm
                Kính gửi: Ủy ban nhân dân xã Nghĩa Lâm.

                Sở Nội vụ đề nghị UBND xã Nghĩa Lâm rà soát, hoàn thiện và ban hành quyết định./.

                KT. GIÁM ĐỐC
                - Như trên;
                - Giám đốc (để b/c);        PHÓ GIÁM ĐỐC
                - Lưu: VT, CCVC.

                Đậu Đình Dương
                """);
        assertThat(fields.distribution()).containsExactly("Như trên", "Giám đốc (để b/c)", "Lưu: VT, CCVC");
        assertThat(fields.signer().position()).isEqualTo("PHÓ GIÁM ĐỐC");
        assertThat(fields.signer().fullName()).isEqualTo("Đậu Đình Dương");
        // Without "Như …" opening it, a dashed list in the body is no distribution.
        Extraction body = FieldReader.read("""
                UBND TỈNH NGHỆ AN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ NỘI VỤ        Độc lập - Tự do - Hạnh phúc
                Số: 3744/SNV-CCVC        Nghệ An, ngày 20 tháng 5 năm 2026
                V/v thẩm định danh mục sản phẩm
                Kính gửi: Ủy ban nhân dân xã Nghĩa Lâm.

                Sở Nội vụ đề nghị:
                - Rà soát danh mục;
                - Hoàn thiện quyết định./.

                GIÁM ĐỐC

                Đậu Đình Dương
                """);
        assertThat(body.distribution()).isNull();
    }

    @Test
    void aTitleHeldTogetherWithAnotherIsOnePosition() {
        // Round 23: a committee's plan signed by a head of department who also heads the committee, "kiêm" on a line
        // of its own between the two titles (and, in the second layout, on the line of the second title).
        Extraction alone = FieldReader.read("""
                BCĐ PHÒNG CHỐNG THIÊN TAI        ĐẢNG CỘNG SẢN VIỆT NAM
                BAN TỔ CHỨC HỘI THI
                *        Yên Bái, ngày 3 tháng 5 năm 2024
                Số 12 -KH/BTC
                KẾ HOẠCH
                Tổ chức Hội thi tuyên truyền phòng chống thiên tai năm 2024

                Trên đây là kế hoạch tổ chức Hội thi./.

                Nơi nhận:
                - Thường trực Huyện ủy,
                - Các chi, đảng bộ cơ sở,
                - Lưu BTC.

                TRƯỞNG BAN DÂN VẬN HUYỆN ỦY
                kiêm

                TRƯỞNG BAN TỔ CHỨC HỘI THI

                Hoàng Văn Toản
                """);
        assertThat(alone.signer().position()).isEqualTo("TRƯỞNG BAN DÂN VẬN HUYỆN ỦY kiêm TRƯỞNG BAN TỔ CHỨC HỘI THI");
        assertThat(alone.signer().fullName()).isEqualTo("Hoàng Văn Toản");
        assertThat(alone.distribution()).containsExactly("Thường trực Huyện ủy", "Các chi, đảng bộ cơ sở", "Lưu BTC");

        Extraction inline = FieldReader.read("""
                UBND HUYỆN LỤC YÊN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ        Độc lập - Tự do - Hạnh phúc
                Số: 4/KH-BCĐ        Lục Yên, ngày 9 tháng 8 năm 2024
                KẾ HOẠCH
                Triển khai Tháng chuyển đổi số

                Nơi nhận:        KT. TRƯỞNG BAN
                - Các thành viên BCĐ;        PHÓ CHỦ TỊCH UBND HUYỆN
                - Lưu: VT.        Kiêm PHÓ TRƯỞNG BAN THƯỜNG TRỰC

                Lý Thị Mai
                """);
        assertThat(inline.signer().competence()).isEqualTo("KT. TRƯỞNG BAN");
        assertThat(inline.signer().position()).isEqualTo("PHÓ CHỦ TỊCH UBND HUYỆN Kiêm PHÓ TRƯỞNG BAN THƯỜNG TRỰC");
        assertThat(inline.signer().fullName()).isEqualTo("Lý Thị Mai");
    }

    @Test
    void aRecipientWrappedOverLinesThatStartWithCapitalsGoesOnToTheNextDash() {
        // Round 23: a narrow Nơi nhận column (and a scan's OCR) breaks "- Các sở, ban, ngành, Ủy ban" / "Mặt trận Tổ
        // quốc và các tổ" / "chức chính trị-xã hội tỉnh,": the piece without a comma at its end goes on, through
        // lines that start with a capital, to the line that ends with the list's comma before the next dash.
        Extraction fields = FieldReader.read("""
                HUYỆN ỦY BẮC YÊN        ĐẢNG CỘNG SẢN VIỆT NAM
                *
                Số 88-CV/HU        Bắc Yên, ngày 14 tháng 3 năm 2024
                V/v tuyên truyền Ngày Sách Việt Nam

                Kính gửi: Các chi, đảng bộ trực thuộc

                Đề nghị các đơn vị thực hiện./.

                Nơi nhận:
                - Như trên,
                - Báo Sơn La, Đài Phát thanh - Truyền hình tỉnh,
                - Các phòng, ban, ngành, Ủy ban
                Mặt trận Tổ quốc và các tổ
                chức chính trị - xã hội huyện,
                - Lưu VPHU.

                T/L BAN THƯỜNG VỤ
                CHÁNH VĂN PHÒNG

                Lò Văn Sơn
                """);
        assertThat(fields.distribution())
                .containsExactly(
                        "Như trên",
                        "Báo Sơn La, Đài Phát thanh - Truyền hình tỉnh",
                        "Các phòng, ban, ngành, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện",
                        "Lưu VPHU");
        assertThat(fields.signer().position()).isEqualTo("CHÁNH VĂN PHÒNG");
    }

    @Test
    void thePioneersMottoInTheMottosPlaceEndsTheBodiesAndTellsTheFamily() {
        // A Liên đội's report: its council above it on the left, the Đội's motto where a state body prints the national
        // one, no "Số". The motto is no third body; the Đội is the Đoàn's, a mass organisation.
        String report = """
                		HỘI ĐỒNG ĐỘI HUYỆN TÂN YÊN
                LIÊN ĐỘI TRƯỜNG TIỂU HỌC CAO XÁ
                ĐỘI THIẾU NIÊN TIỀN PHONG HỒ CHÍ MINH

                Cao Xá, ngày 12 tháng 3 năm 2025
                BÁO CÁO
                Sơ kết hoạt động Đội học kỳ I
                Liên đội tổ chức các hoạt động theo chủ điểm tháng cho đội viên toàn trường.
                """;
        // The Hội đồng Đội Trung ương names the Đội over itself in the left cell, with no motto: there the same words
        // are the body above.
        String council = """
                ĐỘI TNTP HỒ CHÍ MINH
                HỘI ĐỒNG TRUNG ƯƠNG
                Số: 21 -QĐ/HĐĐTW
                Hà Nội, ngày 03 tháng 8 năm 2025
                QUYẾT ĐỊNH
                Về việc tặng Huy hiệu Cháu ngoan Bác Hồ
                """;

        Extraction read = FieldReader.read(report);
        Extraction central = FieldReader.read(council);

        assertThat(read.family()).isEqualTo(Family.MASS_ORG);
        assertThat(read.issuer()).isEqualTo("LIÊN ĐỘI TRƯỜNG TIỂU HỌC CAO XÁ");
        assertThat(read.issuerParent()).isEqualTo("HỘI ĐỒNG ĐỘI HUYỆN TÂN YÊN");
        assertThat(read.issuedOn()).isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(central.issuer()).isEqualTo("HỘI ĐỒNG TRUNG ƯƠNG");
        assertThat(central.issuerParent()).isEqualTo("ĐỘI TNTP HỒ CHÍ MINH");
    }

    @Test
    void aReportSignedByWhoeverIsInChargeHasThatClosingTitleForPosition() {
        String head = """
                HĐĐ HUYỆN LỤC NAM
                LIÊN ĐỘI TRƯỜNG THCS BẮC LŨNG
                Số: 05/BC-LĐ                                   Bắc Lũng, ngày 20 tháng 5 năm 2025
                BÁO CÁO
                Tổng kết công tác Đội năm học 2024 - 2025
                Liên đội đã tổ chức tốt các hoạt động theo chủ điểm.
                """;
        String pioneers = head + """

                TỔNG PHỤ TRÁCH ĐỘI



                Hoàng Thị Mai
                """;
        String sentenceCase = head + """

                Người phụ trách

                Vũ Văn Long
                """;
        // The one in charge beside the head of the body: the head's is the position.
        String besideTheHead = head + """
                PHỤ TRÁCH KẾ TOÁN
                HIỆU TRƯỞNG
                Đỗ Thị Lan
                Phan Văn Tùng
                """;

        Extraction read = FieldReader.read(pioneers);
        Extraction plain = FieldReader.read(sentenceCase);
        Extraction headed = FieldReader.read(besideTheHead);

        assertThat(read.signer()).isNotNull();
        assertThat(read.signer().competence()).isNull();
        assertThat(read.signer().position()).isEqualTo("TỔNG PHỤ TRÁCH ĐỘI");
        assertThat(read.signer().fullName()).isEqualTo("Hoàng Thị Mai");
        assertThat(plain.signer().position()).isEqualTo("Người phụ trách");
        assertThat(plain.signer().fullName()).isEqualTo("Vũ Văn Long");
        assertThat(headed.signer().position()).isEqualTo("HIỆU TRƯỞNG");
    }
}
