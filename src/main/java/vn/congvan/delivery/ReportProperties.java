package vn.congvan.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param remindDaysBefore how many days before a report's deadline the units that have not reported are reminded
 *        automatically, once per dispatch and unit (0: on the day itself)
 */
@ConfigurationProperties("congvan.reports")
record ReportProperties(@DefaultValue("2") int remindDaysBefore) {}
