package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page laid out from Tesseract's words and boxes (ADR 0060). The rows are cut from Tesseract's TSV of the test
 * scans and of a real published scan (pa83-115-cv-2018), where the marks named below were read as words.
 */
class OcrLayoutTests {

    private static final String HEAD =
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
                    + "\tconf\ttext\n1\t1\t0\t0\t0\t0\t0\t0\t1652\t2337\t-1\t\n";

    private static String word(
            int block,
            int paragraph,
            int line,
            int left,
            int top,
            int width,
            int height,
            double confidence,
            String text) {
        return String.join(
                        "\t",
                        "5",
                        "1",
                        Integer.toString(block),
                        Integer.toString(paragraph),
                        Integer.toString(line),
                        "1",
                        Integer.toString(left),
                        Integer.toString(top),
                        Integer.toString(width),
                        Integer.toString(height),
                        Double.toString(confidence),
                        text)
                + "\n";
    }

    /** A Party board's header, scanned 2.5° crooked: the star under the board was read as an "s" on a line of its own. */
    private static final String STAR_READ_AS_A_LETTER = HEAD
            + word(1, 1, 1, 168, 228, 93, 34, 90.5, "QUẬN")
            + word(1, 1, 1, 273, 228, 45, 29, 93.3, "ỦY")
            + word(1, 1, 1, 329, 228, 93, 34, 90.1, "QUẬN")
            + word(1, 1, 1, 436, 235, 7, 22, 90.6, "1")
            + word(1, 1, 2, 168, 280, 68, 22, 89.7, "BAN")
            + word(1, 1, 2, 246, 273, 111, 29, 91.3, "TUYÊN")
            + word(1, 1, 2, 368, 273, 81, 29, 96.4, "GIÁO")
            + word(2, 1, 1, 169, 325, 12, 12, 23.5, "s")
            + word(3, 1, 1, 169, 412, 32, 25, 93.3, "Số")
            + word(3, 1, 1, 212, 415, 211, 27, 92.4, "65-CV/BTGQU")
            + word(3, 2, 1, 167, 503, 37, 24, 96.6, "Về")
            + word(3, 2, 1, 215, 492, 53, 40, 97.0, "việc")
            + word(3, 2, 1, 279, 504, 42, 30, 96.7, "gửi")
            + word(3, 2, 1, 331, 503, 31, 24, 97.0, "tài")
            + word(3, 2, 1, 374, 503, 45, 29, 96.7, "liệu");

    @Test
    void aMarkTesseractIsUnsureOfAndFarSmallerThanTheLettersIsLeftOut() {
        String text = OcrLayout.text(STAR_READ_AS_A_LETTER);

        assertThat(text).isEqualTo("QUẬN ỦY QUẬN 1\nBAN TUYÊN GIÁO\n\nSố 65-CV/BTGQU\n\nVề việc gửi tài liệu\n");
        Extraction fields = FieldReader.read(FieldReader.withoutOcrSpecks(text));
        assertThat(fields.issuer()).isEqualTo("BAN TUYÊN GIÁO");
        assertThat(fields.issuerParent()).isEqualTo("QUẬN ỦY QUẬN 1");
    }

    @Test
    void withTheMarkAsTesseractWritesItTheIssuerIsLost() {
        // What Tesseract's own text gave for the same page, and why the layout is needed.
        String tesseract = "QUẬN ỦY QUẬN 1\nBAN TUYÊN GIÁO\n\ns\n\nSố 65-CV/BTGQU\n\nVề việc gửi tài liệu\n";

        assertThat(FieldReader.read(FieldReader.withoutOcrSpecks(tesseract)).issuer())
                .isNull();
    }

    @Test
    void aThinBarReadAsALetterIsLeftOutHoweverSureTesseractIs() {
        String tsv = HEAD
                + word(1, 1, 1, 176, 132, 46, 30, 97, "ỦY")
                + word(1, 1, 1, 234, 139, 67, 24, 95, "BAN")
                + word(1, 1, 1, 312, 133, 93, 31, 97, "NHÂN")
                + word(1, 1, 1, 417, 134, 69, 31, 96, "DÂN")
                + word(1, 1, 2, 175, 177, 78, 31, 89, "TỈNH")
                + word(1, 1, 2, 263, 179, 119, 34, 75, "QUẢNG")
                + word(1, 1, 2, 394, 186, 74, 24, 96, "NAM")
                + word(2, 1, 1, 176, 272, 4, 31, 83, "Ï")
                + word(3, 2, 1, 173, 542, 41, 26, 97, "Số:")
                // Unsure, but a word of the page's size written with Vietnamese letters: kept.
                + word(3, 2, 1, 226, 543, 211, 30, 0, "216/QĐ-UBND");

        assertThat(OcrLayout.text(tsv)).isEqualTo("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\n\nSố: 216/QĐ-UBND\n");
    }

    @Test
    void aGapWiderThanAColumnsIsWrittenAsOneSoThatTheFieldRulesCutTheBandInTwo() {
        // A real scan's header band, the two columns on one baseline 180 pixels apart (letters about 50 high).
        String tsv = HEAD
                + word(1, 1, 1, 239, 169, 159, 53, 93, "CÔNG")
                + word(1, 1, 1, 413, 183, 83, 39, 93, "AN")
                + word(1, 1, 1, 512, 183, 65, 38, 97, "TP")
                + word(1, 1, 1, 595, 168, 84, 53, 97, "ĐÀ")
                + word(1, 1, 1, 692, 169, 170, 53, 96, "NẴNG")
                + word(1, 1, 1, 1061, 175, 170, 59, 96, "CỘNG")
                + word(1, 1, 1, 1247, 168, 131, 54, 97, "HÒA")
                + word(1, 1, 1, 1392, 170, 83, 50, 96, "XÃ")
                + word(1, 1, 1, 1490, 173, 113, 59, 96, "HỘI")
                + word(1, 1, 1, 1621, 166, 126, 54, 96, "CHỦ")
                + word(1, 1, 1, 1763, 168, 195, 53, 96, "NGHĨA")
                + word(1, 1, 1, 1974, 172, 138, 59, 96, "VIỆT")
                + word(1, 1, 1, 2128, 179, 138, 40, 96, "NAM")
                // A speck far left of the board's name, a handwritten stroke before "Số".
                + word(2, 1, 1, 70, 304, 2, 5, 36, "_")
                + word(2, 1, 1, 115, 239, 207, 72, 93, "PHÒNG")
                + word(2, 1, 1, 339, 224, 69, 91, 92, "AN")
                + word(2, 1, 1, 430, 239, 202, 53, 93, "CHÍNH")
                + word(2, 1, 1, 650, 252, 104, 40, 92, "TRỊ")
                + word(2, 1, 1, 769, 244, 110, 59, 97, "NỘI")
                + word(2, 1, 1, 894, 244, 83, 59, 97, "BỘ")
                + word(2, 1, 1, 1309, 248, 95, 43, 95, "Độc")
                + word(2, 1, 1, 1422, 248, 73, 55, 93, "lập")
                + word(2, 1, 1, 1513, 273, 16, 6, 93, "-")
                + word(2, 1, 1, 1547, 250, 73, 40, 97, "Tự")
                + word(2, 1, 1, 1636, 250, 58, 40, 93, "do")
                + word(2, 1, 1, 1711, 272, 17, 7, 93, "-")
                + word(2, 1, 1, 1744, 249, 136, 41, 92, "Hạnh")
                + word(2, 1, 1, 1898, 248, 118, 54, 97, "phúc")
                + word(2, 1, 2, 34, 310, 55, 86, 75, "z\\")
                + word(2, 1, 2, 332, 323, 71, 52, 95, "Số:")
                + word(2, 1, 2, 416, 322, 75, 46, 65, "115")
                + word(2, 1, 2, 509, 334, 245, 41, 34, "/CV-PA83")
                + word(2, 1, 2, 1428, 344, 71, 39, 95, "Đà")
                + word(2, 1, 2, 1513, 332, 135, 64, 97, "Nẵng,")
                + word(2, 1, 2, 1671, 343, 112, 53, 97, "ngày")
                + word(2, 1, 2, 1798, 343, 59, 40, 97, "26")
                + word(2, 1, 2, 1871, 342, 131, 54, 97, "tháng")
                + word(2, 1, 2, 2017, 344, 27, 38, 97, "4")
                + word(2, 1, 2, 2074, 344, 97, 38, 97, "năm")
                + word(2, 1, 2, 2188, 343, 117, 39, 97, "2018")
                // A handwritten note in the margin: single letters and strokes, some of them "sure".
                + word(3, 1, 1, 22, 387, 37, 31, 0, "E")
                + word(3, 1, 2, 19, 430, 61, 61, 84, "=")
                + word(3, 1, 2, 135, 427, 74, 57, 96, "V/v")
                + word(3, 1, 2, 223, 426, 132, 53, 96, "thông")
                + word(3, 1, 2, 369, 427, 84, 41, 97, "báo")
                + word(3, 1, 3, 56, 480, 136, 57, 0, "I`šïš")
                + word(3, 1, 3, 252, 493, 86, 51, 97, "Hội")
                + word(3, 1, 3, 354, 493, 128, 42, 97, "thánh")
                // The note again beside "Kính gửi", as letters Tesseract is unsure of.
                + word(4, 1, 1, 175, 679, 53, 61, 35, "lu")
                + word(4, 1, 1, 275, 670, 28, 68, 57, "è")
                + word(4, 1, 1, 571, 686, 119, 41, 97, "Kính")
                + word(4, 1, 1, 707, 686, 88, 53, 93, "gửi:")
                + word(4, 1, 1, 851, 686, 61, 41, 95, "Sở")
                + word(4, 1, 1, 928, 685, 110, 42, 96, "Giáo")
                + word(4, 1, 1, 1056, 685, 80, 50, 97, "dục");

        String text = OcrLayout.text(tsv);

        assertThat(text.lines().toList())
                .containsExactly(
                        "CÔNG AN TP ĐÀ NẴNG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "",
                        "PHÒNG AN CHÍNH TRỊ NỘI BỘ        Độc lập - Tự do - Hạnh phúc",
                        "Số: 115 /CV-PA83        Đà Nẵng, ngày 26 tháng 4 năm 2018",
                        "",
                        "V/v thông báo",
                        "Hội thánh",
                        "",
                        "Kính gửi: Sở Giáo dục");
        Extraction fields = FieldReader.read(FieldReader.withoutOcrSpecks(text));
        assertThat(fields.issuer()).isEqualTo("PHÒNG AN CHÍNH TRỊ NỘI BỘ");
        assertThat(fields.issuerParent()).isEqualTo("CÔNG AN TP ĐÀ NẴNG");
        assertThat(fields.subject()).isEqualTo("V/v thông báo Hội thánh");
    }

    @Test
    void listDashesStarsAndOneLetterWordsBesideOthersAreKept() {
        String tsv = HEAD
                + word(1, 1, 1, 170, 100, 12, 12, 95, "*")
                + word(2, 1, 1, 170, 200, 15, 5, 93, "-")
                + word(2, 1, 1, 200, 190, 40, 30, 96, "Các")
                + word(2, 1, 1, 250, 190, 60, 30, 96, "trường")
                + word(2, 1, 1, 320, 190, 10, 30, 96, "ở")
                + word(2, 1, 1, 340, 190, 40, 30, 96, "xã;");

        assertThat(OcrLayout.text(tsv)).isEqualTo("*\n\n- Các trường ở xã;\n");
    }

    /**
     * The foot of the real scan sgddt-1906-2020 (576 pixels wide): the list's dashes come back as "~" and as "-" that
     * Tesseract is unsure of; left out as marks, the distribution ended after its first item.
     */
    @Test
    void aListsDashReadAsATildeOrUnsureIsKeptAsADash() {
        String tsv = HEAD
                + word(8, 1, 1, 100, 1130, 45, 19, 54, "Nơi")
                + word(8, 1, 1, 152, 1130, 73, 26, 96, "nhận:")
                + word(8, 1, 2, 100, 1173, 6, 2, 48, "~")
                + word(8, 1, 2, 115, 1162, 48, 20, 91, "Như")
                + word(8, 1, 2, 169, 1162, 48, 22, 91, "trên;")
                + word(8, 2, 1, 100, 1203, 6, 5, 39, "-")
                + word(8, 2, 1, 115, 1192, 30, 24, 83, "Bộ")
                + word(8, 2, 1, 154, 1192, 52, 20, 69, "Giáo")
                + word(8, 2, 1, 212, 1192, 40, 24, 96, "dục;")
                + word(9, 1, 1, 60, 1240, 25, 20, 10, "__")
                + word(9, 1, 1, 90, 1243, 10, 6, 20, "-")
                + word(9, 1, 1, 110, 1230, 40, 24, 96, "Lưu")
                + word(9, 1, 1, 160, 1230, 40, 24, 96, "VT.");

        assertThat(OcrLayout.text(tsv)).isEqualTo("Nơi nhận:\n- Như trên;\n\n- Bộ Giáo dục;\n\n- Lưu VT.\n");
    }

    /**
     * Specks of two or three pixels Tesseract reads as "-", sure of them, at 200 dpi where a printed dash is eight
     * wide: before a subject in capitals, after the Youth Union's name and beside a column, where they cost the
     * subject and the issuer.
     */
    @Test
    void aDashFarNarrowerThanAPrintedOneIsASpeckAndSignsBesideAColumnAreLeftOut() {
        String tsv = HEAD
                + word(1, 1, 1, 280, 390, 120, 29, 95, "ĐOÀN")
                + word(1, 1, 1, 410, 390, 90, 29, 95, "TNCS")
                + word(1, 1, 2, 280, 440, 40, 29, 95, "HỒ")
                + word(1, 1, 2, 330, 440, 60, 29, 95, "CHÍ")
                + word(1, 1, 2, 400, 440, 90, 29, 95, "MINH")
                + word(1, 1, 2, 500, 450, 3, 2, 88, "-")
                + word(2, 1, 1, 151, 1284, 2, 2, 92, "-")
                + word(2, 1, 1, 170, 1275, 120, 29, 95, "TRIỂN")
                + word(2, 1, 1, 300, 1275, 90, 29, 95, "KHAI")
                + word(2, 1, 2, 170, 1320, 90, 29, 95, "QUỐC")
                + word(2, 1, 2, 270, 1320, 60, 29, 95, "GIA")
                + word(2, 1, 2, 400, 1330, 7, 3, 57, "-")
                + word(2, 1, 2, 600, 1320, 30, 29, 50, "\"");

        assertThat(OcrLayout.text(tsv)).isEqualTo("ĐOÀN TNCS\nHỒ CHÍ MINH\n\nTRIỂN KHAI\nQUỐC GIA\n");
    }

    /**
     * The foot of the real scan pa83-115-cv-2018 (rows cut from its TSV, the list's second item moved below the
     * position): Tesseract reads the two columns row by row, so the signature block's lines stand among the list's.
     * Written column after column, the list is whole and the name follows the position.
     */
    @Test
    void theFootIsWrittenColumnAfterColumn() {
        String tsv = HEAD
                + word(1, 5, 3, 308, 2348, 73, 51, 89, "Nơi")
                + word(1, 5, 3, 386, 2352, 130, 51, 85, "nhận:")
                + word(1, 5, 3, 1210, 2362, 123, 54, 93, "PHÓ")
                + word(1, 5, 3, 1351, 2360, 259, 50, 96, "TRƯỞNG")
                + word(1, 5, 3, 1626, 2357, 213, 50, 93, "PHÒNG")
                + word(2, 1, 1, 289, 2439, 31, 35, 80, "-")
                + word(2, 1, 1, 329, 2440, 94, 42, 90, "Như")
                + word(2, 1, 1, 433, 2445, 89, 44, 96, "trên;")
                + word(2, 1, 1, 1500, 2445, 80, 44, 90, "(đã ký)")
                + word(2, 1, 2, 289, 2505, 31, 35, 80, "-")
                + word(2, 1, 2, 329, 2503, 100, 43, 90, "Lưu")
                + word(2, 1, 2, 440, 2502, 95, 42, 68, "VT.")
                + word(5, 1, 1, 1410, 2790, 132, 53, 96, "Trung")
                + word(5, 1, 1, 1582, 2791, 50, 51, 96, "tá")
                + word(5, 1, 1, 1649, 2815, 98, 56, 96, "Ngô")
                + word(5, 1, 1, 1765, 2816, 101, 41, 96, "Văn")
                + word(5, 1, 1, 1884, 2812, 131, 55, 96, "Công");

        assertThat(OcrLayout.text(tsv))
                .isEqualTo(
                        "Nơi nhận:\n\n- Như trên;\n- Lưu VT.\n\nPHÓ TRƯỞNG PHÒNG\n\n(đã ký)\n\nTrung tá Ngô Văn Công\n");
    }

    /**
     * A real dispatch printed and read back as a scan: the signature's stroke beside the foot was glued to its first
     * word and the mark misread ("ắNới nhận:"), so the foot was not found and the list ran into the signature block.
     */
    @Test
    void aFootHeadMisreadOrWithASpeckGluedToItIsStillTheFoot() {
        String tsv = HEAD
                + word(1, 5, 3, 290, 2348, 95, 51, 71, "ắNới")
                + word(1, 5, 3, 396, 2352, 130, 51, 85, "nhận:")
                + word(1, 5, 3, 1210, 2362, 60, 54, 93, "KT.")
                + word(1, 5, 3, 1290, 2360, 80, 50, 96, "BỘ")
                + word(1, 5, 3, 1390, 2357, 213, 50, 93, "TRƯỞNG")
                + word(2, 1, 1, 289, 2439, 31, 35, 80, "-")
                + word(2, 1, 1, 329, 2440, 94, 42, 90, "Như")
                + word(2, 1, 1, 433, 2445, 89, 44, 96, "trên;")
                + word(2, 1, 1, 1250, 2445, 120, 44, 90, "THỨ")
                + word(2, 1, 1, 1390, 2445, 213, 44, 90, "TRƯỞNG")
                + word(2, 1, 2, 289, 2505, 31, 35, 80, "-")
                + word(2, 1, 2, 329, 2503, 100, 43, 90, "Lưu")
                + word(2, 1, 2, 440, 2502, 95, 42, 68, "VT.");

        assertThat(OcrLayout.text(tsv))
                .isEqualTo("Nơi nhận:\n\n- Như trên;\n- Lưu VT.\n\nKT. BỘ TRƯỞNG\n\nTHỨ TRƯỞNG\n");
    }

    /**
     * "Số:" with the number left blank stands a column's gap before the notation, left of the body's margin (the
     * header's left column is centred): it was taken for a note in the margin and left out, and the number's line with
     * it (a real Đoàn file printed and read back as a scan).
     */
    @Test
    void aNumbersHeadBeforeABlankIsNoNoteInTheMargin() {
        StringBuilder tsv = new StringBuilder(HEAD);
        tsv.append(word(1, 1, 1, 139, 220, 113, 36, 90, "ĐOÀN"))
                .append(word(1, 1, 1, 264, 220, 171, 36, 93, "TRƯỜNG"))
                .append(word(1, 1, 2, 239, 282, 46, 35, 92, "Số:"))
                .append(word(1, 1, 2, 400, 289, 149, 28, 91, "/TT-ĐTN"));
        for (int line = 0; line < 6; line++) {
            int top = 600 + 50 * line;
            tsv.append(word(3, 1, line + 1, 300, top, 120, 35, 96, "Thời"))
                    .append(word(3, 1, line + 1, 440, top, 90, 35, 96, "gian"))
                    .append(word(3, 1, line + 1, 550, top, 90, 35, 96, "qua,"))
                    .append(word(3, 1, line + 1, 660, top, 90, 35, 96, "tại"));
        }

        assertThat(OcrLayout.text(tsv.toString())).startsWith("ĐOÀN TRƯỜNG\nSố:        /TT-ĐTN\n");
    }

    /**
     * The addressees of the real scan pa83-115-cv-2018 beside a handwritten note in the margin (rows cut from its TSV):
     * the note's strokes, read into the lines beside them, ended the list after its second addressee.
     */
    @Test
    void aNoteInTheMarginAndUnsureStrokesAreLeftOut() {
        StringBuilder tsv = new StringBuilder(HEAD);
        // The body, aligned on its margin at about 286 pixels, as the page's other lines are.
        for (int line = 0; line < 6; line++) {
            int left = 286 + (line % 3) * 4;
            tsv.append(word(9, 1, line + 1, left, 1200 + 60 * line, 120, 49, 96, "Thời"))
                    .append(word(9, 1, line + 1, left + 140, 1200 + 60 * line, 90, 49, 96, "gian"))
                    .append(word(9, 1, line + 1, left + 250, 1200 + 60 * line, 90, 49, 96, "qua,"))
                    .append(word(9, 1, line + 1, left + 360, 1200 + 60 * line, 90, 49, 96, "tại"));
        }
        tsv.append(word(5, 1, 1, 814, 780, 16, 5, 92, "-"))
                .append(word(5, 1, 1, 850, 756, 60, 40, 94, "Sở"))
                .append(word(5, 1, 1, 925, 757, 89, 39, 96, "Lao"))
                .append(word(5, 1, 1, 1032, 755, 115, 52, 96, "động;"))
                .append(word(5, 1, 2, 7, 833, 45, 40, 83, "\\A"))
                .append(word(5, 1, 2, 97, 817, 84, 82, 11, "NÓ"))
                .append(word(5, 1, 2, 197, 835, 57, 55, 75, "1g"))
                .append(word(5, 1, 2, 815, 848, 16, 5, 93, "-"))
                .append(word(5, 1, 2, 848, 824, 83, 50, 96, "Đại"))
                .append(word(5, 1, 2, 947, 824, 84, 50, 96, "học;"))
                .append(word(5, 1, 3, 1347, 872, 19, 39, 0, "2,"))
                .append(word(5, 1, 4, 21, 925, 11, 3, 50, ":"))
                .append(word(5, 1, 4, 101, 901, 52, 76, 0, "k"))
                .append(word(5, 1, 4, 157, 922, 25, 46, 75, "§"))
                .append(word(5, 1, 4, 223, 900, 44, 66, 77, "1"))
                .append(word(5, 1, 4, 319, 934, 17, 32, 59, "F"))
                .append(word(5, 1, 4, 816, 918, 16, 6, 92, "-"))
                .append(word(5, 1, 4, 851, 894, 88, 41, 96, "Các"))
                .append(word(5, 1, 4, 957, 907, 55, 28, 96, "cơ"))
                .append(word(5, 1, 4, 1029, 894, 51, 41, 96, "sở."));

        assertThat(OcrLayout.text(tsv.toString())).endsWith("\n\n- Sở Lao động;\n- Đại học;\n- Các cơ sở.\n");
    }

    @Test
    void rowsThatAreNotWordsOrAreCutShortAreSkipped() {
        String tsv = HEAD + "4\t1\t1\t1\t1\t0\t168\t228\t275\t34\t-1\t\n" + "5\t1\t1\t1\t1\t1\t168\t228\t93\n"
                + word(1, 1, 1, 168, 228, 93, 34, 90, "QUẬN");

        assertThat(OcrLayout.words(tsv)).extracting(OcrLayout.Word::text).containsExactly("QUẬN");
        assertThat(OcrLayout.text(HEAD)).isEqualTo("\n");
    }

    @Test
    void outputThatIsNotATsvIsTakenAsText() {
        assertThat(OcrLayout.text("Số 65-CV/BTGQU\n")).isEqualTo("Số 65-CV/BTGQU\n");
    }

    @Test
    void lettersOfOtherLanguagesAreNotVietnamese() {
        assertThat(List.of("Quảng", "ĐÀ", "216/QĐ-UBND", "“Thông")).allMatch(OcrLayout::vietnamese);
        assertThat(List.of("I`šïš", "Ä", "ç")).noneMatch(OcrLayout::vietnamese);
    }
}
