package vn.congvan.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.congvan.dispatch.DispatchFamily;
import vn.congvan.extraction.Extraction;
import vn.congvan.extraction.Family;
import vn.congvan.extraction.Signer;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;

/** How the fields read from a file land on the drafting form (ADR 0045). */
class DraftFillTests {

    private static final Map<String, String> TYPES = Map.of("CV", "Công văn", "QĐ", "Quyết định", "KH", "Kế hoạch");

    private static Extraction read(String typeName, Signer signer, Map<String, Double> confidence) {
        return new Extraction(
                Family.STATE,
                typeName,
                26,
                "QĐ-UBND",
                LocalDate.of(2024, 2, 21),
                "Tam Kỳ",
                "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
                null,
                "Về việc ban hành quy chế",
                null,
                List.of("Như trên", "Sở Nội vụ", "Lưu VT"),
                signer,
                confidence,
                List.of());
    }

    @Test
    void theCompetenceIsSplitIntoTheFamilysMarkAndTheAuthority() {
        DispatchForm form = DispatchForm.blank();

        DraftFill fill = DraftFill.fill(
                form,
                read(
                        "QUYẾT ĐỊNH",
                        new Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Anh Tuấn"),
                        Map.of("signer.competence", 0.92, "signer.position", 0.8, "signer.fullName", 0.7)),
                TYPES);

        assertThat(form.getFamily()).isEqualTo(DispatchFamily.STATE);
        assertThat(form.getTypeCode()).isEqualTo("QĐ");
        assertThat(form.getSignerCompetence()).isEqualTo("KT.");
        assertThat(form.getSignerAuthority()).isEqualTo("CHỦ TỊCH");
        assertThat(form.getSignerPosition()).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(form.getSignerName()).isEqualTo("Trần Anh Tuấn");
        // From 0.8 on a field is sure; under it, to check; a field without a confidence is to check.
        assertThat(fill.marks())
                .containsEntry("signerCompetence", "sure")
                .containsEntry("signerPosition", "sure")
                .containsEntry("signerName", "check")
                .containsEntry("subject", "check");
    }

    @Test
    void typedFieldsAreKeptAndNamedAndTheDistributionJoinsOnlyAnUntouchedList() {
        DispatchForm form = DispatchForm.blank();
        form.setSubject("Về việc của văn thư");
        form.setSignerName("Nguyễn Văn An");

        DraftFill fill = DraftFill.fill(
                form, read("Công văn", new Signer(null, null, "Trần Anh Tuấn"), Map.of("subject", 0.9)), TYPES);

        assertThat(form.getSubject()).isEqualTo("Về việc của văn thư");
        assertThat(form.getSignerName()).isEqualTo("Nguyễn Văn An");
        assertThat(form.getTypeCode()).isEqualTo("CV");
        assertThat(form.getDistributionLines()).isEqualTo("Như trên\nSở Nội vụ\nLưu VT");
        assertThat(fill.kept()).containsExactly("dispatch.form.subject", "dispatch.form.signerName");
        assertThat(fill.marks()).doesNotContainKeys("subject", "signerName");
    }

    /** An issued document read with its heading and nothing else. */
    private static Extraction heading(Family family, int number, String notation, String issuer, String parent) {
        return new Extraction(
                family,
                null,
                number,
                notation,
                LocalDate.of(2024, 2, 21),
                null,
                issuer,
                parent,
                null,
                null,
                null,
                null,
                Map.of(),
                List.of());
    }

    private static UnitSummary unit(String name, String shortName, String symbol) {
        return new UnitSummary(1L, null, UnitKind.STATE_AGENCY, "T", name, shortName, symbol, null, null, null, null);
    }

    /**
     * A symbol is shared by every body of a kind ("UBND" by every People's Committee): a district's decision dropped
     * on a commune's draft is the document the draft implements, though its ký hiệu ends with the commune's symbol.
     */
    @Test
    void anotherBodyOfTheSameSymbolIsCitedAndTheIssuersOwnCopyIsNot() {
        UnitSummary commune = unit("Ủy ban nhân dân xã Tam Thăng", "UBND xã Tam Thăng", "UBND");
        Extraction provinces = read("QUYẾT ĐỊNH", null, Map.of());
        DispatchForm form = DispatchForm.blank();

        DraftFill.fill(form, provinces, TYPES, commune);

        assertThat(DraftFill.own(provinces, commune)).isFalse();
        assertThat(form.getForwardsReference())
                .isEqualTo("Quyết định số 26/QĐ-UBND ngày 21 tháng 02 năm 2024 của Ủy ban nhân dân tỉnh Quảng Nam");
        assertThat(form.getBody())
                .startsWith("Thực hiện Quyết định số 26/QĐ-UBND")
                .endsWith("ban hành quy chế, ");

        UnitSummary province = unit("Ủy ban nhân dân tỉnh Quảng Nam", "UBND tỉnh", "UBND");
        UnitSummary board = unit("Ban Tuyên giáo Q.1", "Ban Tuyên giáo", "BTGQU");
        Extraction boards = heading(Family.PARTY, 65, "CV/BTGQU", "BAN TUYÊN GIÁO", "QUẬN ỦY QUẬN 1");
        Extraction noHeading = heading(Family.STATE, 26, "QĐ-UBND", null, null);
        assertThat(DraftFill.own(provinces, province))
                .as("its heading names the issuer")
                .isTrue();
        assertThat(DraftFill.own(boards, board))
                .as("its symbol, under the issuer's short name, the portal naming it otherwise")
                .isTrue();
        assertThat(DraftFill.own(noHeading, commune))
                .as("its symbol, no heading read")
                .isTrue();
    }
}
