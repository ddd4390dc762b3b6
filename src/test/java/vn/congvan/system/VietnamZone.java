package vn.congvan.system;

import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The zone bean ({@code congvan.time-zone}) for test slices that do not start the system module. */
@TestConfiguration(proxyBeanMethods = false)
public class VietnamZone {

    @Bean
    ZoneId timeZone() {
        return Times.VIETNAM;
    }
}
