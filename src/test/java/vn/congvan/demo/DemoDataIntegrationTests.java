package vn.congvan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;

@CongvanIntegrationTest
class DemoDataIntegrationTests {

    @Autowired
    DemoData demo;

    @Autowired
    JdbcTemplate jdbc;

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
