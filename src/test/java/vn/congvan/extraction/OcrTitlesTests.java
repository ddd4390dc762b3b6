package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OcrTitlesTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // Marks misread only: put right anywhere
                "TỎNG BÍ THƯ | TỔNG BÍ THƯ",
                "KT. GIÁM ĐÓC | KT. GIÁM ĐỐC",
            })
    void aTitleWithItsMarksMisreadIsPutRight(String read, String right) {
        assertThat(OcrTitles.repaired(read)).isEqualTo(right);
    }

    @Test
    void aTitleTheSealSpoiledInTheSignatureIsPutRight() {
        // The seal over a letter or two of the title, in the foot or under a competence
        assertThat(OcrTitles.repaired("Nơi nhận:\nPRHỞNG PHÒNG")).isEqualTo("Nơi nhận:\nTRƯỞNG PHÒNG");
        assertThat(OcrTitles.repaired("TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPE!Ó CHÁNH VĂN PHÒNG"))
                .isEqualTo("TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG");
        // (and the chair's line the seal took is put back under the committee's)
        assertThat(OcrTitles.repaired("TM. ỦY BAN NHÂN DÂN\nPHỎ CHỦ TỊCH"))
                .isEqualTo("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
        // Beside the foot's list, in its own column
        assertThat(OcrTitles.repaired("Nơi nhận:\n- Lưu: VT.        PRHỞNG PHÒNG"))
                .isEqualTo("Nơi nhận:\n- Lưu: VT.        TRƯỞNG PHÒNG");
        // Before the signature, the same letters are left as read
        assertThat(OcrTitles.repaired("PRHỞNG PHÒNG\nNơi nhận:")).isEqualTo("PRHỞNG PHÒNG\nNơi nhận:");
    }

    @Test
    void underADeputysCompetenceWhatIsLeftOfTheTitleIsTheDeputys() {
        assertThat(OcrTitles.repaired("KT. GIÁM ĐỐC\n\nĐÓC\n\nHuỳnh Lê Như Trang"))
                .isEqualTo("KT. GIÁM ĐỐC\n\nPHÓ GIÁM ĐỐC\n\nHuỳnh Lê Như Trang");
        assertThat(OcrTitles.repaired("KT. GIÁM ĐỐC\n1#» GIÁM ĐỐC\nNguyễn Văn A"))
                .isEqualTo("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn A");
        assertThat(OcrTitles.repaired("KT. BỘ TRƯỞNG\nTRƯỞNG\nNguyễn Văn A"))
                .isEqualTo("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A");
        // "PHÓ" spoiled into another word before the head's title, the title drawn beside the list under the competence
        assertThat(OcrTitles.repaired(
                        "KT.GIÁM ĐỐC\n- Như trên;\n- Giám đốc (để b/c);        ĐIÊNG GIÁM ĐỐC\n- Lưu: VT."))
                .isEqualTo("KT.GIÁM ĐỐC\n- Như trên;\n- Giám đốc (để b/c);        PHÓ GIÁM ĐỐC\n- Lưu: VT.");
        // Two words before the title, or the competence's line long past, are no deputy's title
        assertThat(OcrTitles.repaired("KT. GIÁM ĐỐC\nSỞ Y TẾ GIÁM ĐỐC\nNguyễn Văn A"))
                .isEqualTo("KT. GIÁM ĐỐC\nSỞ Y TẾ GIÁM ĐỐC\nNguyễn Văn A");
        assertThat(OcrTitles.repaired("KT. GIÁM ĐỐC\nNguyễn Văn A\nXIÊNG GIÁM ĐỐC"))
                .isEqualTo("KT. GIÁM ĐỐC\nNguyễn Văn A\nXIÊNG GIÁM ĐỐC");
        // The deputy's title read whole stays, and so does a name in capitals under it
        assertThat(OcrTitles.repaired("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNGUYỄN VĂN ĐỐC"))
                .isEqualTo("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNGUYỄN VĂN ĐỐC");
    }

    @Test
    void theEndOfOneHeadsTitleInTheFootIsThatTitle() {
        assertThat(OcrTitles.repaired("Nơi nhận:\n- Lưu: VT.\n\nG PHÒNG\n\nPhạm Văn Hà"))
                .isEqualTo("Nơi nhận:\n- Lưu: VT.\n\nTRƯỞNG PHÒNG\n\nPhạm Văn Hà");
        // Before the foot, the same piece is left as read
        assertThat(OcrTitles.repaired("G PHÒNG\nNơi nhận:")).isEqualTo("G PHÒNG\nNơi nhận:");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Titles read right
                "TRƯỞNG PHÒNG",
                "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
                // Two titles of the same letters: neither is chosen
                "THỦ TRƯỞNG",
                "THỨ TRƯỞNG",
                // Headers, bodies, headings and names in capitals that are no title
                "SỞ Y TẾ",
                "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
                "TM. ỦY BAN NHÂN DÂN",
                "II. MỤC ĐÍCH, YÊU CẦU",
                "CÔNG AN HUYỆN",
                "NGUYỄN VĂN TRƯỜNG",
                // A place a letter off a title, outside the signature ("THANH AN" and "CHÁNH ÁN")
                "ỦY BAN NHÂN DÂN XÃ\nTHANH AN",
                // A whole word's end of a title in the foot: a copy's issuing office, a recipient
                "Nơi nhận:\n- Lưu: VT.\nVĂN PHÒNG\nSAO Y BẢN CHÍNH",
                // Names, units and list items in capitals a letter or two off a title (review of session 17)
                "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nHỒ ĐỨC TRƯỜNG",
                "Nơi nhận:\n- THANH TRA;\n- CÔNG AN;\nTỔ TRƯỞNG\nCHI HỘI TRƯỞNG",
                "SƯ ĐOÀN 312        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTRUNG ĐOÀN 165",
                // Sentences
                "Trưởng phòng chủ trì, phối hợp với các đơn vị.",
                "Nơi nhận:\n- Như trên;\n- Phòng Nội vụ;",
            })
    void leavesAloneWhatIsNoSpoiledTitle(String text) {
        assertThat(OcrTitles.repaired(text)).isEqualTo(text);
    }

    @Test
    void aKindsHeadingRunTogetherUnderTheHeaderIsPutRight() {
        String header = "HỘI SINH VIÊN VIỆT NAM TP. HCM\nBCH TRƯỜNG ĐH SƯ PHẠM KỸ THUẬT\n\n";
        assertThat(OcrTitles.repaired(header + "ĐÈEÁN\nNhân sự Ban chấp hành"))
                .isEqualTo(header + "ĐỀ ÁN\nNhân sự Ban chấp hành");
        assertThat(OcrTitles.repaired(header + "KÉ HOẠCII\nTổ chức hội thi"))
                .isEqualTo(header + "KẾ HOẠCH\nTổ chức hội thi");
        assertThat(OcrTitles.repaired(header + "QUYÉT ĐỊNII\nVề việc")).isEqualTo(header + "QUYẾT ĐỊNH\nVề việc");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Headings of syllables, whatever they are: a kind, another kind of the same letters but one, a place
                "ĐỀ ÁN\nNhân sự",
                "DỰ ÁN\nĐầu tư",
                "ĐÀ NẴNG\nNội dung",
                // Codes and headings far from every kind; two columns
                "UBND\nNội dung",
                "KHOA HỌC XÃ HỘI\nNội dung",
                "ĐÈEÁN        ĐỘC LẬP\nNội dung",
                // A speck, a dash or a digit beside the words of a body; letters OCR has no Latin key for
                "CÔNG AN -\nNội dung",
                "HỘI ĐỒNG1\nNội dung",
                "ØØ\nNội dung",
                "ΩΩ\nNội dung",
            })
    void leavesAloneWhatIsNoSpoiledHeading(String text) {
        assertThat(OcrTitles.repaired(text)).isEqualTo(text);
    }

    @Test
    void aSpoiledHeadingIsLookedForUnderTheHeaderOnly() {
        String text = "Nội dung\n".repeat(30) + "ĐÈEÁN\n";
        assertThat(OcrTitles.repaired(text)).isEqualTo(text);
    }

    @Test
    void aCommitteesDeputyChairSignsForTheChairWhereTheSealLeftNoLineForIt() {
        assertThat(OcrTitles.repaired("TM. ỦY BAN NHÂN DÂN\nhà xc\n\nPHÓ CHỦ TỊCH\n\nBùi Thanh An"))
                .isEqualTo("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nhà xc\n\nPHÓ CHỦ TỊCH\n\nBùi Thanh An");
        assertThat(OcrTitles.repaired("TM. ỦY BAN NHÂN DÂN\nPHÓ CHỦ TỊCH\nBùi Thanh An"))
                .isEqualTo("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Thanh An");
        // Only "KT." lost: the head's line without its mark is the head's line
        assertThat(OcrTitles.repaired("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Thanh An"))
                .isEqualTo("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Thanh An");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // The head's line read, the chair himself, a Party committee's and the Front's deputies (HD 36)
                "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Thanh An",
                "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nBùi Thanh An",
                "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nBùi Thanh An",
                "TM. BAN THƯỜNG TRỰC\nPHÓ CHỦ TỊCH\nBùi Thanh An",
                // The head's line read in another form
                "TM. ỦY BAN NHÂN DÂN\nK.T. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLò Văn An",
                "TM. ỦY BAN NHÂN DÂN\nKT, CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLò Văn An",
                // The deputy chair far below: another block
                "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nBùi Thanh An\nNơi nhận:\n- Lưu.\nPHÓ CHỦ TỊCH",
            })
    void leavesEveryOtherSignatureBlockAsRead(String text) {
        assertThat(OcrTitles.repaired(text)).isEqualTo(text);
    }
}
