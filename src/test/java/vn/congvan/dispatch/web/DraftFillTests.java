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

    /** The urgency mark printed on the file ("HỎA TỐC", ADR 0073 amendment) is the draft's; none leaves the clerk's. */
    @Test
    void theUrgencyMarkPrintedOnTheFileIsTheDraftsUrgency() {
        Extraction plain = read("CÔNG VĂN", null, Map.of("urgency", 0.9));
        Extraction marked = new Extraction(
                plain.family(),
                plain.typeName(),
                plain.number(),
                plain.notation(),
                plain.issuedOn(),
                plain.place(),
                plain.issuer(),
                plain.issuerParent(),
                plain.subject(),
                plain.addressees(),
                plain.distribution(),
                plain.signer(),
                plain.confidence(),
                plain.layoutFindings(),
                "HỎA TỐC",
                "MẬT");
        DispatchForm form = DispatchForm.blank();

        DraftFill fill = DraftFill.fill(form, marked, TYPES);

        assertThat(form.getUrgency()).isEqualTo(vn.congvan.dispatch.Urgency.FLASH);
        assertThat(fill.marks()).containsEntry("urgency", "sure");
        DispatchForm untouched = DispatchForm.blank();
        untouched.setUrgency(vn.congvan.dispatch.Urgency.URGENT);
        DraftFill.fill(untouched, plain, TYPES);
        assertThat(untouched.getUrgency()).isEqualTo(vn.congvan.dispatch.Urgency.URGENT);
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

    /** A unit at the root of the tree: nothing above it to compare a heading's body above with. */
    private static DraftingUnit root(UnitSummary unit) {
        return new DraftingUnit(unit, List.of());
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

        DraftFill.fill(form, provinces, TYPES, new DraftingUnit(commune, List.of()));

        assertThat(root(commune).owns(provinces)).isFalse();
        assertThat(form.getForwardsReference())
                .isEqualTo("Quyết định số 26/QĐ-UBND ngày 21 tháng 02 năm 2024 của Ủy ban nhân dân tỉnh Quảng Nam");
        assertThat(form.getBody())
                .startsWith("Thực hiện Quyết định số 26/QĐ-UBND")
                .endsWith("ban hành quy chế, ");

        UnitSummary province = unit("Ủy ban nhân dân tỉnh Quảng Nam", "UBND tỉnh", "UBND");
        UnitSummary board = unit("Ban Tuyên giáo Q.1", "Ban Tuyên giáo", "BTGQU");
        Extraction boards = heading(Family.PARTY, 65, "CV/BTGQU", "BAN TUYÊN GIÁO", "QUẬN ỦY QUẬN 1");
        Extraction noHeading = heading(Family.STATE, 26, "QĐ-UBND", null, null);
        assertThat(root(province).owns(provinces))
                .as("its heading names the issuer")
                .isTrue();
        assertThat(root(board).owns(boards))
                .as("its symbol, under the issuer's short name, the portal naming it otherwise")
                .isTrue();
        assertThat(root(commune).owns(noHeading))
                .as("its symbol, no heading read")
                .isTrue();
    }

    /**
     * Another body's document is cited, not copied: its family, type, place, "Kính gửi", "Nơi nhận" and signer are
     * that body's, so they are left as the form had them and named; the citation and the subject (the matter both
     * documents are about, marked to be checked) are filled.
     */
    @Test
    void anotherBodysDocumentFillsTheCitationAndSubjectOnlyAndNamesWhatItLeft() {
        UnitSummary commune = unit("Ủy ban nhân dân xã Tam Thăng", "UBND xã Tam Thăng", "UBND");
        Extraction provinces = new Extraction(
                Family.STATE,
                "QUYẾT ĐỊNH",
                26,
                "QĐ-UBND",
                LocalDate.of(2024, 2, 21),
                "Tam Kỳ",
                "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
                null,
                "Về việc ban hành quy chế",
                List.of("Các sở, ban, ngành"),
                List.of("Như trên", "Sở Nội vụ", "Lưu VT"),
                new Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Anh Tuấn"),
                Map.of("subject", 0.95, "signer.fullName", 0.95, "family", 0.99),
                List.of());
        DispatchForm form = DispatchForm.blank();
        form.setPlace("Tam Thăng");

        DraftFill fill = DraftFill.fill(form, provinces, TYPES, root(commune));

        assertThat(fill.cited()).isTrue();
        assertThat(form.getForwardsReference()).startsWith("Quyết định số 26/QĐ-UBND");
        assertThat(form.getSubject()).isEqualTo("Về việc ban hành quy chế");
        assertThat(form.getFamily()).isEqualTo(DispatchFamily.PARTY);
        assertThat(form.getTypeCode()).isEqualTo("CV");
        assertThat(form.getPlace()).isEqualTo("Tam Thăng");
        assertThat(form.getAddresseeLines()).isNullOrEmpty();
        assertThat(form.getDistributionLines()).isNullOrEmpty();
        assertThat(form.getSignerCompetence()).isNullOrEmpty();
        assertThat(form.getSignerAuthority()).isNullOrEmpty();
        assertThat(form.getSignerPosition()).isNullOrEmpty();
        assertThat(form.getSignerName()).isNullOrEmpty();
        assertThat(fill.marks())
                .containsOnlyKeys("forwardsReference", "body", "subject")
                .containsEntry("subject", "check");
        assertThat(fill.left())
                .containsExactly(
                        "dispatch.form.family",
                        "dispatch.form.type",
                        "dispatch.form.place",
                        "dispatch.form.addressees",
                        "dispatch.form.distribution",
                        "dispatch.form.signer");
    }

    private static UnitSummary unit(long id, Long parentId, String name, String shortName, String symbol) {
        return new UnitSummary(
                id, parentId, UnitKind.PARTY_BOARD, "T" + id, name, shortName, symbol, null, null, null, null);
    }

    /**
     * Every district's propaganda board is "Ban Tuyên giáo" and signs "BTGQU": the body above printed in the heading
     * tells Quận 3's board from Quận 1's, compared with the bodies above the unit in the tree at any depth; a heading
     * without one, or naming an ancestor (by name, short name, or the Đảng bộ its committee leads), is still the own.
     */
    @Test
    void aPeerOfTheSameShortNameAndSymbolUnderAnotherBodyIsNotTheUnitsOwn() {
        UnitSummary city = unit(1, null, "Thành ủy Thành phố Hồ Chí Minh", "Thành ủy", "TU");
        UnitSummary district = unit(2, 1L, "Quận ủy Quận 1", "Quận ủy Quận 1", "QU");
        UnitSummary office = unit(3, 2L, "Khối các ban Quận ủy", "Khối các ban", null);
        UnitSummary board = unit(4, 3L, "Ban Tuyên giáo", "Ban Tuyên giáo", "BTGQU");
        DraftingUnit quan1 = new DraftingUnit(board, List.of(office, district, city));
        UnitSummary ward = unit(5, 2L, "Đảng ủy phường Bến Nghé", "Đảng ủy phường Bến Nghé", "ĐU");
        DraftingUnit benNghe = new DraftingUnit(ward, List.of(district, city));

        assertThat(quan1.owns(heading(Family.PARTY, 65, "CV/BTGQU", "BAN TUYÊN GIÁO", "QUẬN ỦY QUẬN 3")))
                .as("Quận 3's board, the same short name and symbol")
                .isFalse();
        assertThat(quan1.owns(heading(Family.PARTY, 65, "CV/BTGQU", "BAN TUYÊN GIÁO", "QUẬN ỦY QUẬN 1")))
                .as("its own committee, two levels up")
                .isTrue();
        assertThat(quan1.owns(heading(Family.PARTY, 65, "CV/BTGQU", "BAN TUYÊN GIÁO", null)))
                .as("no body above read")
                .isTrue();
        assertThat(quan1.owns(heading(Family.PARTY, 65, "CV/BTGQU", "BAN TUYÊN GIÁO", "THÀNH ỦY TP. HCM")))
                .as("a body above that is none of its ancestors")
                .isFalse();
        assertThat(benNghe.owns(heading(Family.PARTY, 12, "CV/ĐU", "ĐẢNG ỦY PHƯỜNG BẾN NGHÉ", "ĐẢNG BỘ QUẬN 1")))
                .as("the Đảng bộ its district committee leads")
                .isTrue();
        assertThat(benNghe.owns(heading(Family.PARTY, 12, "CV/ĐU", "ĐẢNG ỦY PHƯỜNG BẾN NGHÉ", "ĐẢNG BỘ QUẬN 3")))
                .as("a ward of the same name in another district")
                .isFalse();
    }

    /**
     * A state heading abbreviates the body above ("UBND QUẬN 1") where the unit tree writes it in full, or the other
     * way round: the kind of body is compared written out, so the own office is still told from its peer of Quận 3.
     */
    @Test
    void anAbbreviatedBodyAboveIsTheAncestorWrittenInFull() {
        UnitSummary city = unit(1, null, "Ủy ban nhân dân Thành phố Hồ Chí Minh", "UBND TP. HCM", "UBND");
        UnitSummary district = unit(2, 1L, "Ủy ban nhân dân Quận 1", "Quận 1", "UBND");
        UnitSummary office = unit(3, 2L, "Phòng Văn hóa và Thông tin", "Phòng Văn hóa và Thông tin", "VHTT");
        DraftingUnit own = new DraftingUnit(office, List.of(district, city));
        UnitSummary abbreviatedDistrict = unit(4, 1L, "UBND Quận 1", "UBND Q.1", "UBND");
        DraftingUnit abbreviatedTree = new DraftingUnit(office, List.of(abbreviatedDistrict, city));

        assertThat(own.owns(heading(Family.STATE, 12, "VHTT", "PHÒNG VĂN HÓA VÀ THÔNG TIN", "UBND QUẬN 1")))
                .as("the heading abbreviates, the tree does not")
                .isTrue();
        assertThat(own.owns(heading(Family.STATE, 12, "VHTT", "PHÒNG VĂN HÓA VÀ THÔNG TIN", "UBND. QUẬN 1")))
                .as("with a full stop")
                .isTrue();
        assertThat(abbreviatedTree.owns(
                        heading(Family.STATE, 12, "VHTT", "PHÒNG VĂN HÓA VÀ THÔNG TIN", "ỦY BAN NHÂN DÂN QUẬN 1")))
                .as("the tree abbreviates, the heading does not")
                .isTrue();
        assertThat(own.owns(heading(Family.STATE, 12, "VHTT", "PHÒNG VĂN HÓA VÀ THÔNG TIN", "UBND QUẬN 3")))
                .as("the same office of another district")
                .isFalse();
        assertThat(DraftingUnit.comparable("TP. Hồ Chí Minh"))
                .isEqualTo(DraftingUnit.comparable("Thành phố Hồ Chí Minh"));
        assertThat(DraftingUnit.comparable("TPHCM"))
                .as("letters inside a word are no abbreviation")
                .isEqualTo("tphcm");
    }
}
