package vn.congvan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.congvan.CongvanIntegrationTest;

@CongvanIntegrationTest
class DemoAccountsIntegrationTests {

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void demoAccountsExistOnceWithTheirRolesAndUnits() {
        demo.load();
        Integer before = jdbc.queryForObject("select count(*) from account", Integer.class);

        demo.load();

        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class))
                .isEqualTo(before);
        assertThat(jdbc.queryForList("""
                select a.username || ':' || r.role || ':' || coalesce(u.code, '-') from account a
                join account_role r on r.account_id = a.id left join unit u on u.id = a.unit_id
                where a.username in ('admin', 'vanthu', 'bennghe', 'dakao') order by a.username""", String.class))
                .containsExactly(
                        "admin:ADMIN:QU-Q1.BTG",
                        "bennghe:MEMBER:QU-Q1.DU-BENNGHE",
                        "dakao:MEMBER:QU-Q1.DU-DAKAO",
                        "vanthu:CLERK:QU-Q1.BTG");
    }

    @Test
    void theDatabaseRefusesANonAdministratorWithoutAUnit() {
        org.assertj.core.api.Assertions.assertThatExceptionOfType(org.springframework.dao.DataAccessException.class)
                .isThrownBy(() -> jdbc.execute("""
                do $$
                declare new_id bigint;
                begin
                    insert into account (username, password_hash, display_name, created_at, updated_at)
                    values ('khong-don-vi-db', '{noop}x', 'x', now(), now()) returning id into new_id;
                    insert into account_role (account_id, role) values (new_id, 'MEMBER');
                    set constraints all immediate;
                end $$"""));
        assertThat(jdbc.queryForObject(
                        "select count(*) from account where username = 'khong-don-vi-db'", Integer.class))
                .isZero();
    }
}
