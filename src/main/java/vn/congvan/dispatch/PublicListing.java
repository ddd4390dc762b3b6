package vn.congvan.dispatch;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One page of the public list, newest first, and where the pages beside it start (ADR 0022). Positions are keys
 * ("2026-03-01.1234": issue date and id of a row), not page numbers, so that page 2,000 costs what page 1 costs; no
 * total is counted.
 */
public record PublicListing(List<DispatchSummary> dispatches, Optional<String> newer, Optional<String> older) {

    /** Whether the text is a position as links carry it (or no position at all). */
    public static boolean readable(String position) {
        return position == null || Position.parse(position).isPresent();
    }

    /** The position of a row in the list, as a link carries it. */
    static String position(DispatchSummary dispatch) {
        return dispatch.issuedOn() + "." + dispatch.id();
    }

    /** A position read from a link; empty where it is not one. */
    record Position(LocalDate issuedOn, long id) {

        static Optional<Position> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            int dot = text.indexOf('.');
            try {
                return Optional.of(new Position(
                        LocalDate.parse(text.substring(0, Math.max(dot, 0))), Long.parseLong(text.substring(dot + 1))));
            } catch (RuntimeException ex) {
                return Optional.empty();
            }
        }
    }
}
