package vn.congvan.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** One clock for the whole application, so that tests can fix time where they need to. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
