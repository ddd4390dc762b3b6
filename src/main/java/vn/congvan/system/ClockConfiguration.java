package vn.congvan.system;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimeZoneProperties.class)
class ClockConfiguration {

    /**
     * The zone every date and time is shown and decided in ({@code congvan.time-zone}, Vietnam's by default), as a
     * plain {@link ZoneId} bean: any module takes it without depending on this one, and the JVM's default zone (UTC
     * on most servers) decides nothing.
     */
    @Bean
    ZoneId timeZone(TimeZoneProperties properties) {
        return properties.timeZone();
    }

    /**
     * One clock for the whole application, so that tests can fix time where they need to. Code takes dates from it
     * through the zone bean ({@code LocalDate.ofInstant(clock.instant(), zone)}), never through the clock's own zone,
     * so a clock fixed in UTC by a test still dates documents in Vietnam.
     */
    @Bean
    Clock clock(ZoneId timeZone) {
        return Clock.system(timeZone);
    }
}
