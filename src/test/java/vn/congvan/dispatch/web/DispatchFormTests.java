package vn.congvan.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.congvan.dispatch.Recipient;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;

/** "Nơi nhận" on the drafting form: in the clerk's order, "Như trên" first, each printed line editable. */
class DispatchFormTests {

    static final UnitSummary REPORTERS = unit(7L, "Đội ngũ báo cáo viên cấp quận Quận 1", "Đội ngũ báo cáo viên");

    static final UnitSummary STANDING = unit(8L, "Thường trực Quận ủy Quận 1", "Thường trực Quận ủy");

    static final Map<Long, UnitSummary> UNITS = Map.of(7L, REPORTERS, 8L, STANDING);

    static final Map<Long, String> GROUPS = Map.of(3L, "Cấp ủy cơ sở đảng");

    @Test
    void aUnitPickedOnANewFormComesAfterNhuTrenUnderItsShortName() {
        DispatchForm form = DispatchForm.blank();
        form.getDistributionUnits().add(7L);
        form.setDistributionLines("Lưu Ban Tuyên giáo Quận ủy");

        assertThat(distribution(form))
                .containsExactly(
                        Recipient.text("Như trên"),
                        Recipient.unit("Đội ngũ báo cáo viên", 7L),
                        Recipient.text("Lưu Ban Tuyên giáo Quận ủy"));
    }

    @Test
    void linesPostedWithoutRowsPutNhuTrenFirstAndTheArchiveLast() {
        DispatchForm form = new DispatchForm();
        form.getDistributionUnits().add(8L);
        form.getDistributionGroups().add(3L);
        form.setDistributionLines("Lưu Ban Tuyên giáo Quận ủy\nNhư trên\nBan Thường vụ Quận ủy");

        assertThat(distribution(form))
                .containsExactly(
                        Recipient.text("Như trên"),
                        Recipient.group("Cấp ủy cơ sở đảng", 3L),
                        Recipient.unit("Thường trực Quận ủy", 8L),
                        Recipient.text("Ban Thường vụ Quận ủy"),
                        Recipient.text("Lưu Ban Tuyên giáo Quận ủy"));
    }

    @Test
    void aUnitPickedLaterJoinsBeforeTheArchiveLineAndTheRowsKeepTheirOrder() {
        DispatchForm form = new DispatchForm();
        form.getDistributionUnits().add(8L);
        form.setDistributionRows(
                List.of(row("", "Như trên", 1), row("u8", "Thường trực Quận ủy", 2), row("", "Lưu Ban Tuyên giáo", 3)));
        form.getDistributionUnits().add(7L);

        assertThat(distribution(form))
                .extracting(Recipient::printedText)
                .containsExactly("Như trên", "Thường trực Quận ủy", "Đội ngũ báo cáo viên", "Lưu Ban Tuyên giáo");
    }

    @Test
    void theClerksPositionsAndPrintedTextWinAndTheUnitIsStillDelivered() {
        DispatchForm form = new DispatchForm();
        form.getDistributionUnits().add(7L);
        form.setDistributionRows(List.of(
                row("", "Như trên", 2),
                row("u7", "Các đồng chí báo cáo viên cấp quận", 1),
                row("", "Lưu Ban Tuyên giáo", 3)));

        assertThat(distribution(form))
                .containsExactly(
                        Recipient.unit("Các đồng chí báo cáo viên cấp quận", 7L),
                        Recipient.text("Như trên"),
                        Recipient.text("Lưu Ban Tuyên giáo"));
    }

    @Test
    void anUntickedUnitAndAnEmptiedLineLeaveTheList() {
        DispatchForm form = new DispatchForm();
        form.setDistributionRows(
                List.of(row("", "Như trên", 1), row("u7", "Đội ngũ báo cáo viên", 2), row("", " ", 3)));

        assertThat(distribution(form)).containsExactly(Recipient.text("Như trên"));
    }

    @Test
    void upAndDownMoveOneRowAndRenumberTheList() {
        DispatchForm form = DispatchForm.blank();
        form.getDistributionUnits().add(7L);
        form.arrange(GROUPS, UNITS);

        form.move(1, -1);

        assertThat(form.getDistributionRows())
                .extracting(DispatchForm.DistributionRow::getText, DispatchForm.DistributionRow::getPosition)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Đội ngũ báo cáo viên", 1),
                        org.assertj.core.groups.Tuple.tuple("Như trên", 2));
        form.move(1, 1);
        assertThat(form.getDistributionRows())
                .extracting(DispatchForm.DistributionRow::getText)
                .containsExactly("Đội ngũ báo cáo viên", "Như trên");
    }

    private static List<Recipient> distribution(DispatchForm form) {
        form.setSubject("Về việc thử");
        form.setBody("Nội dung.");
        return form.toDraft(1L, GROUPS, UNITS).distribution();
    }

    private static DispatchForm.DistributionRow row(String target, String text, int position) {
        DispatchForm.DistributionRow row = new DispatchForm.DistributionRow();
        row.setTarget(target);
        row.setText(text);
        row.setPosition(position);
        return row;
    }

    private static UnitSummary unit(Long id, String name, String shortName) {
        return new UnitSummary(
                id, null, UnitKind.REPORTER_TEAM, "U" + id, name, shortName, null, "Quận 1", null, null, null);
    }
}
