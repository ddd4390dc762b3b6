package vn.congvan.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DispatchFamilyTests {

    @Test
    void partyNumbersJoinNumberAndSymbolWithAHyphenAndNoColon() {
        String notation = DispatchFamily.PARTY.notation(65, "CV/BTGQU");

        assertThat(notation).isEqualTo("65-CV/BTGQU");
        assertThat(DispatchFamily.PARTY.numberLine(notation)).isEqualTo("Số 65-CV/BTGQU");
    }

    @Test
    void partyNumbersUnderTenTakeALeadingZeroAsTheyRunFromOne() {
        assertThat(DispatchFamily.PARTY.notation(5, "CT/TW")).isEqualTo("05-CT/TW");
        assertThat(DispatchFamily.PARTY.notation(1, "KH/BTGQU")).isEqualTo("01-KH/BTGQU");
        assertThat(DispatchFamily.PARTY.notation(100, "CV/BTGQU")).isEqualTo("100-CV/BTGQU");
    }

    @Test
    void stateNumbersTakeALeadingZeroASlashAndAColon() {
        String notation = DispatchFamily.STATE.notation(5, "QĐ-UBND");

        assertThat(notation).isEqualTo("05/QĐ-UBND");
        assertThat(DispatchFamily.STATE.numberLine(notation)).isEqualTo("Số: 05/QĐ-UBND");
        assertThat(DispatchFamily.MASS_ORG.notation(26, "QĐ-MTTQ")).isEqualTo("26/QĐ-MTTQ");
    }

    @Test
    void documentNumbersStartAtOneAndNeedASymbol() {
        assertThatThrownBy(() -> new DocumentNumber(0, "CV/BTGQU")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DocumentNumber(1, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void datesTakeLeadingZerosForDaysBelowTenAndForJanuaryAndFebruary() {
        assertThat(VietnameseDates.longForm(LocalDate.of(2023, 7, 12))).isEqualTo("ngày 12 tháng 7 năm 2023");
        assertThat(VietnameseDates.longForm(LocalDate.of(2024, 2, 5))).isEqualTo("ngày 05 tháng 02 năm 2024");
        assertThat(VietnameseDates.longForm(LocalDate.of(2024, 11, 9))).isEqualTo("ngày 09 tháng 11 năm 2024");
    }

    @Test
    void signerCompetenceLineJoinsCompetenceAndAuthority() {
        assertThat(new Signer("K/T", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "A").competenceLine())
                .isEqualTo("K/T TRƯỞNG BAN");
        assertThat(new Signer(null, null, null, "Nguyễn Trung Châu Tuyên").competenceLine())
                .isNull();
    }

    @Test
    void aPartyDocumentTakesOnlyThePartyCompetencesAndAStateOneOnlyTheStateOnes() {
        assertThat(DispatchFamily.PARTY.competences()).containsExactly("T/M", "K/T", "T/L", "T/U", "Q.");
        assertThat(DispatchFamily.STATE.competences()).containsExactly("TM.", "KT.", "TL.", "TUQ.", "Q.");
        assertThat(DispatchFamily.PARTY.allowsCompetence("KT.")).isFalse();
        assertThat(DispatchFamily.PARTY.allowsCompetence("K/T")).isTrue();
        assertThat(DispatchFamily.STATE.allowsCompetence("K/T")).isFalse();
        assertThat(DispatchFamily.MASS_ORG.allowsCompetence("TM.")).isTrue();
        assertThat(DispatchFamily.PARTY.allowsCompetence("PHÓ")).isFalse();
        assertThat(DispatchFamily.PARTY.allowsCompetence(null)).isTrue();
        assertThat(DispatchFamily.STATE.allowsCompetence(" ")).isTrue();
    }

    @Test
    void aStateCongVanCarriesNoTypeInItsSymbol() {
        assertThat(DispatchFamily.STATE.symbol("CV", "UBND")).isEqualTo("UBND");
        assertThat(DispatchFamily.STATE.symbol("QĐ", "UBND")).isEqualTo("QĐ-UBND");
        assertThat(DispatchFamily.PARTY.symbol("CV", "BTGQU")).isEqualTo("CV/BTGQU");
    }

    @Test
    void aDraftLeavesItsNumberBlankAsOnPaper() {
        String blank = "\u00a0".repeat(5);
        assertThat(DispatchFamily.PARTY.blankNumberLine("CV", "BTGQU")).isEqualTo("Số" + blank + "-CV/BTGQU");
        assertThat(DispatchFamily.STATE.blankNumberLine("QĐ", "UBND")).isEqualTo("Số:" + blank + "/QĐ-UBND");
        assertThat(DispatchFamily.PARTY.blankNumberLine("KH", null)).isEqualTo("Số" + blank + "-KH/...");
    }

    @Test
    void urgencyMarksAreTheRulebooksWords() {
        assertThat(Urgency.NORMAL.mark()).isNull();
        assertThat(Urgency.URGENT.mark()).isEqualTo("KHẨN");
        assertThat(Urgency.VERY_URGENT.mark()).isEqualTo("THƯỢNG KHẨN");
        assertThat(Urgency.FLASH.mark()).isEqualTo("HỎA TỐC");
        assertThat(Urgency.FLASH_TIMED.mark()).isEqualTo("HỎA TỐC HẸN GIỜ");
    }
}
