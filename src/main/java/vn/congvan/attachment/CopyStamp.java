package vn.congvan.attachment;

import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Who a personal copy of a restricted file is issued to (ADR 0043): the unit and account named on every page, the
 * moment in the portal's zone, and a random copy id that the audit log keeps, so that a leaked copy names its source.
 *
 * @param copyId random, unguessable, unique per download
 * @param unitId the member's unit
 * @param unitName the unit's name as printed
 * @param accountId the member's account
 * @param username the member's login name as printed
 * @param issuedAt the moment of the download, in the zone it is printed in
 */
public record CopyStamp(
        String copyId, Long unitId, String unitName, Long accountId, String username, ZonedDateTime issuedAt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    public CopyStamp {
        Objects.requireNonNull(copyId);
        Objects.requireNonNull(username);
        Objects.requireNonNull(issuedAt);
    }

    /** A stamp with a new copy id: 80 random bits, short enough to read out over the phone. */
    public static CopyStamp issue(
            Long unitId, String unitName, Long accountId, String username, ZonedDateTime issuedAt) {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return new CopyStamp(HexFormat.of().formatHex(bytes), unitId, unitName, accountId, username, issuedAt);
    }

    /**
     * The line printed on every page. It is the document's language, not the reader's: a copy says the same to
     * whoever finds it, so the text is Vietnamese whatever the locale of the download.
     */
    String line() {
        String unit = unitName == null || unitName.isBlank() ? "mã đơn vị " + unitId : unitName;
        return "Bản cấp cho: " + unit + " — tài khoản " + username + " — " + PRINTED.format(issuedAt) + " — mã bản "
                + copyId;
    }
}
