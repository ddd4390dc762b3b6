package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class MisplacedMarksTests {

    private static String decomposed(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    @Test
    void theOiLettersOfABrokenFontAreReadAsUHorn() {
        assertThat(MisplacedMarks.repair("H\u01A2\u1EDANG DẪN; TR\u01A2\u1EDENG PHÒNG; ch\u01A3\u01A1ng"))
                .isEqualTo("HƯỚNG DẪN; TRƯỞNG PHÒNG; chương");
    }

    @Test
    void aToneMarkDrawnAfterAConsonantGoesBackToItsVowel() {
        assertThat(MisplacedMarks.repair("th\u01B0c\u0323 hiê\u0323n; hoat\u0323 đông\u0323; ma\u0323nh"))
                .isEqualTo("thực hiện; hoạt động; mạnh");
        assertThat(MisplacedMarks.repair("Tiếp tuc\u0323 quán triệt; kế hoac\u0323h"))
                .isEqualTo("Tiếp tục quán triệt; kế hoạch");
    }

    @Test
    void aToneMarkAfterTheSecondVowelOfAFallingPairGoesToTheFirst() {
        assertThat(MisplacedMarks.repair("Lãnh đao\u0323, daỵ học")).isEqualTo("Lãnh đạo, dạy học");
        assertThat(MisplacedMarks.repair("nguoi" + "\u0300")).isEqualTo("nguòi");
    }

    @Test
    void rightlyPlacedMarksAndRisingPairsAreLeftAlone() {
        String text = "Người hướng dẫn quý khách: hoà, hòa, thuý, quí, gì, khuỷu, muối, yêu, xoáy, mùa, giá, thực.";
        assertThat(MisplacedMarks.repair(text)).isEqualTo(text);
        assertThat(MisplacedMarks.repair(decomposed(text))).isEqualTo(text);
    }
}
