package vn.congvan.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param remindDaysBefore how many days before a report's deadline the units that have not reported are reminded
 *        automatically, once per dispatch and unit (0: on the day itself)
 * @param remindAgainAfter how long after any reminder (by hand or automatic) a clerk may remind the same unit of the
 *        same dispatch again: "Nhắc" sends a mail to every member of the unit, so it must not become a flood
 */
@ConfigurationProperties("congvan.reports")
record ReportProperties(
        @DefaultValue("2") int remindDaysBefore,
        @DefaultValue("1h") Duration remindAgainAfter) {

    ReportProperties {
        if (remindAgainAfter == null || remindAgainAfter.isNegative()) {
            remindAgainAfter = Duration.ZERO;
        }
    }
}
