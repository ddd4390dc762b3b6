package vn.congvan.system;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Moments as the portal's readers see them, in Vietnam's time whatever the server's zone. Templates call it as
 * {@code ${@times.format(instant)}}.
 */
@Component("times")
public class Times {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);

    /** "20/07/2023 14:05"; empty for no moment. */
    public String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
