package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Số, ký hiệu" as the forms fill it from what was read. */
class ExtractionNumberTests {

    private static Extraction read(Family family, Integer number, String notation) {
        return new Extraction(
                family, null, number, notation, null, null, null, null, null, null, null, null, Map.of(), List.of());
    }

    @Test
    void theNumberAndNotationAreJoinedAsTheFamilyPrintsThem() {
        assertThat(read(Family.PARTY, 65, "CV/BTGQU").numberAndNotation()).isEqualTo("65-CV/BTGQU");
        assertThat(read(Family.STATE, 26, "QĐ-UBND").numberAndNotation()).isEqualTo("26/QĐ-UBND");
        assertThat(read(null, 7, "TB-MTTQ").numberAndNotation()).isEqualTo("7/TB-MTTQ");
    }

    @Test
    void aPartReadAloneIsGivenAloneAndNothingReadIsNull() {
        assertThat(read(Family.PARTY, null, "CV/BTGQU").numberAndNotation()).isEqualTo("CV/BTGQU");
        assertThat(read(Family.PARTY, 65, null).numberAndNotation()).isEqualTo("65");
        assertThat(read(Family.PARTY, null, null).numberAndNotation()).isNull();
    }
}
