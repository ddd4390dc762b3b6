package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The choice of a scan's pages from what the pages read show, with made-up page texts instead of OCR. */
class ScanPagesTests {

    private static final String HEADER = """
            BAN CHẤP HÀNH ĐOÀN TỈNH        ĐOÀN TNCS HỒ CHÍ MINH
            Số: 12-TB/ĐTN        Hà Nội, ngày 3 tháng 4 năm 2025
            THÔNG BÁO
            về việc tổ chức hội thi
            """;

    private static final String BODY = """
            Các cơ sở Đoàn gửi danh sách về Văn phòng trước ngày 20/4/2025.
            Nơi nhận hồ sơ: Văn phòng Tỉnh đoàn, số 5 đường Trần Phú.
            Kinh phí do các đơn vị tự bảo đảm.
            Mọi vướng mắc liên hệ đồng chí phụ trách.
            """;

    private static final String FOOT = """
            Các đơn vị thực hiện nghiêm túc./.
            Nơi nhận:        TM. BAN THƯỜNG VỤ
            - Như trên;        PHÓ BÍ THƯ
            - Lưu VP.
            Nguyễn Văn An
            """;

    private static final String ANNEX = """
            PHỤ LỤC
            Danh sách các đơn vị
            1. Đoàn trường A
            2. Đoàn trường B
            """;

    /** Reads a file of made-up pages as TesseractOcr does, and tells which pages were read, in order. */
    private static List<Integer> walk(ScanPages scan, Map<Integer, String> file) {
        List<Integer> read = new ArrayList<>();
        for (int index = scan.next(); index >= 0; index = scan.next()) {
            read.add(index);
            scan.read(index, file.getOrDefault(index, BODY));
        }
        return read;
    }

    @Test
    void theFootBeforeAnAnnexIsLookedForPastTheFirstPagesAndThePagesAfterItAreLeftOut() {
        // Six pages: the notice on pages 1 to 3, its foot on page 3, an annex on pages 4 to 6.
        Map<Integer, String> file = Map.of(0, HEADER, 1, BODY, 2, FOOT, 3, ANNEX, 4, ANNEX, 5, ANNEX);
        ScanPages scan = new ScanPages(6, 3);

        assertThat(walk(scan, file)).containsExactly(0, 1, 5, 4, 2);
        assertThat(scan.kept()).containsExactly(0, 1, 2);
        assertThat(scan.text()).contains("TM. BAN THƯỜNG VỤ").doesNotContain("PHỤ LỤC");
    }

    @Test
    void theFootInTheMiddleOfTheWalkIsFoundWithinItsBound() {
        // Six pages: the rules on pages 1 to 4, their foot on page 4, a reading list on pages 5 and 6.
        Map<Integer, String> file = Map.of(0, HEADER, 3, FOOT, 4, ANNEX, 5, ANNEX);
        ScanPages scan = new ScanPages(6, 3);

        assertThat(walk(scan, file)).containsExactly(0, 1, 5, 4, 2, 3);
        assertThat(scan.kept()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void theFootJustBeforeAShortAnnexIsFoundGoingBackFromTheLastPage() {
        // Six pages: the plan on pages 1 to 5, its foot on page 5, a one-page annex (a form) on page 6.
        Map<Integer, String> file = Map.of(0, HEADER, 4, FOOT, 5, ANNEX);
        ScanPages scan = new ScanPages(6, 3);

        assertThat(walk(scan, file)).containsExactly(0, 1, 5, 4);
        assertThat(scan.kept()).containsExactly(0, 1, 4);
        assertThat(scan.text()).contains("TM. BAN THƯỜNG VỤ").doesNotContain("PHỤ LỤC");
    }

    @Test
    void aFootOnTheFirstPageEndsTheDocumentAndTheLetterItForwardsIsNotRead() {
        String forwarded = HEADER.replace("THÔNG BÁO", "CÔNG VĂN") + FOOT.replace("TM. BAN THƯỜNG VỤ", "GIÁM ĐỐC");
        Map<Integer, String> file = Map.of(0, HEADER + FOOT, 1, forwarded, 2, forwarded);
        ScanPages scan = new ScanPages(3, 3);

        assertThat(walk(scan, file)).containsExactly(0);
        assertThat(scan.text()).contains("TM. BAN THƯỜNG VỤ").doesNotContain("GIÁM ĐỐC");
    }

    @Test
    void aFootOnTheLastPageIsReadAsBeforeAndTheWalkIsBounded() {
        assertThat(walk(new ScanPages(12, 3), Map.of(0, HEADER, 11, FOOT))).containsExactly(0, 1, 11);
        // No foot anywhere: the first pages, the last, then at most three more, back from the last and on from the
        // first ones in turn.
        ScanPages none = new ScanPages(12, 3);
        assertThat(walk(none, Map.of(0, HEADER))).containsExactly(0, 1, 11, 10, 2, 9);
        assertThat(none.kept()).containsExactly(0, 1, 2, 9, 10, 11);
        assertThat(walk(new ScanPages(2, 3), Map.of(0, HEADER))).containsExactly(0, 1);
        assertThat(walk(new ScanPages(5, 1), Map.of(0, HEADER))).containsExactly(0);
        assertThat(walk(new ScanPages(0, 3), Map.of())).isEmpty();
    }

    @Test
    void aFootIsANoiNhanOrACompetenceInCapitalsThatTheFootsLinesFollowOnItsPage() {
        assertThat(ScanPages.holdsFoot(FOOT)).isTrue();
        assertThat(ScanPages.holdsFoot("Noi nhan:\n- Như trên;\n- Lưu VT.\n")).isTrue();
        assertThat(ScanPages.holdsFoot("Nội dung\n        KT. GIÁM ĐỐC\n        PHÓ GIÁM ĐỐC\nTrần Văn B\n"))
                .isTrue();
        // "Nơi nhận hồ sơ" in a notice's body, a competence in a sentence, a foot at the page's very end.
        assertThat(ScanPages.holdsFoot(BODY)).isFalse();
        assertThat(ScanPages.holdsFoot(HEADER + "TM. Ban Thường vụ đã họp và thống nhất\nnội dung\nsau đây\n"))
                .isFalse();
        assertThat(ScanPages.holdsFoot(BODY + "Nơi nhận:        TM. BAN THƯỜNG VỤ\n- Như trên;\n"))
                .isFalse();
        // Initials a header opens with are no competence: "TLĐLĐ" (the unions' confederation), "KTNN", "TMCP".
        for (String parent : List.of("TLĐLĐ VIỆT NAM", "KTNN KHU VỰC IV", "TMCP CÔNG THƯƠNG")) {
            assertThat(ScanPages.holdsFoot(parent + "\nCÔNG ĐOÀN CƠ SỞ\nSố: 12/CV-CĐ\nV/v tổ chức\n"))
                    .as(parent)
                    .isFalse();
        }
    }

    @Test
    void aFootThatRunsOntoTheNextPageKeepsThatPage() {
        // The page ends with the signer's title, the name overleaf (and the list's end beside it), an annex after.
        String title = """
                Các đơn vị thực hiện nghiêm túc./.
                Nơi nhận:
                - BTCTW, UBKTTW (để b/c);
                - Thường trực TW Hội;
                TM. BAN CHẤP HÀNH
                CHỦ TỊCH
                - 3 -
                """;
        String overleaf = "- Các đ/c Ủy viên BCHTW Hội;\n- Lưu VT.\nBế Xuân Trường\n";
        ScanPages scan = new ScanPages(5, 3);
        assertThat(walk(scan, Map.of(0, HEADER, 1, title, 2, overleaf, 3, ANNEX, 4, ANNEX)))
                .containsExactly(0, 1, 2);
        assertThat(scan.kept()).containsExactly(0, 1, 2);
        assertThat(scan.text()).contains("Bế Xuân Trường").doesNotContain("PHỤ LỤC");

        // Found going back from the last page, the page overleaf is read after it
        ScanPages back = new ScanPages(6, 3);
        assertThat(walk(back, Map.of(0, HEADER, 1, BODY, 2, BODY, 3, BODY, 4, title, 5, overleaf)))
                .containsExactly(0, 1, 5, 4);
        assertThat(back.kept()).containsExactly(0, 1, 4, 5);
    }

    @Test
    void aPageEndingWithTheNameOrTheListsLastItemEndsTheFoot() {
        assertThat(ScanPages.runsOn(FOOT)).isFalse();
        assertThat(ScanPages.runsOn("Nơi nhận:        CHỦ TỊCH\n- Như trên;\n- Lưu VT.        Nguyễn Văn An"))
                .isFalse();
        // The title in the right column at the page's end: the name is overleaf
        assertThat(ScanPages.runsOn("Nơi nhận:\n- Như trên;\n- Lưu VT.        CHỦ TỊCH"))
                .isTrue();
        assertThat(ScanPages.runsOn("Nơi nhận:\n- Như trên;\n- Các sở, ngành;")).isTrue();
        assertThat(ScanPages.runsOn("Nơi nhận:\n- Như trên;\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrang 2/3"))
                .isTrue();
        // A heading in capitals that is no title
        assertThat(ScanPages.runsOn("Nơi nhận:\n- Như trên;\nDANH SÁCH KÈM THEO"))
                .isFalse();
    }
}
