package vn.congvan.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.TestUsers;
import vn.congvan.organization.OrganizationDirectory;

@CongvanIntegrationTest
class DemoDataIntegrationTests {

    @Autowired
    DemoData demo;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    DemoAccounts demoAccounts;

    @Test
    void loadingAgainDuplicatesNothing() throws Exception {
        demo.load();
        Map<String, Integer> before = counts();

        DemoData.Samples samples = demo.load();

        assertThat(counts()).isEqualTo(before);
        assertThat(samples.district().notation()).isEqualTo("65-CV/BTGQU");
        assertThat(samples.city().notation()).isEqualTo("3080-CV/BTGTU");
        // Of the demo's issuer: other tests may number a 65-CV/BTGQU of their own issuing boards.
        assertThat(jdbc.queryForObject("""
                        select count(*) from dispatch where number = 65 and symbol = 'CV/BTGQU'
                          and issuer_unit_id = (select issuer_unit_id from dispatch where id = ?)
                        """, Integer.class, samples.district().id()))
                .isOne();
    }

    @Test
    void theSampleForwardsTheCityDispatchAndReachesEveryWardThroughItsGroup() throws Exception {
        DemoData.Samples samples = demo.load();

        assertThat(jdbc.queryForObject(
                        "select forwards_id from dispatch where id = ?",
                        Long.class,
                        samples.district().id()))
                .isEqualTo(samples.city().id());
        assertThat(jdbc.queryForObject("""
                select count(*) from dispatch_recipient_line l
                join unit_group_member m on m.group_id = l.group_id
                join unit u on u.id = m.unit_id
                where l.dispatch_id = ? and l.role = 'ADDRESSEE' and u.kind = 'GRASSROOTS_PARTY_COMMITTEE'
                """, Integer.class, samples.district().id()))
                .isEqualTo(10);
        assertThat(jdbc.queryForList(
                        "select printed_text from dispatch_recipient_line where dispatch_id = ? "
                                + "and role = 'DISTRIBUTION' order by position",
                        String.class,
                        samples.district().id()))
                .containsExactly("Như trên", "Thường trực Quận ủy", "Lưu Ban Tuyên giáo Quận ủy");
    }

    @Test
    void unitsFormATreeDeeperThanTwoLevels() {
        List<String> path = jdbc.queryForList("""
                with recursive up(id, parent_id, code, depth) as (
                    select id, parent_id, code, 0 from unit where code = 'QU-Q1.DU-BENNGHE'
                    union all
                    select u.id, u.parent_id, u.code, up.depth + 1 from unit u join up on u.id = up.parent_id
                )
                select code from up order by depth
                """, String.class);

        assertThat(path).containsExactly("QU-Q1.DU-BENNGHE", "QU-Q1", "TU-HCM");
    }

    @Test
    void theDistrictAndEverythingUnderItEndOnTheLastDayOfJune2025() {
        demo.load();

        // valid_to is the first day a unit no longer exists: 1 July 2025 for units whose last day was 30 June.
        assertThat(jdbc.queryForList(
                        "select distinct valid_to from unit where code = 'QU-Q1' or code like 'QU-Q1.%'",
                        LocalDate.class))
                .containsExactly(LocalDate.of(2025, 7, 1));
        assertThat(jdbc.queryForList("""
                select code || ' ' || valid_from from unit
                where code like 'TU-HCM.DU-%' and valid_to is null order by code""", String.class))
                .containsExactly(
                        "TU-HCM.DU-BENTHANH 2025-07-01",
                        "TU-HCM.DU-CAUONGLANH 2025-07-01",
                        "TU-HCM.DU-SAIGON 2025-07-01",
                        "TU-HCM.DU-TANDINH 2025-07-01");
        assertThat(jdbc.queryForList(
                        "select t.name || ' ' || t.starts_on || ' ' || coalesce(cast(t.ends_on as text), '-') from party_term t "
                                + "join unit u on u.id = t.unit_id where u.code in ('TU-HCM', 'QU-Q1', "
                                + "'TU-HCM.DU-SAIGON') order by u.code, t.starts_on",
                        String.class))
                .containsExactly(
                        "2020-2025 2020-10-01 2025-06-30",
                        "2020-2025 2020-10-19 2025-10-15",
                        "2025-2030 2025-10-16 -",
                        "2025-2030 2025-07-01 -");
    }

    /** Nghị quyết 1685/NQ-UBTVQH15: a ward divided between two new wards has both as successors. */
    @Test
    void theOldWardsAreSucceededByTheMergedWardsAsTheResolutionArrangedThem() {
        demo.load();

        assertThat(jdbc.queryForList("""
                select p.code || ' > ' || s.code from unit_succession x
                join unit p on p.id = x.predecessor_id join unit s on s.id = x.successor_id
                where p.code like 'QU-Q1.DU-%' order by p.code, s.code""", String.class))
                .containsExactly(
                        "QU-Q1.DU-BENNGHE > TU-HCM.DU-SAIGON",
                        "QU-Q1.DU-BENTHANH > TU-HCM.DU-BENTHANH",
                        "QU-Q1.DU-CAUKHO > TU-HCM.DU-CAUONGLANH",
                        "QU-Q1.DU-CAUONGLANH > TU-HCM.DU-BENTHANH",
                        "QU-Q1.DU-CAUONGLANH > TU-HCM.DU-CAUONGLANH",
                        "QU-Q1.DU-COGIANG > TU-HCM.DU-CAUONGLANH",
                        "QU-Q1.DU-DAKAO > TU-HCM.DU-SAIGON",
                        "QU-Q1.DU-DAKAO > TU-HCM.DU-TANDINH",
                        "QU-Q1.DU-NGUYENCUTRINH > TU-HCM.DU-CAUONGLANH",
                        "QU-Q1.DU-NGUYENTHAIBINH > TU-HCM.DU-BENTHANH",
                        "QU-Q1.DU-NGUYENTHAIBINH > TU-HCM.DU-SAIGON",
                        "QU-Q1.DU-PHAMNGULAO > TU-HCM.DU-BENTHANH",
                        "QU-Q1.DU-TANDINH > TU-HCM.DU-TANDINH");
        assertThat(jdbc.queryForList("""
                select p.code || ' > ' || s.code || ' ' || p.valid_to || ' ' || s.symbol_code from unit_succession x
                join unit p on p.id = x.predecessor_id join unit s on s.id = x.successor_id
                where s.code = 'TU-HCM.BTGDV' order by p.code""", String.class))
                .containsExactly(
                        "TU-HCM.BDV > TU-HCM.BTGDV 2025-02-03 BTGDVTU", "TU-HCM.BTG > TU-HCM.BTGDV 2025-02-03 BTGDVTU");
    }

    @Test
    void theMergedCityBoardSendsStraightToTheMergedWardsWhileTheDocumentsOf2023KeepTheirIssuer() {
        DemoData.Samples samples = demo.load();

        assertThat(samples.toTheWards().notation()).isEqualTo("215-CV/BTGDVTU");
        assertThat(jdbc.queryForList("""
                select u.code from dispatch_recipient_units r cross join unnest(r.unit_ids) as sent (unit_id)
                join unit u on u.id = sent.unit_id where r.dispatch_id = ? order by u.code""", String.class, samples.toTheWards().id()))
                .containsExactly("TU-HCM.DU-BENTHANH", "TU-HCM.DU-CAUONGLANH", "TU-HCM.DU-SAIGON", "TU-HCM.DU-TANDINH");
        assertThat(jdbc.queryForObject(
                        "select issued_on from dispatch where id = ?",
                        LocalDate.class,
                        samples.toTheWards().id()))
                .isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(jdbc.queryForObject(
                        "select numbering_series from dispatch where id = ?",
                        String.class,
                        samples.toTheWards().id()))
                .isEqualTo("NK 2020-2025");
    }

    /**
     * A member of the merged Sài Gòn ward receives what Bến Nghé, Đa Kao and Nguyễn Thái Bình were sent, files
     * included; a member of Tân Định, merged from other wards, does not see the dispatch sent to Bến Nghé alone.
     */
    @Test
    void theMergedWardSeesWhatItsPredecessorsReceivedAndAnUnrelatedWardDoesNot() throws Exception {
        DemoData.Samples samples = demo.load();
        demoAccounts.load();
        UserDetails saigon = accounts.loadUserByUsername("saigon");
        Long briefing = jdbc.queryForObject(
                "select id from attachment where dispatch_id = ?",
                Long.class,
                samples.district().id());
        Long note = jdbc.queryForObject(
                "select id from attachment where dispatch_id = ?",
                Long.class,
                samples.restricted().id());

        assertThat(status("/hop-thu/" + samples.district().id(), saigon)).isEqualTo(200);
        assertThat(status("/hop-thu/" + samples.district().id() + "/tep/" + briefing + "/tai-ve", saigon))
                .isEqualTo(200);
        assertThat(status("/hop-thu/" + samples.restricted().id() + "/tep/" + note + "/tai-ve", saigon))
                .isEqualTo(200);
        assertThat(mvc.perform(get("/hop-thu").with(user(saigon)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("65-CV/BTGQU", "66-CV/BTGQU");

        UserDetails tanDinh = new TestUsers(organization).member("TU-HCM.DU-TANDINH");
        assertThat(status("/hop-thu/" + samples.district().id(), tanDinh)).isEqualTo(200);
        assertThat(status("/hop-thu/" + samples.restricted().id(), tanDinh)).isEqualTo(404);
        assertThat(status("/hop-thu/" + samples.restricted().id() + "/tep/" + note + "/tai-ve", tanDinh))
                .isEqualTo(404);
        assertThat(mvc.perform(get("/hop-thu").with(user(tanDinh)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("65-CV/BTGQU")
                .doesNotContain("66-CV/BTGQU");
    }

    /** Documents registered as issued in 2023 reached their recipients in 2023, not on the day they were loaded. */
    @Test
    void theLedgerLinesOfThe2023DocumentsAreDatedOnTheirDayOfIssue() throws Exception {
        DemoData.Samples samples = demo.load();
        demoAccounts.load();
        // Opening the dispatch writes the member's units' lines if the publication's are not written yet.
        assertThat(status("/hop-thu/" + samples.district().id(), accounts.loadUserByUsername("saigon")))
                .isEqualTo(200);

        for (var sample : List.of(samples.city(), samples.district(), samples.restricted())) {
            List<String> days = jdbc.queryForList("""
                    select distinct cast(cast(l.delivered_at at time zone 'Asia/Ho_Chi_Minh' as date) as text)
                        || ' ' || d.issued_on
                    from delivery l join dispatch d on d.id = l.dispatch_id where d.id = ?""", String.class, sample.id());
            assertThat(days).as(sample.notation()).hasSize(1);
            String[] deliveredAndIssued = days.get(0).split(" ");
            assertThat(deliveredAndIssued[0])
                    .as(sample.notation())
                    .isEqualTo(deliveredAndIssued[1])
                    .startsWith("2023-");
        }
    }

    /** 66-CV/BTGQU asks Bến Nghé for a report by 31/8/2023, and that deadline is the dispatch's, in its register too. */
    @Test
    void theRestrictedSampleAsksForAReportBy31August2023() {
        DemoData.Samples samples = demo.load();
        assertThat(jdbc.queryForObject(
                        "select report_due_on from dispatch where id = ?",
                        LocalDate.class,
                        samples.restricted().id()))
                .isEqualTo(LocalDate.of(2023, 8, 31));
    }

    private int status(String path, UserDetails who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andReturn().getResponse().getStatus();
    }

    private Map<String, Integer> counts() {
        return Map.of(
                "unit",
                count("unit"),
                "unit_group",
                count("unit_group"),
                "unit_group_member",
                count("unit_group_member"),
                "dispatch",
                count("dispatch"),
                "dispatch_recipient_line",
                count("dispatch_recipient_line"),
                "attachment",
                count("attachment"));
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
