package vn.congvan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;

/**
 * The health check's database on a connection of its own (ADR 0062): with every connection of the application's pool
 * taken — a burst of readers, a stuck job — the readiness group still finds PostgreSQL up. On the application's pool
 * it waited the pool's 30 s and reported the database down.
 */
@CongvanIntegrationTest
class DatabaseHealthIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Test
    void theDatabaseIsUpWhileEveryPooledConnectionIsTaken() throws Exception {
        HikariDataSource pool = (HikariDataSource) dataSource;
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < pool.getMaximumPoolSize()) {
                held.add(pool.getConnection());
            }
            assertThat(pool.getHikariPoolMXBean().getIdleConnections()).isZero();

            mvc.perform(get("/actuator/health/readiness"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }
}
