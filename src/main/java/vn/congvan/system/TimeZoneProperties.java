package vn.congvan.system;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the zone of the portal's readers ({@code congvan.time-zone}): documents are dated, numbered by
 *        year and shown in it whatever zone the server runs in
 */
@ConfigurationProperties("congvan")
record TimeZoneProperties(@DefaultValue("Asia/Ho_Chi_Minh") ZoneId timeZone) {}
