package vn.congvan.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Moments as the portal's readers see them, in the configured zone ({@code congvan.time-zone}, Vietnam's by
 * default) whatever the server's. Templates call it as {@code ${@times.format(instant)}}.
 */
@Component("times")
public class Times {

    /** The default of {@code congvan.time-zone}. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ZoneId zone;

    private final DateTimeFormatter dateTime;

    private final DateTimeFormatter date;

    public Times(ZoneId zone) {
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(zone);
        this.date = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(zone);
    }

    /** "20/07/2023 14:05"; empty for no moment. */
    public String format(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    /** "20/07/2023", the day of the moment in the configured zone; empty for no moment. */
    public String formatDate(Instant instant) {
        return instant == null ? "" : date.format(instant);
    }

    /** The day of the moment in the configured zone. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
