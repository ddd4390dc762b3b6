package vn.congvan.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates as Vietnamese documents print them. */
final class VietnameseDates {

    /** Documents are dated in Vietnam's time, whatever zone the server runs in. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnameseDates() {}

    /** The year an instant falls in, in Vietnam. */
    static Integer yearOf(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).getYear();
    }

    /**
     * "ngày 12 tháng 7 năm 2023". Days below 10 and the months January and February take a leading zero (HD 36,
     * NĐ 30), so that a date cannot be altered by adding a digit.
     */
    public static String longForm(LocalDate date) {
        String day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : String.valueOf(date.getDayOfMonth());
        String month = date.getMonthValue() <= 2 ? "0" + date.getMonthValue() : String.valueOf(date.getMonthValue());
        return "ngày " + day + " tháng " + month + " năm " + date.getYear();
    }

    /** "31/8/2023", the short form of a date in running text; null for no date. */
    public static String shortForm(LocalDate date) {
        return date == null ? null : date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear();
    }
}
